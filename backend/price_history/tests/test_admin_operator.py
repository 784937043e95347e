"""The operator's admin actions on scrape jobs and trackers, through the changelist's
action endpoint as a browser posts it."""

import threading

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from price_history import services
from price_history.factories import TrackerFactory
from price_history.models import JobKind, JobStatus, RunStatus, ScrapeJob, ScrapeRun
from price_history.services import runs as runs_service
from price_history.services.operator import CANCELLED_MESSAGE
from users.factories import UserFactory

pytestmark = pytest.mark.django_db

JOBS = "admin:price_history_scrapejob_changelist"
TRACKERS = "admin:price_history_tracker_changelist"


@pytest.fixture
def admin_client() -> Client:
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def _act(client: Client, url: str, action: str, pks: list[int]) -> str:
    response = client.post(reverse(url), {"action": action, "_selected_action": pks}, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def _job_with(statuses: list[str]) -> ScrapeJob:
    """A job whose runs ended (or not) in these statuses, in order."""
    trackers = [TrackerFactory() for _ in statuses]
    job = services.scrape_job_create(kind=JobKind.SCHEDULED, trackers=trackers, publish=False)
    for run, status in zip(job.runs.order_by("id"), statuses, strict=True):
        if status == RunStatus.FAILED:
            runs_service._run_finish(run_id=run.pk, kind="timeout", message="Too slow.")
        elif status != RunStatus.QUEUED:
            ScrapeRun.objects.filter(pk=run.pk).update(status=status)
    return job


def test_retry_failed_runs_queues_their_trackers_in_a_new_job(
    admin_client, published, django_capture_on_commit_callbacks
):
    job = _job_with([RunStatus.FAILED, RunStatus.FAILED, RunStatus.SUCCEEDED])
    failed_trackers = sorted(
        job.runs.filter(status=RunStatus.FAILED).values_list("tracker_id", flat=True)
    )

    with django_capture_on_commit_callbacks(execute=True):
        page = _act(admin_client, JOBS, "retry_failed_runs", [job.pk])

    retry = ScrapeJob.objects.exclude(pk=job.pk).get()
    assert f"2 runs queued again, 1 skipped: not failed (new job {retry.pk})." in page
    assert retry.kind == JobKind.MANUAL
    assert sorted(retry.runs.values_list("tracker_id", flat=True)) == failed_trackers
    assert sorted(published) == sorted(retry.runs.values_list("pk", flat=True))
    # The failed runs stay the record of what happened.
    assert job.runs.filter(status=RunStatus.FAILED).count() == 2


def test_retry_leaves_paused_trackers_out_and_says_so(admin_client, published):
    job = _job_with([RunStatus.FAILED])
    tracker = job.runs.get().tracker
    services.tracker_pause(tracker=tracker)

    page = _act(admin_client, JOBS, "retry_failed_runs", [job.pk])

    assert "0 runs queued again, 1 skipped: tracker paused." in page
    assert ScrapeJob.objects.count() == 1


def test_retry_with_a_dead_queue_creates_nothing(admin_client, monkeypatch):
    from price_history import queue

    monkeypatch.setattr(queue, "broker_available", lambda: False)
    job = _job_with([RunStatus.FAILED])

    page = _act(admin_client, JOBS, "retry_failed_runs", [job.pk])

    assert "task queue is unavailable" in page
    assert ScrapeJob.objects.count() == 1


def test_cancel_queued_runs_finishes_them_and_the_job(admin_client):
    job = _job_with([RunStatus.QUEUED, RunStatus.QUEUED, RunStatus.FAILED])

    page = _act(admin_client, JOBS, "cancel_queued_runs", [job.pk])

    assert "2 runs cancelled, 1 skipped: not queued." in page
    statuses = list(job.runs.order_by("id").values_list("status", "error_message"))
    assert statuses[:2] == [(RunStatus.SKIPPED, CANCELLED_MESSAGE)] * 2
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED  # the one run that ran failed, the rest skipped
    assert (job.trackers_skipped, job.trackers_failed) == (2, 1)


def test_a_cancelled_run_delivered_later_does_nothing(admin_client):
    job = _job_with([RunStatus.QUEUED])
    _act(admin_client, JOBS, "cancel_queued_runs", [job.pk])

    run = runs_service.scrape_run_execute(run_id=job.runs.get().pk)

    assert run is not None
    assert (run.status, run.attempts, run.started_at) == (RunStatus.SKIPPED, 0, None)


@pytest.mark.django_db(transaction=True)
def test_cancel_skips_a_run_a_worker_is_starting(admin_client):
    """A worker holds the run's row lock (it is in `_run_start`): the cancel leaves it to
    the worker instead of waiting or overwriting it."""
    job = _job_with([RunStatus.QUEUED, RunStatus.QUEUED])
    starting, other = job.runs.order_by("id")
    locked, release = threading.Event(), threading.Event()

    def worker() -> None:
        try:
            with transaction.atomic():
                ScrapeRun.objects.select_for_update().get(pk=starting.pk)
                locked.set()
                release.wait(10)
                ScrapeRun.objects.filter(pk=starting.pk).update(status=RunStatus.RUNNING)
        finally:
            connection.close()

    thread = threading.Thread(target=worker)
    thread.start()
    assert locked.wait(10)
    try:
        page = _act(admin_client, JOBS, "cancel_queued_runs", [job.pk])
    finally:
        release.set()
        thread.join(10)

    assert "1 run cancelled, 1 skipped: a worker is starting it." in page
    starting.refresh_from_db()
    other.refresh_from_db()
    assert (starting.status, other.status) == (RunStatus.RUNNING, RunStatus.SKIPPED)


def test_pause_action_pauses_active_trackers(admin_client):
    active = TrackerFactory()
    paused = TrackerFactory(is_active=False, paused_reason="Paused by a collector.")

    page = _act(admin_client, TRACKERS, "pause", [active.pk, paused.pk])

    assert "Paused 1 tracker(s), 1 skipped: already paused." in page
    active.refresh_from_db()
    paused.refresh_from_db()
    assert (active.is_active, active.paused_reason) == (False, "Paused by an operator.")
    assert paused.paused_reason == "Paused by a collector."
