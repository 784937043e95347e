import pytest
from django.conf import settings
from django.core.cache import cache
from rest_framework.test import APIClient

from users.factories import UserFactory
from users.models import User


@pytest.fixture(autouse=True)
def _isolated_cache() -> None:
    """Throttle counters live in the cache: every test starts from a clean slate.

    Only this cache's keys are deleted: the same Redis may hold a Celery broker's queues.
    """
    client = cache._cache.get_client(write=True)  # type: ignore[attr-defined]
    prefix = settings.CACHES["default"]["KEY_PREFIX"]
    for key in client.scan_iter(match=f"{prefix}:*", count=1000):
        client.delete(key)


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
