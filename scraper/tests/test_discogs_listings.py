"""The Discogs source's listings page: besides its three API answers, a check reads the
release's public marketplace page (a saved real-shaped page on a local server) for each
seller's offer; a page it cannot read leaves the API's prices recorded alone, and says so."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

import pytest

from scraper import FetchSettings, FetchTarget, Secret, extract, scrape
from scraper.demo_marketplace.discogs_api import release_id_for
from scraper.demo_marketplace.discogs_listings import demo_listings
from scraper.sources.trace import tracing
from scraper.tests.conftest import LocalServer, Reply
from scraper.tests.demo_helpers import DAY
from scraper.tests.test_discogs import JSON, RELEASE_URL, TOKEN, _serve

PAGES = Path(__file__).parent / "fixtures" / "discogs"
LISTINGS = "/site/sell/release/249504"


def _page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def _check(server: LocalServer, settings: FetchSettings, **target: Any) -> list[Any]:
    options = {
        "api_url": server.url("/api"),
        "site_url": server.url("/site"),
        "token": Secret(TOKEN),
    }
    result = asyncio.run(
        scrape(FetchTarget(url=RELEASE_URL, options=options, **target), settings=settings)
    )
    return result.observations


def test_a_check_adds_each_sellers_offer_from_the_listings_page(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    _serve(server)
    server.route(LISTINGS, Reply(body=_page("sell_release_249504.html")))

    observations = _check(server, fast_settings)

    api = [o for o in observations if o.seller is None]
    listed = [o for o in observations if o.seller is not None]
    assert len(api) == 7  # six suggestions and the lowest copy, as without the page
    assert [(o.seller.name, o.condition, str(o.price)) for o in listed] == [
        ("Poor Richard", "played", "2.00 USD"),
        ("Groove Merchant", "good", "4.99 USD"),
        ("RecordRack", "excellent", "8.00 EUR"),
        ("VinylJunkie", "near_mint", "12.50 USD"),  # its dearer NM copy is left out
        ("MintMonk", "mint", "30.00 USD"),
    ]
    first = listed[0]
    assert first.url == server.url("/sell/item/1006")
    assert first.seller.id == server.url("/seller/Poor%20Richard/profile")
    assert str(first.shipping) == "3.25 USD"
    assert listed[1].shipping is None  # "+ shipping": not shown
    assert listed[-1].availability == "out_of_stock"  # in someone's cart
    assert first.listing_id is None  # a current offer, not a past sale
    # One check, one moment: the bundles read a tracker's latest check as a whole.
    assert {o.observed_at for o in observations} == {api[0].observed_at}
    # The page is a page: no token goes to it, robots.txt is asked first.
    page_request = server.hits(LISTINGS)[0]
    assert "authorization" not in page_request.headers
    assert server.hits("/robots.txt")


def test_the_trackers_condition_keeps_its_suggestion_and_those_listings(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    _serve(server)
    server.route(LISTINGS, Reply(body=_page("sell_release_249504.html")))

    observations = _check(server, fast_settings, condition="near_mint")

    assert [(o.seller and o.seller.name, str(o.price)) for o in observations] == [
        (None, "8.25 USD"),
        ("VinylJunkie", "12.50 USD"),
    ]


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        (Reply(403, _page("sell_release_challenge.html")), "http_error"),
        (Reply(200, _page("sell_release_challenge.html")), "selector_not_found"),
        (Reply(200, "{}", content_type=JSON), "not_html"),
    ],
)
def test_a_listings_page_it_cannot_read_leaves_the_api_prices_and_says_why(
    server: LocalServer,
    fast_settings: FetchSettings,
    caplog: pytest.LogCaptureFixture,
    reply: Reply,
    reason: str,
) -> None:
    _serve(server)
    server.route(LISTINGS, reply)

    with caplog.at_level(logging.WARNING, logger="scraper.pipeline"), tracing() as notes:
        observations = _check(server, fast_settings)

    assert len(observations) == 7
    assert all(o.seller is None for o in observations)
    assert any(reason in record.getMessage() for record in caplog.records)
    assert any("listings: not read" in n and reason in n for n in notes)


def test_robots_txt_keeps_the_listings_page_unread(
    server: LocalServer, fast_settings: FetchSettings, caplog: pytest.LogCaptureFixture
) -> None:
    _serve(server)
    server.route("/robots.txt", Reply(body="User-agent: *\nDisallow: /site/sell/\n",
                                      content_type="text/plain"))  # fmt: skip
    server.route(LISTINGS, Reply(body=_page("sell_release_249504.html")))

    with caplog.at_level(logging.WARNING, logger="scraper.pipeline"):
        observations = _check(server, fast_settings)

    assert len(observations) == 7
    assert server.hits(LISTINGS) == []
    assert "robots_disallowed" in caplog.text
    # The API itself is no crawler's page: robots.txt does not govern it.
    assert server.hits("/api/releases/249504")


def test_a_saved_listings_page_is_read_offline() -> None:
    observations = extract(
        _page("sell_release_legacy.html"), "https://www.discogs.com/sell/release/249504"
    )
    assert [(o.seller.name if o.seller else None, o.condition) for o in observations] == [
        ("Ronan266", "near_mint"),  # no profile link: the shipping button names it
        ("berlin_beats", "excellent"),
    ]
    assert observations[0].seller is not None
    assert observations[0].seller.id == "https://www.discogs.com/seller/Ronan266/profile"
    assert observations[1].seller is not None
    assert observations[1].seller.id == "https://www.discogs.com/seller/berlin_beats/profile"


def test_the_demo_marketplace_lists_its_records_with_shared_sellers(market) -> None:
    server, base_url = market
    slug = "nirvana-nevermind-dgc-1991"
    release = release_id_for(slug)
    settings = FetchSettings(
        allowed_hosts=frozenset({server.host_port}), min_host_delay=0.0, max_retries=0
    )
    options = {
        "api_url": f"{base_url}/discogs-api",
        "site_url": f"{base_url}/discogs",
        "token": Secret("any-demo-token"),
    }
    url = f"{base_url}/discogs/release/{release}-{slug}"
    result = asyncio.run(
        scrape(FetchTarget(url=url, source="discogs", options=options), settings=settings)
    )
    listed = {
        (o.seller.name, o.condition, o.price.amount, o.shipping and o.shipping.amount)
        for o in result.observations
        if o.seller is not None
    }
    expected = {
        (x.seller.name, x.condition, x.price, x.seller.shipping) for x in demo_listings(slug, DAY)
    }
    assert listed == expected
    assert len({name for name, *_ in listed}) >= 3
    lowest = next(o for o in result.observations if o.seller is None and o.condition is None)
    assert lowest.price.amount == min(x.price for x in demo_listings(slug, DAY))
