"""One item's value: basis order, condition matching, staleness, quantity, currencies."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from inventory.factories import CollectibleFactory
from valuation import rules
from valuation.tests import reference
from valuation.tests.conftest import price, rates

pytestmark = pytest.mark.django_db


def value_of(item, vendor, now):
    vendor.refresh_from_db()
    by_id = {v.item.pk: v for v in reference.collection_values(vendor=vendor, now=now)}
    return by_id[item.pk]


@pytest.fixture
def item(vendor):
    return CollectibleFactory(
        vendor=vendor, name="Venusaur", category="trading_card", condition="near_mint",
        quantity=2, purchase_price=Decimal("30"), purchase_currency="EUR",
        purchase_date=date(2024, 1, 10),
    )  # fmt: skip


def test_observed_beats_manual_beats_purchase(item, vendor, now):
    assert value_of(item, vendor, now).basis == "purchase"
    assert value_of(item, vendor, now).value == Decimal("60.00")

    price(item, "40", "EUR", now - timedelta(hours=1), source="manual")
    manual = value_of(item, vendor, now)
    assert (manual.basis, manual.value) == ("manual", Decimal("80.00"))

    price(item, "50", "EUR", now - timedelta(days=3), condition="ungraded")
    observed = value_of(item, vendor, now)  # older than the manual price, still first
    assert (observed.basis, observed.value, observed.unit_value) == (
        "observed", Decimal("100.00"), Decimal("50.00"),
    )  # fmt: skip


def test_no_price_and_no_purchase_price_is_unpriced(vendor, now):
    item = CollectibleFactory(vendor=vendor, purchase_price=None, purchase_currency="")

    value = value_of(item, vendor, now)

    assert (value.basis, value.value, value.cost, value.is_stale) == ("none", None, None, False)


def test_exact_condition_beats_a_newer_blank_one_and_other_conditions_never_match(
    item, vendor, now
):
    price(item, "5", "EUR", now - timedelta(days=1), condition="psa_10")  # not this item
    assert value_of(item, vendor, now).basis == "purchase"

    price(item, "7", "EUR", now - timedelta(days=2))  # blank: last resort
    assert value_of(item, vendor, now).unit_value == Decimal("7.00")

    price(item, "9", "EUR", now - timedelta(days=4), condition="near_mint")  # exact
    assert value_of(item, vendor, now).unit_value == Decimal("9.00")

    price(item, "11", "EUR", now - timedelta(days=3), condition="ungraded")  # exact, newer
    assert value_of(item, vendor, now).unit_value == Decimal("11.00")


def test_the_latest_observation_wins(item, vendor, now):
    price(item, "10", "EUR", now - timedelta(days=2), condition="ungraded")
    price(item, "12", "EUR", now - timedelta(days=1), condition="ungraded")
    price(item, "99", "EUR", now + timedelta(days=1), condition="ungraded")  # not yet

    assert value_of(item, vendor, now).unit_value == Decimal("12.00")


def test_stale_after_the_configured_days(item, vendor, now, settings):
    price(item, "10", "EUR", now - timedelta(days=14, hours=1), condition="ungraded")

    value = value_of(item, vendor, now)
    assert (value.age_days, value.is_stale) == (14, True)

    settings.VALUATION_STALE_AFTER_DAYS = 15
    assert value_of(item, vendor, now).is_stale is False


def test_observed_prices_convert_at_todays_rate_through_the_euro(item, vendor, now):
    vendor.default_currency = "GBP"
    vendor.save()
    rates([now.date() - timedelta(days=2)], USD="1.20", GBP="0.90")  # Friday's, say
    price(item, "120", "USD", now - timedelta(days=5), condition="ungraded")

    value = value_of(item, vendor, now)

    # 120 USD / 1.20 = 100 EUR * 0.90 = 90 GBP per unit, two units.
    assert (value.unit_value, value.value, value.unconvertible) == (
        Decimal("90.00"), Decimal("180.00"), False,
    )  # fmt: skip


def test_purchase_prices_convert_at_the_purchase_date_rate(vendor, now):
    rates([date(2024, 1, 9)], USD="1.10")  # the day before: nearest earlier
    rates([date(2024, 1, 11)], USD="2.00")  # after the purchase: never used
    rates([now.date()], USD="1.25")
    item = CollectibleFactory(
        vendor=vendor, purchase_price=Decimal("110"), purchase_currency="USD",
        purchase_date=date(2024, 1, 10),
    )  # fmt: skip

    value = value_of(item, vendor, now)

    assert (value.basis, value.value, value.cost) == ("purchase", Decimal("100.00"),
                                                      Decimal("100.00"))  # fmt: skip


def test_a_missing_rate_is_unconvertible_never_a_wrong_number(item, vendor, now):
    price(item, "50", "CHF", now - timedelta(days=1), condition="ungraded")

    value = value_of(item, vendor, now)

    assert (value.basis, value.value, value.unconvertible) == ("observed", None, True)
    assert value.cost == Decimal("60.00")  # the purchase price is in EUR: no rate needed
    summary = rules.totals([value])
    assert (summary.priced_count, summary.unpriced_count, summary.unconvertible_count) == (0, 1, 1)


def test_a_rate_older_than_the_limit_is_not_used(vendor, now, settings):
    rates([date(2024, 1, 1)], JPY="160")
    rates([now.date()], USD="1.25")  # the feed is current: no carrying forward (rates.py)
    item = CollectibleFactory(
        vendor=vendor, purchase_price=Decimal("16000"), purchase_currency="JPY",
        purchase_date=date(2024, 1, 10),
    )  # fmt: skip
    assert value_of(item, vendor, now).value == Decimal("100.00")

    settings.VALUATION_RATE_MAX_AGE_DAYS = 5
    value = value_of(item, vendor, now)
    assert (value.basis, value.value, value.cost_unconvertible) == ("purchase", None, True)


def test_purchase_without_a_date_converts_at_the_day_it_was_entered(vendor, now):
    rates([now.date()], USD="1.25")
    item = CollectibleFactory(vendor=vendor, purchase_price=Decimal("125"),
                              purchase_currency="USD", purchase_date=None)  # fmt: skip

    assert value_of(item, vendor, now).cost == Decimal("100.00")
