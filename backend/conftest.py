from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.db.backends.signals import connection_created
from rest_framework.test import APIClient

from core.read_versions import AT_ONCE_SETTING
from users.factories import UserFactory
from users.models import User


def _read_versions_at_once(sender: Any, connection: Any, **kwargs: Any) -> None:
    """A test's transaction never commits, so its writes' read versions are bumped at
    each statement (core.read_versions; core/tests/test_read_versions.py takes the
    commit path)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SET {AT_ONCE_SETTING} = on")


connection_created.connect(_read_versions_at_once)


@pytest.fixture(autouse=True)
def _isolated_cache() -> None:
    """Throttle counters live in the cache: every test starts from a clean slate.

    Only this cache's keys are deleted: the same Redis may hold a Celery broker's queues.
    """
    client = cache._cache.get_client(write=True)  # type: ignore[attr-defined]
    prefix = settings.CACHES["default"]["KEY_PREFIX"]
    for key in client.scan_iter(match=f"{prefix}:*", count=1000):
        client.delete(key)


@pytest.fixture(autouse=True)
def _mail_in_process(settings: Any) -> None:
    """Mails go straight to Django's test outbox (`mail.outbox`) instead of the worker's
    queue: the tests read what was sent. core/tests/test_mail.py covers the queueing, and
    the e2e run the real worker sending them."""
    settings.MAIL_VIA_WORKER = False


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def user(db: None) -> User:
    return UserFactory()


@pytest.fixture
def auth_client(user: User) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def client_for(user: User) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def keep_the_test_connection() -> Iterator[None]:
    """As Django's test client does: a served request must not close the connection that
    holds the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
