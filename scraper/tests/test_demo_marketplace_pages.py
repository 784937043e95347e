"""The demo marketplace: every page shape parses with the real sources to ``price_for``."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

import scraper
from scraper.demo_marketplace import (
    CATALOGUE,
    EDGE_CASES,
    SHOP_PATHS,
    DemoMarketplaceServer,
    market_offers,
    market_sellers,
    price_for,
    serve_in_thread,
    shop_path,
)
from scraper.tests.demo_helpers import DAY, _extract_shop

# ---------------------------------------------------------------- pages parse to price_for


@pytest.mark.parametrize("slug", list(CATALOGUE))
def test_every_shop_shape_parses_to_price_for(
    market: tuple[DemoMarketplaceServer, str], client: httpx.Client, slug: str
) -> None:
    _, base = market
    product = CATALOGUE[slug]
    for shape in set(SHOP_PATHS) - {"market"}:
        url = base + shop_path(slug, shape)
        response = client.get(url)
        assert response.status_code == 200, url
        observations = _extract_shop(response.text, url, shape)
        assert len(observations) == 1, (shape, observations)
        obs = observations[0]
        assert obs.price.amount == price_for(slug, DAY), shape
        assert obs.price.currency == "USD", shape
        assert obs.condition is None, shape
        assert obs.title == product.display_title, shape
        if shape != "css":
            assert obs.availability == "in_stock", shape


@pytest.mark.parametrize("slug", list(CATALOGUE))
def test_every_listings_page_parses_to_one_offer_per_seller(
    market: tuple[DemoMarketplaceServer, str], client: httpx.Client, slug: str
) -> None:
    _, base = market
    url = base + shop_path(slug, "market")
    observations = scraper.extract(client.get(url).text, url)
    expected = market_offers(slug, DAY)
    assert [(o.seller.name if o.seller else None, o.price.amount) for o in observations] == [
        (offer.seller.name, offer.price) for offer in expected
    ]
    for obs, offer in zip(observations, expected, strict=True):
        assert obs.seller is not None
        assert obs.seller.id == f"{base}/market/seller/{offer.seller.id}"
        assert obs.shipping == scraper.Money(offer.seller.shipping, "USD")
        assert obs.title == CATALOGUE[slug].display_title
        assert (obs.availability, obs.condition, obs.price.currency) == ("in_stock", None, "USD")


def test_listings_share_sellers_across_products() -> None:
    offered = [set(market_sellers(slug)) for slug in CATALOGUE]
    assert all(len(sellers) == 3 for sellers in offered)
    # Every seller offers several products: what a want list's seller bundles come from.
    for seller in set().union(*offered):
        assert sum(seller in sellers for sellers in offered) >= 2


@pytest.mark.parametrize("slug", [s for s, p in CATALOGUE.items() if p.pricecharting])
def test_price_guide_pages_parse_per_condition(
    market: tuple[DemoMarketplaceServer, str], client: httpx.Client, slug: str
) -> None:
    _, base = market
    product = CATALOGUE[slug]
    url = f"{base}/game/{product.pricecharting}"
    response = client.get(url)
    assert response.status_code == 200
    observations = scraper.extract(response.text, url, source="pricecharting")
    got = {o.condition: o.price.amount for o in observations}
    assert got == {c: price_for(slug, DAY, c) for c in product.conditions}
    assert {o.price.currency for o in observations} == {"USD"}
    assert {o.title for o in observations} == {product.display_title}


def test_price_guide_change_span_is_not_read_as_a_price(
    market: tuple[DemoMarketplaceServer, str], client: httpx.Client
) -> None:
    _, base = market
    html = client.get(f"{base}/game/super-nintendo/earthbound").text
    assert 'class="change"' in html
    assert "<th>Loose</th>" in html
    cards = client.get(f"{base}/game/pokemon-base-set/charizard-4").text
    assert "<th>Ungraded</th>" in cards
    assert "PSA 10" in cards


def test_price_guide_with_another_console_redirects_to_the_canonical_page(
    market: tuple[DemoMarketplaceServer, str], client: httpx.Client
) -> None:
    _, base = market
    response = client.get(f"{base}/game/snes/earthbound")
    assert response.status_code == 301
    assert response.headers["location"] == "/game/super-nintendo/earthbound"


def test_prices_follow_the_servers_day() -> None:
    day = {"value": DAY}
    server, base = serve_in_thread(today=lambda: day["value"])
    try:
        with httpx.Client() as http:
            url = f"{base}/shop/product/chrono-trigger"
            seen = {}
            for offset in (0, 10, 20):
                day["value"] = DAY + timedelta(days=offset)
                obs = scraper.extract(http.get(url).text, url, source="structured")
                seen[offset] = obs[0].price.amount
                assert seen[offset] == price_for("chrono-trigger", day["value"])
            assert len(set(seen.values())) == 3
    finally:
        server.stop()


def test_index_links_every_page(
    market: tuple[DemoMarketplaceServer, str], client: httpx.Client
) -> None:
    _, base = market
    html = client.get(f"{base}/").text
    for slug, product in CATALOGUE.items():
        for shape in SHOP_PATHS:
            assert f'href="{shop_path(slug, shape)}"' in html
        if product.pricecharting:
            assert f'href="/game/{product.pricecharting}"' in html
    for case in EDGE_CASES:
        assert f'href="{case["path"]}"' in html


def test_listing_price_is_also_in_a_data_attribute(
    market: tuple[DemoMarketplaceServer, str], client: httpx.Client
) -> None:
    _, base = market
    url = f"{base}/listing/earthbound"
    html = client.get(url).text
    obs = scraper.extract(
        html, url, source="css", selector=".price-box", attribute="data-price", currency_hint="USD"
    )
    assert [o.price.amount for o in obs] == [price_for("earthbound", DAY)]
