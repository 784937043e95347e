from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from inventory.factories import CollectibleFactory
from price_history import queue, services
from price_history.factories import TrackerFactory
from price_history.models import (
    JobKind,
    JobStatus,
    ScrapeJob,
    Tracker,
)

pytestmark = pytest.mark.django_db


class TestClaimDue:
    def test_claims_due_active_trackers_and_moves_them_forward(self, item, settings):
        now = timezone.now()
        due = TrackerFactory(collectible=item, next_run_at=now - timedelta(minutes=1))
        TrackerFactory(collectible=item, next_run_at=now + timedelta(hours=1))
        TrackerFactory(collectible=item, next_run_at=now - timedelta(hours=1), is_active=False)

        job = services.scrape_job_create_due(now=now, publish=False)

        assert job is not None
        assert job.kind == JobKind.SCHEDULED
        assert [run.tracker_id for run in job.runs.all()] == [due.pk]
        due.refresh_from_db()
        assert due.next_run_at == now + settings.SCRAPER_CLAIM_LEASE
        assert services.scrape_job_create_due(now=now, publish=False) is None

    def test_claims_at_most_the_batch_oldest_first(self, item):
        now = timezone.now()
        trackers = [
            TrackerFactory(collectible=item, next_run_at=now - timedelta(minutes=m))
            for m in (1, 3, 2)
        ]

        job = services.scrape_job_create_due(now=now, limit=2, publish=False)

        assert {run.tracker_id for run in job.runs.all()} == {trackers[1].pk, trackers[2].pk}

    def test_a_tick_claims_every_due_tracker_a_batch_at_a_time(self, item, settings):
        settings.SCRAPER_DUE_BATCH = 2
        now = timezone.now()
        due = [
            TrackerFactory(collectible=item, next_run_at=now - timedelta(minutes=m))
            for m in range(1, 6)
        ]
        later = TrackerFactory(collectible=item, next_run_at=now + timedelta(minutes=1))

        jobs = services.scrape_jobs_create_due(now=now, publish=False)

        assert [job.trackers_total for job in jobs] == [2, 2, 1]
        claimed = [run.tracker_id for job in jobs for run in job.runs.all()]
        assert sorted(claimed) == sorted(t.pk for t in due)  # each once, the later one not
        assert later.pk not in claimed
        assert services.scrape_jobs_create_due(now=now, publish=False) == []

    def test_a_ticks_jobs_take_every_host_in_turn(self, item, settings):
        settings.SCRAPER_DUE_BATCH = 2
        now = timezone.now()
        for host in ("a", "a", "b", "b"):  # oldest first: both of a's, then b's
            TrackerFactory(
                collectible=item,
                url=f"https://{host}.example/item",
                next_run_at=now - timedelta(minutes=1),
            )

        jobs = services.scrape_jobs_create_due(now=now, publish=False)

        hosts = [[run.tracker.url[8] for run in job.runs.order_by("pk")] for job in jobs]
        assert hosts == [["a", "b"], ["a", "b"]]

    def test_a_tick_publishes_every_job_at_once_and_a_refusing_broker_fails_them_all(
        self, item, settings, monkeypatch, django_capture_on_commit_callbacks
    ):
        settings.SCRAPER_DUE_BATCH = 1
        for m in (1, 2):
            TrackerFactory(collectible=item, next_run_at=timezone.now() - timedelta(minutes=m))
        sent: list[list[int]] = []
        monkeypatch.setattr(queue, "publish_runs", lambda ids, **kw: sent.append(list(ids)))

        with django_capture_on_commit_callbacks(execute=True):
            jobs = services.scrape_jobs_create_due()
        assert len(jobs) == 2
        assert sent == [[job.runs.get().pk for job in jobs]]

        def refuse(ids, **kw):
            raise ConnectionError("broker down")

        monkeypatch.setattr(queue, "publish_runs", refuse)
        Tracker.objects.update(next_run_at=timezone.now() - timedelta(minutes=1))
        ScrapeJob.objects.all().delete()
        with (
            pytest.raises(queue.QueueUnavailableError),
            django_capture_on_commit_callbacks(execute=True),
        ):
            services.scrape_jobs_create_due()
        assert ScrapeJob.objects.count() == 2
        assert set(ScrapeJob.objects.values_list("status", flat=True)) == {JobStatus.FAILED}

    def test_a_tick_claims_no_more_than_its_cap(self, item, settings):
        settings.SCRAPER_DUE_BATCH, settings.SCRAPER_DUE_PER_TICK = 2, 3
        now = timezone.now()
        for m in range(1, 6):
            TrackerFactory(collectible=item, next_run_at=now - timedelta(minutes=m))

        jobs = services.scrape_jobs_create_due(now=now, publish=False)

        assert [job.trackers_total for job in jobs] == [2, 1]
        assert (
            sum(
                job.trackers_total
                for job in services.scrape_jobs_create_due(now=now, publish=False)
            )
            == 2
        )

    def test_publishes_one_task_per_run_on_commit(
        self, item, published, django_capture_on_commit_callbacks
    ):
        TrackerFactory(collectible=item, next_run_at=timezone.now() - timedelta(minutes=1))

        with django_capture_on_commit_callbacks(execute=True):
            job = services.scrape_job_create_due()

        assert published == [job.runs.get().pk]


