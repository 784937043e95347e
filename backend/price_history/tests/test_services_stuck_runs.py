"""Run leases and the stuck-run sweeper (services.runs.scrape_run_requeue_stuck): a run
whose worker died is queued again within minutes, never recording a row twice."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone

from price_history import gateway, queue, services
from price_history.factories import TrackerFactory
from price_history.models import JobKind, JobStatus, PriceHistory, RunStatus, ScrapeRun
from price_history.tests.conftest import close_to

pytestmark = pytest.mark.django_db


def running_run(tracker, *, attempts: int = 1, lease_in: timedelta = -timedelta(seconds=1)):
    """What a worker killed mid-fetch leaves behind: running, started, a lease."""
    job = services.scrape_job_create(kind=JobKind.MANUAL, trackers=[tracker], publish=False)
    run = job.runs.get()
    now = timezone.now()
    ScrapeRun.objects.filter(pk=run.pk).update(
        status=RunStatus.RUNNING,
        attempts=attempts,
        started_at=now - timedelta(minutes=10),
        lease_expires_at=now + lease_in,
    )
    job.status = JobStatus.RUNNING
    job.save()
    run.refresh_from_db()
    return run


def test_a_running_run_holds_a_lease_longer_than_its_deadline_cleared_when_done(
    settings, scraper_settings, pages, item, monkeypatch
):
    tracker = TrackerFactory(collectible=item, url=pages.url("/shop/charizard"))
    job = services.scrape_job_create(kind=JobKind.MANUAL, trackers=[tracker], publish=False)
    run = job.runs.get()
    seen = []
    real_fetch = gateway.fetch

    def spying(target, **_):
        seen.append(ScrapeRun.objects.get(pk=run.pk).lease_expires_at)
        return real_fetch(target)

    monkeypatch.setattr(gateway, "fetch", spying)
    services.scrape_run_execute(run_id=run.pk)

    assert close_to(seen[0], timezone.now() + settings.SCRAPER_RUN_LEASE)
    assert settings.SCRAPER_RUN_LEASE.total_seconds() > settings.SCRAPER_RUN_DEADLINE_SECONDS
    run.refresh_from_db()
    assert (run.status, run.lease_expires_at) == (RunStatus.SUCCEEDED, None)


def test_a_run_past_its_lease_is_queued_again_once_committed(
    item, published, django_capture_on_commit_callbacks
):
    run = running_run(TrackerFactory(collectible=item))

    with django_capture_on_commit_callbacks(execute=True):
        assert services.scrape_run_requeue_stuck() == ([run.pk], [])

    assert published == [run.pk]
    run.refresh_from_db()
    assert (run.status, run.lease_expires_at, run.attempts) == (RunStatus.QUEUED, None, 1)
    # Queued now, no longer running: the next sweep leaves it to its task.
    assert services.scrape_run_requeue_stuck() == ([], [])


def test_a_run_within_its_lease_is_left_alone(item, published):
    running_run(TrackerFactory(collectible=item), lease_in=timedelta(minutes=2))

    assert services.scrape_run_requeue_stuck() == ([], [])
    assert published == []


def test_a_run_from_before_leases_counts_from_its_start(settings, item, published):
    run = running_run(TrackerFactory(collectible=item))
    ScrapeRun.objects.filter(pk=run.pk).update(lease_expires_at=None)
    started = run.started_at

    assert services.scrape_run_requeue_stuck(now=started + timedelta(seconds=30)) == ([], [])
    late = started + settings.SCRAPER_RUN_LEASE + timedelta(seconds=1)
    assert services.scrape_run_requeue_stuck(now=late) == ([run.pk], [])


def test_a_run_started_too_often_is_given_up_as_an_internal_error(settings, item, published):
    tracker = TrackerFactory(collectible=item)
    run = running_run(tracker, attempts=settings.SCRAPER_RUN_MAX_ATTEMPTS)

    assert services.scrape_run_requeue_stuck() == ([], [run.pk])

    run.refresh_from_db()
    tracker.refresh_from_db()
    assert (run.status, run.error_kind, run.lease_expires_at) == (
        RunStatus.FAILED,
        "internal_error",
        None,
    )
    assert "interrupted 3 times" in run.error_message
    assert run.job.status == JobStatus.FAILED
    assert tracker.consecutive_failures == 1
    assert published == []


def test_a_requeued_run_records_its_rows_once_even_if_the_lost_delivery_returns(
    scraper_settings, pages, item, published, django_capture_on_commit_callbacks
):
    run = running_run(TrackerFactory(collectible=item, url=pages.url("/shop/charizard")))
    with django_capture_on_commit_callbacks(execute=True):
        services.scrape_run_requeue_stuck()

    services.scrape_run_execute(run_id=run.pk)  # the re-queued delivery
    services.scrape_run_execute(run_id=run.pk)  # the killed one, back after visibility timeout

    run.refresh_from_db()
    assert (run.status, run.attempts) == (RunStatus.SUCCEEDED, 2)
    assert PriceHistory.objects.filter(run=run).count() == 1
    assert pages.count("/shop/charizard") == 1


def test_a_failed_publish_leaves_the_run_for_the_next_sweep(
    item, monkeypatch, django_capture_on_commit_callbacks
):
    run = running_run(TrackerFactory(collectible=item))

    def refuse(run_ids):
        raise ConnectionError("broker down")

    monkeypatch.setattr(queue, "publish_runs", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        services.scrape_run_requeue_stuck()

    run.refresh_from_db()
    assert run.status == RunStatus.RUNNING
    assert run.lease_expires_at <= timezone.now()
    monkeypatch.setattr(queue, "publish_runs", lambda run_ids: None)
    assert services.scrape_run_requeue_stuck() == ([run.pk], [])


def test_a_retry_countdown_extends_the_lease(settings, item):
    run = running_run(TrackerFactory(collectible=item))

    services.scrape_run_extend_lease(run_id=run.pk, by=timedelta(seconds=40))

    run.refresh_from_db()
    expected = timezone.now() + timedelta(seconds=40) + settings.SCRAPER_RUN_LEASE
    assert close_to(run.lease_expires_at, expected)
    assert services.scrape_run_requeue_stuck() == ([], [])


@pytest.mark.django_db(transaction=True)
def test_a_run_locked_by_a_live_worker_is_skipped(item, published):
    run = running_run(TrackerFactory(collectible=item))
    locked, done = threading.Event(), threading.Event()

    def worker_finishing_it() -> None:
        try:
            with transaction.atomic():
                ScrapeRun.objects.select_for_update().get(pk=run.pk)
                locked.set()
                done.wait(10)
        finally:
            connection.close()

    thread = threading.Thread(target=worker_finishing_it)
    thread.start()
    try:
        assert locked.wait(10)
        assert services.scrape_run_requeue_stuck() == ([], [])
    finally:
        done.set()
        thread.join()
    assert services.scrape_run_requeue_stuck() == ([run.pk], [])
