"""Wanted items: out of every total of the collection (dashboard, snapshots, movers), a
valuation that says so, and their best current offers ("best offer now")."""

from datetime import timedelta
from decimal import Decimal

import pytest
from conftest import client_for

from inventory.factories import CollectibleFactory
from price_history.factories import TrackerFactory
from users.factories import UserFactory
from valuation import services
from valuation.models import ItemValuation, ValueSnapshot
from valuation.tests.conftest import price, rates

pytestmark = pytest.mark.django_db

DASHBOARD = "/api/v1/dashboard"
LIST = "/api/v1/collectibles/"


def offers_url(item_id: int) -> str:
    return f"{LIST}{item_id}/best-offers"


def wanted(vendor, **fields):
    defaults = {
        "purchase_price": None,
        "purchase_currency": "",
        "status": "wanted",
        "max_price": Decimal("50.00"),
        "max_price_currency": "EUR",
    }
    return CollectibleFactory(vendor=vendor, **{**defaults, **fields})


@pytest.fixture
def wish(vendor, collection, now):
    """A wanted coin beside the hand-checked collection, with prices that would make it
    the most valuable item and a top mover were it owned."""
    item = wanted(vendor, name="Wish", category="coin", quantity=4)
    price(item, "1000", "EUR", now - timedelta(days=1))
    price(item, "10", "EUR", now - timedelta(days=20))
    return item


def test_wanted_items_are_in_no_total_of_the_dashboard(owner_client, wish):
    body = owner_client.get(DASHBOARD).json()

    # The hand-checked collection's numbers (test_dashboard.py), untouched by the want.
    assert (body["total_value"], body["cost_basis"]) == ("1115.00", "1339.09")
    assert (body["item_count"], body["unit_count"], body["priced_count"]) == (6, 9, 5)
    assert body["sold_count"] == 0
    listed = [i["name"] for i in body["most_valuable"]]
    for window in ("movers_7d", "movers_30d"):
        listed += [m["item"]["name"] for side in ("gainers", "losers") for m in body[window][side]]
    assert "Wish" not in listed
    assert "coin" not in {group["category"] for group in body["by_category"]}


def test_a_wanted_items_valuation_says_wanted_in_list_and_detail(owner_client, wish):
    detail = owner_client.get(f"{LIST}{wish.pk}/").json()["valuation"]
    rows = {row["name"]: row["valuation"] for row in owner_client.get(LIST).json()["results"]}

    assert detail == rows["Wish"]
    assert detail["basis"] == "wanted"
    assert (detail["value"], detail["cost"], detail["price"]) == (None, None, None)
    assert ItemValuation.objects.get(pk=wish.pk).value_7d is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [("value_basis=wanted", {"Wish"}), ("priced=false", {"Mystery"})],
)
def test_value_filters_know_wanted_items(owner_client, wish, query, expected):
    results = owner_client.get(f"{LIST}?{query}").json()["results"]

    assert {row["name"] for row in results} == expected


def test_snapshots_leave_wanted_items_out(vendor, now):
    wanted(vendor)
    CollectibleFactory(vendor=vendor, purchase_price=Decimal("10"), purchase_currency="EUR",
                       purchase_date=now.date() - timedelta(days=8))  # fmt: skip

    services.backfill_values(vendor=vendor, days=3, now=now)

    snapshot = ValueSnapshot.objects.get(vendor=vendor, day=now.date())
    assert (snapshot.item_count, snapshot.total_value) == (1, Decimal("10.00"))


def test_acquiring_brings_the_item_into_the_dashboard(owner_client, vendor, now):
    item = wanted(vendor, name="Now mine", category="coin")
    assert owner_client.get(DASHBOARD).json()["item_count"] == 0

    owner_client.post(f"{LIST}{item.pk}/acquire", {"purchase_price": "30"}, format="json")

    body = owner_client.get(DASHBOARD).json()
    assert (body["item_count"], body["total_value"]) == (1, "30.00")


