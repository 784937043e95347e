"""The `valuation` of each item on the collectibles API, and the list filters on it."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from inventory.factories import CollectibleFactory
from inventory.models import Collectible
from price_history.factories import PriceHistoryFactory
from valuation.factories import ExchangeRateFactory
from valuation.models import ItemValuation
from vendors.factories import VendorFactory
from vendors.selectors import personal_vendor_for_user

pytestmark = pytest.mark.django_db

URL = "/api/v1/collectibles/"


@pytest.fixture
def personal(user):
    vendor = personal_vendor_for_user(user=user)
    vendor.default_currency = "EUR"
    vendor.save(update_fields=["default_currency"])
    return vendor


@pytest.fixture
def items(personal):
    """observed (fresh), manual (stale), purchase, none — in a EUR collection."""
    now = timezone.now()
    ExchangeRateFactory(date=now.date(), currency="USD", rate=Decimal("1.25"))
    observed = CollectibleFactory(
        vendor=personal, name="Observed", category="figure", condition="mint", quantity=2,
        purchase_price=Decimal("10"), purchase_currency="EUR",
    )  # fmt: skip
    PriceHistoryFactory(
        collectible=observed, price=Decimal("50"), currency="USD", source="pricecharting",
        observed_at=now - timedelta(days=2),
    )  # fmt: skip
    manual = CollectibleFactory(vendor=personal, name="Manual", purchase_price=None,
                                purchase_currency="")  # fmt: skip
    PriceHistoryFactory(
        collectible=manual, price=Decimal("7"), currency="EUR", source="manual",
        observed_at=now - timedelta(days=20),
    )  # fmt: skip
    purchase = CollectibleFactory(
        vendor=personal, name="Purchase", purchase_price=Decimal("30"), purchase_currency="EUR"
    )
    unpriced = CollectibleFactory(
        vendor=personal, name="Unpriced", purchase_price=None, purchase_currency=""
    )
    return {"observed": observed, "manual": manual, "purchase": purchase, "none": unpriced}


def names(response):
    assert response.status_code == 200, response.json()
    return sorted(result["name"] for result in response.json()["results"])


def test_detail_shows_the_value_basis_price_and_age(auth_client, items):
    body = auth_client.get(f"{URL}{items['observed'].pk}/").json()

    valuation = body["valuation"]
    assert valuation["basis"] == "observed"
    assert valuation["currency"] == "EUR"
    assert (valuation["unit_value"], valuation["value"], valuation["cost"]) == (
        "40.00", "80.00", "20.00",
    )  # fmt: skip
    assert valuation["price"]["amount"] == "50.00"
    assert valuation["price"]["currency"] == "USD"
    assert valuation["price"]["source"] == "pricecharting"
    assert valuation["price"]["condition"] == ""
    assert (valuation["age_days"], valuation["is_stale"]) == (2, False)
    assert valuation["unconvertible"] is False
    assert valuation["valued_at"]


def test_list_shows_every_basis(auth_client, items):
    results = {r["name"]: r["valuation"] for r in auth_client.get(URL).json()["results"]}

    assert {name: v["basis"] for name, v in results.items()} == {
        "Observed": "observed", "Manual": "manual", "Purchase": "purchase", "Unpriced": "none",
    }  # fmt: skip
    assert results["Manual"]["is_stale"] is True
    assert results["Manual"]["age_days"] == 20
    assert results["Purchase"]["price"] is None
    assert results["Purchase"]["value"] == "30.00"
    assert results["Unpriced"]["value"] is None


def test_an_update_revalues_the_item(auth_client, items):
    item = items["observed"]
    auth_client.get(f"{URL}{item.pk}/")

    response = auth_client.patch(f"{URL}{item.pk}/", {"quantity": 3}, format="json")

    assert response.status_code == 200
    assert response.json()["valuation"]["value"] == "120.00"
    assert ItemValuation.objects.get(pk=item.pk).value == Decimal("120.00")


def test_a_new_item_is_valued(auth_client, personal):
    response = auth_client.post(
        URL,
        {"name": "New", "category": "coin", "purchase_price": "5.00", "quantity": 2},
        format="json",
    )

    assert response.status_code == 201
    assert response.json()["valuation"]["basis"] == "purchase"
    assert response.json()["valuation"]["value"] == "10.00"


def test_a_new_price_shows_on_the_next_read(auth_client, items):
    item = items["purchase"]
    assert auth_client.get(f"{URL}{item.pk}/").json()["valuation"]["basis"] == "purchase"

    PriceHistoryFactory(
        collectible=item, price=Decimal("99"), currency="EUR", source="manual",
        observed_at=timezone.now(),
    )  # fmt: skip

    assert auth_client.get(f"{URL}{item.pk}/").json()["valuation"]["value"] == "99.00"


def test_a_row_from_yesterday_is_revalued(auth_client, items):
    item = items["purchase"]
    auth_client.get(f"{URL}{item.pk}/")
    ItemValuation.objects.filter(pk=item.pk).update(valued_at=timezone.now() - timedelta(days=1))

    valuation = auth_client.get(f"{URL}{item.pk}/").json()["valuation"]

    assert valuation["valued_at"][:10] == timezone.now().date().isoformat()


# ------------------------------------------------------------------------------ filters


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("value_basis=observed", ["Observed"]),
        ("value_basis=manual&value_basis=purchase", ["Manual", "Purchase"]),
        ("value_basis=none", ["Unpriced"]),
        ("priced=true", ["Manual", "Observed", "Purchase"]),
        ("priced=false", ["Unpriced"]),
        ("stale=true", ["Manual"]),
        ("stale=false", ["Observed", "Purchase", "Unpriced"]),
        ("stale=true&priced=true", ["Manual"]),
    ],
)
def test_valuation_filters(auth_client, items, query, expected):
    # No row exists yet: the filters value the caller's items first.
    assert not ItemValuation.objects.exists()

    assert names(auth_client.get(f"{URL}?{query}")) == expected


def test_filters_see_the_latest_writes(auth_client, items):
    assert names(auth_client.get(f"{URL}?priced=false")) == ["Unpriced"]

    Collectible.objects.filter(pk=items["none"].pk).update(purchase_price=Decimal("1"))

    assert names(auth_client.get(f"{URL}?priced=false")) == []


def test_filters_only_value_the_callers_vendors(auth_client, items):
    CollectibleFactory(vendor=VendorFactory())

    auth_client.get(f"{URL}?priced=true")

    assert ItemValuation.objects.count() == len(items)


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("value_basis=market", "value_basis"),
        ("priced=yes", "priced"),
        ("priced=", None),
        ("stale=1", "stale"),
    ],
)
def test_malformed_valuation_filters_are_400(auth_client, items, query, parameter):
    response = auth_client.get(f"{URL}?{query}")

    if parameter is None:  # blank: no filter, like the other filters
        assert response.status_code == 200
        return
    assert response.status_code == 400
    assert parameter in response.json()["fields"]


def test_list_rows_say_exactly_what_the_item_serializer_says(user, personal, items):
    """The list formats its rows by hand (docs/performance.md); every field of every kind
    of item must come out as `CollectibleSerializer` gives it for that item."""
    from datetime import date

    from inventory.factories import CardDetailsFactory
    from inventory.list_rows import collectible_list_rows
    from inventory.selectors import CollectibleRows, collectible_list_for_user
    from inventory.serializers import CollectibleSerializer
    from valuation.best_offer import CollectibleBestOffer
    from valuation.services import valuations_ensure_fresh

    card = CollectibleFactory(
        vendor=personal, created_by=user, name="Charizard <Holo> “1st”", category="trading_card",
        set_name="Base Set", number="4/102", condition="near_mint", grader="psa",
        grade=Decimal("9.5"), quantity=3, purchase_price=Decimal("1234567.89"),
        purchase_currency="USD", purchase_date=date(2024, 2, 29), notes="Line 1\nLine 2",
        tags=["holo", "1st edition"], external_ids={"pricecharting": "6910", "tcg": "x"},
    )  # fmt: skip
    CardDetailsFactory(collectible=card, release_date=date(1999, 1, 9))
    CardDetailsFactory(collectible=CollectibleFactory(vendor=personal, name="Sparse card"),
                       game="", language="", market_region="", rarity="", finish="")  # fmt: skip
    CollectibleFactory(
        vendor=personal, name="Sold", purchase_price=Decimal("3"), purchase_fees=Decimal("1"),
        purchase_currency="EUR", status="sold", sale_price=Decimal("9.99"),
        sale_fees=Decimal("0.99"), sale_date=date(2024, 3, 1),
    )  # fmt: skip
    wanted = CollectibleFactory(
        vendor=personal, name="Wanted", purchase_price=None, purchase_currency="",
        status="wanted", max_price=Decimal("45.50"), max_price_currency="EUR", priority=1,
    )  # fmt: skip
    PriceHistoryFactory(collectible=wanted, price=Decimal("40"), currency="USD",
                        condition="", observed_at=timezone.now() - timedelta(hours=3))  # fmt: skip
    CollectibleFactory(vendor=personal, name="Wanted, no offer", purchase_price=None,
                       purchase_currency="", status="wanted")  # fmt: skip
    valuations_ensure_fresh(vendor_ids=[personal.pk])
    CollectibleFactory(vendor=personal, name="Not valued yet", purchase_price=None,
                       purchase_currency="")  # fmt: skip

    queryset = collectible_list_for_user(user=user).order_by("pk")
    now = timezone.now()
    expected = [
        CollectibleSerializer(item, context={"valuation_now": now}).data for item in queryset
    ]

    rows = CollectibleRows(queryset)
    assert rows.count() == len(expected) == 10
    page = rows[0:10]
    CollectibleBestOffer().before_showing_rows(page)  # as the list does (its valuation is
    # left as read: the serializer above did not value "Not valued yet" either)
    assert collectible_list_rows(page, now=now) == expected
    assert [row["best_offer"]["compared_price"] for row in expected if row["best_offer"]] == [
        "32.00"
    ]
    kinds = {
        (row["card_details"] is None, (row["valuation"] or {}).get("basis")) for row in expected
    }
    assert kinds >= {(True, "observed"), (True, "manual"), (True, "purchase"), (True, "none"),
                     (False, "purchase"), (True, None), (True, "sold"),
                     (True, "wanted")}  # fmt: skip
    sold = next(row["valuation"] for row in expected if row["name"] == "Sold")
    assert (sold["proceeds"], sold["realised_gain"]) == ("9.00", "5.00")
