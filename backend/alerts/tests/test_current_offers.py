"""Price rules judge the item's best current offer across its trackers, converted to the
target's currency at today's exchange rate."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from alerts.factories import AlertRuleFactory
from alerts.models import AlertEvent, AlertKind
from notifications.models import Notification
from price_history.factories import PriceHistoryFactory
from price_history.models import Tracker
from valuation.factories import ExchangeRateFactory

pytestmark = pytest.mark.django_db


def at_or_below(item, owner, amount="10.00", currency="EUR"):
    return AlertRuleFactory(
        owner=owner, collectible=item, kind=AlertKind.PRICE_AT_OR_BELOW,
        target_amount=Decimal(amount), target_currency=currency,
    )  # fmt: skip


def fired(rule) -> list[AlertEvent]:
    return list(AlertEvent.objects.filter(rule=rule).order_by("id"))


class TestTwoTrackers:
    def test_either_side_of_the_target_fires_once_not_on_alternate_runs(
        self, shop, other_shop, item, owner
    ):
        rule = at_or_below(item, owner)
        shop.offer("9.00")
        other_shop.offer("12.00")
        for _ in range(3):  # the two trackers' runs take turns, as the schedule does
            shop.check()
            other_shop.check()
        assert [(e.price, e.observation.tracker_id) for e in fired(rule)] == [
            (Decimal("9.00"), shop.tracker.pk)
        ]
        rule.refresh_from_db()
        assert rule.armed is False

    def test_it_rearms_once_every_current_offer_is_over_the_target(
        self, shop, other_shop, item, owner
    ):
        rule = at_or_below(item, owner)
        shop.offer("9.00")
        other_shop.offer("12.00")
        shop.check()
        other_shop.check()
        shop.offer("11.00")  # now both are over it: re-armed
        shop.check()
        other_shop.offer("8.00")  # the other tracker crosses: a new crossing
        other_shop.check()
        shop.check()
        assert [e.price for e in fired(rule)] == [Decimal("9.00"), Decimal("8.00")]

    def test_a_paused_tracker_or_one_seen_out_of_stock_offers_nothing(
        self, shop, other_shop, item, owner
    ):
        rule = at_or_below(item, owner)
        other_shop.offer("5.00")
        other_shop.check()
        assert len(fired(rule)) == 1
        shop.offer("12.00")
        Tracker.objects.filter(pk=other_shop.tracker.pk).update(is_active=False)
        shop.check()  # the 5.00 is no current offer any more: re-armed
        Tracker.objects.filter(pk=other_shop.tracker.pk).update(
            is_active=True, last_error_kind="out_of_stock"
        )
        shop.offer("12.50")
        shop.check()  # still nothing under the target: no second alert
        rule.refresh_from_db()
        assert (len(fired(rule)), rule.armed) == (1, True)

    def test_an_offer_older_than_the_want_lists_current_age_is_not_current(
        self, shop, item, owner, settings
    ):
        rule = at_or_below(item, owner)
        old_tracker = Tracker.objects.create(collectible=item, url="http://127.0.0.1:9/old")
        PriceHistoryFactory(
            collectible=item, tracker=old_tracker, price=Decimal("5.00"), currency="EUR",
            observed_at=timezone.now() - timedelta(days=settings.VALUATION_STALE_AFTER_DAYS + 1),
        )  # fmt: skip
        shop.offer("12.00")
        shop.check()
        assert fired(rule) == []


class TestExchangeRates:
    def test_a_price_in_another_currency_is_converted_and_both_are_told(self, shop, item, owner):
        ExchangeRateFactory(currency="USD", date=timezone.now().date(), rate=Decimal("1.10"))
        rule = at_or_below(item, owner)
        shop.offer("11.55", currency="USD")  # 10.50 EUR: over the target
        shop.check()
        assert fired(rule) == []
        shop.offer("10.45", currency="USD")  # 9.50 EUR
        shop.check()
        (event,) = fired(rule)
        assert (event.price, event.currency) == (Decimal("10.45"), "USD")  # as seen
        assert "10.45 USD (9.50 EUR), at or below your 10.00 EUR" in event.message
        assert "10.45 USD is 9.50 EUR at today's exchange rate" in event.message
        notification = Notification.objects.get(user=owner)
        assert notification.data["converted_price"] == "9.50"
        assert notification.data["converted_currency"] == "EUR"

    def test_the_cheapest_after_conversion_is_the_best_offer(self, shop, other_shop, item, owner):
        ExchangeRateFactory(currency="USD", date=timezone.now().date(), rate=Decimal("1.10"))
        rule = at_or_below(item, owner, "9.60")
        shop.offer("9.80")  # EUR, over the target
        shop.check()
        other_shop.offer("10.45", currency="USD")  # 9.50 EUR: cheaper, under it
        other_shop.check()
        assert [(e.price, e.currency) for e in fired(rule)] == [(Decimal("10.45"), "USD")]

    def test_a_price_without_a_usable_rate_is_skipped_not_fired(self, shop, item, owner, settings):
        old = timezone.now().date() - timedelta(days=settings.VALUATION_RATE_MAX_AGE_DAYS + 1)
        ExchangeRateFactory(currency="USD", date=old, rate=Decimal("1.10"))  # too old
        # Other rates are current: USD's is not carried forward (valuation.rates).
        ExchangeRateFactory(currency="GBP", date=timezone.now().date(), rate=Decimal("0.9"))
        rule = at_or_below(item, owner)
        shop.offer("1.00", currency="USD")
        shop.check()
        shop.offer("1.00", currency="JPY")  # never published
        shop.check()
        rule.refresh_from_db()
        assert (fired(rule), rule.armed) == ([], True)
