"""Sold items: out of the collection's value, in its realised gain; their own valuation;
their snapshots until the sale; and the triggers on the sale and purchase-cost columns."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from inventory.factories import CollectibleFactory
from inventory.models import Collectible
from valuation import selectors, services
from valuation.models import ItemValuation, ValueSnapshot
from valuation.serializers import DashboardSerializer
from valuation.tests import reference as reference_values
from valuation.tests.conftest import PURCHASED, price
from valuation.tests.test_item_valuations import remaining, varied_collection

pytestmark = pytest.mark.django_db

DASHBOARD = "/api/v1/dashboard"
LIST = "/api/v1/collectibles/"


@pytest.fixture
def sold(vendor, collection, now):
    """Two sold items beside the hand-checked collection (EUR; 1 EUR = 1.25 USD today
    and 7 days ago):

    Pikachu: bought 100 EUR + 5 EUR fees; sold 7 days ago for 300 USD less 50 USD fees
             → proceeds 200.00, realised gain 95.00. Its prices (1000 EUR yesterday,
             10 EUR 20 days ago) would make it the most valuable item and top mover.
    Gift:    no cost; sold today for 10 EUR → proceeds 10.00, no realised gain.
    """
    pikachu = CollectibleFactory(
        vendor=vendor, name="Pikachu", category="coin", purchase_price=Decimal("100"),
        purchase_fees=Decimal("5"), purchase_currency="EUR", purchase_date=PURCHASED,
        status="sold", sale_price=Decimal("300"), sale_fees=Decimal("50"),
        sale_currency="USD", sale_date=now.date() - timedelta(days=7),
    )  # fmt: skip
    price(pikachu, "1000", "EUR", now - timedelta(days=1))
    price(pikachu, "10", "EUR", now - timedelta(days=20))
    gift = CollectibleFactory(
        vendor=vendor, name="Gift", category="coin", purchase_price=None,
        purchase_currency="", status="sold", sale_price=Decimal("10"), sale_date=now.date(),
    )  # fmt: skip
    return {"pikachu": pikachu, "gift": gift}


def test_sold_items_leave_the_collection_value_and_show_as_realised_gain(owner_client, sold):
    body = owner_client.get(DASHBOARD).json()

    # The hand-checked collection's numbers (test_dashboard.py), untouched by the sales.
    assert (body["total_value"], body["cost_basis"]) == ("1115.00", "1339.09")
    assert (body["item_count"], body["unit_count"], body["priced_count"]) == (6, 9, 5)
    assert body["unrealised_gain"]["item_count"] == 4
    assert body["sold_count"] == 2
    assert body["realised_gain"] == {
        "amount": "95.00",
        "percent": "90.48",
        "proceeds": "200.00",
        "cost": "105.00",
        "item_count": 1,
    }
    listed = [i["name"] for i in body["most_valuable"]]
    for window in ("movers_7d", "movers_30d"):
        listed += [m["item"]["name"] for side in ("gainers", "losers") for m in body[window][side]]
    assert "Pikachu" not in listed
    assert "coin" not in {group["category"] for group in body["by_category"]}


def test_a_dashboard_without_sales_has_a_zero_realised_gain(owner_client, collection):
    body = owner_client.get(DASHBOARD).json()

    assert body["sold_count"] == 0
    assert body["realised_gain"] == {
        "amount": "0.00", "percent": None, "proceeds": "0.00", "cost": "0.00", "item_count": 0,
    }  # fmt: skip


def test_the_sql_dashboard_with_sales_equals_the_reference(vendor, now):
    varied_collection(vendor, now)
    sold_ids = list(Collectible.objects.filter(vendor=vendor).order_by("id")[::4])
    for n, item in enumerate(sold_ids):
        Collectible.objects.filter(pk=item.pk).update(
            status="sold", sale_price=Decimal(10 * n), sale_fees=Decimal(n % 3),
            sale_currency=["", "USD", "CHF"][n % 3], sale_date=now.date() - timedelta(days=n),
        )  # fmt: skip
    services.valuations_ensure_fresh(vendor_ids=[vendor.pk], now=now)

    materialised = DashboardSerializer(selectors.dashboard(vendor=vendor, now=now)).data
    reference = DashboardSerializer(
        reference_values.dashboard_reference(vendor=vendor, now=now)
    ).data

    assert materialised == reference
    assert reference["sold_count"] == len(sold_ids)
    assert 0 < reference["realised_gain"]["item_count"] < len(sold_ids)  # CHF: no rate


def test_a_sold_items_valuation_shows_its_realised_result_in_list_and_detail(owner_client, sold):
    pikachu = sold["pikachu"]

    detail = owner_client.get(f"{LIST}{pikachu.pk}/").json()["valuation"]
    rows = {row["name"]: row["valuation"] for row in owner_client.get(LIST).json()["results"]}

    assert detail == rows["Pikachu"]
    assert detail["basis"] == "sold"
    assert (detail["value"], detail["unit_value"], detail["price"]) == (None, None, None)
    assert (detail["cost"], detail["proceeds"], detail["realised_gain"]) == (
        "105.00", "200.00", "95.00",
    )  # fmt: skip
    assert rows["Gift"]["proceeds"] == "10.00"
    assert rows["Gift"]["realised_gain"] is None
    assert rows["Charizard"]["proceeds"] is None
    assert rows["Charizard"]["realised_gain"] is None
    assert ItemValuation.objects.get(pk=pikachu.pk).basis == "sold"  # its row is kept


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("value_basis=sold", {"Pikachu", "Gift"}),
        ("priced=false", {"Mystery"}),  # unpriced items of the collection only
    ],
)
def test_value_filters_know_sold_items(owner_client, sold, query, expected):
    results = owner_client.get(f"{LIST}?{query}").json()["results"]

    assert {row["name"] for row in results} == expected


def test_snapshots_count_a_sold_item_until_its_sale_date(vendor, now):
    today = now.date()
    CollectibleFactory(
        vendor=vendor, quantity=2, purchase_price=Decimal("10"), purchase_currency="EUR",
        purchase_fees=Decimal("1"), purchase_date=today - timedelta(days=8), status="sold",
        sale_price=Decimal("50"), sale_date=today - timedelta(days=3),
    )  # fmt: skip

    services.backfill_values(vendor=vendor, days=10, now=now)

    values = {
        s.day: (s.total_value, s.cost_basis, s.item_count)
        for s in ValueSnapshot.objects.filter(vendor=vendor)
    }
    day = lambda n: today - timedelta(days=n)  # noqa: E731
    assert values[day(9)] == (Decimal("0.00"), Decimal("0.00"), 0)  # not bought yet
    assert values[day(8)] == (Decimal("20.00"), Decimal("21.00"), 1)  # fees: cost only
    assert values[day(4)] == (Decimal("20.00"), Decimal("21.00"), 1)  # the day before
    assert values[day(3)] == (Decimal("0.00"), Decimal("0.00"), 0)  # sold that day
    assert values[today] == (Decimal("0.00"), Decimal("0.00"), 0)


# ---------------------------------------------------------------------- invalidation


@pytest.fixture
def valued_sale(vendor, now):
    """An owned item and a sold one, both valued."""
    owned = CollectibleFactory(vendor=vendor)
    sale = CollectibleFactory(
        vendor=vendor, status="sold", sale_price=Decimal("5"), sale_date=date(2026, 1, 5)
    )
    services.valuations_ensure_fresh(vendor_ids=[vendor.pk], now=now)
    assert remaining() == {owned.pk, sale.pk}
    return owned, sale


@pytest.mark.parametrize(
    ("column", "value"),
    [("purchase_fees", Decimal("2.50")), ("purchase_shipping", Decimal("4"))],
)
def test_each_purchase_cost_column_invalidates(valued_sale, column, value):
    owned, sale = valued_sale

    Collectible.objects.filter(pk=owned.pk).update(**{column: value})

    assert remaining() == {sale.pk}


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("sale_price", Decimal("6")),
        ("sale_currency", "USD"),
        ("sale_date", date(2026, 1, 6)),
        ("sale_fees", Decimal("1")),
    ],
)
def test_each_sale_column_invalidates(valued_sale, column, value):
    owned, sale = valued_sale

    Collectible.objects.filter(pk=sale.pk).update(**{column: value})

    assert remaining() == {owned.pk}


def test_marking_an_item_sold_or_owned_again_invalidates(valued_sale, now):
    owned, sale = valued_sale

    Collectible.objects.filter(pk=owned.pk).update(
        status="sold", sale_price=Decimal("1"), sale_date=now.date()
    )
    assert remaining() == {sale.pk}

    Collectible.objects.filter(pk=sale.pk).update(status="owned", sale_price=None, sale_date=None)
    assert remaining() == set()


def test_other_new_columns_do_not_invalidate(valued_sale):
    owned, sale = valued_sale

    Collectible.objects.filter(pk=owned.pk).update(location="Binder 3")

    assert remaining() == {owned.pk, sale.pk}
