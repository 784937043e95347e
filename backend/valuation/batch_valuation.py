"""Item valuations written set-based: one `INSERT … SELECT … ON CONFLICT` per batch of
items, the rules of `valuation.rules.value_item` evaluated by the database (issue 14:
re-valuing 1M items in under a minute; the Python rules cost ~0.15 ms an item).

What stays in Python, so each rule keeps its one home:

* which price conditions match an item (`conditions.matching_conditions`): asked once per
  distinct (category, condition, completeness, grader, grade) of the batch — a few dozen
  kinds, not one call per item — and passed to the statement as a small table;
* which rate a (currency, day) converts at (`rates.RateBook`: the latest on or before the
  day, at most the usable age, carried forward when the rates stopped coming): looked up
  once per distinct pair of the batch and passed as one map.

The statement applies what is left of `value_item` — the basis (observed, else manual,
else purchase, else none; sold and wanted apart), price x quantity converted through the
euro and rounded half-up to the cent, the cost basis with fees at the purchase date's
rates, the proceeds at the sale date's, the values 7 and 30 days back. It is the twin of
`selectors.item_valuations` (the Python rules, which the snapshots and the tests keep
using): `valuation/tests/test_batch_valuation.py` holds both to the same rows on every
case the rules tell apart.

Plan notes (the dropped first attempt spent 22.9 s on 10k items joining an unanalysed CTE
of rates ten times): the rates are one `jsonb` map read by key, no join; each item's three
prices in force are `LATERAL … LIMIT 1` lookups on the price index `(collectible_id,
observed_at)`; batches walk the items by id.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from django.db import connection, connections

from inventory.models import Collectible, CollectibleStatus
from price_history.models import PriceHistory, PriceSource
from valuation.conditions import ANY_CONDITION, matching_conditions
from valuation.models import ExchangeRate, ItemValuation
from valuation.rates import EURO, RateBook
from valuation.rules import MOVER_WINDOWS, Basis
from vendors.models import Vendor

#: Items per statement: large enough that the fixed cost per statement (three small
#: queries first) vanishes, small enough that a batch's arrays and sort stay in memory.
BATCH_SIZE = 20_000

T = TypeVar("T")

#: Statements at once when re-valuing everything outside a transaction (the beat): the
#: work is the database's, one backend a statement; both cores of the reference machine.
PARALLEL_STATEMENTS = 2

_EPOCH = date(1970, 1, 1)
_ITEMS, _VENDORS = Collectible._meta.db_table, Vendor._meta.db_table
_PRICES, _VALUATIONS = PriceHistory._meta.db_table, ItemValuation._meta.db_table
_RATES_TABLE = ExchangeRate._meta.db_table
#: What decides an item's exact price conditions, as one key (the grade's text is the
#: database's in both places; grader and grade are blank or null together).
_KIND = "concat_ws('|', c.category, c.condition, c.completeness, c.grader, c.grade)"

#: The columns written, in order (every column of the row).
COLUMNS = (
    "collectible_id", "vendor_id", "currency", "basis", "unit_value", "value", "cost",
    "price_amount", "price_currency", "price_observed_at", "price_source", "price_condition",
    "unconvertible", "cost_unconvertible", "proceeds", "realised_gain", "value_7d",
    "value_30d", "valued_at",
)  # fmt: skip


def _items_sql(where: str) -> str:
    """The batch's items with what the rules read, purchase and sale currencies defaulted
    to the vendor's and the day each was acquired (`rules.acquired_on`)."""
    return f"""
        SELECT i.*,
            CASE WHEN i.purchase_currency = '' THEN i.cur ELSE i.purchase_currency END AS pcur,
            CASE WHEN i.sale_currency = '' THEN i.cur ELSE i.sale_currency END AS scur
        FROM (
            SELECT c.id, c.vendor_id, c.status, c.quantity, c.category, c.condition,
                c.completeness, c.grader, c.grade, {_KIND} AS kind,
                c.purchase_price, c.purchase_currency, c.purchase_fees, c.purchase_shipping,
                c.sale_price, c.sale_currency, c.sale_fees, c.sale_date,
                coalesce(c.purchase_date, (c.created_at AT TIME ZONE 'UTC')::date) AS acquired,
                -- a lookup per item, not a join: the plan never rests on row estimates
                (SELECT v.default_currency FROM {_VENDORS} v WHERE v.id = c.vendor_id) AS cur
            FROM {_ITEMS} c
            WHERE {where}
            OFFSET 0  -- the vendor's currency looked up once, not once per use
        ) i
    """  # noqa: S608 — table names are the models', values are parameters


