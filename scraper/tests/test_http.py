"""Fetching against a local server (127.0.0.1, allow-listed): no real website is touched."""

from __future__ import annotations

import asyncio
import itertools
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from scraper import (
    USER_AGENT,
    FailureKind,
    FetchSettings,
    FetchTarget,
    InMemoryRobotsCache,
    InProcessHostLimiter,
    NotModified,
    NullHostLimiter,
    ScrapeFailure,
    fetch_observations,
    fetch_page,
    scrape,
)
from scraper.http import parse_retry_after
from scraper.tests.conftest import LocalServer, Reply, Seen

FIXTURES = Path(__file__).parent / "fixtures"
PRODUCT = (FIXTURES / "structured" / "jsonld_single_offer.html").read_text(encoding="utf-8")
PRICECHARTING = (FIXTURES / "pricecharting" / "game_maniac_mansion.html").read_text(
    encoding="utf-8"
)


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def fetch(url: str, settings: FetchSettings, **kwargs: Any) -> Any:
    kwargs.setdefault("limiter", NullHostLimiter())
    kwargs.setdefault("robots_cache", InMemoryRobotsCache())
    return run(fetch_page(url, settings=settings, **kwargs))


def failure_of(url: str, settings: FetchSettings, **kwargs: Any) -> ScrapeFailure:
    with pytest.raises(ScrapeFailure) as info:
        fetch(url, settings, **kwargs)
    return info.value


# ------------------------------------------------------------------------ happy paths


def test_fetch_observations_end_to_end(server: LocalServer, fast_settings: FetchSettings) -> None:
    server.route("/p", Reply(body=PRODUCT))
    target = FetchTarget(url=server.url("/p"))
    obs = run(
        fetch_observations(
            target,
            settings=fast_settings,
            limiter=NullHostLimiter(),
            robots_cache=InMemoryRobotsCache(),
        )
    )
    assert [(str(o.price.amount), o.price.currency) for o in obs] == [("1299.99", "USD")]
    assert obs[0].url == target.url
    assert obs[0].observed_at.tzinfo is not None
    page_request = server.hits("/p")[0]
    assert page_request.headers["user-agent"] == USER_AGENT


