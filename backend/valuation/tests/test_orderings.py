"""The collectibles list sorted by value, gain and purchase price in the vendor's currency."""

import json
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from inventory.factories import CollectibleFactory
from inventory.models import Collectible
from valuation import services
from valuation.models import ItemValuation
from valuation.tests.conftest import PURCHASED, price, rates
from vendors.factories import MembershipFactory, VendorFactory
from vendors.selectors import personal_vendor_for_user

pytestmark = pytest.mark.django_db

URL = "/api/v1/collectibles/"


@pytest.fixture
def dollars(user):
    vendor = personal_vendor_for_user(user=user)
    vendor.default_currency = "USD"
    vendor.save(update_fields=["default_currency"])
    return vendor


@pytest.fixture
def shelf(dollars):
    """In a USD collection, with 1 EUR = 1.10 USD = 160 JPY every day that matters:

    Yen card    bought ¥6,800 (46.75), observed ¥8,000  → value 55.00, gain 8.25
    Dollar card bought $1,150,         observed $1,300  → value 1300.00, gain 150.00
    Euro card   bought €500 (550.00),  no price         → value 550.00, gain 0.00
    Unpriced    nothing                                 → value, cost, gain null
    Sold        bought $1,000, sold $2,100 less $100 fees → no value, gain 1000.00
    """
    now = timezone.now()
    rates([PURCHASED, now.date(), date_of(now, 10)], USD="1.10", JPY="160")
    yen = CollectibleFactory(
        vendor=dollars, name="Yen card", purchase_price=Decimal("6800"),
        purchase_currency="JPY", purchase_date=PURCHASED,
    )  # fmt: skip
    price(yen, "8000", "JPY", now - timedelta(days=1))
    dollar = CollectibleFactory(
        vendor=dollars, name="Dollar card", purchase_price=Decimal("1150"),
        purchase_currency="USD", purchase_date=PURCHASED,
    )  # fmt: skip
    price(dollar, "1300", "USD", now - timedelta(days=1))
    CollectibleFactory(
        vendor=dollars, name="Euro card", purchase_price=Decimal("500"),
        purchase_currency="EUR", purchase_date=PURCHASED,
    )  # fmt: skip
    CollectibleFactory(vendor=dollars, name="Unpriced", purchase_price=None, purchase_currency="")
    CollectibleFactory(
        vendor=dollars, name="Sold", purchase_price=Decimal("1000"), purchase_currency="USD",
        purchase_date=PURCHASED, status="sold", sale_price=Decimal("2100"),
        sale_fees=Decimal("100"), sale_currency="USD", sale_date=date_of(now, 10),
    )  # fmt: skip


def date_of(now, days_ago):
    return (now - timedelta(days=days_ago)).date()


def names(response):
    assert response.status_code == 200, response.json()
    return [row["name"] for row in response.json()["results"]]


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        # Raw amounts would put ¥6,800 first among the purchase prices and last by value.
        ("value", ["Yen card", "Euro card", "Dollar card", "Sold", "Unpriced"]),
        ("-value", ["Dollar card", "Euro card", "Yen card", "Sold", "Unpriced"]),
        ("gain", ["Euro card", "Yen card", "Dollar card", "Sold", "Unpriced"]),
        ("-gain", ["Sold", "Dollar card", "Yen card", "Euro card", "Unpriced"]),
        ("purchase_price", ["Yen card", "Euro card", "Sold", "Dollar card", "Unpriced"]),
        ("-purchase_price", ["Dollar card", "Sold", "Euro card", "Yen card", "Unpriced"]),
    ],
)
def test_orderings_compare_amounts_in_the_vendors_currency_nulls_last(
    auth_client, shelf, ordering, expected
):
    assert not ItemValuation.objects.exists()  # the list values the caller's items first

    assert names(auth_client.get(f"{URL}?ordering={ordering}")) == expected


def test_the_rows_carry_the_amounts_they_are_sorted_by(auth_client, shelf):
    rows = {r["name"]: r["valuation"] for r in auth_client.get(f"{URL}?ordering=gain").json()[
        "results"
    ]}  # fmt: skip

    assert (rows["Yen card"]["value"], rows["Yen card"]["cost"]) == ("55.00", "46.75")
    assert (rows["Sold"]["value"], rows["Sold"]["realised_gain"]) == (None, "1000.00")


def test_equal_values_keep_newest_first_in_both_directions(auth_client, dollars):
    for name in ("Old", "Middle", "New"):
        CollectibleFactory(vendor=dollars, name=name, purchase_price=Decimal("10"),
                           purchase_currency="USD")  # fmt: skip

    assert names(auth_client.get(f"{URL}?ordering=value")) == ["New", "Middle", "Old"]
    assert names(auth_client.get(f"{URL}?ordering=-value")) == ["New", "Middle", "Old"]


def test_pages_sorted_by_value_neither_repeat_nor_skip_an_item(auth_client, dollars):
    for n in range(7):
        CollectibleFactory(vendor=dollars, name=f"Card {n}", purchase_price=Decimal(n % 2),
                           purchase_currency="USD")  # fmt: skip
    seen = []
    page = f"{URL}?ordering=-value&page_size=3"
    while page:
        body = auth_client.get(page).json()
        seen += [row["name"] for row in body["results"]]
        page = body["next"]

    assert sorted(seen) == [f"Card {n}" for n in range(7)]


def test_a_value_ordering_combines_with_other_terms(auth_client, dollars):
    for name, amount in (("B", "5"), ("A", "5"), ("C", "1")):
        CollectibleFactory(vendor=dollars, name=name, purchase_price=Decimal(amount),
                           purchase_currency="USD")  # fmt: skip

    assert names(auth_client.get(f"{URL}?ordering=-value,name")) == ["A", "B", "C"]


def test_items_of_all_the_callers_collections_sort_together_and_no_one_elses(
    auth_client, user, dollars
):
    shop = VendorFactory(default_currency="USD")
    MembershipFactory(user=user, vendor=shop)
    strangers = VendorFactory(default_currency="USD")
    for vendor, name, amount in (
        (dollars, "Mine 30", "30"), (shop, "Shop 20", "20"), (dollars, "Mine 10", "10"),
        (strangers, "Stranger 25", "25"),
    ):  # fmt: skip
        CollectibleFactory(vendor=vendor, name=name, purchase_price=Decimal(amount),
                           purchase_currency="USD")  # fmt: skip
    # Strangers' items valued too: their rows neither show up nor change the caller's order.
    services.valuations_refresh(items=list(Collectible.objects.filter(vendor=strangers)))

    assert names(auth_client.get(f"{URL}?ordering=-value")) == ["Mine 30", "Shop 20", "Mine 10"]
    assert names(auth_client.get(f"{URL}?ordering=purchase_price")) == [
        "Mine 10", "Shop 20", "Mine 30",
    ]  # fmt: skip


def test_an_unknown_ordering_is_a_400_naming_the_parameter(auth_client, shelf):
    response = auth_client.get(f"{URL}?ordering=-worth")

    assert response.status_code == 400
    assert "ordering" in response.json()["fields"]


def test_the_schema_lists_the_value_orderings():
    schema = json.loads((Path(settings.PROJECT_DIR) / "api_schema.json").read_text())
    parameters = schema["paths"]["/api/v1/collectibles/"]["get"]["parameters"]
    ordering = next(p for p in parameters if p["name"] == "ordering")

    enum = set(ordering["schema"]["items"]["enum"])
    assert {"value", "-value", "gain", "-gain", "purchase_price", "-purchase_price"} <= enum
