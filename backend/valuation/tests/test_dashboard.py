"""The dashboard, computed on the hand-checked collection of conftest.py."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from conftest import client_for
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inventory.factories import CollectibleFactory
from users.factories import UserFactory
from valuation.tests.conftest import price, rates
from vendors.factories import MembershipFactory, VendorFactory
from vendors.models import Role

pytestmark = pytest.mark.django_db

URL = "/api/v1/dashboard"


def by_name(items):
    return {item["name"]: item for item in items}


def test_dashboard_numbers_of_a_hand_checked_collection(owner_client, collection):
    response = owner_client.get(URL)

    assert response.status_code == 200
    body = response.json()
    assert body["currency"] == "EUR"
    assert body["total_value"] == "1115.00"  # 400 + 375 + 200 + 60 + 80
    assert body["cost_basis"] == "1339.09"  # 909.09 + 200 + 200 + 30
    # Gain over the items with both a value and a cost (not D, not F).
    assert body["unrealised_gain"] == {
        "amount": "-304.09",
        "percent": "-22.71",
        "value": "1035.00",
        "cost": "1339.09",
        "item_count": 4,
    }
    assert (body["item_count"], body["unit_count"]) == (6, 9)
    assert (body["priced_count"], body["unpriced_count"], body["unconvertible_count"]) == (5, 1, 0)
    assert body["stale_count"] == 1
    assert body["stale_after_days"] == 14
    assert body["by_basis"] == {"observed": 3, "manual": 1, "purchase": 1, "none": 1}


def test_most_valuable_items_say_which_basis_and_how_old(owner_client, collection):
    body = owner_client.get(URL).json()

    ranked = [(i["name"], i["value"], i["basis"]) for i in body["most_valuable"]]
    assert ranked == [
        ("Charizard", "400.00", "observed"),
        ("EarthBound", "375.00", "manual"),
        ("Abbey Road", "200.00", "purchase"),
        ("Boba Fett", "80.00", "observed"),
        ("Saga #1", "60.00", "observed"),
    ]
    items = by_name(body["most_valuable"])
    charizard = items["Charizard"]
    assert charizard["price"]["price"] == "500.00"
    assert charizard["price"]["currency"] == "USD"
    assert charizard["price"]["condition"] == "psa_10"
    assert (charizard["age_days"], charizard["is_stale"]) == (2, False)
    assert charizard["cost"] == "909.09"
    assert items["EarthBound"]["unit_value"] == "187.50"
    assert items["Saga #1"]["age_days"] == 30
    assert items["Saga #1"]["is_stale"] is True
    assert items["Abbey Road"]["price"] is None
    assert items["Abbey Road"]["age_days"] is None


def test_top_ten_only(owner_client, vendor):
    for n in range(12):
        CollectibleFactory(vendor=vendor, name=f"Card {n:02}", purchase_price=Decimal(n + 1),
                           purchase_currency="EUR")  # fmt: skip

    body = owner_client.get(URL).json()

    assert len(body["most_valuable"]) == 10
    assert body["most_valuable"][0]["name"] == "Card 11"


def test_movers_over_7_and_30_days(owner_client, collection):
    body = owner_client.get(URL).json()

    gainers_7d = [(m["item"]["name"], m["previous_value"], m["value"], m["change"],
                   m["change_percent"]) for m in body["movers_7d"]["gainers"]]  # fmt: skip
    assert gainers_7d == [("Charizard", "360.00", "400.00", "40.00", "11.11")]
    losers_7d = [(m["item"]["name"], m["change"], m["change_percent"])
                 for m in body["movers_7d"]["losers"]]  # fmt: skip
    assert losers_7d == [("Boba Fett", "-20.00", "-20.00")]
    # 30 days ago Charizard had no market price (only its purchase price): not a mover.
    assert body["movers_30d"]["gainers"] == []
    assert [m["item"]["name"] for m in body["movers_30d"]["losers"]] == ["Boba Fett"]


def test_value_by_category(owner_client, collection):
    body = owner_client.get(URL).json()

    assert body["by_category"] == [
        {"category": "trading_card", "label": "Trading card", "value": "400.00",
         "item_count": 1, "priced_count": 1},
        {"category": "video_game", "label": "Video game", "value": "375.00",
         "item_count": 1, "priced_count": 1},
        {"category": "vinyl", "label": "Vinyl", "value": "200.00", "item_count": 1,
         "priced_count": 1},
        {"category": "figure", "label": "Figure", "value": "80.00", "item_count": 2,
         "priced_count": 1},
        {"category": "comic", "label": "Comic", "value": "60.00", "item_count": 1,
         "priced_count": 1},
    ]  # fmt: skip


def test_an_empty_collection_is_all_zeros(owner_client, vendor):
    body = owner_client.get(URL).json()

    assert (body["total_value"], body["cost_basis"], body["item_count"]) == ("0.00", "0.00", 0)
    assert body["unrealised_gain"]["percent"] is None
    assert body["most_valuable"] == []
    assert body["by_category"] == []


def test_query_count_does_not_grow_with_the_collection(owner_client, vendor, now):
    rates([now.date()], USD="1.25")

    def add_items(count):
        for _ in range(count):
            item = CollectibleFactory(vendor=vendor)
            price(item, "10", "USD", now - timedelta(days=1))

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert owner_client.get(URL).status_code == 200
        return len(captured.captured_queries)

    add_items(2)
    small_cold, small_warm = count(), count()
    add_items(20)
    large_cold, large_warm = count(), count()

    # Cold: the items lacking a valuation row are found and valued first (vendor
    # currencies, prices, rates, one upsert); warm: one count finds nothing to value. Both
    # read the answer cache's read versions first (the cold request's valuing wrote, so
    # the warm one is computed too).
    assert small_cold == large_cold <= 9
    assert small_warm == large_warm <= 5


# ------------------------------------------------------------------------------- scoping


def test_anonymous_is_401(api_client, db):
    assert api_client.get(URL).status_code == 401
    assert api_client.get(URL + "/value-history").status_code == 401


def test_another_vendor_is_404(owner_client, collection):
    stranger = VendorFactory()

    for url in (URL, URL + "/value-history"):
        response = owner_client.get(url, {"vendor": stranger.pk})
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"


def test_a_viewer_reads_the_vendor_dashboard(collection, vendor):
    viewer = UserFactory()
    MembershipFactory(user=viewer, vendor=vendor, role=Role.VIEWER)

    response = client_for(viewer).get(URL, {"vendor": vendor.pk})

    assert response.status_code == 200
    assert response.json()["vendor"] == {"id": vendor.pk, "name": vendor.name}
    assert response.json()["total_value"] == "1115.00"


def test_default_is_the_personal_collection(owner_client, vendor, owner):
    shop = VendorFactory(default_currency="GBP")
    MembershipFactory(user=owner, vendor=shop, role=Role.OWNER)

    assert owner_client.get(URL).json()["vendor"]["id"] == vendor.pk
    assert owner_client.get(URL, {"vendor": shop.pk}).json()["currency"] == "GBP"


def test_no_personal_collection_is_404(db):
    user = UserFactory()
    user.memberships.all().delete()

    assert client_for(user).get(URL).status_code == 404


@pytest.mark.parametrize(
    "query",
    [{"vendr": "1"}, {"vendor": "abc"}, {"vendor": "0"}],
)
def test_bad_query_parameters_are_400(owner_client, vendor, query):
    response = owner_client.get(URL, query)

    assert response.status_code == 400
    assert set(response.json()["fields"]) == set(query)


def test_dates_are_iso(owner_client, collection):
    body = owner_client.get(URL).json()

    assert date.fromisoformat(body["as_of"][:10])


def test_the_headline_in_the_collectors_display_currency(owner, owner_client, collection):
    owner.display_currency = "USD"
    owner.save(update_fields=["display_currency"])

    body = owner_client.get(URL).json()

    # Today's rate is 1.25 USD per euro (conftest): the collection itself stays in EUR.
    assert body["currency"] == "EUR"
    assert body["total_value"] == "1115.00"
    assert body["display"] == {
        "currency": "USD",
        "rate": "1.250000",
        "total_value": "1393.75",
        "cost_basis": "1673.86",  # 1339.09 x 1.25 = 1673.8625
        "unrealised_gain": "-380.11",  # -304.09 x 1.25 = -380.1125
    }


@pytest.mark.parametrize("display_currency", ["", "EUR", "CHF"])
def test_no_display_block_without_a_different_currency_with_a_rate(
    owner, owner_client, collection, display_currency
):
    owner.display_currency = display_currency  # CHF: no rate recorded
    owner.save(update_fields=["display_currency"])

    assert owner_client.get(URL).json()["display"] is None
