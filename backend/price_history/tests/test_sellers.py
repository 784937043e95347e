"""Offers with sellers: a marketplace listings page checked by the worker stores one row
per seller (name, key, shipping), each delivery at most once, and the API shows them."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from price_history import gateway, services
from price_history.factories import TrackerFactory
from price_history.models import PriceHistory, RunStatus, ScrapeRun
from price_history.services.checks import _check_of
from price_history.tests.conftest import SCRAPER_FIXTURES, Reply, page
from price_history.tests.test_services_runs import run_once
from scraper import Money, Observation, Seller

pytestmark = pytest.mark.django_db

LISTING = "/market/super-metroid"


@pytest.fixture
def listing(pages):
    body = page("structured/listings_jsonld_sellers.html", SCRAPER_FIXTURES)
    pages.routes[LISTING] = Reply(body=body)
    return pages.url(LISTING)


def rows(item) -> list[tuple]:
    return list(
        PriceHistory.objects.filter(collectible=item)
        .order_by("price")
        .values_list("seller", "seller_key", "price", "currency", "condition", "shipping")
    )


def test_a_listings_page_is_stored_as_one_row_per_seller(scraper_settings, pages, listing, item):
    tracker = TrackerFactory(collectible=item, url=listing)

    run = run_once(tracker)

    host = pages.host.split(":")[0]
    palace = f"{host}|http://{pages.host}/sellers/pixel-palace"
    assert run.status == RunStatus.SUCCEEDED
    assert run.observations_recorded == 4
    assert rows(item) == [
        ("retro_ann", f"{host}|https://market.example/u/4711", Decimal("39.99"), "EUR", "", None),
        ("Pixel Palace", palace, Decimal("42.50"), "EUR", "", Decimal("4.90")),
        ("Game Vault Berlin", f"{host}|game vault berlin", Decimal("44.00"), "EUR", "", None),
        ("Pixel Palace", palace, Decimal("95.00"), "EUR", "new", Decimal("0.00")),
    ]
    keys = set(PriceHistory.objects.values_list("dedupe_key", flat=True))
    assert len(keys) == 4
    assert all(key.startswith(f"run:{run.pk}:structured:") for key in keys)


def test_a_second_delivery_of_the_same_run_stores_no_offer_twice(scraper_settings, listing, item):
    tracker = TrackerFactory(collectible=item, url=listing)
    run = run_once(tracker)
    before = rows(item)
    # The broker hands the run out again while it is still marked running (a worker died
    # after committing): the page is fetched again and yields the same offers.
    ScrapeRun.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING)

    services.scrape_run_execute(run_id=run.pk)

    assert rows(item) == before
    assert PriceHistory.objects.filter(collectible=item).count() == 4


def test_a_trackers_condition_keeps_the_offers_in_that_condition(scraper_settings, listing, item):
    tracker = TrackerFactory(collectible=item, url=listing, condition="new")

    run_once(tracker)

    assert [(r[0], r[2], r[4]) for r in rows(item)] == [("Pixel Palace", Decimal("95.00"), "new")]


def test_price_entries_show_who_offered_it(scraper_settings, listing, item, owner_client):
    run_once(TrackerFactory(collectible=item, url=listing))

    body = owner_client.get(f"/api/v1/collectibles/{item.pk}/price-entries/").json()

    shown = {(e["seller"], e["price"], e["shipping"]) for e in body["results"]}
    assert ("Pixel Palace", "42.50", "4.90") in shown
    assert ("Game Vault Berlin", "44.00", None) in shown
    assert all(e["seller_key"] for e in body["results"])


def test_a_check_before_saving_shows_the_sellers(scraper_settings, listing):
    request = {"url": listing, "source": "structured", "currency": "EUR"}

    answer = services.tracker_check_execute(request=request, timeout=5)

    check = _check_of(json.loads(json.dumps(answer)))  # as it travels through Redis
    assert [(p.seller, p.price, p.shipping) for p in check.observations] == [
        ("retro_ann", Decimal("39.99"), None),
        ("Pixel Palace", Decimal("42.50"), Decimal("4.90")),
        ("Game Vault Berlin", Decimal("44.00"), None),
        ("Pixel Palace", Decimal("95.00"), Decimal("0.00")),
    ]


def _observation(**fields) -> Observation:
    defaults = {
        "price": Money(Decimal("10"), "USD"),
        "condition": None,
        "title": "Item",
        "availability": "in_stock",
        "url": "https://www.market.example/p/1",
        "source": "structured",
    }
    return Observation(**{**defaults, **fields})


def test_seller_keys_are_per_site_and_shipping_only_in_the_prices_currency(item):
    tracker = TrackerFactory(collectible=item, url="https://www.market.example/p/1")
    observations = [
        _observation(seller=Seller("Bob"), shipping=Money(Decimal("2.5"), "USD")),
        _observation(
            url="https://other.example/p/1",
            seller=Seller("Bob", "https://other.example/u/bob"),
            shipping=Money(Decimal("2.5"), "EUR"),
        ),
        _observation(),
    ]

    prepared = gateway.prepare_observations(tracker, observations)

    assert [(p.seller, p.seller_key, p.shipping) for p in prepared] == [
        ("Bob", "market.example|bob", Decimal("2.50")),
        ("Bob", "other.example|https://other.example/u/bob", None),
        ("", "", None),
    ]
