"""/api/v1/alert-rules/ and /api/v1/alert-events/: your own rules on what you can read."""

from decimal import Decimal

import pytest

from alerts.factories import AlertRuleFactory
from alerts.models import AlertEvent, AlertKind, AlertRule
from inventory.factories import CollectibleFactory
from users.factories import UserFactory
from vendors.selectors import personal_vendor_for_user

pytestmark = pytest.mark.django_db

RULES = "/api/v1/alert-rules/"
EVENTS = "/api/v1/alert-events/"


def price_rule(item, **extra):
    return {"kind": "price_at_or_below", "collectible": item.pk, "target_amount": "10.00", **extra}


class TestCreate:
    def test_a_price_target_on_an_item_defaults_to_the_vendors_currency(self, owner_client, item):
        response = owner_client.post(RULES, price_rule(item))
        assert response.status_code == 201, response.json()
        body = response.json()
        assert body["vendor"] == item.vendor_id
        assert body["target_currency"] == item.vendor.default_currency
        assert (body["armed"], body["enabled"], body["last_fired_at"]) == (True, True, None)
        assert body["collectible_name"] == item.name

    def test_a_vendor_wide_drop_rule(self, owner_client, vendor):
        response = owner_client.post(
            RULES, {"kind": "drop_percent", "vendor": vendor.pk, "percent": "15", "window_days": 7}
        )
        assert response.status_code == 201, response.json()
        assert response.json()["collectible"] is None
        assert response.json()["collectible_name"] is None

    def test_a_back_in_stock_rule_starts_disarmed(self, owner_client, item):
        response = owner_client.post(RULES, {"kind": "back_in_stock", "collectible": item.pk})
        assert response.json()["armed"] is False

    @pytest.mark.parametrize(
        ("payload", "field"),
        [
            ({"kind": "price_at_or_below"}, "target_amount"),
            ({"kind": "drop_percent", "percent": "10"}, "window_days"),
            ({"kind": "drop_percent", "percent": "0", "window_days": 3}, "percent"),
            ({"kind": "drop_percent", "percent": "101", "window_days": 3}, "percent"),
            ({"kind": "all_time_low", "target_amount": "3"}, "target_amount"),
            ({"kind": "collection_value_change", "percent": "5"}, "collectible"),
        ],
    )
    def test_each_kind_takes_its_own_parameters(self, owner_client, item, payload, field):
        response = owner_client.post(RULES, {"collectible": item.pk, **payload})
        assert response.status_code == 400
        assert field in response.json()["fields"]
        assert not AlertRule.objects.exists()

    def test_a_price_target_needs_an_item(self, owner_client, vendor):
        response = owner_client.post(
            RULES, {"kind": "price_at_or_below", "vendor": vendor.pk, "target_amount": "3"}
        )
        assert response.status_code == 400
        assert "collectible" in response.json()["fields"]

    def test_an_item_or_vendor_you_cannot_read_does_not_exist(self, stranger_client, item):
        on_item = stranger_client.post(RULES, price_rule(item))
        on_vendor = stranger_client.post(RULES, {"kind": "all_time_low", "vendor": item.vendor_id})
        assert on_item.status_code == on_vendor.status_code == 400
        assert "collectible" in on_item.json()["fields"]
        assert "vendor" in on_vendor.json()["fields"]

    def test_item_and_vendor_must_agree(self, owner_client, item):
        other = personal_vendor_for_user(user=UserFactory())
        response = owner_client.post(RULES, price_rule(item, vendor=other.pk))
        assert response.status_code == 400

    def test_a_viewer_may_alert_themselves(self, viewer_client, item):
        assert viewer_client.post(RULES, price_rule(item)).status_code == 201


