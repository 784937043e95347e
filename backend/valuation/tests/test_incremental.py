"""Incremental valuation (issue 14): an exchange-rate load keeps the stored valuations and
re-prices them in place, deleting only the rows a changed rate reaches otherwise; a new
price re-values its item only."""

from datetime import timedelta
from decimal import Decimal

import pytest

from inventory.factories import CollectibleFactory
from valuation import selectors, services
from valuation.ecb import DailyRate
from valuation.factories import ExchangeRateFactory
from valuation.models import ItemValuation
from valuation.serializers import DashboardSerializer
from valuation.tests import reference as reference_values
from valuation.tests.conftest import PURCHASED, price, rates
from valuation.tests.test_item_valuations import varied_collection

pytestmark = pytest.mark.django_db


def stored_rows(vendor):
    return {
        row.pk: (row.valued_at, row.basis, row.value, row.unit_value, row.unconvertible)
        for row in ItemValuation.objects.filter(vendor=vendor)
    }


def assert_matches_reference(vendor, now):
    services.valuations_ensure_fresh(vendor_ids=[vendor.pk], now=now)
    materialised = DashboardSerializer(selectors.dashboard(vendor=vendor, now=now)).data
    reference = DashboardSerializer(
        reference_values.dashboard_reference(vendor=vendor, now=now)
    ).data
    assert materialised == reference
    return reference


def load(day, **per_currency):
    return services.exchange_rates_store(
        rates=[DailyRate(day=day, currency=c, rate=Decimal(r)) for c, r in per_currency.items()]
    )


def test_an_fx_load_keeps_the_rows_and_reprices_them_at_the_new_rates(vendor, now):
    varied_collection(vendor, now)
    before_body = assert_matches_reference(vendor, now)
    before = stored_rows(vendor)

    # The day's rates are corrected (the daily load re-publishing today with new figures).
    load(now.date(), USD="1.40", GBP="0.70", JPY="171.5")

    after = stored_rows(vendor)
    assert after.keys() == before.keys()  # nothing deleted: no item was bought today
    assert {pk: row[0] for pk, row in after.items()} == {pk: row[0] for pk, row in before.items()}
    changed = [pk for pk in after if after[pk] != before[pk]]
    assert changed  # re-priced in place, same valued_at
    assert {after[pk][1] for pk in changed} <= {"observed", "manual"}
    body = assert_matches_reference(vendor, now)  # equal to valuing everything afresh
    assert body["total_value"] != before_body["total_value"]


def test_reprice_converts_as_value_item_does(vendor, now):
    rates([now.date()], USD="1.25", GBP="0.80")
    usd = CollectibleFactory(vendor=vendor, quantity=3, purchase_price=None)
    chf = CollectibleFactory(vendor=vendor, quantity=1, purchase_price=None)
    price(usd, "10.01", "USD", now - timedelta(days=1))
    price(chf, "10", "CHF", now - timedelta(days=1))  # no CHF rate: unconvertible
    services.valuations_ensure_fresh(vendor_ids=[vendor.pk], now=now)
    assert ItemValuation.objects.get(pk=usd.pk).value == Decimal("24.02")  # 8.008 x 3

    load(now.date(), USD="1.3", CHF="0.95")

    usd_row, chf_row = (ItemValuation.objects.get(pk=i.pk) for i in (usd, chf))
    # 10.01 / 1.3 = 7.7 per unit: 23.10 for three.
    assert (usd_row.unit_value, usd_row.value) == (Decimal("7.70"), Decimal("23.10"))
    assert (chf_row.value, chf_row.unconvertible) == (Decimal("10.53"), False)
    assert_matches_reference(vendor, now)


def test_reloading_the_same_rates_changes_nothing(vendor, now):
    varied_collection(vendor, now, count=20)
    services.valuations_ensure_fresh(vendor_ids=[vendor.pk], now=now)
    before = stored_rows(vendor)

    load(now.date(), USD="1.25", GBP="0.80", JPY="160")  # what is already stored

    assert stored_rows(vendor) == before
    assert services.valuations_reprice(since=now.date()) == 0


def test_items_bought_since_the_changed_day_lose_their_row(vendor, now):
    rates([now.date() - timedelta(days=1)], USD="1.25")
    today = CollectibleFactory(
        vendor=vendor, purchase_price=Decimal("20"), purchase_currency="USD",
        purchase_date=now.date(),
    )  # fmt: skip
    old = CollectibleFactory(
        vendor=vendor, purchase_price=Decimal("20"), purchase_currency="USD",
        purchase_date=PURCHASED,
    )  # fmt: skip
    services.valuations_ensure_fresh(vendor_ids=[vendor.pk], now=now)

    load(now.date(), USD="1.10")  # today's rate arrives: today's purchase converts at it

    assert set(ItemValuation.objects.values_list("pk", flat=True)) == {old.pk}
    assert_matches_reference(vendor, now)
    assert ItemValuation.objects.get(pk=today.pk).cost == Decimal("18.18")


def test_a_rate_older_than_the_movers_window_deletes_the_market_rows(vendor, now):
    varied_collection(vendor, now)
    services.valuations_ensure_fresh(vendor_ids=[vendor.pk], now=now)
    kept = set(
        ItemValuation.objects.filter(vendor=vendor, basis="none").values_list("pk", flat=True)
    )
    assert kept

    load(now.date() - timedelta(days=8), USD="1.5")  # a past value may change

    remaining = set(ItemValuation.objects.values_list("pk", flat=True))
    assert not ItemValuation.objects.filter(basis__in=["observed", "manual"]).exists()
    assert kept <= remaining
    assert_matches_reference(vendor, now)


def test_a_rate_written_outside_the_load_deletes_what_it_reaches(vendor, now):
    """The ORM, the admin or raw SQL do not re-price: the trigger deletes the market rows
    valued on or after the rate's day and the next read values them again."""
    varied_collection(vendor, now)
    services.valuations_ensure_fresh(vendor_ids=[vendor.pk], now=now)
    unaffected = set(
        ItemValuation.objects.filter(vendor=vendor, basis="none").values_list("pk", flat=True)
    )

    ExchangeRateFactory(date=now.date() + timedelta(days=1), currency="SEK", rate="11")
    assert ItemValuation.objects.filter(vendor=vendor).count() == len(stored_rows(vendor))
    assert ItemValuation.objects.filter(basis="observed").exists()  # a later day: no effect

    ExchangeRateFactory(date=now.date(), currency="CHF", rate="0.95")

    assert not ItemValuation.objects.filter(basis__in=["observed", "manual"]).exists()
    assert unaffected <= set(ItemValuation.objects.values_list("pk", flat=True))
    assert_matches_reference(vendor, now)


def test_a_new_price_revalues_only_its_item(vendor, now):
    rates([now.date()], USD="1.25")
    items = CollectibleFactory.create_batch(3, vendor=vendor, purchase_price=None)
    for item in items:
        price(item, "10", "USD", now - timedelta(days=2))
    services.valuations_ensure_fresh(vendor_ids=[vendor.pk], now=now)
    before = stored_rows(vendor)
    later = now + timedelta(minutes=5)

    price(items[0], "30", "USD", later - timedelta(minutes=1))
    written = services.valuations_ensure_fresh(vendor_ids=[vendor.pk], now=later)

    assert [row.collectible_id for row in written] == [items[0].pk]
    after = stored_rows(vendor)
    assert after[items[0].pk][0] == later
    assert after[items[0].pk][2] == Decimal("24.00")
    assert {pk: after[pk] for pk in after if pk != items[0].pk} == {
        pk: before[pk] for pk in before if pk != items[0].pk
    }
