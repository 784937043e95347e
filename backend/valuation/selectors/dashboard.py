"""The dashboard: what a collection is worth now, read off the materialised valuations."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils import timezone

from inventory.models import Category, Collectible, CollectibleStatus
from users.models import User
from valuation.models import ExchangeRate, ItemValuation
from valuation.rates import UNKNOWN, rates_status
from valuation.rules import (
    MOVER_WINDOWS,
    TOP_ITEMS,
    TOP_MOVERS,
    Basis,
    ItemValue,
    Move,
    Price,
    Totals,
    cents,
    stale_before,
)
from vendors.models import Vendor
from vendors.selectors import personal_vendor_for_user, vendor_get_for_user


def vendor_for_dashboard(*, user: User, vendor_id: int | None) -> Vendor | None:
    """The requested vendor if the user belongs to it, else their personal one (None: 404)."""
    if vendor_id is None:
        return personal_vendor_for_user(user=user)
    return vendor_get_for_user(user=user, vendor_id=vendor_id)


def valuation_as_item_value(row: ItemValuation, item: Collectible, now: datetime) -> ItemValue:
    """A stored row in the shape of `value_item`'s result, staleness as of `now`."""
    price: Price | None = None
    age_days: int | None = None
    is_stale = False
    if row.price_observed_at is not None and row.price_amount is not None:
        price = Price(
            row.price_amount,
            row.price_currency,
            row.price_observed_at,
            row.price_source,
            row.price_condition,
        )
        age_days = row.age_days(now=now)
        is_stale = row.is_stale(now=now)
    return ItemValue(
        item=item,
        basis=row.basis,
        price=price,
        unit_value=row.unit_value,
        value=row.value,
        cost=row.cost,
        age_days=age_days,
        is_stale=is_stale,
        unconvertible=row.unconvertible,
        cost_unconvertible=row.cost_unconvertible,
        proceeds=row.proceeds,
        realised_gain=row.realised_gain,
    )


_VALUATION_COLUMNS = (
    "collectible_id",
    "basis",
    "unit_value",
    "value",
    "cost",
    "price_amount",
    "price_currency",
    "price_observed_at",
    "price_source",
    "price_condition",
    "unconvertible",
    "cost_unconvertible",
)


_ITEM_COLUMNS = ("name", "category", "condition", "quantity")


# Grouped by status too: the owned items' groups are the collection's totals and
# categories, the sold items' overall group their realised gain (other groups unused).
_TOTALS_SQL = """
    SELECT c.status, GROUPING(c.category) = 1 AS overall, c.category,
        count(*), coalesce(sum(c.quantity), 0), count(v.value),
        coalesce(sum(v.value), 0), coalesce(sum(v.cost), 0),
        count(*) FILTER (WHERE v.unconvertible),
        count(*) FILTER (WHERE v.basis IN ('observed', 'manual')
                           AND v.price_observed_at < %(stale_before)s),
        count(*) FILTER (WHERE v.basis = 'observed'),
        count(*) FILTER (WHERE v.basis = 'manual'),
        count(*) FILTER (WHERE v.basis = 'purchase'),
        count(*) FILTER (WHERE v.basis = 'none'),
        coalesce(sum(v.value) FILTER (WHERE v.value IS NOT NULL AND v.cost IS NOT NULL), 0),
        coalesce(sum(v.cost) FILTER (WHERE v.value IS NOT NULL AND v.cost IS NOT NULL), 0),
        count(*) FILTER (WHERE v.value IS NOT NULL AND v.cost IS NOT NULL),
        coalesce(sum(v.proceeds) FILTER (WHERE v.realised_gain IS NOT NULL), 0),
        coalesce(sum(v.cost) FILTER (WHERE v.realised_gain IS NOT NULL), 0),
        count(*) FILTER (WHERE v.realised_gain IS NOT NULL),
        (SELECT max(date) FROM {rates})
    FROM {valuations} v JOIN {items} c ON c.id = v.collectible_id
    WHERE v.vendor_id = %(vendor)s
    GROUP BY GROUPING SETS ((c.status), (c.status, c.category))
"""


# The top items and the movers in one statement. Ties are ordered as the reference does
# (name in code-point order: COLLATE "C", then id); losers are the reverse of gainers.
_MOVERS_PART = """
    (SELECT '{name}', {columns}, v.{previous} FROM v
     WHERE v.basis IN ('observed', 'manual') AND v.{previous} IS NOT NULL
       AND v.value {sign} v.{previous}
     ORDER BY v.value - v.{previous} {change_order}, v.name COLLATE "C" {tie_order},
       v.collectible_id {tie_order}
     LIMIT {limit})
"""


_LISTS_SQL = """
    WITH v AS MATERIALIZED (
        SELECT v.*, c.name, c.category, c.condition, c.quantity
        FROM {valuations} v JOIN {items} c ON c.id = v.collectible_id
        WHERE v.vendor_id = %(vendor)s AND c.status = %(owned)s
    )
    (SELECT 'top', {columns}, NULL::numeric FROM v WHERE v.value IS NOT NULL
     ORDER BY v.value DESC, v.name COLLATE "C", v.collectible_id LIMIT {top})
    {movers}
"""


