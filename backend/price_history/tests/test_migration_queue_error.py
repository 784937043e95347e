"""0011: a job's old "Could not queue the work: <exception>" becomes the stored sentence
the reader sees in their language; the migration runs backwards too."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from price_history.models import ScrapeJob
from price_history.services.jobs import QUEUE_UNAVAILABLE_ERROR

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = ("price_history", "0010_error_codes")
AFTER = ("price_history", "0011_scrape_job_queue_error_text")


def migrate(target: tuple[str, str]) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])


def test_old_queue_errors_lose_the_brokers_exception_and_the_migration_reverses():
    migrate(BEFORE)
    try:
        leaked = ScrapeJob.objects.create(
            kind="manual", error="Could not queue the work: Error 111"
        )
        other = ScrapeJob.objects.create(kind="manual", error="Cancelled by an operator.")

        migrate(AFTER)
        leaked.refresh_from_db()
        other.refresh_from_db()
        assert leaked.error == QUEUE_UNAVAILABLE_ERROR
        assert other.error == "Cancelled by an operator."

        migrate(BEFORE)  # reversible: the sentence stays, the exception is not brought back
        leaked.refresh_from_db()
        assert leaked.error == QUEUE_UNAVAILABLE_ERROR
    finally:
        migrate(AFTER)
