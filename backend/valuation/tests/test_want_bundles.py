"""Seller bundles (`GET /want-bundles/`): per seller, the caller's wanted items it offers
now, totalled in the collection currency; only sellers with two or more of them."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from conftest import client_for
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inventory.factories import CollectibleFactory
from price_history.factories import TrackerFactory
from users.factories import UserFactory
from valuation.selectors.bundles import MAX_BUNDLES, want_bundles
from valuation.tests.conftest import price, rates
from vendors.factories import MembershipFactory, VendorFactory
from vendors.models import Role

pytestmark = pytest.mark.django_db

URL = "/api/v1/want-bundles/"


def wanted(vendor, name, **fields):
    defaults = {
        "purchase_price": None,
        "purchase_currency": "",
        "status": "wanted",
        "max_price": None,
        "max_price_currency": "",
    }
    return CollectibleFactory(vendor=vendor, name=name, **{**defaults, **fields})


def offer(item, seller, amount, at, *, tracker=None, currency="EUR", **extra):
    """One seller's offer seen by a check of `tracker` (the item's first one by default)."""
    tracker = tracker or item.trackers.first() or TrackerFactory(collectible=item)
    fields = {
        "tracker": tracker,
        "seller": seller,
        "seller_key": f"market.example|{seller.casefold()}",
        "availability": "in_stock",
        "url": tracker.url,
        **extra,
    }
    return price(item, amount, currency, at, **fields)


def summary(body) -> list[tuple]:
    return [
        (b["seller"], b["item_count"], b["total"], [i["name"] for i in b["items"]])
        for b in body["results"]
    ]


@pytest.fixture
def checked(now):
    """When the trackers were last checked: an hour ago."""
    return now - timedelta(hours=1)


def test_a_seller_offering_several_wants_is_one_bundle_most_items_first(
    owner_client, vendor, checked
):
    a, b, c = (wanted(vendor, name, priority=p) for name, p in (("A", 1), ("B", 2), ("C", 3)))
    for item, amount in ((a, "10"), (b, "20"), (c, "5")):
        offer(item, "Big Shop", amount, checked, shipping=Decimal("3.00"))
    offer(a, "Pair Shop", "11", checked)
    offer(b, "Pair Shop", "12.50", checked)
    offer(c, "Lonely Shop", "1", checked)  # one want only: no bundle

    body = owner_client.get(URL).json()

    assert body["currency"] == "EUR"
    assert body["count"] == 2
    assert summary(body) == [
        ("Big Shop", 3, "35.00", ["A", "B", "C"]),
        ("Pair Shop", 2, "23.50", ["A", "B"]),
    ]
    first = body["results"][0]
    assert first["shipping_separately"] == "9.00"
    assert body["results"][1]["shipping_separately"] is None  # not stated
    assert first["seller_key"] == "market.example|big shop"
    item = first["items"][0]
    assert (item["collectible"], item["price"], item["currency"], item["converted_price"]) == (
        a.pk,
        "10.00",
        "EUR",
        "10.00",
    )
    assert item["url"] == a.trackers.get().url
    assert item["tracker"] == a.trackers.get().pk


def test_equal_sized_bundles_come_cheapest_first(owner_client, vendor, checked):
    a, b = wanted(vendor, "A"), wanted(vendor, "B")
    for seller, amounts in (("Dear", ("30", "30")), ("Cheap", ("10", "15"))):
        for item, amount in zip((a, b), amounts, strict=True):
            offer(item, seller, amount, checked)

    assert [b["seller"] for b in owner_client.get(URL).json()["results"]] == ["Cheap", "Dear"]


def test_offers_in_other_currencies_are_totalled_in_the_collection_currency(
    owner_client, vendor, now, checked
):
    rates([now.date()], USD="1.25", GBP="0.80")
    a, b, c = wanted(vendor, "A"), wanted(vendor, "B"), wanted(vendor, "C")
    offer(a, "Shop", "25", checked, currency="USD")  # 20.00 EUR
    offer(b, "Shop", "8", checked, currency="GBP", shipping=Decimal("4"))  # 10.00 EUR
    offer(c, "Shop", "500", checked, currency="JPY")  # no rate: left out

    [bundle] = owner_client.get(URL).json()["results"]

    assert (bundle["item_count"], bundle["total"], bundle["currency"]) == (2, "30.00", "EUR")
    by_name = {i["name"]: i for i in bundle["items"]}
    assert (by_name["A"]["price"], by_name["A"]["currency"]) == ("25.00", "USD")
    assert by_name["A"]["converted_price"] == "20.00"
    assert (by_name["B"]["shipping"], bundle["shipping_separately"]) == ("4.00", None)


def test_only_offers_at_or_under_the_maximum_price_count(owner_client, vendor, now, checked):
    rates([now.date()], USD="1.25")
    cheap = wanted(vendor, "Cheap", max_price=Decimal("20.00"), max_price_currency="EUR")
    exact = wanted(vendor, "Exact", max_price=Decimal("40.00"), max_price_currency="USD")
    dear = wanted(vendor, "Dear", max_price=Decimal("10.00"), max_price_currency="EUR")
    unknown = wanted(vendor, "Unknown", max_price=Decimal("10.00"), max_price_currency="EUR")
    offer(cheap, "Shop", "20", checked)  # at the maximum: in
    offer(exact, "Shop", "32", checked)  # 40.00 USD at today's rate: in
    offer(dear, "Shop", "10.01", checked)  # over: out
    offer(unknown, "Shop", "5", checked, currency="JPY")  # no rate to compare: out

    [bundle] = owner_client.get(URL).json()["results"]

    assert [i["name"] for i in bundle["items"]] == ["Cheap", "Exact"]


def test_only_offers_meeting_the_wanted_condition_count(owner_client, vendor, checked):
    nm = wanted(vendor, "Near mint", condition="near_mint")
    other = wanted(vendor, "Other", condition="near_mint")
    unsaid = wanted(vendor, "Unsaid", condition="near_mint")
    offer(nm, "Shop", "10", checked, condition="mint")  # better: meets it
    offer(other, "Shop", "10", checked, condition="played")  # worse: does not
    offer(unsaid, "Shop", "10", checked, condition="")  # the page does not say: counts

    [bundle] = owner_client.get(URL).json()["results"]

    assert [i["name"] for i in bundle["items"]] == ["Near mint", "Unsaid"]
    assert [i["condition"] for i in bundle["items"]] == ["mint", ""]


def test_only_current_in_stock_observed_offers_count(owner_client, vendor, now, checked):
    items = [wanted(vendor, name) for name in ("A", "B", "Sold out", "Stale", "Demo", "Gone")]
    a, b, sold_out, stale, demo, gone = items
    offer(a, "Shop", "10", checked)
    offer(b, "Shop", "10", checked, availability="")  # the page does not say: counts
    offer(sold_out, "Shop", "10", checked, availability="out_of_stock")
    offer(stale, "Shop", "10", now - timedelta(days=30))
    offer(demo, "Shop", "10", checked, is_demo=True)
    # The seller was on the page a day ago, but the latest check did not list it any more.
    offer(gone, "Shop", "10", now - timedelta(days=1))
    offer(gone, "Another shop", "12", checked)
    owned = CollectibleFactory(vendor=vendor, name="Owned")
    offer(owned, "Shop", "10", checked)

    [bundle] = owner_client.get(URL).json()["results"]

    assert [i["name"] for i in bundle["items"]] == ["A", "B"]


def test_the_cheapest_offer_of_a_seller_per_item_counts(owner_client, vendor, checked):
    a, b = wanted(vendor, "A"), wanted(vendor, "B")
    offer(a, "Shop", "30", checked)
    offer(a, "Shop", "25", checked, tracker=TrackerFactory(collectible=a))  # its other page
    offer(a, "Shop", "20", checked, condition="mint")  # another condition on the same page
    offer(b, "Shop", "5", checked)

    [bundle] = owner_client.get(URL).json()["results"]

    assert (bundle["item_count"], bundle["total"]) == (2, "25.00")


def test_bundles_are_the_callers_only(owner, vendor, owner_client, checked):
    mine = wanted(vendor, "Mine")
    stranger = UserFactory()
    theirs = wanted(stranger.memberships.get().vendor, "Theirs")
    shop = VendorFactory(default_currency="USD")  # a shop the caller views
    MembershipFactory(user=owner, vendor=shop, role=Role.VIEWER)
    shared = wanted(shop, "Shared")
    for item in (mine, theirs, shared):
        offer(item, "Shop", "10", checked)

    [bundle] = owner_client.get(URL).json()["results"]
    assert [i["name"] for i in bundle["items"]] == ["Mine", "Shared"]
    # One of the caller's vendors only.
    assert owner_client.get(f"{URL}?vendor={vendor.pk}").json()["results"] == []
    # The stranger sees their one want: no bundle, and never the caller's.
    assert client_for(stranger).get(URL).json()["results"] == []


@pytest.mark.parametrize(
    ("query", "status"),
    [("vendor=999999", 404), ("vendor=abc", 400), ("vendor=0", 400), ("page=2", 400)],
)
def test_bad_queries_are_refused_in_the_error_shape(owner_client, query, status):
    response = owner_client.get(f"{URL}?{query}")

    assert response.status_code == status
    assert set(response.json()) >= {"detail", "code"}


def test_another_users_vendor_is_not_found(owner_client):
    other = UserFactory().memberships.get().vendor

    assert owner_client.get(f"{URL}?vendor={other.pk}").status_code == 404


def test_anonymous_callers_are_refused(client):
    assert client.get(URL).status_code == 401


def test_the_query_count_does_not_grow_with_the_want_list(vendor, checked):
    def queries(count: int) -> int:
        for n in range(count):
            item = wanted(vendor, f"Item {count}-{n}")
            offer(item, "Shop", "10", checked)
            offer(item, f"Shop {n % 3}", "11", checked)
        with CaptureQueriesContext(connection) as captured:
            bundles = want_bundles(vendor_ids=[vendor.pk], currency="EUR")
        assert bundles.results
        return len(captured.captured_queries)

    assert queries(3) == queries(30) <= 3


def test_the_output_is_bounded(vendor, checked):
    a, b = wanted(vendor, "A"), wanted(vendor, "B")
    for n in range(MAX_BUNDLES + 5):
        offer(a, f"Seller {n:03}", "10", checked, tracker=a.trackers.first())
        offer(b, f"Seller {n:03}", "10", checked, tracker=b.trackers.first())

    bundles = want_bundles(vendor_ids=[vendor.pk], currency="EUR")

    assert (bundles.count, len(bundles.results)) == (MAX_BUNDLES + 5, MAX_BUNDLES)
