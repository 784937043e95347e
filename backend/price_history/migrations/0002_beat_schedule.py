"""Register the beat schedule in django-celery-beat's tables (editable in the admin).

Idempotent: an existing entry (perhaps edited by an operator) is left as it is.
"""

from django.db import migrations

TASK_NAME = "Scrape due trackers"
TASK = "price_history.tasks.scrape_due_trackers"
EVERY_MINUTES = 5


def create_schedule(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    if PeriodicTask.objects.filter(name=TASK_NAME).exists():
        return
    interval, _ = IntervalSchedule.objects.get_or_create(every=EVERY_MINUTES, period="minutes")
    PeriodicTask.objects.create(
        name=TASK_NAME,
        task=TASK,
        interval=interval,
        enabled=True,
        description="Claims the trackers whose next run is due and queues one scrape each.",
    )
    # Tell a running beat (DatabaseScheduler) that the schedule changed.
    from django.utils import timezone

    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


def delete_schedule(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name=TASK_NAME, task=TASK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("price_history", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedule, delete_schedule)]
