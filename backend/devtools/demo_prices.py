"""Demo trackers and a backfilled price history for the seeded collection (local demos).

The trackers point at the local demo marketplace (`python -m scraper.demo_marketplace`,
started by `make run`). The backfill uses the marketplace's own `price_for`, so the
history lines up with what the workers scrape today. Backfilled rows are `is_demo`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from inventory.models import Collectible, CollectibleStatus
from price_history.models import PriceHistory, Tracker, TrackerSource
from price_history.services import tracker_create
from scraper.demo_marketplace import (
    BY_NAME,
    DISCOGS_TRACKERS,
    EBAY_API_TRACKERS,
    SOLD_DAYS,
    collector_price,
    discogs_price,
    ebay_api_price,
    ebay_item_path,
    price_for,
    product_urls,
    release_path,
)
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
    The want list's trackers (marketplace listings) are due at once, ahead of the rest: a
    running stack checks them at its next scheduling round, so its seller bundles show
    within minutes of `make run`.
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
    wanted = [t for t in created if t.collectible.status == CollectibleStatus.WANTED]
    later = [t for t in created if t.collectible.status != CollectibleStatus.WANTED]
    for position, tracker in enumerate(wanted):
        tracker.next_run_at = now + timedelta(seconds=position)  # due now, in order
    spacing = timedelta(minutes=DEMO_INTERVAL_MINUTES) / max(len(later), 1)
    for position, tracker in enumerate(later, start=1):
        tracker.next_run_at = now + spacing * position
    Tracker.objects.bulk_update(created, ["next_run_at"])
    return len(created)


def _ensure_api_trackers(
    *,
    vendor: Vendor,
    user: User,
    source: str,
    conditions: dict[str, str],
    page_url: Callable[[str], str],
    first_check: Callable[[Collectible, int], timedelta],
) -> int:
    """A `source` tracker on `page_url(slug)` for each demo item whose slug is in
    `conditions` and that has none (in that condition, in USD), first checked
    `first_check(item, how many were created before it)` from now. How many were created."""
    created = 0
    now = timezone.now()
    for item, slug in _demo_items(vendor):
        condition = conditions.get(slug)
        if condition is None or item.trackers.filter(source=source).exists():
            continue
        tracker = tracker_create(
            collectible=item,
            created_by=user,
            data={
                "source": source,
                "url": page_url(slug),
                "condition": condition,
                "currency": "USD",
                "interval_minutes": DEMO_INTERVAL_MINUTES,
            },
        )
        tracker.next_run_at = now + first_check(item, created)
        tracker.save(update_fields=["next_run_at"])
        created += 1
    return created


def ensure_demo_discogs_trackers(
    *, vendor: Vendor, user: User, base_url: str = DEMO_MARKETPLACE_URL
) -> int:
    """A `discogs` tracker on the demo Discogs release page of each record of
    `DISCOGS_TRACKERS` that has none (it reads the demo Discogs API and listings page:
    `make run` points DISCOGS_API_URL / DISCOGS_SITE_URL there). The wanted records' are
    due at once, with the rest of the want list; the owned record's a little later."""

    def first_check(item: Collectible, before: int) -> timedelta:
        if item.status == CollectibleStatus.WANTED:
            return timedelta(seconds=30 + before)
        return timedelta(minutes=2 + before)

    return _ensure_api_trackers(
        vendor=vendor, user=user, source=TrackerSource.DISCOGS, conditions=DISCOGS_TRACKERS,
        page_url=lambda slug: base_url.rstrip("/") + release_path(slug), first_check=first_check,
    )  # fmt: skip


def ensure_demo_ebay_api_trackers(
    *, vendor: Vendor, user: User, base_url: str = DEMO_MARKETPLACE_URL
) -> int:
    """An `ebay_api` tracker on the demo eBay listing of each item of `EBAY_API_TRACKERS`
    that has none (it reads the demo eBay Browse API with the demo account's application
    keys: `make run` points EBAY_API_URL there); first checked a few minutes in."""
    return _ensure_api_trackers(
        vendor=vendor, user=user, source=TrackerSource.EBAY_API, conditions=EBAY_API_TRACKERS,
        page_url=lambda slug: base_url.rstrip("/") + ebay_item_path(slug),
        first_check=lambda item, before: timedelta(minutes=3 + before),
    )  # fmt: skip


def _demo_price(slug: str, tracker: Tracker, day: date) -> tuple[Decimal, str]:
    """What the marketplace page of `tracker` shows for `day` (eBay and Cardmarket pages
    have their own prices, the card market's in EUR; Discogs the suggestion for the
    tracker's condition, or with none the lowest copy for sale; the eBay Browse API its
    listing's price)."""
    if tracker.source in (TrackerSource.EBAY, TrackerSource.CARDMARKET):
        return collector_price(slug, tracker.source, tracker.condition, day)
    if tracker.source == TrackerSource.DISCOGS:
        return discogs_price(slug, tracker.condition or None, day), "USD"
    if tracker.source == TrackerSource.EBAY_API:  # the listing's Buy It Now price
        return ebay_api_price(slug, day), "USD"
    return price_for(slug, day, tracker.condition or None), "USD"


def _first_live_day(tracker: Tracker) -> int:
    """Days back from today the backfill stops before: an eBay sold-listings page shows
    the last SOLD_DAYS days' sales, which its first check records itself."""
    return SOLD_DAYS if "/ebay/sch/" in tracker.url else 0


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
        for offset in range(days, _first_live_day(tracker), -1):
            day = today - timedelta(days=offset)
            price, currency = _demo_price(slug, tracker, day)
            rows.append(
                PriceHistory(
                    collectible_id=tracker.collectible_id,
                    tracker=tracker,
                    source=tracker.source,
                    price=price,
                    currency=currency,
                    condition=tracker.condition,
                    observed_at=datetime.combine(day, time(12), tzinfo=UTC),
                    url=tracker.url,
                    is_demo=True,
                    dedupe_key=f"demo:{tracker.pk}:{day.isoformat()}",
                )
            )
    PriceHistory.objects.bulk_create(rows, batch_size=5000, ignore_conflicts=True)
    return len(rows)
