"""Register the daily tasks in django-celery-beat's tables (editable in the admin).

Idempotent: an existing entry (perhaps edited by an operator) is left as it is.
"""

from django.db import migrations

SCHEDULES = [
    {
        "name": "Fetch ECB exchange rates",
        "task": "valuation.tasks.fetch_exchange_rates",
        # The ECB publishes around 16:00 CET; 15:30 UTC is after that, summer and winter.
        "crontab": {"minute": "30", "hour": "15"},
        "description": "Downloads the ECB's last 90 days of euro reference rates.",
    },
    {
        "name": "Snapshot collection values",
        "task": "valuation.tasks.snapshot_values",
        # Just after midnight UTC yesterday becomes final; later runs refresh today.
        "crontab": {"minute": "15", "hour": "0,6,12,18"},
        "description": "Upserts yesterday's and today's value snapshot of every vendor.",
    },
]


def create_schedules(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    for spec in SCHEDULES:
        if PeriodicTask.objects.filter(name=spec["name"]).exists():
            continue
        crontab, _ = CrontabSchedule.objects.get_or_create(
            minute=spec["crontab"]["minute"],
            hour=spec["crontab"]["hour"],
            day_of_week="*",
            day_of_month="*",
            month_of_year="*",
            timezone="UTC",
        )
        PeriodicTask.objects.create(
            name=spec["name"],
            task=spec["task"],
            crontab=crontab,
            enabled=True,
            description=spec["description"],
        )
    from django.utils import timezone

    # Tell a running beat (DatabaseScheduler) that the schedule changed.
    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


def delete_schedules(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for spec in SCHEDULES:
        PeriodicTask.objects.filter(name=spec["name"], task=spec["task"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("valuation", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedules, delete_schedules)]
