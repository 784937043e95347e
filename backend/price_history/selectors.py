"""Reads of the price engine: scoping to the caller's vendors, and price series maths."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db import connection
from django.db.models import Avg, Count, Max, Min, Prefetch, QuerySet
from django.db.models.functions import Trunc

from core.serializers import datetime_text, decimal_text
from inventory.models import Collectible
from price_history.models import PriceHistory, ScrapeJob, ScrapeRun, Tracker
from users.models import User
from vendors.selectors import vendor_ids_for_user

#: At most this many points per series; more is refused (raw) rather than truncated.
MAX_POINTS = 1000
INTERVALS = ("raw", "day", "week", "month")
CENT = Decimal("0.01")
CHANGE_WINDOWS = {"change_7d": 7, "change_30d": 30}


class TooManyPointsError(Exception):
    def __init__(self, points: int) -> None:
        self.points = points
        super().__init__(f"{points} points")


def collectible_get_for_user(*, user: User, collectible_id: int) -> Collectible | None:
    """The collectible if it belongs to one of the user's vendors (else None → 404).

    One query: a primary-key probe with the user's vendor ids as a subquery (the list's
    read-the-vendor-ids-first plan is for walking a vendor's items, not for one row).
    """
    return (
        Collectible.objects.select_related("vendor")
        .filter(pk=collectible_id, vendor_id__in=vendor_ids_for_user(user=user))
        .first()
    )


def tracker_list(*, collectible: Collectible) -> QuerySet[Tracker]:
    return Tracker.objects.filter(collectible=collectible).select_related("collectible__vendor")


def scrape_job_list_for_user(*, user: User) -> QuerySet[ScrapeJob]:
    """Jobs about items of the user's vendors (scheduled jobs span vendors: operators only)."""
    runs = ScrapeRun.objects.select_related("tracker").order_by("id")
    return (
        ScrapeJob.objects.filter(collectible__vendor_id__in=vendor_ids_for_user(user=user))
        .prefetch_related(Prefetch("runs", queryset=runs))
        .order_by("-created_at", "-id")
    )


# ------------------------------------------------------------------------------- series


@dataclass
class Series:
    """One series' points are in the API's own text (`PricePointSerializer`'s fields):
    `t` ISO 8601 in UTC with `Z`, amounts to the cent as strings, `count` a number. A
    year of daily buckets is ~730 points: PostgreSQL writes their text (`_BUCKET_TEXT`)
    cheaper than Python makes Decimals and datetimes of them and formats those back
    (docs/performance.md)."""

    source: str
    condition: str
    currency: str
    points: list[dict[str, Any]] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.source, self.condition, self.currency)


def _cents(value: Decimal | None) -> Decimal | None:
    return None if value is None else Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def price_history_filtered(
    *, collectible: Collectible, source: str | None = None, condition: str | None = None
) -> QuerySet[PriceHistory]:
    rows = PriceHistory.objects.filter(collectible=collectible)
    if source:
        rows = rows.filter(source=source)
    if condition is not None:
        rows = rows.filter(condition=condition)
    return rows


#: The bucket query's rows as the API writes them: the bucket's start (a UTC timestamp
#: without zone: `date_trunc … AT TIME ZONE 'UTC'`) in ISO 8601 with `Z`, the average
#: rounded half up to the cent (`round(numeric, 2)`, as `_cents`), the low and high as
#: stored (numeric(12, 2): two decimals). `{buckets}` is the ORM's statement.
_BUCKET_TEXT = """
    SELECT source, condition, currency,
        to_char(bucket, 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), round(avg, 2)::text, low::text,
        high::text, n
    FROM ({buckets}) AS buckets
    ORDER BY source, condition, currency, bucket
"""


def _series_key(row: Mapping[str, Any]) -> tuple[str, str, str]:
    return (row["source"], row["condition"], row["currency"])


def price_series(
    *,
    collectible: Collectible,
    start: datetime,
    end: datetime,
    interval: str,
    source: str | None = None,
    condition: str | None = None,
) -> list[Series]:
    """Prices of `collectible` between `start` and `end`, one series per
    (source, condition, currency) — never mixing currencies — each with its summary.

    `raw` gives every observation; `day` / `week` / `month` buckets them in SQL
    (date_trunc in UTC) with the average (to the cent), low, high and count per bucket.
    Raises TooManyPointsError when a series would have more than MAX_POINTS points.
    """
    rows = price_history_filtered(collectible=collectible, source=source, condition=condition)
    window = rows.filter(observed_at__gte=start, observed_at__lte=end)
    series: dict[tuple[str, str, str], Series] = {}
    if interval == "raw":
        sizes = window.values("source", "condition", "currency").annotate(n=Count("id"))
        largest = max((size["n"] for size in sizes), default=0)
        if largest > MAX_POINTS:
            raise TooManyPointsError(largest)
        raw_rows = window.order_by("observed_at", "id").values(
            "source", "condition", "currency", "observed_at", "price"
        )
        for row in raw_rows:
            key = _series_key(row)
            points = series.setdefault(key, Series(*key)).points
            price = decimal_text(row["price"], 2)
            t = datetime_text(row["observed_at"], UTC)
            points.append({"t": t, "price": price, "low": price, "high": price, "count": 1})
    else:
        buckets = (
            window.annotate(bucket=Trunc("observed_at", interval, tzinfo=UTC))
            .values("source", "condition", "currency", "bucket")
            .annotate(avg=Avg("price"), low=Min("price"), high=Max("price"), n=Count("id"))
            .values_list("source", "condition", "currency", "bucket", "avg", "low", "high", "n")
            .order_by()  # _BUCKET_TEXT orders
        )
        # The ORM writes the statement, PostgreSQL the points' text; the rows are read off
        # the cursor (Django's per-row converters cost more than the query).
        statement, params = buckets.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(_BUCKET_TEXT.format(buckets=statement), params)
            rows = cursor.fetchall()
        for source, condition, currency, t, price, low, high, count in rows:
            key = (source, condition, currency)
            if key not in series:
                series[key] = Series(*key)
            series[key].points.append(
                {"t": t, "price": price, "low": low, "high": high, "count": count}
            )
        largest = max((len(s.points) for s in series.values()), default=0)
        if largest > MAX_POINTS:
            raise TooManyPointsError(largest)
    result = [series[key] for key in sorted(series)]
    summaries = series_summaries(
        collectible_id=collectible.pk, keys=[s.key for s in result], start=start, end=end
    )
    for item in result:
        item.summary = summaries[item.key]
    return result


