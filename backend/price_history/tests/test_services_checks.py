"""The worker's side of "test before saving" (services.checks.tracker_check_execute and
the task that hands its answer back), run here against local pages and the real Redis."""

from __future__ import annotations

import json
import socket
import time
import uuid
from collections.abc import Iterator
from decimal import Decimal

import pytest
import redis
from django.conf import settings

from price_history import gateway, queue, services, tasks
from price_history.services.checks import _check_of

pytestmark = pytest.mark.django_db


def shop_request(url: str) -> dict[str, str]:
    return {"url": url, "source": "structured", "currency": "EUR"}


@pytest.fixture
def frozen_redis(settings) -> Iterator[str]:
    """REDIS_URL at a server that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    settings.REDIS_URL = f"redis://127.0.0.1:{server.getsockname()[1]}/0"
    settings.REDIS_SOCKET_TIMEOUT = 0.3
    try:
        yield settings.REDIS_URL
    finally:
        server.close()


def test_the_worker_answers_what_would_be_recorded_as_json(scraper_settings, pages):
    answer = services.tracker_check_execute(
        request=shop_request(pages.url("/shop/charizard")), timeout=5
    )

    check = _check_of(json.loads(json.dumps(answer)))  # as it travels through Redis
    assert check.ok
    assert check.failure is None
    [price] = check.observations
    assert (price.price, price.currency, price.source) == (Decimal("349.95"), "USD", "structured")
    assert price.observed_at.tzinfo is not None


def test_the_worker_answers_a_scraper_failure(scraper_settings, pages):
    answer = services.tracker_check_execute(request=shop_request(pages.url("/empty")), timeout=5)

    assert answer["observations"] == []
    assert answer["failure"]["kind"] == "no_price_found"


def test_the_worker_answers_timeout_for_a_site_slower_than_the_deadline(
    scraper_settings, hanging_page
):
    started = time.monotonic()
    answer = services.tracker_check_execute(request=shop_request(hanging_page), timeout=1)

    assert time.monotonic() - started < 2
    assert answer["failure"]["kind"] == "timeout"


def test_a_worker_that_cannot_reach_redis_answers_limiter_unavailable(
    scraper_settings, pages, frozen_redis
):
    started = time.monotonic()
    answer = services.tracker_check_execute(
        request=shop_request(pages.url("/shop/charizard")), timeout=10
    )

    assert answer == {"error": "limiter_unavailable"}
    assert time.monotonic() - started < 2  # the socket timeout, not the deadline
    assert pages.hits == []


def test_a_bug_on_the_worker_is_answered_as_internal_error(scraper_settings, monkeypatch):
    def broken(target, *, timeout):
        raise RuntimeError("a bug")

    monkeypatch.setattr(gateway, "fetch_now", broken)

    answer = services.tracker_check_execute(request=shop_request("http://x.test/"), timeout=5)

    assert answer["failure"]["kind"] == "internal_error"


def test_the_task_pushes_its_answer_on_the_reply_list_which_expires(scraper_settings, pages):
    reply_to = f"{settings.CACHES['default']['KEY_PREFIX']}:check-reply:{uuid.uuid4().hex}"
    client = redis.Redis.from_url(settings.REDIS_URL)

    tasks.check_tracker(shop_request(pages.url("/shop/charizard")), reply_to, time.time() + 5)

    assert 0 < client.ttl(reply_to) <= queue.REPLY_TTL_SECONDS
    answer = json.loads(client.lpop(reply_to))
    assert [o["price"] for o in answer["observations"]] == ["349.95"]


def test_the_task_drops_a_check_that_arrives_after_its_deadline(scraper_settings, pages):
    reply_to = f"{settings.CACHES['default']['KEY_PREFIX']}:check-reply:{uuid.uuid4().hex}"

    tasks.check_tracker(shop_request(pages.url("/shop/charizard")), reply_to, time.time() - 1)

    assert not redis.Redis.from_url(settings.REDIS_URL).exists(reply_to)
    assert pages.hits == []


def test_the_check_task_is_routed_to_interactive_and_never_redelivered():
    assert settings.CELERY_TASK_ROUTES[queue.CHECK_TRACKER_TASK] == {"queue": "interactive"}
    assert tasks.check_tracker.name == queue.CHECK_TRACKER_TASK
    assert tasks.check_tracker.acks_late is False
    assert not getattr(tasks.check_tracker, "autoretry_for", ())
