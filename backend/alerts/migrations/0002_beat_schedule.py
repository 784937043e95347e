"""Register the collection-value evaluation in django-celery-beat's tables (editable in
the admin). Idempotent: an existing entry (perhaps edited by an operator) is left as it is.
"""

from django.db import migrations

SCHEDULE = {
    "name": "Evaluate collection-value alerts",
    "task": "alerts.tasks.evaluate_collection_values",
    # A quarter of an hour after each value snapshot (valuation: minute 15, every 6 hours).
    "crontab": {"minute": "30", "hour": "0,6,12,18"},
    "description": "Fires the collection-value alert rules on the latest snapshots.",
}


def create_schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    if PeriodicTask.objects.filter(name=SCHEDULE["name"]).exists():
        return
    crontab, _ = CrontabSchedule.objects.get_or_create(
        minute=SCHEDULE["crontab"]["minute"],
        hour=SCHEDULE["crontab"]["hour"],
        day_of_week="*",
        day_of_month="*",
        month_of_year="*",
        timezone="UTC",
    )
    PeriodicTask.objects.create(
        name=SCHEDULE["name"],
        task=SCHEDULE["task"],
        crontab=crontab,
        enabled=True,
        description=SCHEDULE["description"],
    )
    from django.utils import timezone

    # Tell a running beat (DatabaseScheduler) that the schedule changed.
    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


def delete_schedule(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name=SCHEDULE["name"], task=SCHEDULE["task"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedule, delete_schedule)]