class TestReadAndChange:
    def test_the_list_names_each_watched_item_in_one_query_for_all(
        self, owner_client, owner, vendor, django_assert_max_num_queries
    ):
        items = [CollectibleFactory(vendor=vendor, name=f"Card {n}") for n in range(5)]
        for watched in items:
            AlertRuleFactory(owner=owner, collectible=watched)
        AlertRuleFactory(owner=owner, collectible=None, vendor=vendor, kind="tracker_paused")
        with django_assert_max_num_queries(6):  # auth, memberships, count, page: not per item
            results = owner_client.get(RULES).json()["results"]
        assert sorted(r["collectible_name"] or "-" for r in results) == [
            "-", "Card 0", "Card 1", "Card 2", "Card 3", "Card 4",
        ]  # fmt: skip
        body = owner_client.patch(f"{RULES}{results[0]['id']}/", {"collectible_name": "x"}).json()
        assert body["collectible_name"] in (None, *[i.name for i in items])  # read-only

    def test_you_see_only_your_own_rules(self, owner_client, stranger_client, item, owner):
        mine = AlertRuleFactory(owner=owner, collectible=item)
        AlertRuleFactory(owner=UserFactory(), collectible=CollectibleFactory())
        assert [r["id"] for r in owner_client.get(RULES).json()["results"]] == [mine.pk]
        assert stranger_client.get(f"{RULES}{mine.pk}/").status_code == 404
        assert stranger_client.delete(f"{RULES}{mine.pk}/").status_code == 404

    def test_a_new_target_rearms_the_rule_and_the_item_stays(self, owner_client, item, owner):
        rule = AlertRuleFactory(
            owner=owner,
            collectible=item,
            kind=AlertKind.PRICE_AT_OR_BELOW,
            target_amount=Decimal("5"),
            target_currency="EUR",
            armed=False,
        )
        other = CollectibleFactory(vendor=item.vendor)
        response = owner_client.patch(
            f"{RULES}{rule.pk}/", {"target_amount": "7.00", "collectible": other.pk}
        )
        assert response.status_code == 200, response.json()
        assert (response.json()["armed"], response.json()["collectible"]) == (True, item.pk)

    def test_changing_the_kind_drops_the_old_parameters(self, owner_client, item, owner):
        rule = AlertRuleFactory(
            owner=owner,
            collectible=item,
            kind=AlertKind.PRICE_AT_OR_BELOW,
            target_amount=Decimal("5"),
            target_currency="EUR",
        )
        response = owner_client.patch(f"{RULES}{rule.pk}/", {"kind": "all_time_low"})
        assert response.status_code == 200, response.json()
        assert response.json()["target_amount"] is None

    def test_disable_and_delete(self, owner_client, item, owner):
        rule = AlertRuleFactory(owner=owner, collectible=item)
        assert (
            owner_client.patch(f"{RULES}{rule.pk}/", {"enabled": False}).json()["enabled"] is False
        )
        assert owner_client.delete(f"{RULES}{rule.pk}/").status_code == 204
        assert not AlertRule.objects.exists()


class TestEvents:
    def test_lists_your_events_filtered_by_rule_and_item(self, owner_client, item, owner):
        rule = AlertRuleFactory(owner=owner, collectible=item)
        other_rule = AlertRuleFactory(
            owner=owner, collectible=CollectibleFactory(vendor=item.vendor)
        )
        event = AlertEvent.objects.create(
            rule=rule, collectible=item, trigger_key="price:1", fired_at="2026-12-01T10:00Z",
            price=Decimal("3.00"), currency="EUR", source="manual", message="low",
        )  # fmt: skip
        AlertEvent.objects.create(
            rule=other_rule, collectible=other_rule.collectible, trigger_key="price:2",
            fired_at="2026-12-01T11:00Z", message="other",
        )  # fmt: skip
        AlertEvent.objects.create(
            rule=AlertRuleFactory(), trigger_key="price:3", fired_at="2026-12-01T11:00Z",
            message="someone else's",
        )  # fmt: skip
        assert owner_client.get(EVENTS).json()["count"] == 2
        by_rule = owner_client.get(EVENTS, {"rule": rule.pk}).json()["results"]
        by_item = owner_client.get(EVENTS, {"collectible": item.pk}).json()["results"]
        assert [e["id"] for e in by_rule] == [e["id"] for e in by_item] == [event.pk]
        assert by_rule[0]["kind"] == "all_time_low"
        assert by_rule[0]["delivered"] is False

    def test_events_are_read_only(self, owner_client):
        assert owner_client.post(EVENTS, {}).status_code == 405


class TestAcquire:
    def test_buying_a_wanted_item_switches_off_its_price_target_rules_only(
        self, owner_client, vendor, owner
    ):
        wanted = CollectibleFactory(
            vendor=vendor, status="wanted", max_price=Decimal("40"), max_price_currency="EUR",
            purchase_price=None, purchase_currency="",
        )  # fmt: skip
        target = AlertRuleFactory(
            owner=owner, collectible=wanted, kind=AlertKind.PRICE_AT_OR_BELOW,
            target_amount=Decimal("40"), target_currency="EUR",
        )  # fmt: skip
        low = AlertRuleFactory(owner=owner, collectible=wanted, kind=AlertKind.ALL_TIME_LOW)

        response = owner_client.post(
            f"/api/v1/collectibles/{wanted.pk}/acquire", {"purchase_price": "35.00"}
        )

        assert response.status_code == 200, response.json()
        assert response.json()["status"] == "owned"
        target.refresh_from_db()
        low.refresh_from_db()
        assert (target.enabled, low.enabled) == (False, True)
        body = owner_client.get(f"{RULES}{target.pk}/").json()
        assert body["enabled"] is False  # kept, with its events, and visible as off
