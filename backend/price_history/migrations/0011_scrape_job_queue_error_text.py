"""A job that could not be queued stored "Could not queue the work: <the broker's
exception>": English, and an operator's detail (it is logged). Those rows get the stored
sentence the API now reads in the reader's language (services.jobs.QUEUE_UNAVAILABLE_ERROR)."""

from django.db import migrations

# The sentence as services/jobs.py stores it (a migration keeps its own copy: it must not
# change when the service's text does).
QUEUE_UNAVAILABLE_ERROR = (
    "The checks could not be queued: the task queue was unavailable. Try again in a minute."
)


def forwards(apps, schema_editor):
    ScrapeJob = apps.get_model("price_history", "ScrapeJob")
    ScrapeJob.objects.filter(error__startswith="Could not queue the work:").update(
        error=QUEUE_UNAVAILABLE_ERROR
    )


class Migration(migrations.Migration):
    dependencies = [
        ("price_history", "0010_error_codes"),
    ]

    # Backwards keeps the sentence: the exceptions were never meant to be shown.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