def test_condition_filter_and_named_source(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    server.route("/game", Reply(body=PRICECHARTING))
    target = FetchTarget(url=server.url("/game"), source="pricecharting", condition="cib")
    obs = run(fetch_observations(target, settings=fast_settings, limiter=NullHostLimiter()))
    assert [(o.condition, str(o.price.amount)) for o in obs] == [("cib", "272.40")]

    target = FetchTarget(url=server.url("/game"), source="pricecharting", condition="mint")
    with pytest.raises(ScrapeFailure) as info:
        run(fetch_observations(target, settings=fast_settings, limiter=NullHostLimiter()))
    assert info.value.kind is FailureKind.NO_PRICE_FOUND
    assert "mint" in info.value.message


def test_css_target(server: LocalServer, fast_settings: FetchSettings) -> None:
    server.route("/c", Reply(body="<html><div id=p>CHF 1'234.50</div></html>"))
    target = FetchTarget(url=server.url("/c"), selector="#p")
    obs = run(fetch_observations(target, settings=fast_settings, limiter=NullHostLimiter()))
    assert (str(obs[0].price.amount), obs[0].price.currency, obs[0].source) == (
        "1234.50",
        "CHF",
        "css",
    )


def test_charset_from_header_is_used(server: LocalServer, fast_settings: FetchSettings) -> None:
    body = "<html><title>Pokémon</title><p>12,50 €</p></html>".encode("iso-8859-15")
    server.route("/latin", Reply(body=body, content_type="text/html; charset=iso-8859-15"))
    page = fetch(server.url("/latin"), fast_settings)
    assert "Pokémon" in page.html
    assert "€" in page.html


def test_redirects_are_followed(server: LocalServer, fast_settings: FetchSettings) -> None:
    server.route("/old", Reply(301, headers={"Location": "/new"}))
    server.route("/new", Reply(body=PRODUCT))
    page = fetch(server.url("/old"), fast_settings)
    assert page.final_url == server.url("/new")
    assert page.status == 200


def test_too_many_redirects(server: LocalServer, fast_settings: FetchSettings) -> None:
    server.route("/loop", Reply(302, headers={"Location": "/loop"}))
    failure = failure_of(server.url("/loop"), fast_settings)
    assert failure.kind is FailureKind.HTTP_ERROR
    assert "redirects" in failure.message
    assert len(server.hits("/loop")) == fast_settings.max_redirects + 1


# --------------------------------------------------------------------------- retries


def test_retries_5xx_then_succeeds(server: LocalServer, fast_settings: FetchSettings) -> None:
    server.route("/flaky", Reply(503), Reply(502), Reply(body=PRODUCT))
    page = fetch(server.url("/flaky"), fast_settings)
    assert page.status == 200
    assert len(server.hits("/flaky")) == 3


def test_5xx_after_exhausting_retries_is_http_error(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    server.route("/down", Reply(500))
    failure = failure_of(server.url("/down"), fast_settings)
    assert failure.kind is FailureKind.HTTP_ERROR
    assert failure.message == ("The page at 127.0.0.1 returned HTTP 500 Internal Server Error.")
    assert len(server.hits("/down")) == fast_settings.max_retries + 1


def test_no_retry_on_404(server: LocalServer, fast_settings: FetchSettings) -> None:
    server.route("/gone", Reply(404, "nope"))
    failure = failure_of(server.url("/gone"), fast_settings)
    assert failure.kind is FailureKind.HTTP_ERROR
    assert failure.message == "The page at 127.0.0.1 returned HTTP 404 Not Found."
    assert len(server.hits("/gone")) == 1


def test_429_is_retried_honouring_retry_after(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    server.route("/busy", Reply(429, headers={"Retry-After": "1"}), Reply(body=PRODUCT))
    started = time.monotonic()
    page = fetch(server.url("/busy"), fast_settings)
    assert page.status == 200
    hits = server.hits("/busy")
    assert len(hits) == 2
    assert hits[1].at - hits[0].at >= 0.95  # waited for Retry-After, not the tiny backoff
    assert time.monotonic() - started < 5


def test_429_exhausted_is_rate_limited(server: LocalServer, fast_settings: FetchSettings) -> None:
    server.route("/busy", Reply(429))
    failure = failure_of(server.url("/busy"), fast_settings)
    assert failure.kind is FailureKind.RATE_LIMITED
    assert len(server.hits("/busy")) == fast_settings.max_retries + 1


def test_retry_after_beyond_cap_gives_up_at_once(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    server.route("/busy", Reply(429, headers={"Retry-After": "3600"}))
    started = time.monotonic()
    failure = failure_of(server.url("/busy"), fast_settings)
    assert failure.kind is FailureKind.RATE_LIMITED
    assert failure.retry_after == 3600
    assert len(server.hits("/busy")) == 1
    assert time.monotonic() - started < 2


def test_parse_retry_after() -> None:
    now = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after(format_datetime(now + timedelta(seconds=90), usegmt=True), now) == 90
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now) == 0.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after("") is None
    assert parse_retry_after(None) is None


def test_timeout(server: LocalServer, fast_settings: FetchSettings) -> None:
    server.route("/slow", Reply(body=PRODUCT, delay=1.0))
    settings = FetchSettings(
        allowed_hosts=fast_settings.allowed_hosts,
        min_host_delay=0,
        read_timeout=0.2,
        max_retries=1,
        backoff_base=0.01,
    )
    failure = failure_of(server.url("/slow"), settings)
    assert failure.kind is FailureKind.TIMEOUT
    assert len(server.hits("/slow")) == 2  # timeouts are retried


def test_connection_refused_is_http_error(fast_settings: FetchSettings) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = FetchSettings(
        allowed_hosts=frozenset({f"127.0.0.1:{port}"}),
        min_host_delay=0,
        max_retries=1,
        backoff_base=0.01,
    )
    failure = failure_of(f"http://127.0.0.1:{port}/", settings)
    assert failure.kind is FailureKind.HTTP_ERROR
    assert "connect" in failure.message


# ---------------------------------------------------------------- body and content type


def test_declared_content_length_too_large(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    server.route("/big", Reply(body="x" * 5000))
    settings = FetchSettings(**{**fast_settings.__dict__, "max_bytes": 1000})
    failure = failure_of(server.url("/big"), settings)
    assert failure.kind is FailureKind.TOO_LARGE


def test_streamed_body_too_large(server: LocalServer, fast_settings: FetchSettings) -> None:
    server.route("/big", Reply(body="<html>" + "x" * 50_000, no_length=True))
    settings = FetchSettings(**{**fast_settings.__dict__, "max_bytes": 10_000})
    failure = failure_of(server.url("/big"), settings)
    assert failure.kind is FailureKind.TOO_LARGE


@pytest.mark.parametrize("content_type", ["application/json", "image/png", "text/plain"])
def test_not_html(server: LocalServer, fast_settings: FetchSettings, content_type: str) -> None:
    server.route("/data", Reply(body="{}", content_type=content_type))
    failure = failure_of(server.url("/data"), fast_settings)
    assert failure.kind is FailureKind.NOT_HTML
    assert content_type in failure.message


def test_xhtml_is_accepted(server: LocalServer, fast_settings: FetchSettings) -> None:
    server.route("/x", Reply(body=PRODUCT, content_type="application/xhtml+xml; charset=utf-8"))
    assert fetch(server.url("/x"), fast_settings).status == 200


# ----------------------------------------------------------------------- conditional GET


def test_conditional_get(server: LocalServer, fast_settings: FetchSettings) -> None:
    etag = '"v1"'
    modified = "Wed, 01 Jan 2025 00:00:00 GMT"

    def handler(seen: Seen) -> Reply:
        if seen.headers.get("if-none-match") == etag:
            return Reply(304, headers={"ETag": etag})
        return Reply(body=PRODUCT, headers={"ETag": etag, "Last-Modified": modified})

    server.route("/p", handler)
    kwargs: dict[str, Any] = {"settings": fast_settings, "limiter": NullHostLimiter()}
    first = run(scrape(FetchTarget(url=server.url("/p")), **kwargs))
    assert (first.etag, first.last_modified, first.not_modified) == (etag, modified, False)
    assert len(first.observations) == 1

    again = FetchTarget(url=server.url("/p"), etag=first.etag, last_modified=first.last_modified)
    second = run(scrape(again, **kwargs))
    assert second.not_modified
    assert second.observations == []
    assert second.etag == etag
    assert server.hits("/p")[-1].headers["if-modified-since"] == modified

    with pytest.raises(NotModified) as info:
        run(fetch_observations(again, **kwargs))
    assert info.value.etag == etag


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


def test_robots_5xx_means_disallow(server: LocalServer, fast_settings: FetchSettings) -> None:
    server.route("/robots.txt", Reply(503, content_type="text/plain"))
    server.route("/p", Reply(body=PRODUCT))
    failure = failure_of(server.url("/p"), fast_settings)
    assert failure.kind is FailureKind.ROBOTS_DISALLOWED
    assert "503" in failure.message
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


# ---------------------------------------------------------------------- in-process limiter


def test_in_process_limiter_one_in_flight_and_min_delay(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    server.route("/p", Reply(body=PRODUCT, delay=0.1))
    settings = FetchSettings(**{**fast_settings.__dict__, "min_host_delay": 0.2})
    finished: list[float] = []

    async def one(limiter: InProcessHostLimiter, cache: InMemoryRobotsCache) -> None:
        await fetch_page(server.url("/p"), settings=settings, limiter=limiter, robots_cache=cache)
        finished.append(time.time())

    async def main() -> None:
        limiter, cache = InProcessHostLimiter(), InMemoryRobotsCache()
        await asyncio.gather(*(one(limiter, cache) for _ in range(3)))

    run(main())
    starts = sorted(h.at for h in server.hits("/p"))
    assert len(starts) == 3
    for earlier, later in itertools.pairwise(starts):
        # each request takes 0.1 s; the next may start only 0.2 s after it ended
        assert later - earlier >= 0.28


def test_client_can_be_shared(server: LocalServer, fast_settings: FetchSettings) -> None:
    from scraper import make_client

    server.route("/p", Reply(body=PRODUCT))

    async def main() -> None:
        async with make_client(fast_settings) as client:
            for _ in range(2):
                page = await fetch_page(
                    server.url("/p"),
                    settings=fast_settings,
                    client=client,
                    limiter=NullHostLimiter(),
                    robots_cache=InMemoryRobotsCache(),
                )
                assert page.status == 200
            assert not client.is_closed

    run(main())


def test_httpx_is_the_only_network_library() -> None:
    import scraper.http

    assert scraper.http.httpx is httpx


def test_in_process_limiter_survives_several_event_loops() -> None:
    """Celery runs ``asyncio.run`` per task; the shared limiter must keep working and
    keep the delay across loops."""
    limiter = InProcessHostLimiter()
    stamps: list[float] = []

    async def use() -> None:
        async with limiter.slot("h.example", 0.2):
            stamps.append(time.monotonic())

    run(use())
    run(use())
    assert stamps[1] - stamps[0] >= 0.19


def test_in_process_limiter_does_not_delay_other_hosts() -> None:
    limiter = InProcessHostLimiter(min_delay=5.0)

    async def main() -> float:
        async with limiter.slot("a.example"):
            pass
        started = time.monotonic()
        async with limiter.slot("b.example"):
            pass
        return time.monotonic() - started

    assert run(main()) < 0.5
