"""Register "Re-queue stuck scrape runs" in the beat schedule (editable in the admin).

Every minute, beat queues `price_history.tasks.requeue_stuck_runs`, which puts back in the
queue the runs still "running" past their lease (their worker died). Idempotent: an
existing entry (perhaps edited by an operator) is left as it is. Reversible.
"""

from django.db import migrations

TASK_NAME = "Re-queue stuck scrape runs"
TASK = "price_history.tasks.requeue_stuck_runs"
EVERY_MINUTES = 1


def _schedule_changed(apps):
    """Tell a running beat (DatabaseScheduler) that the schedule changed."""
    from django.utils import timezone

    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


def create_schedule(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    if PeriodicTask.objects.filter(name=TASK_NAME).exists():
        return
    interval, _ = IntervalSchedule.objects.get_or_create(every=EVERY_MINUTES, period="minutes")
    PeriodicTask.objects.create(
        name=TASK_NAME,
        task=TASK,
        interval=interval,
        enabled=True,
        description="Queues again the scrape runs still running past their lease (a worker "
        "died mid-check); gives up on a run after SCRAPER_RUN_MAX_ATTEMPTS starts.",
    )
    _schedule_changed(apps)


def delete_schedule(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    if PeriodicTask.objects.filter(name=TASK_NAME, task=TASK).delete()[0]:
        _schedule_changed(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("price_history", "0003_scrape_run_lease"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedule, delete_schedule)]
