"""The chaos run's own parts: a Redis it can freeze and kill, a slow shop page, and the
Redis scenario against a live server whose cache is that Redis."""

import time

import httpx
import pytest

from devtools.chaos import scenarios
from devtools.chaos.page import SlowShop
from devtools.chaos.stores import ChaosRedis


@pytest.fixture
def chaos_redis(tmp_path):
    store = ChaosRedis(tmp_path)
    store.start()
    yield store
    store.stop()


def test_the_chaos_redis_freezes_thaws_and_comes_back_after_a_kill(chaos_redis):
    chaos_redis.freeze()
    assert not chaos_redis.answers()
    chaos_redis.thaw()
    assert chaos_redis.answers()
    chaos_redis.kill()
    assert not chaos_redis.answers()
    chaos_redis.start()
    assert chaos_redis.answers()


def test_the_slow_shop_answers_robots_at_once_and_products_after_the_delay():
    shop = SlowShop(delay=0.5)
    try:
        started = time.monotonic()
        assert httpx.get(f"http://{shop.host}/robots.txt").text.startswith("User-agent")
        assert time.monotonic() - started < 0.5
        page = httpx.get(shop.url(1), timeout=5)
        assert time.monotonic() - started >= 0.5
        assert "Chaos Charizard" in page.text
    finally:
        shop.close()


@pytest.mark.django_db(transaction=True)
def test_the_redis_scenario_passes_against_a_server_using_that_redis(
    chaos_redis, live_server, settings
):
    options = {"socket_connect_timeout": 1, "socket_timeout": 1}
    settings.CACHES = {
        "default": dict(settings.CACHES["default"], LOCATION=chaos_redis.url, OPTIONS=options)
    }

    result = scenarios.redis_frozen_then_stopped(live_server.url, chaos_redis)

    assert result.passed, result.detail
    assert result.detail.startswith("frozen: 503")
