"""robots.txt against a local server: disallow, wildcard, 5xx/4xx, switched off,
Crawl-delay."""

from __future__ import annotations

import pytest

from scraper import (
    FailureKind,
    FetchSettings,
    InMemoryRobotsCache,
    InProcessHostLimiter,
    fetch_page,
)
from scraper.tests.conftest import LocalServer, Reply
from scraper.tests.http_helpers import PRODUCT, failure_of, fetch, run

# ---------------------------------------------------------------------------- robots.txt


def test_robots_disallow(server: LocalServer, fast_settings: FetchSettings) -> None:
    server.route(
        "/robots.txt",
        Reply(
            body="User-agent: OmniStockBot\nDisallow: /private\n\nUser-agent: *\nDisallow:\n",
            content_type="text/plain",
        ),
    )
    server.route("/private/p", Reply(body=PRODUCT))
    server.route("/public/p", Reply(body=PRODUCT))
    cache = InMemoryRobotsCache()
    failure = failure_of(server.url("/private/p"), fast_settings, robots_cache=cache)
    assert failure.kind is FailureKind.ROBOTS_DISALLOWED
    assert server.hits("/private/p") == []
    assert fetch(server.url("/public/p"), fast_settings, robots_cache=cache).status == 200
    assert len(server.hits("/robots.txt")) == 1  # cached per origin


def test_robots_wildcard_applies_to_us(server: LocalServer, fast_settings: FetchSettings) -> None:
    server.route("/robots.txt", Reply(body="User-agent: *\nDisallow: /", content_type="text/plain"))
    server.route("/p", Reply(body=PRODUCT))
    assert failure_of(server.url("/p"), fast_settings).kind is FailureKind.ROBOTS_DISALLOWED


@pytest.mark.parametrize(
    ("status", "said"), [(503, "HTTP 503 Service Unavailable"), (429, "HTTP 429 Too Many Requests")]
)
def test_robots_5xx_or_429_means_disallow(
    server: LocalServer, fast_settings: FetchSettings, status: int, said: str
) -> None:
    server.route("/robots.txt", Reply(status, content_type="text/plain"))
    server.route("/p", Reply(body=PRODUCT))
    failure = failure_of(server.url("/p"), fast_settings)
    assert failure.kind is FailureKind.ROBOTS_DISALLOWED
    # A code and the status as a value, so the backend says it in its reader's language.
    assert (failure.code, failure.params) == (
        "robots_unavailable",
        {"host": "127.0.0.1", "status": said},
    )
    assert failure.message == (
        f"The site 127.0.0.1 answered its robots.txt with {said}, so Omni-Stock treats the "
        "whole site as off-limits for now."
    )
    assert server.hits("/p") == []


def test_robots_4xx_means_allow(server: LocalServer, fast_settings: FetchSettings) -> None:
    server.route("/robots.txt", Reply(404, content_type="text/plain"))
    server.route("/p", Reply(body=PRODUCT))
    assert fetch(server.url("/p"), fast_settings).status == 200


def test_robots_can_be_switched_off(server: LocalServer, fast_settings: FetchSettings) -> None:
    server.route("/robots.txt", Reply(body="User-agent: *\nDisallow: /", content_type="text/plain"))
    server.route("/p", Reply(body=PRODUCT))
    settings = FetchSettings(**{**fast_settings.__dict__, "respect_robots": False})
    assert fetch(server.url("/p"), settings).status == 200
    assert server.hits("/robots.txt") == []


def test_robots_crawl_delay_spaces_requests(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    server.route(
        "/robots.txt", Reply(body="User-agent: *\nCrawl-delay: 0.4\n", content_type="text/plain")
    )
    server.route("/p", Reply(body=PRODUCT))

    async def twice() -> None:
        limiter = InProcessHostLimiter()
        cache = InMemoryRobotsCache()
        for _ in range(2):
            await fetch_page(
                server.url("/p"), settings=fast_settings, limiter=limiter, robots_cache=cache
            )

    run(twice())
    hits = server.hits("/p")
    assert hits[1].at - hits[0].at >= 0.35
