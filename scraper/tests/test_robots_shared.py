"""robots.txt read once for every worker: the policy is shared through Redis (a real one
on 127.0.0.1, as the host limiter's tests use), and a Redis that does not answer never
fails a fetch."""

from __future__ import annotations

import time
import uuid

import pytest
import redis

from scraper import FailureKind, FetchSettings, InMemoryRobotsCache, RedisRobotsCache
from scraper.http.robots import RobotsPolicy
from scraper.tests.conftest import LocalServer, Reply
from scraper.tests.http_helpers import PRODUCT, failure_of, fetch
from scraper.tests.test_redis_limiter import REDIS_URL, _redis_available

pytestmark = pytest.mark.skipif(not _redis_available(), reason="needs Redis on 127.0.0.1:6379")

ROBOTS = "User-agent: *\nDisallow: /private\n"


def _worker_cache(prefix: str) -> RedisRobotsCache:
    """What one worker process has: its own local copy, the shared Redis behind it."""
    return RedisRobotsCache(REDIS_URL, prefix=prefix, local=InMemoryRobotsCache())


def test_two_workers_read_a_sites_robots_txt_once(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    server.route("/robots.txt", Reply(body=ROBOTS, content_type="text/plain"))
    server.route("/public/p", Reply(body=PRODUCT))
    server.route("/private/p", Reply(body=PRODUCT))
    prefix = f"test:robots:{uuid.uuid4().hex}:"
    first, second = _worker_cache(prefix), _worker_cache(prefix)

    assert fetch(server.url("/public/p"), fast_settings, robots_cache=first).status == 200
    # The second worker has never seen the site: it takes the policy from Redis, rules included.
    failure = failure_of(server.url("/private/p"), fast_settings, robots_cache=second)

    assert failure.kind is FailureKind.ROBOTS_DISALLOWED
    assert len(server.hits("/robots.txt")) == 1
    assert server.hits("/private/p") == []


def test_the_shared_policy_expires_with_its_ttl() -> None:
    prefix = f"test:robots:{uuid.uuid4().hex}:"
    writer = _worker_cache(prefix)
    writer.set("http://shop.test:80", RobotsPolicy.parse(ROBOTS), ttl=0.05)

    time.sleep(0.1)
    assert _worker_cache(prefix).get("http://shop.test:80") is None


def test_a_blanket_disallow_keeps_its_status_across_workers() -> None:
    prefix = f"test:robots:{uuid.uuid4().hex}:"
    _worker_cache(prefix).set("https://shop.test:443", RobotsPolicy(status=503), ttl=60)

    policy = _worker_cache(prefix).get("https://shop.test:443")

    assert policy is not None
    assert policy.parser is None
    assert (policy.allow_all, policy.status) == (False, 503)
    assert not policy.can_fetch("https://shop.test/p", "OmniStockBot")


def test_an_older_blanket_disallow_without_its_status_is_read_again() -> None:
    """An entry written before the status was kept has only an English reason: the
    site's robots.txt is read again rather than a failure said without its status."""
    prefix = f"test:robots:{uuid.uuid4().hex}:"
    older = '{"text": null, "allow_all": false, "reason": "The site answered with 503."}'
    redis.Redis.from_url(REDIS_URL).set(prefix + "https://shop.test:443", older, px=60_000)

    assert _worker_cache(prefix).get("https://shop.test:443") is None


def test_an_unreachable_redis_falls_back_to_this_process(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    server.route("/robots.txt", Reply(body=ROBOTS, content_type="text/plain"))
    server.route("/public/p", Reply(body=PRODUCT))
    # Nothing listens on port 1: every Redis call fails at once.
    cache = RedisRobotsCache("redis://127.0.0.1:1/0", socket_timeout=0.2)

    assert fetch(server.url("/public/p"), fast_settings, robots_cache=cache).status == 200
    assert fetch(server.url("/public/p"), fast_settings, robots_cache=cache).status == 200
    assert len(server.hits("/robots.txt")) == 1  # kept locally meanwhile


def test_a_foreign_value_under_the_key_is_ignored() -> None:
    import redis

    prefix = f"test:robots:{uuid.uuid4().hex}:"
    redis.Redis.from_url(REDIS_URL).set(prefix + "http://shop.test:80", b"\x80not json", px=60_000)

    assert _worker_cache(prefix).get("http://shop.test:80") is None
