"""Materialised item valuations: equal to the reference rules, invalidated by the database
on every write path, refreshed in a fixed number of queries."""

import random
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inventory.factories import CollectibleFactory
from inventory.models import Collectible
from price_history.factories import PriceHistoryFactory
from price_history.models import PriceHistory
from valuation import batch_valuation, selectors, services
from valuation.models import ExchangeRate, ItemValuation
from valuation.serializers import DashboardSerializer
from valuation.tests import reference as reference_values
from valuation.tests.conftest import PURCHASED, price, rates
from vendors.factories import VendorFactory

pytestmark = pytest.mark.django_db

CONDITIONS = ["mint", "near_mint", "excellent", "good", "played"]
PRICE_CONDITIONS = ["", "", "ungraded", "near_mint", "mint", "loose", "cib", "psa_10", "grade_9"]
CURRENCIES = ["EUR", "EUR", "USD", "GBP", "JPY", "CHF"]  # no CHF rate: unconvertible


def varied_collection(vendor, now, *, count=60, seed=5):
    """Every basis, conditions that match or not, foreign and unconvertible currencies,
    stale prices, prices before and after the movers' windows, recent acquisitions."""
    rng = random.Random(seed)
    days = [now.date() - timedelta(days=n) for n in range(0, 45)]
    rates(days, USD="1.25", GBP="0.80", JPY="160")
    rates([PURCHASED, now.date() - timedelta(days=3)], USD="1.10", JPY="150")
    for n in range(count):
        graded = rng.random() < 0.2
        category = rng.choice(["trading_card", "video_game", "comic", "figure", "vinyl"])
        recent = rng.random() < 0.15
        item = CollectibleFactory(
            vendor=vendor,
            name=f"Item {n % 17:02}",  # repeated names: ties ordered by id
            category=category,
            condition=rng.choice(CONDITIONS),
            completeness=rng.choice(["", "loose", "cib"]) if category == "video_game" else "",
            grader="psa" if graded else "",
            grade=Decimal(rng.choice(["10", "9", "8.5"])) if graded else None,
            quantity=rng.randint(1, 3),
            purchase_price=None if rng.random() < 0.25 else Decimal(rng.randint(1, 500)),
            purchase_currency=rng.choice(CURRENCIES),
            purchase_date=(now.date() - timedelta(days=3)) if recent else PURCHASED,
        )
        if rng.random() < 0.5:  # a blank-condition series: movers over both windows
            for days in (rng.uniform(0, 6), rng.uniform(8, 29), rng.uniform(31, 44)):
                price(item, str(rng.randint(1, 300)), rng.choice(CURRENCIES[:4]),
                      now - timedelta(days=days), source="structured")  # fmt: skip
        for _ in range(rng.choice([0, 0, 1, 2, 4, 6])):
            price(
                item,
                str(rng.randint(1, 300)),
                rng.choice(CURRENCIES),
                now - timedelta(days=rng.uniform(0, 40)),
                source=rng.choice(["pricecharting", "structured", "manual"]),
                condition=rng.choice(PRICE_CONDITIONS),
            )


def test_dashboard_over_materialised_rows_equals_the_reference(vendor, now):
    varied_collection(vendor, now)
    services.valuations_ensure_fresh(vendor_ids=[vendor.pk], now=now)

    materialised = DashboardSerializer(selectors.dashboard(vendor=vendor, now=now)).data
    reference = DashboardSerializer(
        reference_values.dashboard_reference(vendor=vendor, now=now)
    ).data

    assert materialised == reference
    # The dataset exercises what it claims to.
    body = reference
    assert all(body["by_basis"][basis] for basis in ("observed", "manual", "purchase", "none"))
    assert body["stale_count"]
    assert body["unconvertible_count"]
    assert body["movers_7d"]["gainers"]
    assert body["movers_7d"]["losers"]
    assert body["movers_30d"]["gainers"]
    assert body["movers_30d"]["losers"]


def test_staleness_ages_without_recomputing(vendor, now, settings):
    item = CollectibleFactory(vendor=vendor, purchase_price=None, purchase_currency="")
    price(item, "10", "EUR", now - timedelta(days=10))
    services.valuations_ensure_fresh(vendor_ids=[vendor.pk], now=now)

    assert selectors.dashboard(vendor=vendor, now=now)["stale_count"] == 0
    later = now + timedelta(days=5)
    assert selectors.dashboard(vendor=vendor, now=later)["stale_count"] == 1
    settings.VALUATION_STALE_AFTER_DAYS = 30
    assert selectors.dashboard(vendor=vendor, now=later)["stale_count"] == 0


