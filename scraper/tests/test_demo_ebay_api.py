"""The demo marketplace's eBay Browse API: the ``ebay_api`` source reads its listings
(token, then item) with the right condition and the page's price; the catalogue search
finds them; without keys or a token it answers like eBay."""

from __future__ import annotations

import asyncio

import pytest

from scraper import FetchSettings, FetchTarget, Secret, scrape
from scraper.catalogue import search_catalogue
from scraper.demo_marketplace import EBAY_API_ITEMS, ebay_api_price, ebay_item_path, price_for
from scraper.sources import ebay_api
from scraper.tests.demo_helpers import DAY
from scraper.types import FailureKind, ScrapeFailure

KEYS = {"client_id": Secret("any-demo-app"), "client_secret": Secret("any-demo-secret")}


@pytest.fixture(autouse=True)
def _no_cached_tokens() -> None:
    ebay_api._TOKENS.clear()


def _scrape(market, slug: str, **options):
    server, base_url = market
    settings = FetchSettings(
        allowed_hosts=frozenset({server.host_port}), min_host_delay=0.0, max_retries=0
    )
    target = FetchTarget(
        url=base_url + ebay_item_path(slug),
        source="ebay_api",
        options={"api_url": f"{base_url}/ebay-api", **options},
    )
    return asyncio.run(scrape(target, settings=settings))


@pytest.mark.parametrize(
    ("slug", "condition", "shipping"),
    [
        ("umbreon-vmax-215", "psa_10", "5.00 USD"),  # graded: grader and grade descriptors
        ("ken-griffey-jr-1", "bgs_10", "6.50 USD"),
        ("charizard-ex-201", "near_mint", "0.00 USD"),  # raw: its card condition
    ],
)
def test_the_ebay_api_source_reads_the_demo_listings(market, slug, condition, shipping) -> None:
    (seen,) = _scrape(market, slug, **KEYS).observations

    assert (seen.price.amount, seen.price.currency) == (ebay_api_price(slug, DAY), "USD")
    assert (seen.condition, seen.availability, seen.source) == (condition, "in_stock", "ebay_api")
    assert str(seen.shipping) == shipping
    assert seen.seller is not None
    assert seen.seller.name == EBAY_API_ITEMS[slug].seller


def test_the_umbreon_listing_costs_what_its_ebay_page_shows(market, client) -> None:
    _, base_url = market
    price = ebay_api_price("umbreon-vmax-215", DAY)
    assert price == price_for("umbreon-vmax-215", DAY, "psa_10")
    page = client.get(f"{base_url}/ebay/itm/umbreon-vmax-215").text
    assert f"US ${price:,.2f}" in page
    listing = client.get(base_url + ebay_item_path("umbreon-vmax-215"))
    assert listing.status_code == 200
    assert f"${price:,.2f}" in listing.text


def test_without_keys_or_token_the_demo_api_refuses(market, client) -> None:
    _, base_url = market
    token = f"{base_url}/ebay-api/identity/v1/oauth2/token"
    form = {"grant_type": "client_credentials"}
    assert client.post(token, data=form).status_code == 401
    assert client.post(token, data={"grant_type": "password"}, auth=("a", "b")).status_code == 400
    assert client.get(token).status_code == 405
    answer = client.post(token, data=form, auth=("a", "b")).json()
    assert answer["expires_in"] > 0
    assert answer["token_type"] == "Application Access Token"
    number = ebay_item_path("umbreon-vmax-215").rsplit("/", 1)[1]
    item = f"{base_url}/ebay-api/buy/browse/v1/item/v1%7C{number}%7C0"
    assert client.get(item).status_code == 401
    assert client.get(item, headers={"Authorization": "Bearer someone-else"}).status_code == 401
    bearer = {"Authorization": f"Bearer {answer['access_token']}"}
    assert client.get(item, headers=bearer).json()["legacyItemId"] == number
    missing = f"{base_url}/ebay-api/buy/browse/v1/item/v1%7C100000000000%7C0"
    assert client.get(missing, headers=bearer).status_code == 404
    assert client.post(f"{base_url}/", data=form).status_code == 405


def test_the_source_without_keys_is_missing_credentials(market) -> None:
    with pytest.raises(ScrapeFailure) as info:
        _scrape(market, "umbreon-vmax-215")
    assert info.value.kind == FailureKind.MISSING_CREDENTIALS


def test_find_it_searches_the_demo_listings(market) -> None:
    server, base_url = market
    settings = FetchSettings(
        allowed_hosts=frozenset({server.host_port}), min_host_delay=0.0, max_retries=0
    )
    options = {"api_url": f"{base_url}/ebay-api", "site_url": f"{base_url}/ebay", **KEYS}
    found = search_catalogue("ebay_api", "Umbreon VMAX", options=options, settings=settings)
    matches = asyncio.run(found)
    assert [m.url for m in matches] == [base_url + ebay_item_path("umbreon-vmax-215")]
    assert "PSA 10" in matches[0].title