def _change(
    latest: tuple[Decimal, datetime], reference: tuple[Decimal | None, datetime | None]
) -> dict[str, Any] | None:
    (latest_price, _), (reference_price, reference_at) = latest, reference
    if reference_price is None:
        return None
    absolute = latest_price - reference_price
    percent = None if not reference_price else _cents(absolute / reference_price * 100)
    return {
        "absolute": _cents(absolute),
        "percent": percent,
        "reference_price": reference_price,
        "reference_at": reference_at,
    }


EMPTY_SUMMARY: dict[str, Any] = {
    "latest": None,
    "latest_at": None,
    "min": None,
    "max": None,
    **dict.fromkeys(CHANGE_WINDOWS),
}


def series_summaries(
    *,
    collectible_id: int,
    keys: Sequence[tuple[str, str, str]],
    start: datetime,
    end: datetime,
) -> dict[tuple[str, str, str], dict[str, Any]]:
    """Summary of each series (source, condition, currency) of one item, in one query.

    `latest`: the last price observed at or before `end`; `min`/`max`: over the window
    [`start`, `end`]; `change_7d`/`change_30d`: latest minus the last price observed at
    or before (latest's time minus 7 / 30 days), absolute and in percent of that price
    (None when there is no such price, percent None when it was 0). Each part is an
    index probe on (collectible, time) per series (LATERAL), not a scan of the history.
    """
    summaries = {key: dict(EMPTY_SUMMARY) for key in keys}
    if not keys:
        return summaries
    table = PriceHistory._meta.db_table
    same_series = (
        "p.collectible_id = %(item)s AND p.source = k.source AND p.condition = k.condition "
        "AND p.currency = k.currency"
    )
    windows = [
        f"""LEFT JOIN LATERAL (
            SELECT p.price, p.observed_at FROM {table} p
            WHERE {same_series}
              AND p.observed_at <= l.observed_at - make_interval(days => %(days{index})s)
            ORDER BY p.observed_at DESC, p.id DESC LIMIT 1
        ) w{index} ON true"""  # noqa: S608 — the model's table name; values are parameters
        for index in range(len(CHANGE_WINDOWS))
    ]
    window_columns = "".join(
        f", w{index}.price, w{index}.observed_at" for index in range(len(CHANGE_WINDOWS))
    )
    sql = f"""
        SELECT k.source, k.condition, k.currency, l.price, l.observed_at, b.low, b.high
            {window_columns}
        FROM unnest(%(sources)s::varchar[], %(conditions)s::varchar[], %(currencies)s::varchar[])
            AS k(source, condition, currency)
        JOIN LATERAL (
            SELECT p.price, p.observed_at FROM {table} p
            WHERE {same_series} AND p.observed_at <= %(end)s
            ORDER BY p.observed_at DESC, p.id DESC LIMIT 1
        ) l ON true
        LEFT JOIN LATERAL (
            SELECT min(p.price) AS low, max(p.price) AS high FROM {table} p
            WHERE {same_series} AND p.observed_at >= %(start)s AND p.observed_at <= %(end)s
        ) b ON true
        {" ".join(windows)}
    """  # noqa: S608 — the table name is the model's, values are parameters
    params: dict[str, Any] = {
        "item": collectible_id,
        "sources": [key[0] for key in keys],
        "conditions": [key[1] for key in keys],
        "currencies": [key[2] for key in keys],
        "start": start,
        "end": end,
        **{f"days{index}": days for index, days in enumerate(CHANGE_WINDOWS.values())},
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for source, condition, currency, price, observed_at, low, high, *refs in cursor:
            latest = (price, observed_at)
            summaries[(source, condition, currency)] = {
                "latest": price,
                "latest_at": observed_at,
                "min": low,
                "max": high,
                **{
                    name: _change(latest, (refs[2 * index], refs[2 * index + 1]))
                    for index, name in enumerate(CHANGE_WINDOWS)
                },
            }
    return summaries
