"""The want list's rows carry each wanted item's best offer now (`best_offer`), found for
the whole page at once: the SPA needs no request per row."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inventory.factories import CollectibleFactory
from price_history.factories import TrackerFactory
from valuation.tests.conftest import price, rates
from valuation.tests.test_wanted_items import offers_url, wanted

pytestmark = pytest.mark.django_db

LIST = "/api/v1/collectibles/"
WANT_LIST = f"{LIST}?status=wanted&ordering=name"


def rows(client, url=WANT_LIST):
    response = client.get(url)
    assert response.status_code == 200, response.json()
    return {row["name"]: row for row in response.json()["results"]}


def test_each_wanted_row_has_its_cheapest_current_offer_against_its_maximum(
    owner_client, vendor, now
):
    rates([now.date()], USD="1.25")
    cheap = wanted(vendor, name="Charizard", condition="near_mint", max_price=Decimal("40"))
    shop = TrackerFactory(collectible=cheap)
    price(cheap, "60", "EUR", now - timedelta(hours=2), tracker=shop, condition="mint",
          url="https://shop.example/charizard")  # fmt: skip
    price(cheap, "45", "USD", now - timedelta(hours=1), source="pricecharting",
          condition="near_mint", url="https://pricecharting.example/c")  # fmt: skip
    pricey = wanted(vendor, name="Mew", max_price=Decimal("10"))
    price(pricey, "12", "EUR", now - timedelta(hours=1), condition="near_mint")
    unseen = wanted(vendor, name="Zapdos")
    price(unseen, "5", "EUR", now - timedelta(hours=1), condition="played")  # worse: not it

    found = rows(owner_client)

    best = found["Charizard"]["best_offer"]
    # 45 USD is 36.00 EUR at today's rate: cheaper than the 60 EUR mint one, within 40.
    assert {k: best[k] for k in ("source", "price", "currency", "url", "within_max_price")} == {
        "source": "pricecharting",
        "price": "45.00",
        "currency": "USD",
        "url": "https://pricecharting.example/c",
        "within_max_price": True,
    }
    assert (best["compared_price"], best["compared_currency"]) == ("36.00", "EUR")
    assert found["Mew"]["best_offer"]["within_max_price"] is False
    assert found["Zapdos"]["best_offer"] is None
    # The row's offer is the first of the item's best offers per source, as the detail's.
    assert best == owner_client.get(offers_url(cheap.pk)).json()["results"][0]
    assert owner_client.get(f"{LIST}{cheap.pk}/").json()["best_offer"] == best


def test_items_not_wanted_have_no_best_offer(owner_client, vendor, now):
    owned = CollectibleFactory(vendor=vendor, name="Owned", condition="good")
    price(owned, "20", "EUR", now - timedelta(hours=1), condition="excellent")
    item = wanted(vendor, name="Bought", max_price=Decimal("30"))
    price(item, "20", "EUR", now - timedelta(hours=1), condition="near_mint")

    assert rows(owner_client, LIST)["Owned"]["best_offer"] is None
    assert rows(owner_client, LIST)["Bought"]["best_offer"]["price"] == "20.00"
    acquired = owner_client.post(f"{LIST}{item.pk}/acquire", {"purchase_price": "20"},
                                 format="json")  # fmt: skip
    assert acquired.status_code == 200, acquired.json()
    assert acquired.json()["best_offer"] is None


def test_the_page_finds_its_best_offers_in_a_fixed_number_of_queries(owner_client, vendor, now):
    rates([now.date()], USD="1.25")
    for n in range(12):
        item = wanted(vendor, name=f"Want {n:02}", condition="excellent" if n % 2 else "good")
        price(item, str(10 + n), "EUR" if n % 3 == 1 else "USD", now - timedelta(hours=1),
              condition="near_mint")  # fmt: skip
    rows(owner_client)  # values the items: that is the valuation's, counted elsewhere

    def count(size):
        with CaptureQueriesContext(connection) as queries:
            found = rows(owner_client, f"{WANT_LIST}&page_size={size}")
        assert len(found) == size
        assert all(row["best_offer"] for row in found.values())
        return len(queries.captured_queries)

    # Memberships, the answer cache's read versions, count, the page; its offers in one
    # statement, their rates in another.
    assert count(1) == count(12) == 6
    without_wants = rows(owner_client, f"{LIST}?status=owned")
    assert without_wants == {}
