"""`POST …/trackers/test/` and `…/trackers/{id}/test/` answered by a real Celery worker on
the `interactive` queue (real Redis, local pages), within the check's deadline."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator

import pytest
from celery import current_app
from django.conf import settings

from price_history import queue
from price_history.factories import TrackerFactory
from price_history.models import PriceHistory, Tracker
from price_history.tests.conftest import Reply
from price_history.tests.workers import Worker, broker_or_skip, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture(scope="module")
def check_worker(django_db_setup, tmp_path_factory) -> Iterator[Worker]:
    """One worker for the module, on `interactive` only; it allows 127.0.0.1 on any port
    (each test's page server has its own) and would retry 3 times, were checks retried."""
    broker_or_skip()
    worker = Worker(
        tmp_path_factory.mktemp("checks") / "worker.log",
        allowed_hosts="127.0.0.1",
        queues="interactive",
        SCRAPER_MAX_RETRIES="3",
    )
    try:
        yield worker
    finally:
        worker.stop()


def saved_url(tracker: Tracker) -> str:
    return f"/api/v1/collectibles/{tracker.collectible_id}/trackers/{tracker.pk}/test/"


def unsaved_url(item) -> str:
    return f"/api/v1/collectibles/{item.pk}/trackers/test/"


def test_a_saved_tracker_is_checked_by_the_worker_and_nothing_is_stored(
    check_worker, owner_client, item, scraper_settings, pages
):
    tracker = TrackerFactory(
        collectible=item,
        source="pricecharting",
        url=pages.url("/pc/maniac-mansion"),
        condition="loose",
        etag='"old"',
    )

    response = owner_client.post(saved_url(tracker))

    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["ok"], body["failure"]) == (True, None)
    assert [(o["price"], o["currency"], o["condition"]) for o in body["observations"]] == [
        ("99.00", "USD", "loose")
    ]
    assert not PriceHistory.objects.exists()
    tracker.refresh_from_db()
    assert tracker.last_checked_at is None
    assert "if-none-match" not in pages.hits[-1][1]  # always a full fetch
    assert "check_tracker[" in check_worker.log.read_text()  # the worker did it


def test_a_failing_page_answers_its_failure(
    check_worker, owner_client, item, scraper_settings, pages
):
    tracker = TrackerFactory(collectible=item, url=pages.url("/empty"))

    body = owner_client.post(saved_url(tracker)).json()

    assert (body["ok"], body["observations"]) == (False, [])
    assert body["failure"]["kind"] == "no_price_found"
    assert body["failure"]["message"]


def test_an_unsaved_tracker_is_checked_and_nothing_is_created(
    check_worker, owner_client, item, scraper_settings, pages
):
    body = {"source": "pricecharting", "url": pages.url("/pc/maniac-mansion"), "condition": "cib"}

    response = owner_client.post(unsaved_url(item), body)

    assert response.status_code == 200, response.json()
    assert response.json()["ok"] is True
    assert [o["condition"] for o in response.json()["observations"]] == ["cib"]
    assert not Tracker.objects.exists()
    assert not PriceHistory.objects.exists()


def test_an_unsaved_css_tracker_explains_a_missing_selector_match(
    check_worker, owner_client, item, scraper_settings, pages
):
    body = {"source": "css", "url": pages.url("/css/item"), "selector": ".nope"}

    response = owner_client.post(unsaved_url(item), body)

    assert response.status_code == 200
    assert response.json()["failure"]["kind"] == "selector_not_found"


def test_a_check_is_never_retried(check_worker, owner_client, item, scraper_settings, pages):
    pages.routes["/down"] = Reply(503, "busy")
    tracker = TrackerFactory(collectible=item, url=pages.url("/down"))

    body = owner_client.post(saved_url(tracker)).json()

    assert body["failure"]["kind"] == "http_error"
    assert pages.count("/down") == 1  # the worker's SCRAPER_MAX_RETRIES is 3


def test_a_site_too_slow_for_the_deadline_answers_timeout_in_time(
    check_worker, owner_client, item, scraper_settings, hanging_page
):
    scraper_settings.SCRAPER_CHECK_DEADLINE_SECONDS = 2
    tracker = TrackerFactory(collectible=item, url=hanging_page)

    started = time.monotonic()
    response = owner_client.post(saved_url(tracker))
    took = time.monotonic() - started

    assert response.status_code == 200, response.json()
    assert response.json()["ok"] is False
    assert response.json()["failure"]["kind"] == "timeout"
    assert took < 2 + queue.REPLY_GRACE_SECONDS


def test_a_busy_host_answers_rate_limited_without_a_long_wait(
    check_worker, owner_client, item, scraper_settings, pages
):
    import redis

    scraper_settings.SCRAPER_CHECK_DEADLINE_SECONDS = 3
    prefix = settings.CACHES["default"]["KEY_PREFIX"]
    lock = f"{prefix}:scraper:host:lock:127.0.0.1"
    client = redis.Redis.from_url(settings.REDIS_URL)
    client.set(lock, "a scheduled check holds it", px=30_000)
    tracker = TrackerFactory(collectible=item, url=pages.url("/shop/charizard"))
    try:
        started = time.monotonic()
        response = owner_client.post(saved_url(tracker))
        took = time.monotonic() - started
    finally:
        client.delete(lock)

    assert response.status_code == 200, response.json()
    assert response.json()["failure"]["kind"] == "rate_limited"
    assert took < 3 + queue.REPLY_GRACE_SECONDS
    assert pages.count("/shop/charizard") == 0


def test_a_check_that_arrives_after_its_deadline_is_not_run(
    check_worker, owner_client, item, scraper_settings, pages
):
    late = {"url": pages.url("/css/item"), "source": "css", "selector": ".price"}
    reply_to = f"{settings.CACHES['default']['KEY_PREFIX']}:check-reply:{uuid.uuid4().hex}"
    current_app.send_task(queue.CHECK_TRACKER_TASK, args=(late, reply_to, time.time() - 1))
    tracker = TrackerFactory(collectible=item, url=pages.url("/shop/charizard"))

    assert owner_client.post(saved_url(tracker)).json()["ok"] is True  # queued behind it
    wait_for(
        lambda: "arrived after its deadline" in check_worker.log.read_text(),
        10,
        "the late check to be dropped",
        check_worker.log,
    )
    assert pages.count("/css/item") == 0
