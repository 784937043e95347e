"""Reads of collection value: what each item is worth, the dashboard, the value history.

An item's value (docs/valuation.md): the latest observed price that matches its condition
(`valuation.conditions`), else the latest manual price that matches, else its purchase
price; times its quantity, in the vendor's currency. Observed and manual prices convert
at the rates of the valuation day, purchase prices at the rates of the purchase date.

Every read here runs a fixed number of queries, whatever the size of the collection.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from inventory.models import Category, Collectible
from price_history.models import PriceHistory, PriceSource
from users.models import User
from valuation.conditions import ANY_CONDITION, conditions_for
from valuation.models import ItemValuation, ValueSnapshot, price_age_days, price_is_stale
from valuation.rates import CENT, RateBook, cents
from vendors.models import Vendor
from vendors.selectors import personal_vendor_for_user, vendor_get_for_user


class Basis:
    OBSERVED = "observed"
    MANUAL = "manual"
    PURCHASE = "purchase"
    NONE = "none"

    ALL = (OBSERVED, MANUAL, PURCHASE, NONE)
    MARKET = (OBSERVED, MANUAL)


TOP_ITEMS = 10
TOP_MOVERS = 5
MOVER_WINDOWS = {"7d": 7, "30d": 30}
RANGES = {"1m": 30, "3m": 91, "1y": 365, "all": None}

_EXACT, _LAST_RESORT = 1, 2
_ITEM_FIELDS = (
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
    "created_at",
)


# ------------------------------------------------------------------------------ vendors


def vendor_for_dashboard(*, user: User, vendor_id: int | None) -> Vendor | None:
    """The requested vendor if the user belongs to it, else their personal one (None: 404)."""
    if vendor_id is None:
        return personal_vendor_for_user(user=user)
    return vendor_get_for_user(user=user, vendor_id=vendor_id)


# --------------------------------------------------------------------------- item values


@dataclass(frozen=True, slots=True)
class Price:
    """One price row chosen for an item (observed or manual)."""

    price: Decimal
    currency: str
    observed_at: datetime
    source: str
    condition: str


@dataclass
class ItemValue:
    item: Collectible
    basis: str
    price: Price | None = None
    unit_value: Decimal | None = None
    value: Decimal | None = None
    cost: Decimal | None = None
    age_days: int | None = None
    is_stale: bool = False
    unconvertible: bool = False
    cost_unconvertible: bool = False

    @property
    def is_priced(self) -> bool:
        return self.value is not None


def acquired_on(item: Collectible) -> date:
    """The day an item joined the collection: its purchase date, else when it was entered."""
    return item.purchase_date or item.created_at.astimezone(UTC).date()


def _items(vendor: Vendor) -> list[Collectible]:
    return list(Collectible.objects.filter(vendor=vendor).only(*_ITEM_FIELDS).order_by("id"))


def _wanted(items: Sequence[Collectible]) -> tuple[list[int], list[str], list[int]]:
    """(item id, condition, tier) rows: exact conditions tier 1, blank tier 2."""
    ids: list[int] = []
    conditions: list[str] = []
    tiers: list[int] = []
    for item in items:
        for condition in conditions_for(item):
            ids.append(item.pk)
            conditions.append(condition)
            tiers.append(_EXACT)
        ids.append(item.pk)
        conditions.append(ANY_CONDITION)
        tiers.append(_LAST_RESORT)
    return ids, conditions, tiers


_WANTED_CTE = """
    wanted AS (
        SELECT * FROM unnest(%s::bigint[], %s::varchar[], %s::int[])
            AS w(collectible_id, condition, tier)
    )