def _key(currency: str, day: date) -> str:
    """A rate's key in the statement's map: the currency and the day as a number."""
    return f"{currency}{(day - _EPOCH).days}"


def _key_sql(currency: str, day: str) -> str:
    return f"({currency} || ({day} - DATE '1970-01-01'))"


def _rate(currency: str, day: str) -> str:
    return f"(book.m ->> {_key_sql(currency, day)})::numeric"


def _convert(amount: str, source: str, target: str, day: str) -> str:
    """`RateBook.convert` in SQL: unchanged in its own currency, else through the euro at
    the day's rates; null without a rate. numeric(40,20) keeps the quotient's digits (the
    rounding to the cent comes after)."""
    return (
        f"(CASE WHEN {source} = {target} THEN {amount}"
        f" ELSE {amount}::numeric(40, 20) / {_rate(source, day)} * {_rate(target, day)} END)"
    )


def _prices_in_force(gate: str) -> str:
    """The price in force at each of the three points (`selectors.values.latest_prices`,
    then observed before manual): a tracker's (not manual) before a hand-entered one, an
    exact condition before a blank one, the latest, of one check's offers the cheapest.
    The item's matching prices are read and sorted once; at each point the first of them
    observed by then wins."""
    fields = ("price", "currency", "observed_at", "source", "condition")
    picks = ",\n".join(
        f"(array_agg(s.{field}) FILTER (WHERE s.observed_at <= %(at{n})s{extra}))[1]"
        f" AS p{n}_{field}"
        for n, extra in ((0, ""), (1, " AND s.by1"), (2, " AND s.by2"))
        for field in (fields if n == 0 else fields[:2])
    )
    return f"""
        LEFT JOIN LATERAL (
            SELECT {picks}
            FROM (
                SELECT p.price, p.currency, p.observed_at, p.source, p.condition,
                    i.acquired <= %(day1)s::date AS by1, i.acquired <= %(day2)s::date AS by2
                FROM {_PRICES} p
                WHERE {gate} AND p.collectible_id = i.id AND p.observed_at <= %(at0)s
                  AND (p.condition = ANY(i.exact) OR p.condition = %(any)s)
                -- aggregated in this order (a sorted subquery feeds array_agg in order)
                ORDER BY p.source = %(manual)s, p.condition <> ALL(i.exact),
                    p.observed_at DESC, p.price, p.id DESC
            ) s
        ) w ON TRUE
    """  # noqa: S608 — the table name is the model's, values are parameters


