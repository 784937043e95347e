"""The seam to the scraper: every fetch has one deadline, the host limiter a short lease
and Redis timeouts (a frozen Redis fails fast). Local pages, real Redis."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest
import redis

from price_history import gateway, services
from price_history.factories import TrackerFactory
from price_history.models import JobKind, RunStatus
from price_history.services import hosts
from price_history.tests.conftest import Reply
from scraper import FailureKind, FetchTarget, ScrapeFailure

pytestmark = pytest.mark.django_db


@pytest.fixture
def frozen_redis(settings) -> Iterator[None]:
    """REDIS_URL at a server that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    settings.REDIS_URL = f"redis://127.0.0.1:{server.getsockname()[1]}/0"
    settings.REDIS_SOCKET_TIMEOUT = 0.3
    try:
        yield
    finally:
        server.close()


def test_the_host_limiter_has_a_short_lease_and_redis_timeouts(settings):
    settings.REDIS_SOCKET_TIMEOUT = 2.5

    limiter = gateway.host_limiter(acquire_timeout=4)

    assert limiter.lease == gateway.LIMITER_LEASE <= 10
    assert (limiter.socket_timeout, limiter.socket_connect_timeout) == (2.5, 2.5)
    assert limiter.acquire_timeout == 4


def test_a_workers_host_checks_keep_one_redis_connection(settings):
    """The worker's loop is kept between calls (core.event_loop), and the limiter's
    connection with it: before, each call connected (and said HELLO) again."""
    server = redis.Redis.from_url(settings.REDIS_URL)
    hosts.host_wait("shop.example", reserve=False)  # this configuration's connection

    before = server.info("stats")["total_connections_received"]
    for _ in range(5):
        hosts.host_wait("shop.example", reserve=False)

    assert server.info("stats")["total_connections_received"] - before == 0
    server.close()


def test_workers_share_robots_txt_policies_under_the_projects_redis_prefix(settings):
    cache = gateway.robots_cache()

    assert cache is gateway.robots_cache()  # one per process, its local copy included
    assert cache.prefix == f"{settings.CACHES['default']['KEY_PREFIX']}:scraper:robots:"
    assert cache._redis.connection_pool.connection_kwargs["port"] == int(
        settings.REDIS_URL.rsplit(":", 1)[1].split("/")[0]
    )


def test_runs_get_the_run_deadline_and_retries_checks_their_own_deadline_and_none(settings):
    settings.SCRAPER_RUN_DEADLINE_SECONDS = 90
    settings.SCRAPER_MAX_RETRIES = 3

    run, check = gateway.fetch_settings(), gateway.fetch_settings(deadline=12, retries=0)

    assert (run.deadline, run.max_retries, run.total_timeout) == (90, 3, 60)
    assert (check.deadline, check.max_retries, check.total_timeout) == (12, 0, 12)


def test_a_scheduled_check_of_a_hung_site_ends_at_the_run_deadline(
    scraper_settings, hanging_page, item
):
    scraper_settings.SCRAPER_RUN_DEADLINE_SECONDS = 1
    scraper_settings.SCRAPER_MAX_RETRIES = 3
    tracker = TrackerFactory(collectible=item, url=hanging_page)
    job = services.scrape_job_create(kind=JobKind.SCHEDULED, trackers=[tracker], publish=False)

    started = time.monotonic()
    run = services.scrape_run_execute(run_id=job.runs.get().pk)

    assert time.monotonic() - started < 2
    assert run is not None
    assert (run.status, run.error_kind) == (RunStatus.FAILED, "timeout")
    assert "within 1 seconds" in run.error_message


def test_a_fetch_for_someone_waiting_is_not_retried(scraper_settings, pages):
    scraper_settings.SCRAPER_MAX_RETRIES = 3
    pages.routes["/down"] = Reply(503, "busy")

    with pytest.raises(ScrapeFailure) as failure:
        gateway.fetch_now(FetchTarget(url=pages.url("/down")), timeout=5)

    assert failure.value.kind is FailureKind.HTTP_ERROR
    assert pages.count("/down") == 1


def test_a_frozen_redis_fails_a_run_fetch_fast_so_the_task_retries(
    scraper_settings, pages, frozen_redis
):
    started = time.monotonic()

    with pytest.raises((redis.exceptions.TimeoutError, redis.exceptions.ConnectionError)):
        gateway.fetch(FetchTarget(url=pages.url("/shop/charizard")))

    assert time.monotonic() - started < 2
    assert pages.hits == []