"""


def _latest_prices(
    items: Sequence[Collectible], points: Sequence[datetime]
) -> dict[tuple[int, int, bool], Price]:
    """For each point in time, item and kind (manual or not): the matching price in force
    then — the latest exact match, else the latest blank-condition one. One query
    (DISTINCT ON over the items' history)."""
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
        ORDER BY a.point, p.collectible_id, p.source = %s, w.tier, p.observed_at DESC, p.id DESC
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


def _price_rows(items: Sequence[Collectible], until: datetime) -> list[tuple[Any, ...]]:
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


def _purchase_lookups(items: Iterable[Collectible], currency: str) -> list[tuple[str, date]]:
    lookups: list[tuple[str, date]] = []
    for item in items:
        if item.purchase_price is not None:
            day = acquired_on(item)
            lookups += [(item.purchase_currency or currency, day), (currency, day)]
    return lookups


def _price_lookups(prices: Iterable[Price], currency: str, day: date) -> list[tuple[str, date]]:
    return [(price.currency, day) for price in prices] + [(currency, day)]


def value_item(
    *,
    item: Collectible,
    observed: Price | None,
    manual: Price | None,
    currency: str,
    as_of: datetime,
    rates: RateBook,
) -> ItemValue:
    """One item's value as of `as_of`, in `currency` (the basis rules of this module)."""
    quantity = Decimal(item.quantity)
    cost: Decimal | None = None
    cost_unconvertible = False
    if item.purchase_price is not None:
        converted = rates.convert(
            item.purchase_price * quantity,
            item.purchase_currency or currency,
            currency,
            acquired_on(item),
        )
        cost_unconvertible = converted is None
        cost = None if converted is None else cents(converted)

    chosen = observed or manual
    if chosen is not None:
        basis = Basis.OBSERVED if observed is not None else Basis.MANUAL
        unit = rates.convert(chosen.price, chosen.currency, currency, as_of.date())
        return ItemValue(
            item=item,
            basis=basis,
            price=chosen,
            unit_value=None if unit is None else cents(unit),
            value=None if unit is None else cents(unit * quantity),
            cost=cost,
            age_days=price_age_days(chosen.observed_at, now=as_of),
            is_stale=price_is_stale(chosen.observed_at, now=as_of),
            unconvertible=unit is None,
            cost_unconvertible=cost_unconvertible,
        )
    if item.purchase_price is not None:
        unit = rates.convert(
            item.purchase_price, item.purchase_currency or currency, currency, acquired_on(item)
        )
        return ItemValue(
            item=item,
            basis=Basis.PURCHASE,
            unit_value=None if unit is None else cents(unit),
            value=cost,
            cost=cost,
            unconvertible=cost_unconvertible,
            cost_unconvertible=cost_unconvertible,
        )
    return ItemValue(item=item, basis=Basis.NONE)


def collection_values(*, vendor: Vendor, now: datetime | None = None) -> list[ItemValue]:
    """Every item's value as of `now` (three queries: items, prices, rates)."""
    now = now or timezone.now()
    currency = vendor.default_currency
    items = _items(vendor)
    prices = _latest_prices(items, [now])
    rates = RateBook.load(
        _purchase_lookups(items, currency) + _price_lookups(prices.values(), currency, now.date())
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


# ---------------------------------------------------------------------------- dashboard


@dataclass
class Totals:
    total_value: Decimal = Decimal("0.00")
    cost_basis: Decimal = Decimal("0.00")
    item_count: int = 0
    unit_count: int = 0
    priced_count: int = 0
    unpriced_count: int = 0
    unconvertible_count: int = 0
    stale_count: int = 0
    by_basis: dict[str, int] = field(default_factory=lambda: dict.fromkeys(Basis.ALL, 0))
    gain_value: Decimal = Decimal("0.00")
    gain_cost: Decimal = Decimal("0.00")
    gain_item_count: int = 0

    def add(self, value: ItemValue) -> None:
        self.item_count += 1
        self.unit_count += value.item.quantity
        self.by_basis[value.basis] += 1
        if value.value is not None:
            self.priced_count += 1
            self.total_value += value.value
        else:
            self.unpriced_count += 1
        if value.unconvertible:
            self.unconvertible_count += 1
        if value.is_stale:
            self.stale_count += 1
        if value.cost is not None:
            self.cost_basis += value.cost
            if value.value is not None:
                self.gain_item_count += 1
                self.gain_value += value.value
                self.gain_cost += value.cost

    @property
    def gain(self) -> dict[str, Any]:
        amount = self.gain_value - self.gain_cost
        percent = cents(amount / self.gain_cost * 100) if self.gain_cost else None
        return {
            "amount": amount,
            "percent": percent,
            "value": self.gain_value,
            "cost": self.gain_cost,
            "item_count": self.gain_item_count,
        }


def totals(values: Iterable[ItemValue]) -> Totals:
    result = Totals()
    for value in values:
        result.add(value)
    return result


@dataclass(frozen=True)
class Move:
    item: ItemValue
    value: Decimal
    previous_value: Decimal
    change: Decimal
    change_percent: Decimal | None


def _movers(now: dict[int, ItemValue], then: dict[int, ItemValue]) -> dict[str, list[Move]]:
    """Items whose market value changed (observed or manual at both times), biggest first."""
    moves: list[Move] = []
    for item_id, current in now.items():
        previous = then.get(item_id)
        if (
            previous is None
            or current.value is None
            or previous.value is None
            or current.basis not in Basis.MARKET
            or previous.basis not in Basis.MARKET
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


def _by_category(values: Iterable[ItemValue]) -> list[dict[str, Any]]:
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
    items = _items(vendor)
    points = [now, *(now - timedelta(days=days) for days in MOVER_WINDOWS.values())]
    prices = _latest_prices(items, points)
    lookups = _purchase_lookups(items, currency)
    for index, point in enumerate(points):
        chosen = [p for (i, _, _), p in prices.items() if i == index]
        lookups += _price_lookups(chosen, currency, point.date())
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
    summary = totals(current.values())
    valued = [v for v in current.values() if v.value is not None]
    most_valuable = sorted(valued, key=lambda v: (-(v.value or 0), v.item.name, v.item.pk))
    movers = {
        f"movers_{name}": _movers(current, values_at(index))
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
        "item_count": summary.item_count,
        "unit_count": summary.unit_count,
        "priced_count": summary.priced_count,
        "unpriced_count": summary.unpriced_count,
        "unconvertible_count": summary.unconvertible_count,
        "stale_count": summary.stale_count,
        "by_basis": summary.by_basis,
        "most_valuable": most_valuable[:TOP_ITEMS],
        **movers,
        "by_category": _by_category(current.values()),
    }


# ------------------------------------------------------------------ materialised values


def day_start(now: datetime) -> datetime:
    """Midnight UTC of `now`'s day: rows valued before it are refreshed."""
    return datetime.combine(now.astimezone(UTC).date(), time.min, tzinfo=UTC)


def stale_before(now: datetime) -> datetime:
    """A price observed before this instant is stale (`value_item`'s rule, at read time)."""
    return now - timedelta(days=settings.VALUATION_STALE_AFTER_DAYS)


def items_needing_valuation(
    *, vendor_ids: Iterable[int] | None = None, item_ids: Iterable[int] | None = None,
    now: datetime | None = None,
) -> list[Collectible]:  # fmt: skip
    """Items of these vendors (or these items) with no valuation row valued today (UTC),
    with every field `value_item` needs. For vendors, one cheap query first compares the
    vendors' item count with their count of rows valued today (both index scans; a row
    belongs to its item's vendor, the triggers see to it): equal → nothing to value, and
    the anti-join that finds the items (about 3 times slower at 10k items) is skipped."""
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
    return list(items.filter(~Exists(fresh)).only(*_ITEM_FIELDS).order_by("id"))


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
    prices = _latest_prices(items, points)
    lookups: list[tuple[str, date]] = []
    for currency in set(currencies.values()):
        lookups += _purchase_lookups(
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
                value_7d=market_value_at(item, 1, currency),
                value_30d=market_value_at(item, 2, currency),
                valued_at=now,
            )
        )
    return rows


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

_TOTALS_SQL = """
    SELECT GROUPING(c.category) = 1 AS overall, c.category,
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
        count(*) FILTER (WHERE v.value IS NOT NULL AND v.cost IS NOT NULL)
    FROM {valuations} v JOIN {items} c ON c.id = v.collectible_id
    WHERE v.vendor_id = %(vendor)s
    GROUP BY GROUPING SETS ((), (c.category))
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
        WHERE v.vendor_id = %(vendor)s
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
    size: totals with per-category groups (GROUPING SETS), then the top items and the
    movers (one UNION ALL). Movers compare against the value 7/30 days before the row's
    `valued_at` (earlier today), staleness is as of `now` (docs/valuation.md).
    """
    now = now or timezone.now()
    params: dict[str, Any] = {"vendor": vendor.pk, "stale_before": stale_before(now)}
    summary = Totals()
    categories: list[dict[str, Any]] = []
    totals_sql = _TOTALS_SQL.format(
        valuations=ItemValuation._meta.db_table, items=Collectible._meta.db_table
    )
    with connection.cursor() as cursor:
        cursor.execute(totals_sql, params)
        for row in cursor.fetchall():
            (overall, category, items, units, priced, value, cost, unconvertible, stale,
             observed, manual, purchase, none, gain_value, gain_cost, gain_items) = row  # fmt: skip
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
    }


# ------------------------------------------------------------------------ daily values


@dataclass(frozen=True)
class DayValue:
    day: date
    currency: str
    total_value: Decimal
    cost_basis: Decimal
    item_count: int
    priced_count: int


def day_end(day: date) -> datetime:
    """The last instant of a UTC day (prices observed that day count for it)."""
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=UTC) - timedelta(
        microseconds=1
    )


def collection_values_by_day(
    *, vendor: Vendor, first: date, last: date, now: datetime | None = None
) -> list[DayValue]:
    """The vendor's collection value at the end of each day from `first` to `last` (today:
    as of `now`), from the price history as observed up to each day — three queries
    whatever the number of days (items, matching prices swept oldest first, rates)."""
    now = now or timezone.now()
    currency = vendor.default_currency
    items = _items(vendor)
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    cutoffs = [min(day_end(day), now) for day in days]
    rows = _price_rows(items, max(cutoffs)) if days else []
    currencies = {row[4] for row in rows} | {currency}
    lookups = _purchase_lookups(items, currency)
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
            return latest.get((item_id, is_manual, _EXACT)) or latest.get(
                (item_id, is_manual, _LAST_RESORT)
            )

        present = [item for item in items if acquired_on(item) <= day]
        summary = totals(
            value_item(
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


__all__ = ["CENT", "Basis", "ItemValue", "collection_values_by_day", "dashboard"]