def _statement(where: str, *, returning: bool) -> str:
    held = "i.status NOT IN (%(sold)s, %(wanted)s)"
    # `rules.line_cost`: null without a purchase price, whatever the fees.
    line = "(i.purchase_price * i.quantity + coalesce(i.purchase_fees, 0)" \
        " + coalesce(i.purchase_shipping, 0))"  # fmt: skip
    cost = _convert("i.line", "i.pcur", "i.cur", "i.acquired")
    unit_now = _convert("w.p0_price", "w.p0_currency", "i.cur", "%(day0)s::date")
    bought_unit = _convert("i.purchase_price", "i.pcur", "i.cur", "i.acquired")
    bought = _convert("i.purchase_price * i.quantity", "i.pcur", "i.cur", "i.acquired")
    sale = _convert("(i.sale_price - coalesce(i.sale_fees, 0))", "i.scur", "i.cur", "i.sale_date")
    proceeds = f"(CASE WHEN i.sale_date IS NOT NULL THEN {sale} END)"
    past = {
        n: f"round({_convert(f'w.p{n}_price', f'w.p{n}_currency', 'i.cur', f'%(day{n})s::date')}"
        " * i.quantity, 2)"
        for n in (1, 2)
    }
    market = "i.p0_price IS NOT NULL"
    return f"""
        WITH book AS MATERIALIZED (
            SELECT coalesce(jsonb_object_agg(k, r), '{{}}'::jsonb) AS m
            FROM unnest(%(rate_keys)s::text[], %(rate_values)s::numeric[]) AS x(k, r)
        ),
        kinds AS MATERIALIZED (
            SELECT jsonb_object_agg(k.kind, k.exact) AS m
            FROM unnest(%(k_kind)s::text[], %(k_exact)s::text[]) AS k(kind, exact)
        ),
        items AS MATERIALIZED (
            SELECT i.*, string_to_array(kinds.m ->> i.kind, ',') AS exact, {line} AS line
            FROM ({_items_sql(where)}) i
            CROSS JOIN kinds CROSS JOIN book
            -- An item whose kind or purchase or sale day was not looked up (written since
            -- the lookups) is left unvalued, never valued without its rates.
            WHERE kinds.m ? i.kind
              AND (i.purchase_price IS NULL OR (book.m ? {_key_sql("i.pcur", "i.acquired")}
                   AND book.m ? {_key_sql("i.cur", "i.acquired")}))
              AND (i.sale_date IS NULL OR (book.m ? {_key_sql("i.scur", "i.sale_date")}
                   AND book.m ? {_key_sql("i.cur", "i.sale_date")}))
        ),
        valued AS (
            SELECT i.*,
                w.p0_price, w.p0_currency, w.p0_observed_at, w.p0_source, w.p0_condition,
                {unit_now} AS unit_now, {bought_unit} AS bought_unit, {bought} AS bought,
                round({cost}, 2) AS cost, {proceeds} AS proceeds_raw,
                {past[1]} AS value_7d, {past[2]} AS value_30d
            FROM items i
            CROSS JOIN book
            {_prices_in_force(held)}
        ),
        computed AS (
            SELECT i.id AS collectible_id, i.vendor_id, i.cur AS currency,
                CASE WHEN i.status = %(wanted)s THEN %(b_wanted)s
                     WHEN i.status = %(sold)s THEN %(b_sold)s
                     WHEN {market} AND i.p0_source = %(manual)s THEN %(b_manual)s
                     WHEN {market} THEN %(b_observed)s
                     WHEN i.purchase_price IS NOT NULL THEN %(b_purchase)s
                     ELSE %(b_none)s END AS basis,
                CASE WHEN NOT {held} THEN NULL
                     WHEN {market} THEN round(i.unit_now, 2)
                     ELSE round(i.bought_unit, 2) END AS unit_value,
                CASE WHEN NOT {held} THEN NULL
                     WHEN {market} THEN round(i.unit_now * i.quantity, 2)
                     ELSE round(i.bought, 2) END AS value,
                CASE WHEN i.status = %(wanted)s THEN NULL ELSE i.cost END AS cost,
                CASE WHEN {held} THEN i.p0_price END AS price_amount,
                CASE WHEN {held} THEN coalesce(i.p0_currency, '') ELSE '' END AS price_currency,
                CASE WHEN {held} THEN i.p0_observed_at END AS price_observed_at,
                CASE WHEN {held} THEN coalesce(i.p0_source, '') ELSE '' END AS price_source,
                CASE WHEN {held} THEN coalesce(i.p0_condition, '') ELSE '' END
                    AS price_condition,
                CASE WHEN i.status = %(wanted)s THEN FALSE
                     WHEN i.status = %(sold)s THEN i.proceeds_raw IS NULL
                     WHEN {market} THEN i.unit_now IS NULL
                     WHEN i.purchase_price IS NOT NULL THEN i.bought IS NULL
                     ELSE FALSE END AS unconvertible,
                i.status <> %(wanted)s AND i.line IS NOT NULL AND i.cost IS NULL
                    AS cost_unconvertible,
                CASE WHEN i.status = %(sold)s THEN round(i.proceeds_raw, 2) END AS proceeds,
                CASE WHEN i.status = %(sold)s THEN round(i.proceeds_raw, 2) - i.cost END
                    AS realised_gain,
                i.value_7d, i.value_30d, %(at0)s::timestamptz AS valued_at
            FROM valued i
        )
        INSERT INTO {_VALUATIONS} ({", ".join(COLUMNS)})
        SELECT {", ".join(COLUMNS)} FROM computed
        ON CONFLICT (collectible_id) DO UPDATE SET
            {", ".join(f"{name} = EXCLUDED.{name}" for name in COLUMNS[1:])}
        {"RETURNING " + ", ".join(COLUMNS) if returning else ""}
    """  # noqa: S608 — table and column names are the models', values are parameters