# ---------------------------------------------------------------------------- refresh


def test_refresh_values_missing_and_old_rows_only(vendor, now):
    first, second = CollectibleFactory.create_batch(2, vendor=vendor)
    written = services.valuations_ensure_fresh(vendor_ids=[vendor.pk], now=now)
    assert {row.collectible_id for row in written} == {first.pk, second.pk}
    assert services.valuations_ensure_fresh(vendor_ids=[vendor.pk], now=now) == []

    ItemValuation.objects.filter(pk=first.pk).update(valued_at=now - timedelta(days=1))
    again = services.valuations_ensure_fresh(vendor_ids=[vendor.pk], now=now)

    assert [row.collectible_id for row in again] == [first.pk]
    assert ItemValuation.objects.get(pk=first.pk).valued_at == now


def test_refreshing_the_same_items_twice_upserts(vendor, now):
    items = CollectibleFactory.create_batch(3, vendor=vendor)
    loaded = selectors.items_needing_valuation(vendor_ids=[vendor.pk], now=now)

    services.valuations_refresh(items=loaded, now=now)
    services.valuations_refresh(items=loaded, now=now + timedelta(seconds=1))  # a racing twin

    assert ItemValuation.objects.filter(vendor=vendor).count() == len(items)


def test_refresh_skips_items_deleted_meanwhile(vendor, now):
    items = CollectibleFactory.create_batch(2, vendor=vendor)
    loaded = selectors.items_needing_valuation(vendor_ids=[vendor.pk], now=now)
    Collectible.objects.filter(pk=items[0].pk).delete()

    services.valuations_refresh(items=loaded, now=now)

    assert list(ItemValuation.objects.values_list("pk", flat=True)) == [items[1].pk]


def test_refresh_runs_a_fixed_number_of_queries(vendor, now):
    def cold_queries(count):
        for _ in range(count):
            price(CollectibleFactory(vendor=vendor), "5", "USD", now - timedelta(days=2))
        with CaptureQueriesContext(connection) as captured:
            services.valuations_ensure_fresh(vendor_ids=[vendor.pk], now=now)
        return len(captured.captured_queries)

    assert cold_queries(2) == cold_queries(25) == 5
    with CaptureQueriesContext(connection) as warm:
        services.valuations_ensure_fresh(vendor_ids=[vendor.pk], now=now)
    assert len(warm.captured_queries) == 1


def test_a_row_stores_the_chosen_price_and_past_values(vendor, now):
    rates([now.date(), (now - timedelta(days=7)).date()], USD="1.25")
    item = CollectibleFactory(
        vendor=vendor, category="figure", condition="mint", quantity=2,
        purchase_price=Decimal("10"), purchase_currency="EUR", purchase_date=PURCHASED,
    )  # fmt: skip
    price(item, "50", "USD", now - timedelta(days=10), source="pricecharting")
    price(item, "100", "USD", now - timedelta(days=1), source="pricecharting")

    (_row,) = services.valuations_ensure_fresh(vendor_ids=[vendor.pk], now=now)
    stored = ItemValuation.objects.get(pk=item.pk)

    assert (stored.basis, stored.currency, stored.value, stored.cost) == (
        "observed", "EUR", Decimal("160.00"), Decimal("20.00"),
    )  # fmt: skip
    assert (stored.price_amount, stored.price_currency, stored.price_source) == (
        Decimal("100.00"), "USD", "pricecharting",
    )  # fmt: skip
    assert (stored.value_7d, stored.value_30d) == (Decimal("80.00"), None)


# ---------------------------------------------------------------------- invalidation


@pytest.fixture
def valued(vendor, now):
    """Two valued items of the vendor and one of another vendor."""
    items = CollectibleFactory.create_batch(2, vendor=vendor)
    other = CollectibleFactory(vendor=VendorFactory())
    services.valuations_ensure_fresh(item_ids=[i.pk for i in [*items, other]], now=now)
    assert ItemValuation.objects.count() == 3
    return items, other


def remaining():
    return set(ItemValuation.objects.values_list("pk", flat=True))