@pytest.mark.django_db(transaction=True)
def test_rows_locked_by_another_claimer_are_skipped_not_claimed_twice():
    import threading

    from django.db import connections, transaction

    now = timezone.now()
    item = CollectibleFactory()
    locked = TrackerFactory(collectible=item, next_run_at=now - timedelta(minutes=2))
    free = TrackerFactory(collectible=item, next_run_at=now - timedelta(minutes=1))
    holding, release = threading.Event(), threading.Event()

    def other_claimer() -> None:
        try:
            with transaction.atomic():
                list(Tracker.objects.select_for_update().filter(pk=locked.pk))
                holding.set()
                release.wait(10)
        finally:
            connections.close_all()

    thread = threading.Thread(target=other_claimer)
    thread.start()
    try:
        assert holding.wait(10)
        job = services.scrape_job_create_due(now=now, publish=False)
    finally:
        release.set()
        thread.join()

    assert [run.tracker_id for run in job.runs.all()] == [free.pk]


class TestRefreshRequest:
    def test_creates_a_manual_job_for_the_active_trackers(
        self, item, owner, published, django_capture_on_commit_callbacks
    ):
        active = TrackerFactory(collectible=item)
        TrackerFactory(collectible=item, is_active=False)

        with django_capture_on_commit_callbacks(execute=True):
            job = services.scrape_job_request_refresh(collectible=item, requested_by=owner)

        assert (job.kind, job.status, job.trackers_total, job.requested_by) == (
            JobKind.MANUAL,
            JobStatus.QUEUED,
            1,
            owner,
        )
        assert [run.tracker_id for run in job.runs.all()] == [active.pk]
        assert published == [job.runs.get().pk]

    def test_a_pending_refresh_is_reused(self, item, owner, published):
        TrackerFactory(collectible=item)
        first = services.scrape_job_request_refresh(collectible=item, requested_by=owner)

        again = services.scrape_job_request_refresh(collectible=item, requested_by=owner)

        assert again == first
        assert ScrapeJob.objects.count() == 1

    def test_needs_an_active_tracker(self, item, owner):
        with pytest.raises(ValidationError, match="no active tracker"):
            services.scrape_job_request_refresh(collectible=item, requested_by=owner)

    def test_a_dead_broker_creates_nothing(self, item, owner, monkeypatch):
        TrackerFactory(collectible=item)
        monkeypatch.setattr(queue, "broker_available", lambda: False)

        with pytest.raises(queue.QueueUnavailableError):
            services.scrape_job_request_refresh(collectible=item, requested_by=owner)
        assert not ScrapeJob.objects.exists()

    def test_a_publish_failure_marks_the_job_failed(
        self, item, owner, owner_client, monkeypatch, django_capture_on_commit_callbacks, caplog
    ):
        TrackerFactory(collectible=item)

        def refuse(run_ids, slots=None):
            raise ConnectionError("broker went away")

        monkeypatch.setattr(queue, "publish_runs", refuse)
        with (
            pytest.raises(queue.QueueUnavailableError),
            django_capture_on_commit_callbacks(execute=True),
        ):
            services.scrape_job_request_refresh(collectible=item, requested_by=owner)

        job = ScrapeJob.objects.get()
        assert job.status == JobStatus.FAILED
        assert job.runs.get().error_kind == "queue_unavailable"
        # The broker's exception is the operator's (logged), never the collector's.
        assert "broker went away" in caplog.text
        assert "broker went away" not in job.error
        url = f"/api/v1/scrape-jobs/{job.pk}/"
        german = owner_client.get(url, HTTP_ACCEPT_LANGUAGE="de").json()
        english = owner_client.get(url, HTTP_ACCEPT_LANGUAGE="en").json()
        assert german["error"] == (
            "Die Prüfungen konnten nicht eingereiht werden: Die Aufgabenwarteschlange war "
            "nicht erreichbar. Versuchen Sie es in einer Minute erneut."
        )
        assert english["error"] == (
            "The checks could not be queued: the task queue was unavailable. Try again in a minute."
        )