def _kinds(where: str, params: dict[str, Any]) -> dict[str, list[str]]:
    """The selection's distinct item kinds (`_KIND`) with their exact price conditions,
    comma-joined (the vocabulary's words have none)."""
    sql = f"""
        SELECT {_KIND}, c.category, c.condition, c.completeness, c.grader, c.grade
        FROM {_ITEMS} c WHERE {where}
        GROUP BY c.category, c.condition, c.completeness, c.grader, c.grade
    """  # noqa: S608 — built from constants
    kinds: list[str] = []
    exacts: list[str] = []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for kind, category, condition, completeness, grader, grade in cursor.fetchall():
            exact = matching_conditions(
                category=category, condition=condition, completeness=completeness,
                grader=grader, grade=grade,
            )  # fmt: skip
            kinds.append(kind)
            exacts.append(",".join(exact))
    return {"k_kind": kinds, "k_exact": exacts}


def _rate_map(where: str, params: dict[str, Any], days: Sequence[date]) -> dict[str, list[Any]]:
    """Every rate the selection can need, by `RateBook`: its purchases at the acquisition
    day, its sales at the sale day (each in its own and the vendor's currency), and every
    currency with rates — what a price can be in — and every vendor's at the valuation
    days. Grouped per vendor before the vendors' currencies are joined (one scan)."""
    pairs = f"""
        WITH RECURSIVE published(currency) AS (  -- a skip scan of the (currency, date) index
            SELECT min(currency) FROM {_RATES_TABLE}
            UNION ALL
            SELECT (SELECT min(e.currency) FROM {_RATES_TABLE} e WHERE e.currency > p.currency)
            FROM published p WHERE p.currency IS NOT NULL
        ),
        own AS (  -- by the vendor's currency, not the vendor: a few groups a day, not one
                  -- per vendor and day (a million of them spilled the hash aggregate)
            SELECT DISTINCT v.default_currency AS vendor_currency, x.currency, x.day
            FROM {_ITEMS} c
            JOIN {_VENDORS} v ON v.id = c.vendor_id
            CROSS JOIN LATERAL (VALUES
                (c.purchase_currency, CASE WHEN c.purchase_price IS NOT NULL THEN
                    coalesce(c.purchase_date, (c.created_at AT TIME ZONE 'UTC')::date) END),
                (c.sale_currency, c.sale_date)) AS x(currency, day)
            WHERE ({where}) AND x.day IS NOT NULL
        ),
        vendors AS (
            SELECT DISTINCT v.default_currency AS cur FROM {_VENDORS} v
        )
        SELECT CASE WHEN o.currency = '' THEN o.vendor_currency ELSE o.currency END, o.day
        FROM own o
        UNION
        SELECT o.vendor_currency, o.day FROM own o
        UNION
        SELECT c.currency, d.day
        FROM (SELECT currency FROM published WHERE currency IS NOT NULL
              UNION SELECT %(euro)s UNION SELECT cur FROM vendors) c
        CROSS JOIN unnest(%(point_days)s::date[]) AS d(day)
    """  # noqa: S608 — built from constants
    sql = f"""
        SELECT q.currency, q.day, r.date, r.rate
        FROM ({pairs}) q(currency, day)
        LEFT JOIN LATERAL (
            SELECT e.date, e.rate FROM {_RATES_TABLE} e
            WHERE e.currency = q.currency AND e.date <= q.day
            ORDER BY e.date DESC LIMIT 1
        ) r ON TRUE
    """  # noqa: S608 — built from constants
    with connection.cursor() as cursor:
        cursor.execute(sql, {**params, "point_days": list(days), "euro": EURO})
        rows = cursor.fetchall()
    book = RateBook.from_rows(row for row in rows if row[2] is not None)
    # Every pair looked up has its key, null without a rate (the statement tells "no rate"
    # from "not looked up").
    return {
        "rate_keys": [_key(currency, day) for currency, day, _, _ in rows],
        "rate_values": [book.rate(currency, day) for currency, day, _, _ in rows],
    }