def _lists_sql() -> str:
    columns = ", ".join(f"v.{column}" for column in (*_VALUATION_COLUMNS, *_ITEM_COLUMNS))
    movers = ""
    for window, days in MOVER_WINDOWS.items():
        for name, sign, change_order, tie_order in (
            ("gainers", ">", "DESC", "ASC"),
            ("losers", "<", "ASC", "DESC"),
        ):
            movers += "UNION ALL" + _MOVERS_PART.format(
                name=f"{name}_{window}",
                columns=columns,
                previous=f"value_{days}d",
                sign=sign,
                change_order=change_order,
                tie_order=tie_order,
                limit=TOP_MOVERS,
            )
    return _LISTS_SQL.format(
        valuations=ItemValuation._meta.db_table,
        items=Collectible._meta.db_table,
        columns=columns,
        top=TOP_ITEMS,
        movers=movers,
    )


def _row_value(row: tuple[Any, ...], now: datetime) -> ItemValue:
    fields = dict(zip((*_VALUATION_COLUMNS, *_ITEM_COLUMNS), row, strict=True))
    item = Collectible(
        id=fields["collectible_id"],
        name=fields["name"],
        category=fields["category"],
        condition=fields["condition"],
        quantity=fields["quantity"],
    )
    stored = ItemValuation(**{column: fields[column] for column in _VALUATION_COLUMNS})
    return valuation_as_item_value(stored, item, now)


def dashboard(*, vendor: Vendor, now: datetime | None = None) -> dict[str, Any]:
    """Everything the dashboard shows, in the vendor's currency, as of `now`, from the
    materialised `ItemValuation` rows (the caller refreshes them first:
    `valuation.services.valuations_ensure_fresh`). Two queries whatever the collection's
    size: totals with per-category groups and the sold items' realised gain (GROUPING
    SETS), then the top items and the movers (one UNION ALL), of owned items only. Movers compare against the value 7/30 days before the row's
    `valued_at` (earlier today), staleness is as of `now` (docs/valuation.md).
    """
    now = now or timezone.now()
    params: dict[str, Any] = {
        "vendor": vendor.pk,
        "stale_before": stale_before(now),
        "owned": CollectibleStatus.OWNED.value,
    }
    summary = Totals()
    sold = (0, Decimal(0), Decimal(0), 0)
    categories: list[dict[str, Any]] = []
    totals_sql = _TOTALS_SQL.format(
        valuations=ItemValuation._meta.db_table,
        items=Collectible._meta.db_table,
        rates=ExchangeRate._meta.db_table,
    )
    newest: Any = UNKNOWN  # read with the totals: no round trip of its own
    with connection.cursor() as cursor:
        cursor.execute(totals_sql, params)
        for row in cursor.fetchall():
            (status, overall, category, items, units, priced, value, cost, unconvertible, stale,
             observed, manual, purchase, none, gain_value, gain_cost, gain_items,
             proceeds, realised_cost, realised_items, newest) = row  # fmt: skip
            if status == CollectibleStatus.SOLD:
                if overall:
                    sold = (items, Decimal(proceeds), Decimal(realised_cost), realised_items)
                continue
            if status != CollectibleStatus.OWNED:
                continue
            if not overall:
                categories.append(
                    {
                        "category": category,
                        "label": Category(category).label,
                        "value": value,
                        "item_count": items,
                        "priced_count": priced,
                    }
                )
                continue
            summary = Totals(
                total_value=Decimal(value),
                cost_basis=Decimal(cost),
                item_count=items,
                unit_count=units,
                priced_count=priced,
                unpriced_count=items - priced,
                unconvertible_count=unconvertible,
                stale_count=stale,
                by_basis={
                    Basis.OBSERVED: observed,
                    Basis.MANUAL: manual,
                    Basis.PURCHASE: purchase,
                    Basis.NONE: none,
                },
                gain_value=Decimal(gain_value),
                gain_cost=Decimal(gain_cost),
                gain_item_count=gain_items,
            )
        (summary.sold_count, summary.realised_proceeds, summary.realised_cost,
         summary.realised_item_count) = sold  # fmt: skip
        cursor.execute(_lists_sql(), params)
        listed = cursor.fetchall()
    most_valuable: list[ItemValue] = []
    movers: dict[str, dict[str, list[Move]]] = {
        f"movers_{window}": {"gainers": [], "losers": []} for window in MOVER_WINDOWS
    }
    for name, *row, previous in listed:
        value = _row_value(tuple(row), now)
        if name == "top":
            most_valuable.append(value)
            continue
        side, window = name.split("_")
        assert value.value is not None
        change = value.value - previous
        percent = cents(change / previous * 100) if previous else None
        movers[f"movers_{window}"][side].append(Move(value, value.value, previous, change, percent))
    categories.sort(key=lambda g: (-g["value"], g["category"]))
    return {
        "vendor": vendor,
        "currency": vendor.default_currency,
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
        "most_valuable": most_valuable,
        **movers,
        "by_category": categories,
        "exchange_rates": rates_status(today=now.date(), newest=newest),
    }
