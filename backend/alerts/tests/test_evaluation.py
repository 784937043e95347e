"""Rules evaluated by the worker right after a run records its prices."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from alerts.factories import AlertRuleFactory
from alerts.models import AlertEvent, AlertKind, AlertRule
from alerts.selectors.item_prices import _RECENT_ROWS
from alerts.services import alerts_evaluate_prices
from alerts.tests.conftest import Shop
from inventory.factories import CollectibleFactory
from notifications.models import Notification
from price_history.factories import PriceHistoryFactory, TrackerFactory
from price_history.models import PriceHistory
from price_history.services import price_record_manual
from price_history.services import runs as run_services

pytestmark = pytest.mark.django_db


def rule_on(item, owner, kind=AlertKind.ALL_TIME_LOW, **params):
    return AlertRuleFactory(owner=owner, collectible=item, kind=kind, **params)


def fired(rule) -> list[AlertEvent]:
    return list(AlertEvent.objects.filter(rule=rule).order_by("id"))


class TestPriceAtOrBelow:
    def test_fires_once_per_crossing_and_rearms_after_the_price_rose(self, shop, item, owner):
        rule = rule_on(
            item,
            owner,
            AlertKind.PRICE_AT_OR_BELOW,
            target_amount=Decimal("10.00"),
            target_currency="EUR",
        )
        shop.offer("12.00")
        shop.check()
        assert fired(rule) == []

        shop.offer("9.50")
        shop.check()
        shop.offer("9.00")  # still below: the same crossing, no second alert
        shop.check()
        events = fired(rule)
        assert [(e.price, e.currency, e.source) for e in events] == [
            (Decimal("9.50"), "EUR", "structured")
        ]
        assert events[0].url == shop.pages.url("/shop/product")
        assert events[0].observation == PriceHistory.objects.get(price=Decimal("9.50"))

        shop.offer("11.00")  # condition false: re-armed
        shop.check()
        shop.offer("8.00")
        shop.check()
        assert [e.price for e in fired(rule)] == [Decimal("9.50"), Decimal("8.00")]
        rule.refresh_from_db()
        assert rule.armed is False
        assert rule.last_fired_at is not None

    def test_a_price_in_a_currency_without_an_exchange_rate_says_nothing(self, shop, item, owner):
        rule = rule_on(
            item,
            owner,
            AlertKind.PRICE_AT_OR_BELOW,
            target_amount=Decimal("10.00"),
            target_currency="EUR",
        )
        shop.offer("1.00", currency="USD")
        shop.check()
        assert fired(rule) == []

    def test_the_owner_is_notified_in_the_inbox_with_a_link_to_the_item(self, shop, item, owner):
        rule = rule_on(
            item,
            owner,
            AlertKind.PRICE_AT_OR_BELOW,
            target_amount=Decimal("10.00"),
            target_currency="EUR",
        )
        shop.offer("9.50")
        shop.check()
        event = fired(rule)[0]
        notification = Notification.objects.get(user=owner)
        assert event.notification_id == notification.pk
        assert "9.50 EUR" in notification.title
        assert notification.link == f"/collection/{item.pk}"
        assert notification.data["alert_kind"] == "price_at_or_below"


class TestDropPercent:
    def test_fires_when_the_price_fell_by_the_percentage_within_the_window(self, shop, item, owner):
        rule = rule_on(item, owner, AlertKind.DROP_PERCENT, percent=Decimal("20"), window_days=7)
        PriceHistoryFactory(
            collectible=item, price=Decimal("20.00"), currency="EUR",
            observed_at=timezone.now() - timedelta(days=3),
        )  # fmt: skip
        PriceHistoryFactory(  # outside the window: not the reference
            collectible=item, price=Decimal("100.00"), currency="EUR",
            observed_at=timezone.now() - timedelta(days=30),
        )  # fmt: skip
        shop.offer("17.00")  # -15 %
        shop.check()
        assert fired(rule) == []
        shop.offer("16.00")  # -20 %
        shop.check()
        assert [e.price for e in fired(rule)] == [Decimal("16.00")]


class TestAllTimeLow:
    def test_each_new_low_fires_and_the_first_price_ever_does_not(self, shop, item, owner):
        rule = rule_on(item, owner, AlertKind.ALL_TIME_LOW)
        for price in ("10.00", "12.00", "9.00", "9.00", "8.00"):
            shop.offer(price)
            shop.check()
        assert [e.price for e in fired(rule)] == [Decimal("9.00"), Decimal("8.00")]

    def test_a_low_older_than_the_latest_rows_still_counts(self, shop, item, owner):
        """The usual run finds an earlier price at or under the news among the item's
        latest rows; a news under all of those is compared with every earlier row."""
        rule = rule_on(item, owner, AlertKind.ALL_TIME_LOW)
        long_ago = timezone.now() - timedelta(days=200)
        PriceHistoryFactory(
            collectible=item, price=Decimal("5.00"), currency="EUR", observed_at=long_ago
        )
        PriceHistoryFactory(
            collectible=item, price=Decimal("1.00"), currency="USD", observed_at=long_ago
        )
        PriceHistoryFactory.create_batch(
            _RECENT_ROWS + 10, collectible=item, price=Decimal("30.00"), currency="EUR",
            observed_at=timezone.now() - timedelta(days=1),
        )  # fmt: skip
        for price in ("31.00", "10.00", "5.00"):  # over recent ones, under them, the old low
            shop.offer(price)
            shop.check()
        assert fired(rule) == []
        shop.offer("4.00")
        shop.check()
        assert [e.price for e in fired(rule)] == [Decimal("4.00")]


class TestBackInStock:
    def test_fires_when_an_item_seen_out_of_stock_is_offered_again(self, shop, item, owner):
        rule = rule_on(item, owner, AlertKind.BACK_IN_STOCK)
        shop.offer("10.00")  # in stock from the start: nothing to announce
        shop.check()
        shop.offer("10.00", in_stock=False)
        shop.check()
        assert fired(rule) == []
        shop.offer("11.00")
        shop.check()
        shop.offer("11.00")
        shop.check()
        assert [e.price for e in fired(rule)] == [Decimal("11.00")]


class TestTrackerPaused:
    def test_a_tracker_paused_after_failures_fires_once(self, shop, item, owner, settings):
        settings.SCRAPER_PAUSE_AFTER_FAILURES = 2
        rule = rule_on(item, owner, AlertKind.TRACKER_PAUSED)
        shop.broken()
        shop.check()
        assert fired(rule) == []
        run = shop.check()
        assert shop.tracker.is_active is False
        events = fired(rule)
        assert [e.trigger_key for e in events] == [f"paused:{run.pk}"]
        assert "Paused after 2 failed checks" in events[0].message

    def test_a_vendor_wide_rule_hears_of_every_item(self, shop, item, owner, settings):
        settings.SCRAPER_PAUSE_AFTER_FAILURES = 1
        rule = AlertRuleFactory(
            owner=owner, collectible=None, vendor=item.vendor, kind=AlertKind.TRACKER_PAUSED
        )
        shop.broken()
        shop.check()
        assert len(fired(rule)) == 1


class TestVendorWide:
    def test_hysteresis_is_kept_per_item(self, shop, item, owner):
        rule = AlertRuleFactory(
            owner=owner, collectible=None, vendor=item.vendor, kind=AlertKind.BACK_IN_STOCK
        )
        shop.offer("5.00", in_stock=False)
        shop.check()
        shop.offer("5.00")
        shop.check()
        rule.refresh_from_db()
        assert len(fired(rule)) == 1
        assert rule.item_armed == {str(item.pk): False}
        assert fired(rule)[0].collectible == item

    def test_another_items_state_neither_blocks_nor_is_lost(self, shop, item, owner):
        rule = AlertRuleFactory(
            owner=owner, collectible=None, vendor=item.vendor, kind=AlertKind.BACK_IN_STOCK
        )
        shop.offer("5.00", in_stock=False)
        shop.check()
        shop.offer("5.00")
        shop.check()  # fired for the first item: disarmed there
        second = CollectibleFactory(vendor=item.vendor, created_by=owner)
        path = "/second/product"
        second_shop = Shop(
            shop.pages, TrackerFactory(collectible=second, url=shop.pages.url(path)), path
        )
        second_shop.offer("7.00", in_stock=False)
        second_shop.check()
        second_shop.offer("7.00")
        second_shop.check()
        rule.refresh_from_db()
        assert [event.collectible for event in fired(rule)] == [item, second]
        assert rule.item_armed == {str(item.pk): False, str(second.pk): False}


class TestExactlyOnce:
    def test_a_run_delivered_twice_fires_once(self, shop, item, owner):
        rule = rule_on(
            item,
            owner,
            AlertKind.PRICE_AT_OR_BELOW,
            target_amount=Decimal("10.00"),
            target_currency="EUR",
        )
        shop.offer("9.00")
        run = shop.check()
        run_services.scrape_run_execute(run_id=run.pk)  # the task delivered again
        assert len(fired(rule)) == 1
        assert Notification.objects.filter(user=owner).count() == 1

    def test_the_same_prices_evaluated_twice_fire_once(self, shop, item, owner):
        rule = rule_on(
            item,
            owner,
            AlertKind.PRICE_AT_OR_BELOW,
            target_amount=Decimal("10.00"),
            target_currency="EUR",
        )
        shop.offer("9.00")
        run = shop.check()
        AlertRule.objects.filter(pk=rule.pk).update(armed=True)  # as if never fired
        alerts_evaluate_prices(collectible=item, rows=list(run.prices.all()), run=run)
        assert len(fired(rule)) == 1
        assert Notification.objects.filter(user=owner).count() == 1

    def test_a_run_that_rolls_back_leaves_no_event(self, shop, item, owner, monkeypatch):
        rule = rule_on(
            item,
            owner,
            AlertKind.PRICE_AT_OR_BELOW,
            target_amount=Decimal("10.00"),
            target_currency="EUR",
        )

        def fail(**kwargs):
            raise RuntimeError("the database went away after the hook")

        monkeypatch.setattr(run_services, "job_refresh", fail)
        shop.offer("9.00")
        with pytest.raises(RuntimeError):
            shop.check()
        assert fired(rule) == []
        assert not PriceHistory.objects.filter(collectible=item).exists()
        assert not Notification.objects.exists()
        rule.refresh_from_db()
        assert rule.armed is True


class TestWhoIsTold:
    def test_disabled_rules_and_former_members_are_not_evaluated(self, shop, item, owner):
        from users.factories import UserFactory

        off = rule_on(item, owner, AlertKind.ALL_TIME_LOW, enabled=False)
        former = rule_on(item, UserFactory(), AlertKind.ALL_TIME_LOW)  # not a member
        for price in ("10.00", "5.00"):
            shop.offer(price)
            shop.check()
        assert fired(off) == []
        assert fired(former) == []


def test_a_price_entered_by_hand_is_evaluated(item, owner):
    rule = rule_on(
        item, owner, AlertKind.PRICE_AT_OR_BELOW, target_amount=Decimal("10"), target_currency="EUR"
    )
    price_record_manual(collectible=item, recorded_by=owner, price=Decimal("7.00"), currency="EUR")
    assert [e.source for e in fired(rule)] == ["manual"]


def test_a_new_target_fires_again_on_the_offer_that_fired_the_old_one(shop, item, owner):
    from alerts.services import alert_rule_update

    rule = rule_on(
        item, owner, AlertKind.PRICE_AT_OR_BELOW, target_amount=Decimal("10"), target_currency="EUR"
    )
    shop.offer("9.00")
    shop.check()
    alert_rule_update(rule=rule, data={"target_amount": Decimal("9.50")})  # re-armed
    shop.check()  # the same 9.00 is still the best offer: it fires the new target
    assert [e.price for e in fired(rule)] == [Decimal("9.00"), Decimal("9.00")]