def test_a_price_saved_through_the_orm_invalidates_its_item(valued):
    (a, b), other = valued

    PriceHistoryFactory(collectible=a)

    assert remaining() == {b.pk, other.pk}


def test_bulk_created_prices_invalidate_their_items(valued, now):
    (a, b), other = valued

    PriceHistory.objects.bulk_create(
        [
            PriceHistory(
                collectible=item, source="manual", price=1, currency="EUR", observed_at=now
            )
            for item in (a, other)
        ]
    )

    assert remaining() == {b.pk}


def test_updated_and_deleted_prices_invalidate_both_items(valued, now):
    (a, b), other = valued
    row = PriceHistoryFactory(collectible=a)
    services.valuations_ensure_fresh(item_ids=[a.pk], now=now)

    PriceHistory.objects.filter(pk=row.pk).update(collectible=b)  # moved: both change
    assert remaining() == {other.pk}

    services.valuations_ensure_fresh(item_ids=[a.pk, b.pk], now=now)
    PriceHistory.objects.filter(pk=row.pk).delete()
    assert remaining() == {a.pk, other.pk}


def test_value_relevant_collectible_updates_invalidate(valued):
    (a, b), other = valued

    Collectible.objects.filter(pk=a.pk).update(name="Renamed", notes="irrelevant")
    assert remaining() == {a.pk, b.pk, other.pk}

    Collectible.objects.filter(vendor=a.vendor).update(quantity=7)
    assert remaining() == {other.pk}


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("condition", "poor"),
        ("completeness", "cib"),
        ("grader", "psa"),  # with a grade: the check constraint wants both
        ("purchase_price", Decimal("1.23")),
        ("purchase_currency", "JPY"),
        ("purchase_date", date(2020, 1, 1)),
    ],
)
def test_each_value_relevant_column_invalidates(valued, column, value):
    (a, b), other = valued

    changes = {column: value, **({"grade": Decimal("9")} if column == "grader" else {})}
    Collectible.objects.filter(pk=a.pk).update(**changes)

    assert remaining() == {b.pk, other.pk}


def test_a_grade_change_alone_invalidates(vendor, now):
    item = CollectibleFactory(vendor=vendor, grader="psa", grade=Decimal("10"))
    services.valuations_ensure_fresh(item_ids=[item.pk], now=now)

    Collectible.objects.filter(pk=item.pk).update(grade=Decimal("9"))

    assert remaining() == set()


def test_a_currency_change_invalidates_the_vendors_rows(valued, vendor):
    (_a, _b), other = valued

    vendor.default_currency = "EUR"  # unchanged: nothing happens
    vendor.save()
    assert len(remaining()) == 3

    vendor.default_currency = "GBP"
    vendor.save()
    assert remaining() == {other.pk}


def test_loading_exchange_rates_invalidates_every_row(valued):
    services.load_exchange_rates_from_file()

    assert remaining() == set()


def test_deleting_exchange_rates_invalidates_every_row(valued):
    ExchangeRate.objects.create(date=date(2026, 1, 2), currency="USD", rate=Decimal("1.1"))
    (a, b), other = valued
    services.valuations_ensure_fresh(item_ids=[a.pk, b.pk, other.pk])

    ExchangeRate.objects.all().delete()

    assert remaining() == set()


# ------------------------------------------------------------------------------ tasks


def test_refresh_all_values_every_vendor(vendor, now):
    CollectibleFactory(vendor=vendor)
    CollectibleFactory(vendor=VendorFactory())

    assert services.valuations_refresh_all(now=now) == 2
    assert services.valuations_refresh_all(now=now) == 0


def test_refresh_all_survives_one_vendors_failure(vendor, now, monkeypatch):
    """A batch that fails is valued again vendor by vendor: the failing vendor's items
    stay unvalued, every other vendor's are written."""
    broken = CollectibleFactory(vendor=vendor)
    other = CollectibleFactory(vendor=VendorFactory())
    write = batch_valuation.write_valuations

    def failing_for_the_vendor(**kwargs):
        if broken.pk in kwargs["params"].get("ids", []):
            raise RuntimeError("boom")
        return write(**kwargs)

    monkeypatch.setattr(batch_valuation, "write_valuations", failing_for_the_vendor)

    assert services.valuations_refresh_all(now=now) == 1
    assert remaining() == {other.pk}
