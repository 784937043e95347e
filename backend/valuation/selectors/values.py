"""Reads of item values: which prices are in force, and the materialised valuations.

Every read here runs a fixed number of queries, whatever the size of the collection.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import Exists, OuterRef
from django.utils import timezone

from inventory.models import Collectible
from price_history.models import PriceHistory, PriceSource
from valuation.conditions import ANY_CONDITION, conditions_for
from valuation.models import ItemValuation
from valuation.rates import RateBook
from valuation.rules import MOVER_WINDOWS, Price, acquired_on, day_start, value_item
from vendors.models import Vendor

EXACT_MATCH, LAST_RESORT = 1, 2


ITEM_FIELDS = (
    "id",
    "vendor_id",
    "name",
    "category",
    "condition",
    "completeness",
    "grader",
    "grade",
    "quantity",
    "purchase_price",
    "purchase_currency",
    "purchase_date",
    "purchase_fees",
    "purchase_shipping",
    "status",
    "sale_price",
    "sale_currency",
    "sale_date",
    "sale_fees",
    "created_at",
)


def vendor_items(vendor: Vendor) -> list[Collectible]:
    return list(Collectible.objects.filter(vendor=vendor).only(*ITEM_FIELDS).order_by("id"))


def _wanted(items: Sequence[Collectible]) -> tuple[list[int], list[str], list[int]]:
    """(item id, condition, tier) rows: exact conditions tier 1, blank tier 2."""
    ids: list[int] = []
    conditions: list[str] = []
    tiers: list[int] = []
    for item in items:
        for condition in conditions_for(item):
            ids.append(item.pk)
            conditions.append(condition)
            tiers.append(EXACT_MATCH)
        ids.append(item.pk)
        conditions.append(ANY_CONDITION)
        tiers.append(LAST_RESORT)
    return ids, conditions, tiers


_WANTED_CTE = """
    wanted AS (
        SELECT * FROM unnest(%s::bigint[], %s::varchar[], %s::int[])
            AS w(collectible_id, condition, tier)
    )
"""


def latest_prices(
    items: Sequence[Collectible], points: Sequence[datetime]
) -> dict[tuple[int, int, bool], Price]:
    """For each point in time, item and kind (manual or not): the matching price in force
    then — the latest exact match, else the latest blank-condition one; of a check that saw
    several sellers' offers (a listings page), the cheapest. One query (DISTINCT ON over
    the items' history)."""
    if not items or not points:
        return {}
    table = PriceHistory._meta.db_table
    sql = f"""
        WITH {_WANTED_CTE},
        points AS (
            SELECT * FROM unnest(%s::timestamptz[], %s::int[]) AS a(at, point)
        )
        SELECT DISTINCT ON (a.point, p.collectible_id, p.source = %s)
            a.point, p.collectible_id, p.source = %s, p.price, p.currency, p.observed_at,
            p.source, p.condition
        FROM points a
        JOIN {table} p ON p.observed_at <= a.at
        JOIN wanted w ON w.collectible_id = p.collectible_id AND w.condition = p.condition
        WHERE p.collectible_id = ANY(%s)
        ORDER BY a.point, p.collectible_id, p.source = %s, w.tier, p.observed_at DESC, p.price,
            p.id DESC
    """  # noqa: S608 — the table name is the model's, values are parameters
    manual = PriceSource.MANUAL.value
    params: list[Any] = [
        *_wanted(items),
        list(points),
        list(range(len(points))),
        manual,
        manual,
        [item.pk for item in items],
        manual,
    ]
    found: dict[tuple[int, int, bool], Price] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for point, item_id, is_manual, price, currency, observed_at, source, cond in cursor:
            found[(point, item_id, is_manual)] = Price(price, currency, observed_at, source, cond)
    return found


