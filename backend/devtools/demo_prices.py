"""Demo trackers and a backfilled price history for the seeded collection (local demos).

The trackers point at the local demo marketplace (`python -m scraper.demo_marketplace`,
started by `make run`). The backfill uses the marketplace's own `price_for`, so the
history lines up with what the workers scrape today. Backfilled rows are `is_demo`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from django.utils import timezone

from inventory.models import Collectible
from price_history.models import PriceHistory, Tracker
from price_history.services import tracker_create
from scraper.demo_marketplace import BY_NAME, price_for, product_urls
from users.models import User
from vendors.models import Vendor

DEMO_MARKETPLACE_URL = "http://127.0.0.1:8765"
HISTORY_DAYS = 365
# Demo prices move once a day; checking every 6 hours keeps the demo lively but polite.
DEMO_INTERVAL_MINUTES = 6 * 60


def _demo_items(vendor: Vendor) -> list[tuple[Collectible, str]]:
    items = Collectible.objects.filter(vendor=vendor, name__in=BY_NAME).order_by("id")
    return [(item, BY_NAME[item.name]) for item in items]


def ensure_demo_trackers(
    *, vendor: Vendor, user: User, base_url: str = DEMO_MARKETPLACE_URL
) -> int:
    """Give every demo item without trackers the demo marketplace's trackers.

    Their first checks are spread over the interval: all due at once, they would queue
    minutes of polite (one host, seconds apart) requests ahead of a collector's refresh.
    """
    created: list[Tracker] = []
    for item, slug in _demo_items(vendor):
        if Tracker.objects.filter(collectible=item).exists():
            continue
        for spec in product_urls(slug, base_url):
            tracker = tracker_create(
                collectible=item,
                created_by=user,
                data={
                    "source": spec["source"],
                    "url": spec["url"],
                    "selector": spec["selector"] or "",
                    "attribute": spec["attribute"] or "",
                    "condition": spec["condition"] or "",
                    "currency": "USD",
                    "interval_minutes": DEMO_INTERVAL_MINUTES,
                },
            )
            created.append(tracker)
    now = timezone.now()
    spacing = timedelta(minutes=DEMO_INTERVAL_MINUTES) / max(len(created), 1)
    for position, tracker in enumerate(created, start=1):
        tracker.next_run_at = now + spacing * position
    Tracker.objects.bulk_update(created, ["next_run_at"])
    return len(created)


def ensure_demo_price_history(
    *, vendor: Vendor, days: int = HISTORY_DAYS, today: date | None = None
) -> int:
    """Backfill one price a day (before today) for demo trackers that have no history yet."""
    today = today or datetime.now(UTC).date()
    slugs = {item.pk: slug for item, slug in _demo_items(vendor)}
    trackers = Tracker.objects.filter(collectible_id__in=slugs).exclude(prices__is_demo=True)
    rows = []
    for tracker in trackers:
        slug = slugs[tracker.collectible_id]
        for offset in range(days, 0, -1):
            day = today - timedelta(days=offset)
            rows.append(
                PriceHistory(
                    collectible_id=tracker.collectible_id,
                    tracker=tracker,
                    source=tracker.source,
                    price=price_for(slug, day, tracker.condition or None),
                    currency="USD",
                    condition=tracker.condition,
                    observed_at=datetime.combine(day, time(12), tzinfo=UTC),
                    url=tracker.url,
                    is_demo=True,
                    dedupe_key=f"demo:{tracker.pk}:{day.isoformat()}",
                )
            )
    PriceHistory.objects.bulk_create(rows, batch_size=5000, ignore_conflicts=True)
    return len(rows)
