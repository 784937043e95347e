"""Collection-value rules, evaluated on the value snapshots (beat)."""

from datetime import date
from decimal import Decimal

import pytest

from alerts.factories import AlertRuleFactory
from alerts.models import AlertEvent, AlertKind
from alerts.tasks import evaluate_collection_values
from valuation.factories import ValueSnapshotFactory

pytestmark = pytest.mark.django_db


def snapshot(vendor, day, total):
    return ValueSnapshotFactory(vendor=vendor, day=day, currency="EUR", total_value=Decimal(total))


@pytest.fixture
def rule(owner, vendor):
    return AlertRuleFactory(
        owner=owner,
        collectible=None,
        vendor=vendor,
        kind=AlertKind.COLLECTION_VALUE_CHANGE,
        percent=Decimal("10"),
        window_days=1,
    )


def test_fires_once_when_the_value_moved_by_the_percentage_either_way(rule, vendor):
    snapshot(vendor, date(2026, 11, 1), "100.00")
    snapshot(vendor, date(2026, 11, 2), "105.00")
    assert evaluate_collection_values() == 0
    snapshot(vendor, date(2026, 11, 3), "90.00")  # -14 %
    assert evaluate_collection_values() == 1
    assert evaluate_collection_values() == 0  # the same day again: nothing twice
    event = AlertEvent.objects.get(rule=rule)
    assert "down 14.29 %" in event.message
    assert event.trigger_key == "value:2026-11-03"


def test_rearms_only_after_the_change_fell_back_under_the_percentage(rule, vendor):
    snapshot(vendor, date(2026, 11, 1), "100.00")
    snapshot(vendor, date(2026, 11, 2), "120.00")
    evaluate_collection_values()
    snapshot(vendor, date(2026, 11, 3), "140.00")  # still moving: the same crossing
    evaluate_collection_values()
    assert AlertEvent.objects.filter(rule=rule).count() == 1
    snapshot(vendor, date(2026, 11, 4), "141.00")  # calm: re-armed
    evaluate_collection_values()
    snapshot(vendor, date(2026, 11, 5), "200.00")
    evaluate_collection_values()
    assert AlertEvent.objects.filter(rule=rule).count() == 2


def test_no_earlier_snapshot_says_nothing(rule, vendor):
    snapshot(vendor, date(2026, 11, 1), "100.00")
    assert evaluate_collection_values() == 0
