"""Real Celery worker processes for the integration tests: moved to `core.tests.workers`
(the notifications' tests start one too); the names stay importable from here."""

from core.tests.workers import (  # noqa: F401
    BROKER_KEYS,
    QUEUES,
    Worker,
    broker_or_skip,
    database_url_for_tests,
    wait_for,
)
