from datetime import timedelta

import pytest
from django.db import OperationalError
from django.utils import timezone

from price_history import services, tasks
from price_history.factories import TrackerFactory
from price_history.models import JobKind, PriceHistory, RunStatus, ScrapeRun

pytestmark = pytest.mark.django_db


def test_tasks_are_late_acknowledged_and_routed():
    from django.conf import settings

    for task in (tasks.scrape_run, tasks.scrape_due_trackers):
        assert task.acks_late is True
        assert task.reject_on_worker_lost is True
    assert settings.CELERY_TASK_ROUTES["price_history.tasks.scrape_run"] == {"queue": "scrape"}
    assert not getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False)


def test_retry_countdowns_stay_below_the_visibility_timeout(settings):
    countdowns = [tasks.retry_countdown(n) for n in range(tasks.MAX_RETRIES + 5)]

    assert countdowns[:3] == [10, 20, 40]
    assert max(countdowns) < settings.CELERY_VISIBILITY_TIMEOUT


def test_scrape_run_task_calls_the_service(scraper_settings, pages, item):
    tracker = TrackerFactory(collectible=item, url=pages.url("/shop/charizard"))
    job = services.scrape_job_create(kind=JobKind.MANUAL, trackers=[tracker], publish=False)

    tasks.scrape_run(job.runs.get().pk)
    tasks.scrape_run(job.runs.get().pk)  # delivered twice

    assert PriceHistory.objects.count() == 1


def test_transient_errors_retry_then_give_up(item, monkeypatch, settings):
    # The retries of the run itself: a retry that finds its host booked is deferred
    # instead (test_scheduling.py), which this test is not about.
    settings.SCRAPER_DEFER_BUSY_HOSTS = False
    tracker = TrackerFactory(collectible=item)
    job = services.scrape_job_create(kind=JobKind.MANUAL, trackers=[tracker], publish=False)
    run = job.runs.get()
    calls = []

    def flaky(*, run_id, **_):
        calls.append(run_id)
        raise OperationalError("database restarting")

    monkeypatch.setattr(services, "scrape_run_execute", flaky)
    # apply() runs the task here, retries included (no broker, no countdown wait).
    tasks.scrape_run.apply(args=(run.pk,))

    assert len(calls) == tasks.MAX_RETRIES + 1
    run.refresh_from_db()
    assert (run.status, run.error_kind) == (RunStatus.FAILED, "internal_error")


def test_beat_task_claims_due_trackers(item, published, django_capture_on_commit_callbacks):
    TrackerFactory(collectible=item, next_run_at=timezone.now() - timedelta(minutes=1))

    with django_capture_on_commit_callbacks(execute=True):
        job_ids = tasks.scrape_due_trackers()

    assert len(job_ids) == 1
    assert len(published) == 1
    assert tasks.scrape_due_trackers() == []


def test_the_beat_schedule_is_in_the_database():
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.get(task="price_history.tasks.scrape_due_trackers")
    assert task.enabled
    assert (task.interval.every, task.interval.period) == (5, "minutes")


SWEEPER = "price_history.tasks.requeue_stuck_runs"


def test_the_beat_schedule_requeues_stuck_runs_every_minute():
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.get(task=SWEEPER)
    assert task.enabled
    assert (task.interval.every, task.interval.period) == (1, "minutes")
    assert task.name == "Re-queue stuck scrape runs"


def test_the_lease_and_sweeper_migrations_are_reversible():
    """Every operation can be undone (the schema change itself is exercised by
    `manage.py migrate price_history 0002`; no DDL here, the suite shares its database)."""
    import importlib

    from django.apps import apps
    from django_celery_beat.models import PeriodicTask

    lease = importlib.import_module("price_history.migrations.0003_scrape_run_lease")
    sweeper = importlib.import_module("price_history.migrations.0004_stuck_runs_schedule")
    operations = [*lease.Migration.operations, *sweeper.Migration.operations]
    assert all(operation.reversible for operation in operations)

    sweeper.delete_schedule(apps, None)
    assert not PeriodicTask.objects.filter(task=SWEEPER).exists()
    sweeper.create_schedule(apps, None)
    assert PeriodicTask.objects.filter(task=SWEEPER).count() == 1


def test_applying_the_schedule_again_keeps_an_operators_edit():
    import importlib

    from django.apps import apps
    from django_celery_beat.models import PeriodicTask

    migration = importlib.import_module("price_history.migrations.0004_stuck_runs_schedule")
    PeriodicTask.objects.filter(task=SWEEPER).update(enabled=False)

    migration.create_schedule(apps, None)

    assert PeriodicTask.objects.filter(task=SWEEPER).get().enabled is False


def test_the_sweeper_task_requeues_a_run_whose_lease_lapsed(
    item, published, django_capture_on_commit_callbacks
):
    tracker = TrackerFactory(collectible=item)
    job = services.scrape_job_create(kind=JobKind.MANUAL, trackers=[tracker], publish=False)
    run = job.runs.get()
    run.status, run.attempts = RunStatus.RUNNING, 1
    run.lease_expires_at = timezone.now() - timedelta(seconds=1)
    run.save()

    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.requeue_stuck_runs() == {"requeued": [run.pk], "abandoned": []}

    assert published == [run.pk]


def test_a_retried_run_keeps_its_lease_through_the_countdown(item, monkeypatch):
    tracker = TrackerFactory(collectible=item)
    job = services.scrape_job_create(kind=JobKind.MANUAL, trackers=[tracker], publish=False)
    run = job.runs.get()

    def flaky(*, run_id, **_):  # started, then the database went away
        ScrapeRun.objects.filter(pk=run_id).update(
            status=RunStatus.RUNNING, lease_expires_at=timezone.now()
        )
        raise OperationalError("database restarting")

    monkeypatch.setattr(services, "scrape_run_execute", flaky)
    monkeypatch.setattr(tasks, "MAX_RETRIES", 1)
    extended = []
    real_extend = services.scrape_run_extend_lease

    def spy(*, run_id, by):
        real_extend(run_id=run_id, by=by)
        extended.append(ScrapeRun.objects.get(pk=run_id).lease_expires_at - timezone.now())

    monkeypatch.setattr(services, "scrape_run_extend_lease", spy)
    tasks.scrape_run.apply(args=(run.pk,))

    assert len(extended) == 1
    assert extended[0] > timedelta(seconds=tasks.retry_countdown(0))
