"""The set-based writer (`valuation.batch_valuation`) writes, field for field, the rows the
Python rules compute (`selectors.item_valuations` over `rules.value_item`): on every case
the rules tell apart, through each way rows are written (items by id, the beat's walk by
id range with shared lookups, and its parallel statements)."""

import functools
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connections

from inventory.factories import CollectibleFactory
from inventory.models import Collectible
from valuation import batch_valuation, selectors, services
from valuation.models import ItemValuation
from valuation.rules import ITEM_BASES
from valuation.tests.conftest import PURCHASED, price, rates
from valuation.tests.test_item_valuations import varied_collection
from vendors.factories import VendorFactory
from vendors.models import Vendor

pytestmark = pytest.mark.django_db

FIELDS = [f.attname for f in ItemValuation._meta.fields]


def python_rows(now):
    items = list(Collectible.objects.only(*selectors.ITEM_FIELDS).order_by("id"))
    currencies = dict(Vendor.objects.values_list("pk", "default_currency"))
    rows = selectors.item_valuations(items=items, currencies=currencies, now=now)
    return {row.collectible_id: {name: getattr(row, name) for name in FIELDS} for row in rows}


def stored_rows():
    return {
        row.collectible_id: {name: getattr(row, name) for name in FIELDS}
        for row in ItemValuation.objects.all()
    }


def assert_rows_equal(expected, actual):
    assert actual.keys() == expected.keys()
    for item_id, row in expected.items():
        assert actual[item_id] == row, item_id


def edge_cases(now):
    """What `value_item` tells apart, in a EUR and a USD vendor (one through the euro)."""
    today, week, month = (
        now.date(),
        (now - timedelta(days=7)).date(),
        (now - timedelta(days=30)).date(),
    )
    days = [today - timedelta(days=n) for n in range(0, 40)]
    rates(days, USD="1.25", GBP="0.80", JPY="160")
    rates([PURCHASED], USD="1.10", GBP="0.85")
    rates([PURCHASED - timedelta(days=30)], JPY="150")  # too old for PURCHASED: unconvertible
    euro, dollar = VendorFactory(default_currency="EUR"), VendorFactory(default_currency="USD")
    for vendor in (euro, dollar):
        make = functools.partial(CollectibleFactory, vendor=vendor, purchase_date=PURCHASED)
        # observed beats a newer manual; several sellers in one check: the cheapest
        item = make(quantity=3, purchase_price=Decimal("7.35"), purchase_currency="GBP",
                    purchase_fees=Decimal("1.10"), purchase_shipping=Decimal("2.05"))  # fmt: skip
        price(item, "40.05", "GBP", now - timedelta(days=2), source="pricecharting")
        price(item, "39.95", "GBP", now - timedelta(days=2), source="pricecharting")
        price(item, "99", "EUR", now - timedelta(hours=1), source="manual")
        price(item, "12.345", "USD", now - timedelta(days=8), source="structured")
        price(item, "11", "JPY", now - timedelta(days=31), source="structured")
        # manual only; an exact condition beats a newer blank one
        item = make(condition="mint", purchase_price=None)
        price(item, "15", "USD", now - timedelta(days=3), source="manual", condition="mint")
        price(item, "25", "USD", now - timedelta(days=1), source="manual", condition="")
        # a price in a currency without rates (unconvertible), one exactly at the 7-day point
        item = make(category="figure", condition="good")
        price(item, "9", "CHF", now - timedelta(days=1), source="structured")
        price(item, "8", "EUR", now - timedelta(days=7), source="structured")
        # the wrong condition never matches: purchase basis; unconvertible purchase (JPY)
        item = make(condition="good", purchase_price=Decimal("1000"), purchase_currency="JPY")
        price(item, "5", "EUR", now - timedelta(days=1), condition="mint")
        # fees without a purchase price: no cost; nothing at all: basis none
        make(purchase_price=None, purchase_fees=Decimal("3"))
        make(purchase_price=None, purchase_currency="")
        # graded: each company's ten, a rung, below 7, a game's single column
        for grader, grade, category, condition in (
            ("psa", "10", "trading_card", "psa_10"), ("bgs", "10", "trading_card", "psa_10"),
            ("cgc", "8.5", "comic", "grade_8"), ("psa", "6", "trading_card", "ungraded"),
            ("wata", "9.4", "video_game", "graded"), ("sgc", "10", "other", "sgc_10"),
        ):  # fmt: skip
            item = make(category=category, grader=grader, grade=Decimal(grade))
            price(item, "77.77", "GBP", now - timedelta(days=12), condition=condition)
        # completeness and sealed; bought after the 7-day point (no past values)
        item = make(category="video_game", completeness="cib", condition="sealed")
        price(item, "30", "USD", now - timedelta(days=20), condition="new")
        item = CollectibleFactory(vendor=vendor, purchase_date=today - timedelta(days=3),
                                  purchase_currency="")  # fmt: skip
        price(item, "10", "EUR", now - timedelta(days=35), condition="")
        # sold: foreign sale with fees; blank sale currency; no cost; sale day without rate
        for sale_currency, sale_day, cost in (
            ("USD", week, Decimal("100")), ("", today, None), ("JPY", month, Decimal("5")),
            ("GBP", PURCHASED - timedelta(days=200), Decimal("5")),
        ):  # fmt: skip
            item = make(status="sold", sale_price=Decimal("300"), sale_fees=Decimal("50.5"),
                        sale_currency=sale_currency, sale_date=sale_day, purchase_price=cost)  # fmt: skip
            price(item, "1000", "EUR", now - timedelta(days=1))
        # wanted: nothing at all
        item = CollectibleFactory(vendor=vendor, status="wanted", purchase_price=None,
                                  purchase_currency="")  # fmt: skip
        price(item, "1", "EUR", now - timedelta(days=1))


