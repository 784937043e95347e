from datetime import date, timedelta

import pytest

from devtools.demo_prices import ensure_demo_price_history
from devtools.management.commands.seed_demo import seed_demo
from price_history.models import PriceHistory, Tracker
from scraper.demo_marketplace import BY_NAME, SOLD_DAYS, collector_price, price_for

pytestmark = pytest.mark.django_db


def test_demo_items_get_marketplace_trackers_and_a_year_of_history():
    report = seed_demo()

    trackers = Tracker.objects.select_related("collectible")
    assert report.trackers_created == trackers.count() > 40
    assert all(t.url.startswith("http://127.0.0.1:8765/") for t in trackers)
    assert {t.collectible.name for t in trackers} == set(BY_NAME)
    history = PriceHistory.objects.filter(is_demo=True)
    # A year a tracker, less the days an eBay sold-listings page shows (its check's own).
    expected = sum(365 - (SOLD_DAYS if "/ebay/sch/" in t.url else 0) for t in trackers)
    assert report.prices_backfilled == history.count() == expected


def test_backfilled_prices_are_what_the_marketplace_serves_on_that_day():
    seed_demo()
    tracker = Tracker.objects.get(collectible__name="Charizard", source="pricecharting")
    row = PriceHistory.objects.filter(tracker=tracker).order_by("observed_at").first()
    assert row is not None

    expected = price_for(BY_NAME["Charizard"], row.observed_at.date(), tracker.condition)

    assert row.price == expected
    assert row.condition == tracker.condition == "grade_9"
    assert row.currency == "USD"


def test_seeding_twice_adds_no_trackers_and_no_prices():
    seed_demo()
    counts = (Tracker.objects.count(), PriceHistory.objects.count())

    report = seed_demo()

    assert (report.trackers_created, report.prices_backfilled) == (0, 0)
    assert (Tracker.objects.count(), PriceHistory.objects.count()) == counts
    assert not report.changed


def test_backfill_stops_before_today_so_live_scrapes_own_today():
    seed_demo()
    vendor = Tracker.objects.first().collectible.vendor
    PriceHistory.objects.all().delete()

    ensure_demo_price_history(vendor=vendor, days=3, today=date(2026, 1, 10))

    days = set(PriceHistory.objects.values_list("observed_at__date", flat=True))
    assert days == {date(2026, 1, 7), date(2026, 1, 8), date(2026, 1, 9)}


def test_demo_trackers_are_not_all_due_at_once():
    seed_demo()

    due_times = sorted(Tracker.objects.values_list("next_run_at", flat=True))

    assert len(set(due_times)) == len(due_times)
    assert due_times[-1] - due_times[0] > timedelta(hours=5)


def test_the_collector_marketplaces_are_tracked_with_their_source_and_condition():
    seed_demo()

    griffey = Tracker.objects.get(collectible__name="Ken Griffey Jr. Rookie Card", source="ebay")
    goyf = Tracker.objects.get(collectible__name="Tarmogoyf", source="cardmarket")

    assert (griffey.condition, "/ebay/sch/" in griffey.url) == ("bgs_10", True)
    assert goyf.condition == "near_mint"
    row = PriceHistory.objects.filter(tracker=goyf).order_by("observed_at").first()
    assert row is not None
    day = row.observed_at.date()
    amount, currency = collector_price(BY_NAME["Tarmogoyf"], "cardmarket", "near_mint", day)
    assert (row.price, row.currency, row.condition) == (amount, currency, "near_mint")
    assert currency == "EUR"  # the card market's own currency
