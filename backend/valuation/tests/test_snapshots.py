"""Daily snapshots: backfill from history, idempotent upserts, the beat task, the API."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from inventory.factories import CollectibleFactory
from valuation import selectors, services
from valuation.factories import ValueSnapshotFactory
from valuation.models import ValueSnapshot
from valuation.tests.conftest import PURCHASED, price, rates
from vendors.factories import VendorFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/dashboard/value-history"


@pytest.fixture
def item(vendor, now):
    """10 EUR bought; observed 20 EUR five days ago and 30 EUR two days ago."""
    item = CollectibleFactory(
        vendor=vendor, quantity=2, purchase_price=Decimal("10"), purchase_currency="EUR",
        purchase_date=now.date() - timedelta(days=8),
    )  # fmt: skip
    price(item, "20", "EUR", now - timedelta(days=5), condition="ungraded")
    price(item, "30", "EUR", now - timedelta(days=2), condition="ungraded")
    return item


def snapshot_values(vendor):
    return {
        s.day: (s.total_value, s.cost_basis, s.item_count, s.priced_count)
        for s in ValueSnapshot.objects.filter(vendor=vendor)
    }


def test_backfill_uses_the_prices_known_on_each_day(vendor, item, now):
    written = services.backfill_values(vendor=vendor, days=10, now=now)

    assert written == 11
    today = now.date()
    values = snapshot_values(vendor)
    day = lambda n: today - timedelta(days=n)  # noqa: E731
    assert day(10) not in values or values[day(10)][2] == 0
    assert values[day(9)] == (Decimal("0.00"), Decimal("0.00"), 0, 0)  # not bought yet
    assert values[day(8)] == (Decimal("20.00"), Decimal("20.00"), 1, 1)  # purchase basis
    assert values[day(5)] == (Decimal("40.00"), Decimal("20.00"), 1, 1)
    assert values[day(2)] == (Decimal("60.00"), Decimal("20.00"), 1, 1)
    assert values[today] == (Decimal("60.00"), Decimal("20.00"), 1, 1)
    assert ValueSnapshot.objects.get(vendor=vendor, day=today).currency == "EUR"


def test_snapshots_are_idempotent(vendor, item, now):
    services.backfill_values(vendor=vendor, days=3, now=now)
    first = snapshot_values(vendor)

    services.backfill_values(vendor=vendor, days=3, now=now)
    services.value_snapshots_update_all(now=now)

    assert ValueSnapshot.objects.filter(vendor=vendor).count() == 4
    assert snapshot_values(vendor) == first


def test_a_new_price_updates_todays_snapshot(vendor, item, now):
    services.backfill_values(vendor=vendor, days=1, now=now)
    price(item, "50", "EUR", now - timedelta(minutes=1), condition="ungraded")

    services.value_snapshots_update_all(now=now)

    assert ValueSnapshot.objects.get(vendor=vendor, day=now.date()).total_value == Decimal("100.00")


def test_todays_snapshot_agrees_with_the_dashboard(vendor, collection, now):
    services.backfill_values(vendor=vendor, days=0, now=now)

    snapshot = ValueSnapshot.objects.get(vendor=vendor, day=now.date())
    services.valuations_ensure_fresh(vendor_ids=[vendor.pk], now=now)
    body = selectors.dashboard(vendor=vendor, now=now)
    assert (snapshot.total_value, snapshot.cost_basis) == (body["total_value"], body["cost_basis"])
    assert (snapshot.item_count, snapshot.priced_count) == (6, 5)


def test_the_beat_service_snapshots_every_vendor_with_items(vendor, item, now):
    empty = VendorFactory()

    written = services.value_snapshots_update_all(now=now)

    assert written == 2
    assert set(ValueSnapshot.objects.values_list("day", flat=True)) == {
        now.date(),
        now.date() - timedelta(days=1),
    }
    assert not ValueSnapshot.objects.filter(vendor=empty).exists()


def test_one_failing_vendor_does_not_stop_the_others(vendor, item, now, monkeypatch):
    other = VendorFactory()
    CollectibleFactory(vendor=other)
    real = services.backfill_values

    def flaky(*, vendor, days, now):
        if vendor.pk == other.pk:
            raise RuntimeError("boom")
        return real(vendor=vendor, days=days, now=now)

    monkeypatch.setattr(services, "backfill_values", flaky)

    assert services.value_snapshots_update_all(now=now) == 2
    assert not ValueSnapshot.objects.filter(vendor=other).exists()


def test_negative_days_are_refused(vendor):
    with pytest.raises(ValueError, match="negative"):
        services.backfill_values(vendor=vendor, days=-1)


# ------------------------------------------------------------------------------ command


def test_backfill_command_for_one_vendor(vendor, item, capsys):
    call_command("backfill_values", "--vendor", str(vendor.pk), "--days", "5")

    assert ValueSnapshot.objects.filter(vendor=vendor).count() == 6
    assert "6 daily snapshots" in capsys.readouterr().out


def test_backfill_command_for_every_vendor_with_items(vendor, item, capsys):
    VendorFactory()

    call_command("backfill_values", "--days", "2")

    assert ValueSnapshot.objects.count() == 3
    assert "Wrote 3 snapshots" in capsys.readouterr().out


@pytest.mark.parametrize(("args", "message"), [(["--vendor", "999999"], "No vendor"),
                                                (["--days", "-2"], "negative")])  # fmt: skip
def test_backfill_command_errors(db, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("backfill_values", *args)


# ---------------------------------------------------------------------------------- API


def test_value_history_ranges(owner_client, vendor, now):
    today = now.date()
    for n in (0, 10, 40, 200, 400):
        ValueSnapshotFactory(vendor=vendor, day=today - timedelta(days=n), currency="EUR",
                             total_value=Decimal(n))  # fmt: skip
    ValueSnapshotFactory(vendor=vendor, day=today - timedelta(days=5), currency="USD")

    def days(range_name=None):
        query = {"range": range_name} if range_name else {}
        response = owner_client.get(URL, query)
        assert response.status_code == 200
        return [point["day"] for point in response.json()["points"]]

    iso = lambda n: (today - timedelta(days=n)).isoformat()  # noqa: E731
    assert days("1m") == [iso(10), iso(0)]  # other-currency snapshots are left out
    assert days("3m") == [iso(40), iso(10), iso(0)]
    assert days("1y") == days() == [iso(200), iso(40), iso(10), iso(0)]
    assert days("all") == [iso(400), iso(200), iso(40), iso(10), iso(0)]


def test_value_history_body(owner_client, vendor, item, now):
    services.backfill_values(vendor=vendor, days=2, now=now)

    body = owner_client.get(URL, {"range": "1m", "vendor": vendor.pk}).json()

    assert body["currency"] == "EUR"
    assert body["range"] == "1m"
    assert body["from"] == (now.date() - timedelta(days=30)).isoformat()
    assert body["to"] == now.date().isoformat()
    assert body["points"][-1] == {
        "day": now.date().isoformat(),
        "total_value": "60.00",
        "cost_basis": "20.00",
        "item_count": 1,
        "priced_count": 1,
    }


def test_all_range_of_an_empty_history(owner_client, vendor):
    body = owner_client.get(URL, {"range": "all"}).json()

    assert (body["points"], body["from"]) == ([], None)


def test_value_history_is_never_recomputed_per_request(owner_client, vendor, item):
    # No snapshot yet: the history is empty even though prices exist.
    assert owner_client.get(URL).json()["points"] == []


@pytest.mark.parametrize("query", [{"range": "2w"}, {"days": "3"}])
def test_value_history_bad_query_is_400(owner_client, vendor, query):
    assert owner_client.get(URL, query).status_code == 400


def test_purchase_rates_in_history(vendor, now):
    rates([PURCHASED], USD="1.10")
    CollectibleFactory(vendor=vendor, purchase_price=Decimal("110"), purchase_currency="USD",
                       purchase_date=PURCHASED)  # fmt: skip

    services.backfill_values(vendor=vendor, days=0, now=now)

    assert ValueSnapshot.objects.get(vendor=vendor).cost_basis == Decimal("100.00")