def price_rows(items: Sequence[Collectible], until: datetime) -> list[tuple[Any, ...]]:
    """Every matching price of the items up to `until`, oldest first:
    (item id, manual, tier, price, currency, observed_at, source, condition)."""
    if not items:
        return []
    table = PriceHistory._meta.db_table
    sql = f"""
        WITH {_WANTED_CTE}
        SELECT p.collectible_id, p.source = %s, w.tier, p.price, p.currency, p.observed_at,
            p.source, p.condition
        FROM {table} p
        JOIN wanted w ON w.collectible_id = p.collectible_id AND w.condition = p.condition
        WHERE p.collectible_id = ANY(%s) AND p.observed_at <= %s
        ORDER BY p.observed_at, p.id
    """  # noqa: S608 — the table name is the model's, values are parameters
    params: list[Any] = [
        *_wanted(items),
        PriceSource.MANUAL.value,
        [item.pk for item in items],
        until,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def item_rate_lookups(items: Iterable[Collectible], currency: str) -> list[tuple[str, date]]:
    """The rates the items' own amounts need: purchases at the purchase date, sales at the
    sale date."""
    lookups: list[tuple[str, date]] = []
    for item in items:
        if item.purchase_price is not None:
            day = acquired_on(item)
            lookups += [(item.purchase_currency or currency, day), (currency, day)]
        if item.sale_date is not None:
            lookups += [
                (item.sale_currency or currency, item.sale_date),
                (currency, item.sale_date),
            ]
    return lookups


def item_ids_needing_valuation(
    *, vendor_ids: Iterable[int] | None = None, item_ids: Iterable[int] | None = None,
    now: datetime | None = None,
) -> list[int]:  # fmt: skip
    """Ids of the items of these vendors (or these items) with no valuation row valued
    today (UTC), in order. For vendors, one cheap query first compares the vendors' item
    count with their count of rows valued today (both index scans; a row belongs to its
    item's vendor, the triggers see to it): equal → nothing to value, and the anti-join
    that finds the items (about 3 times slower at 10k items) is skipped."""
    now = now or timezone.now()
    if vendor_ids is not None and item_ids is None:
        vendor_ids = list(vendor_ids)
        sql = f"""
            SELECT (SELECT count(*) FROM {Collectible._meta.db_table} WHERE vendor_id = ANY(%s))
                 - (SELECT count(*) FROM {ItemValuation._meta.db_table}
                    WHERE vendor_id = ANY(%s) AND valued_at >= %s)
        """  # noqa: S608 — the table names are the models', values are parameters
        with connection.cursor() as cursor:
            cursor.execute(sql, [vendor_ids, vendor_ids, day_start(now)])
            if cursor.fetchone()[0] == 0:
                return []
    items = Collectible.objects.all()
    if vendor_ids is not None:
        items = items.filter(vendor_id__in=list(vendor_ids))
    if item_ids is not None:
        items = items.filter(pk__in=list(item_ids))
    fresh = ItemValuation.objects.filter(
        collectible_id=OuterRef("pk"), valued_at__gte=day_start(now)
    )
    return list(items.filter(~Exists(fresh)).order_by("id").values_list("pk", flat=True))


def items_needing_valuation(
    *, vendor_ids: Iterable[int] | None = None, item_ids: Iterable[int] | None = None,
    now: datetime | None = None,
) -> list[Collectible]:  # fmt: skip
    """The items of `item_ids_needing_valuation`, with every field `value_item` needs."""
    ids = item_ids_needing_valuation(vendor_ids=vendor_ids, item_ids=item_ids, now=now)
    if not ids:
        return []
    return list(Collectible.objects.filter(pk__in=ids).only(*ITEM_FIELDS).order_by("id"))


def item_valuations(
    *, items: Sequence[Collectible], currencies: dict[int, str], now: datetime | None = None
) -> list[ItemValuation]:
    """The items' valuation rows as of `now` (unsaved), by `value_item`: the value now and
    7 and 30 days before. `currencies` maps vendor id → currency. Two queries whatever the
    number of items: the prices in force at the three points, the exchange rates."""
    now = now or timezone.now()
    if not items:
        return []
    points = [now, *(now - timedelta(days=days) for days in MOVER_WINDOWS.values())]
    prices = latest_prices(items, points)
    lookups: list[tuple[str, date]] = []
    for currency in set(currencies.values()):
        lookups += item_rate_lookups(
            (item for item in items if currencies[item.vendor_id] == currency), currency
        )
        lookups += [(currency, point.date()) for point in points]
    for (index, _, _), found in prices.items():
        lookups.append((found.currency, points[index].date()))
    rates = RateBook.load(lookups)

    def market_value_at(item: Collectible, index: int, currency: str) -> Decimal | None:
        point = points[index]
        observed = prices.get((index, item.pk, False))
        manual = prices.get((index, item.pk, True))
        if (observed is None and manual is None) or acquired_on(item) > point.date():
            return None  # not market-based then, or not yet in the collection
        return value_item(
            item=item, observed=observed, manual=manual, currency=currency, as_of=point,
            rates=rates,
        ).value  # fmt: skip

    rows: list[ItemValuation] = []
    for item in items:
        currency = currencies[item.vendor_id]
        current = value_item(
            item=item,
            observed=prices.get((0, item.pk, False)),
            manual=prices.get((0, item.pk, True)),
            currency=currency,
            as_of=now,
            rates=rates,
        )
        chosen = current.price
        rows.append(
            ItemValuation(
                collectible_id=item.pk,
                vendor_id=item.vendor_id,
                currency=currency,
                basis=current.basis,
                unit_value=current.unit_value,
                value=current.value,
                cost=current.cost,
                price_amount=None if chosen is None else chosen.price,
                price_currency="" if chosen is None else chosen.currency,
                price_observed_at=None if chosen is None else chosen.observed_at,
                price_source="" if chosen is None else chosen.source,
                price_condition="" if chosen is None else chosen.condition,
                unconvertible=current.unconvertible,
                cost_unconvertible=current.cost_unconvertible,
                proceeds=current.proceeds,
                realised_gain=current.realised_gain,
                value_7d=market_value_at(item, 1, currency),
                value_30d=market_value_at(item, 2, currency),
                valued_at=now,
            )
        )
    return rows