def test_acquiring_keeps_the_trackers_and_price_history(owner_client, vendor, now):
    item = wanted(vendor)
    tracker = TrackerFactory(collectible=item)
    price(item, "45", "EUR", now - timedelta(hours=1), tracker=tracker, condition="near_mint")

    response = owner_client.post(
        f"{LIST}{item.pk}/acquire", {"purchase_price": "45"}, format="json"
    )

    assert response.status_code == 200, response.json()
    assert list(item.trackers.all()) == [tracker]
    assert item.price_history.count() == 1
    assert response.json()["valuation"]["basis"] == "observed"


class TestBestOffers:
    def test_the_cheapest_current_offer_per_source_that_meets_the_condition(
        self, owner_client, vendor, now
    ):
        item = wanted(vendor, condition="near_mint", max_price=Decimal("50.00"))
        shop, other = TrackerFactory(collectible=item), TrackerFactory(collectible=item)
        ago = lambda days: now - timedelta(days=days)  # noqa: E731
        price(item, "30", "EUR", ago(5), tracker=shop, condition="played")  # worse: not it
        price(item, "60", "EUR", ago(3), tracker=shop, condition="mint")  # better: meets
        price(
            item,
            "40",
            "EUR",
            ago(4),
            tracker=other,
            condition="near_mint",
            url="https://b.example/x",
        )
        price(item, "45", "EUR", ago(2), tracker=other, condition="near_mint")  # the latest
        price(item, "1", "EUR", ago(1), source="manual")  # by hand: not an offer
        price(item, "2", "EUR", ago(1), is_demo=True)  # generated: not an offer
        price(item, "3", "EUR", ago(400), tracker=shop)  # stale
        price(item, "55", "EUR", ago(1), source="pricecharting")  # no condition: counts

        body = owner_client.get(offers_url(item.pk)).json()

        assert body["status"] == "wanted"
        assert "mint" in body["conditions"]
        assert "played" not in body["conditions"]
        assert [(o["source"], o["price"], o["condition"], o["within_max_price"])
                for o in body["results"]] == [
            ("structured", "45.00", "near_mint", True),
            ("pricecharting", "55.00", "", False),
        ]  # fmt: skip
        assert body["results"][0]["tracker"] == other.pk

    def test_offers_in_another_currency_are_compared_at_todays_rate(
        self, owner_client, vendor, now
    ):
        rates([now.date()], USD="1.25")
        item = wanted(vendor, max_price=Decimal("40.00"), max_price_currency="EUR")
        price(item, "50", "USD", now - timedelta(hours=1), condition="near_mint")
        price(item, "70", "JPY", now - timedelta(hours=1), source="css")  # no rate

        results = owner_client.get(offers_url(item.pk)).json()["results"]

        assert [(o["currency"], o["compared_price"], o["within_max_price"]) for o in results] == [
            ("USD", "40.00", True),
            ("JPY", None, None),
        ]

    def test_a_graded_want_is_met_by_that_grade_or_better(self, owner_client, vendor, now):
        item = wanted(vendor, grader="psa", grade=Decimal("9"))
        at = now - timedelta(hours=1)
        price(item, "100", "EUR", at, source="pricecharting", condition="grade_8")
        price(item, "300", "EUR", at, source="pricecharting", condition="grade_9_5")

        body = owner_client.get(offers_url(item.pk)).json()

        assert [o["condition"] for o in body["results"]] == ["grade_9_5"]

    def test_an_owned_item_has_offers_without_a_maximum_price(self, owner_client, vendor, now):
        item = CollectibleFactory(vendor=vendor, condition="good")
        price(item, "20", "EUR", now - timedelta(hours=1), condition="excellent")

        body = owner_client.get(offers_url(item.pk)).json()

        assert body["max_price"] is None
        assert body["results"][0]["compared_currency"] == "EUR"
        assert body["results"][0]["within_max_price"] is None

    def test_another_users_item_is_not_found(self, vendor):
        item = wanted(vendor)

        response = client_for(UserFactory()).get(offers_url(item.pk))

        assert response.status_code == 404