def _points(now: datetime) -> list[datetime]:
    return [now, *(now - timedelta(days=days) for days in MOVER_WINDOWS.values())]


def lookups(*, where: str, params: dict[str, Any], now: datetime) -> dict[str, list[Any]]:
    """What the statement needs from Python for the items selected by `where` (SQL over
    `inventory_collectible c`, with its `params`): their kinds' price conditions and
    their rates. Two queries; empty when no item is selected. Batches of one selection
    share them (`write_valuations(lookups=…)`)."""
    kinds = _kinds(where, params)
    if not kinds["k_kind"]:
        return {}
    return {**kinds, **_rate_map(where, params, [p.date() for p in _points(now)])}


def write_valuations(
    *,
    where: str,
    params: dict[str, Any],
    now: datetime,
    found: dict[str, list[Any]] | None = None,
    returning: bool = False,
) -> list[ItemValuation] | int:
    """Value the items selected by `where` as of `now` and upsert their rows: the
    `lookups` (two queries, unless `found` holds those of a selection including these
    items) and the statement. Returns the rows written (unsaved instances) when
    `returning`, else how many."""
    found = lookups(where=where, params=params, now=now) if found is None else found
    if not found:
        return [] if returning else 0
    points = _points(now)
    statement_params = {
        **params,
        **found,
        **{f"at{n}": point for n, point in enumerate(points)},
        **{f"day{n}": point.date() for n, point in enumerate(points)},
        "any": ANY_CONDITION,
        "manual": PriceSource.MANUAL.value,
        "sold": CollectibleStatus.SOLD.value,
        "wanted": CollectibleStatus.WANTED.value,
        **{f"b_{name.lower()}": getattr(Basis, name) for name in (
            "OBSERVED", "MANUAL", "PURCHASE", "NONE", "SOLD", "WANTED")},
    }  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute(_statement(where, returning=returning), statement_params)
        if not returning:
            return cursor.rowcount
        return [ItemValuation(**dict(zip(COLUMNS, row, strict=True))) for row in cursor]


def in_parallel(run: Callable[[T], int], batches: Sequence[T]) -> int:
    """`run` over the batches on PARALLEL_STATEMENTS threads, each with its own database
    connection (autocommit: each batch commits alone), closed when its thread is done.
    Returns the sum of what `run` returned."""

    def on_own_connection(batch: T) -> int:
        try:
            return run(batch)
        finally:
            connections.close_all()  # this thread's connections only

    with ThreadPoolExecutor(max_workers=PARALLEL_STATEMENTS) as pool:
        return sum(pool.map(on_own_connection, batches))
