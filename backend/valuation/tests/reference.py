"""Collection values computed straight from the price history in Python: the reference
the stored valuations and the SQL dashboard are tested against (tests only)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.utils import timezone

from inventory.models import Category
from valuation.rates import RateBook, rates_status
from valuation.rules import (
    MARKET_BASES,
    MOVER_WINDOWS,
    TOP_ITEMS,
    TOP_MOVERS,
    Basis,
    ItemValue,
    Move,
    Price,
    acquired_on,
    cents,
    totals,
    value_item,
)
from valuation.selectors.values import (
    item_rate_lookups,
    latest_prices,
    vendor_items,
)
from vendors.models import Vendor


def price_rate_lookups(prices: Iterable[Price], currency: str, day: date) -> list[tuple[str, date]]:
    return [(price.currency, day) for price in prices] + [(currency, day)]


def collection_values(*, vendor: Vendor, now: datetime | None = None) -> list[ItemValue]:
    """Every item's value as of `now` (three queries: items, prices, rates)."""
    now = now or timezone.now()
    currency = vendor.default_currency
    items = vendor_items(vendor)
    prices = latest_prices(items, [now])
    rates = RateBook.load(
        item_rate_lookups(items, currency)
        + price_rate_lookups(prices.values(), currency, now.date())
    )
    return [
        value_item(
            item=item,
            observed=prices.get((0, item.pk, False)),
            manual=prices.get((0, item.pk, True)),
            currency=currency,
            as_of=now,
            rates=rates,
        )
        for item in items
    ]


def top_movers(now: dict[int, ItemValue], then: dict[int, ItemValue]) -> dict[str, list[Move]]:
    """Items whose market value changed (observed or manual at both times), biggest first."""
    moves: list[Move] = []
    for item_id, current in now.items():
        previous = then.get(item_id)
        if (
            previous is None
            or current.value is None
            or previous.value is None
            or current.basis not in MARKET_BASES
            or previous.basis not in MARKET_BASES
        ):
            continue
        change = current.value - previous.value
        if not change:
            continue
        percent = cents(change / previous.value * 100) if previous.value else None
        moves.append(Move(current, current.value, previous.value, change, percent))
    order = sorted(moves, key=lambda m: (-m.change, m.item.item.name, m.item.item.pk))
    gainers = [move for move in order if move.change > 0][:TOP_MOVERS]
    losers = [move for move in reversed(order) if move.change < 0][:TOP_MOVERS]
    return {"gainers": gainers, "losers": losers}


def by_category(values: Iterable[ItemValue]) -> list[dict[str, Any]]:
    groups: dict[str, dict[str, Any]] = {}
    for value in values:
        category = value.item.category
        group = groups.setdefault(
            category,
            {
                "category": category,
                "label": Category(category).label,
                "value": Decimal("0.00"),
                "item_count": 0,
                "priced_count": 0,
            },
        )
        group["item_count"] += 1
        if value.value is not None:
            group["value"] += value.value
            group["priced_count"] += 1
    return sorted(groups.values(), key=lambda g: (-g["value"], g["category"]))


def dashboard_reference(*, vendor: Vendor, now: datetime | None = None) -> dict[str, Any]:
    """The dashboard computed from the price history in Python, exactly as of `now`: the
    reference `dashboard()` (which reads the materialised `ItemValuation` rows) is tested
    against. Four queries whatever the collection's size: items, the prices in force now
    and 7 and 30 days ago (one DISTINCT ON), and the exchange rates (one LATERAL lookup);
    about 2 s for 10k items (docs/performance.md).
    """
    now = now or timezone.now()
    currency = vendor.default_currency
    items = vendor_items(vendor)
    points = [now, *(now - timedelta(days=days) for days in MOVER_WINDOWS.values())]
    prices = latest_prices(items, points)
    lookups = item_rate_lookups(items, currency)
    for index, point in enumerate(points):
        chosen = [p for (i, _, _), p in prices.items() if i == index]
        lookups += price_rate_lookups(chosen, currency, point.date())
    rates = RateBook.load(lookups)

    def values_at(index: int) -> dict[int, ItemValue]:
        point = points[index]
        return {
            item.pk: value_item(
                item=item,
                observed=prices.get((index, item.pk, False)),
                manual=prices.get((index, item.pk, True)),
                currency=currency,
                as_of=point,
                rates=rates,
            )
            for item in items
            if index == 0 or acquired_on(item) <= point.date()
        }

    current = values_at(0)
    summary = totals(current.values())  # sold items: the realised gain only
    current = {pk: value for pk, value in current.items() if value.basis != Basis.SOLD}
    valued = [v for v in current.values() if v.value is not None]
    most_valuable = sorted(valued, key=lambda v: (-(v.value or 0), v.item.name, v.item.pk))
    movers = {
        f"movers_{name}": top_movers(current, values_at(index))
        for index, name in enumerate(MOVER_WINDOWS, start=1)
    }
    return {
        "vendor": vendor,
        "currency": currency,
        "as_of": now,
        "stale_after_days": settings.VALUATION_STALE_AFTER_DAYS,
        "total_value": summary.total_value,
        "cost_basis": summary.cost_basis,
        "unrealised_gain": summary.gain,
        "realised_gain": summary.realised,
        "sold_count": summary.sold_count,
        "item_count": summary.item_count,
        "unit_count": summary.unit_count,
        "priced_count": summary.priced_count,
        "unpriced_count": summary.unpriced_count,
        "unconvertible_count": summary.unconvertible_count,
        "stale_count": summary.stale_count,
        "by_basis": summary.by_basis,
        "most_valuable": most_valuable[:TOP_ITEMS],
        **movers,
        "by_category": by_category(current.values()),
        "exchange_rates": rates_status(today=now.date()),
    }
