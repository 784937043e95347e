"""Register the notification tasks in django-celery-beat's tables (editable in the admin).

Idempotent: an existing entry (perhaps edited by an operator) is left as it is.
"""

from django.db import migrations

SCHEDULES = (
    (
        "Deliver due notifications",
        "notifications.tasks.deliver_due",
        1,
        "Queues notification deliveries whose retry backoff or quiet hours ended.",
    ),
    (
        "Send notification digests",
        "notifications.tasks.send_digests",
        15,
        "Sends each channel's daily digest once its digest hour came.",
    ),
)


def create_schedules(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    for name, task, minutes, description in SCHEDULES:
        if PeriodicTask.objects.filter(name=name).exists():
            continue
        interval, _ = IntervalSchedule.objects.get_or_create(every=minutes, period="minutes")
        PeriodicTask.objects.create(
            name=name, task=task, interval=interval, enabled=True, description=description
        )
    # Tell a running beat (DatabaseScheduler) that the schedule changed.
    from django.utils import timezone

    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


def delete_schedules(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for name, task, _minutes, _description in SCHEDULES:
        PeriodicTask.objects.filter(name=name, task=task).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedules, delete_schedules)]