def test_items_by_id_equal_the_python_rules(now):
    edge_cases(now)
    ids = list(Collectible.objects.values_list("pk", flat=True))

    returned = services.valuations_refresh(items=list(Collectible.objects.all()), now=now)

    expected = python_rows(now)
    assert_rows_equal(expected, stored_rows())
    assert_rows_equal(
        expected, {r.collectible_id: {n: getattr(r, n) for n in FIELDS} for r in returned}
    )
    assert len(ids) == len(returned) > 30
    # the cases are there: every basis, both kinds of unconvertible, past values
    assert {row["basis"] for row in expected.values()} == set(ITEM_BASES)
    for flag in ("unconvertible", "cost_unconvertible"):
        assert {row[flag] for row in expected.values()} == {True, False}
    for past in ("value_7d", "value_30d"):
        assert {row[past] is None for row in expected.values()} == {True, False}


def test_a_varied_collection_equals_the_python_rules(vendor, now):
    varied_collection(vendor, now, count=120, seed=11)
    services.valuations_revalue(item_ids=Collectible.objects.values_list("pk", flat=True), now=now)
    assert_rows_equal(python_rows(now), stored_rows())


def test_the_walk_by_id_range_equals_the_python_rules(vendor, now, monkeypatch):
    """Batches of 7 ids sharing one set of lookups, some rows fresh already, one old."""
    monkeypatch.setattr(batch_valuation, "BATCH_SIZE", 7)
    edge_cases(now)
    varied_collection(vendor, now, count=30, seed=3)
    first = Collectible.objects.order_by("id")[:5]
    services.valuations_revalue(item_ids=[item.pk for item in first], now=now)
    ItemValuation.objects.filter(pk=first[0].pk).update(valued_at=now - timedelta(days=1))

    written = services.valuations_refresh_all(now=now)

    assert written == Collectible.objects.count() - 4
    assert_rows_equal(python_rows(now), stored_rows())


def test_the_rates_stopped_coming_carried_forward_as_the_rate_book_does(vendor, now, settings):
    settings.VALUATION_RATE_MAX_AGE_DAYS = 10
    newest = now.date() - timedelta(days=20)
    rates([newest, newest - timedelta(days=40)], USD="1.25", GBP="0.80")
    rates([newest - timedelta(days=15)], JPY="160")  # stopped before the others
    for currency in ("USD", "GBP", "JPY"):
        item = CollectibleFactory(vendor=vendor, purchase_date=newest - timedelta(days=40))
        price(item, "10", currency, now - timedelta(days=1), condition="")
    services.valuations_revalue(item_ids=Collectible.objects.values_list("pk", flat=True), now=now)
    expected = python_rows(now)
    assert {row["unconvertible"] for row in expected.values()} == {True, False}
    assert_rows_equal(expected, stored_rows())


@pytest.mark.django_db(transaction=True)
def test_parallel_statements_outside_a_transaction_equal_the_python_rules(now, monkeypatch):
    monkeypatch.setattr(batch_valuation, "BATCH_SIZE", 5)
    edge_cases(now)

    assert services.valuations_refresh_all(now=now) == Collectible.objects.count()

    assert_rows_equal(python_rows(now), stored_rows())
    connections.close_all()
