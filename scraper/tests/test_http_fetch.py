"""Fetching against a local server (127.0.0.1, allow-listed): happy paths, body and
content type, conditional GET. No real website is touched."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from scraper import (
    USER_AGENT,
    FailureKind,
    FetchSettings,
    FetchTarget,
    InMemoryRobotsCache,
    NotModified,
    NullHostLimiter,
    ScrapeFailure,
    fetch_observations,
    fetch_page,
    scrape,
)
from scraper.tests.conftest import LocalServer, Reply, Seen
from scraper.tests.http_helpers import PRICECHARTING, PRODUCT, failure_of, fetch, run

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
    import scraper.http.fetch

    assert scraper.http.fetch.httpx is httpx
