"""Collection value over time: computed day by day from the price history (for the
snapshots), and read back from the stored daily snapshots."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone

from valuation.models import ValueSnapshot
from valuation.rates import RateBook
from valuation.rules import Price, day_end, in_collection_on, totals, value_held_item
from valuation.selectors.values import (
    EXACT_MATCH,
    LAST_RESORT,
    item_rate_lookups,
    price_rows,
    vendor_items,
)
from vendors.models import Vendor

RANGES = {"1m": 30, "3m": 91, "1y": 365, "all": None}


@dataclass(frozen=True)
class DayValue:
    day: date
    currency: str
    total_value: Decimal
    cost_basis: Decimal
    item_count: int
    priced_count: int


def collection_values_by_day(
    *, vendor: Vendor, first: date, last: date, now: datetime | None = None
) -> list[DayValue]:
    """The vendor's collection value at the end of each day from `first` to `last` (today:
    as of `now`), from the price history as observed up to each day — three queries
    whatever the number of days (items, matching prices swept oldest first, rates). An
    item counts from the day it was acquired to the day before it was sold."""
    now = now or timezone.now()
    currency = vendor.default_currency
    items = vendor_items(vendor)
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    cutoffs = [min(day_end(day), now) for day in days]
    rows = price_rows(items, max(cutoffs)) if days else []
    currencies = {row[4] for row in rows} | {currency}
    lookups = item_rate_lookups(items, currency)
    lookups += [(cur, day) for cur in currencies for day in days]
    rates = RateBook.load(lookups)

    latest: dict[tuple[int, bool, int], Price] = {}
    position = 0
    result: list[DayValue] = []
    for day, cutoff in zip(days, cutoffs, strict=True):
        while position < len(rows) and rows[position][5] <= cutoff:
            item_id, is_manual, tier, price, cur, observed_at, source, cond = rows[position]
            latest[(item_id, is_manual, tier)] = Price(price, cur, observed_at, source, cond)
            position += 1

        def chosen(item_id: int, is_manual: bool) -> Price | None:
            return latest.get((item_id, is_manual, EXACT_MATCH)) or latest.get(
                (item_id, is_manual, LAST_RESORT)
            )

        # Sold items count until their sale date, valued as they were then.
        present = [item for item in items if in_collection_on(item, day)]
        summary = totals(
            value_held_item(
                item=item,
                observed=chosen(item.pk, False),
                manual=chosen(item.pk, True),
                currency=currency,
                as_of=cutoff,
                rates=rates,
            )
            for item in present
        )
        result.append(
            DayValue(
                day=day,
                currency=currency,
                total_value=summary.total_value,
                cost_basis=summary.cost_basis,
                item_count=summary.item_count,
                priced_count=summary.priced_count,
            )
        )
    return result


def value_history(*, vendor: Vendor, range_name: str, today: date | None = None) -> dict:
    """Daily snapshots of the vendor's collection value in its current currency."""
    today = today or timezone.now().date()
    days = RANGES[range_name]
    snapshots: QuerySet[ValueSnapshot] = ValueSnapshot.objects.filter(
        vendor=vendor, currency=vendor.default_currency, day__lte=today
    )
    start = None if days is None else today - timedelta(days=days)
    if start is not None:
        snapshots = snapshots.filter(day__gte=start)
    points = list(
        snapshots.order_by("day").values(
            "day", "total_value", "cost_basis", "item_count", "priced_count"
        )
    )
    return {
        "vendor": vendor,
        "currency": vendor.default_currency,
        "range": range_name,
        "from": start if start is not None else (points[0]["day"] if points else None),
        "to": today,
        "points": points,
    }
