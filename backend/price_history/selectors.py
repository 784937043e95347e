"""Reads of the price engine: scoping to the caller's vendors, and price series maths."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, cast

from django.db.models import Avg, Count, Max, Min, Prefetch, QuerySet
from django.db.models.functions import Trunc

from inventory.models import Collectible
from inventory.selectors import collectible_list_for_user
from price_history.models import PriceHistory, ScrapeJob, ScrapeRun, Tracker
from users.models import User

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
    """The collectible if it belongs to one of the user's vendors (else None → 404)."""
    return (
        collectible_list_for_user(user=user)
        .select_related("vendor")
        .filter(pk=collectible_id)
        .first()
    )


def tracker_list(*, collectible: Collectible) -> QuerySet[Tracker]:
    return Tracker.objects.filter(collectible=collectible).select_related("collectible__vendor")


def scrape_job_list_for_user(*, user: User) -> QuerySet[ScrapeJob]:
    """Jobs about items of the user's vendors (scheduled jobs span vendors: operators only)."""
    runs = ScrapeRun.objects.select_related("tracker").order_by("id")
    return (
        ScrapeJob.objects.filter(collectible__vendor__memberships__user=user)
        .prefetch_related(Prefetch("runs", queryset=runs))
        .order_by("-created_at", "-id")
    )


# ------------------------------------------------------------------------------- series


@dataclass
class Series:
    source: str
    condition: str
    currency: str
    points: list[dict[str, Any]] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)


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
            price = row["price"]
            points.append(
                {"t": row["observed_at"], "price": price, "low": price, "high": price, "count": 1}
            )
    else:
        buckets = (
            window.annotate(bucket=Trunc("observed_at", interval, tzinfo=UTC))
            .values("source", "condition", "currency", "bucket")
            .annotate(avg=Avg("price"), low=Min("price"), high=Max("price"), n=Count("id"))
            .order_by("source", "condition", "currency", "bucket")
        )
        for bucket in cast("list[dict[str, Any]]", list(buckets)):
            key = _series_key(bucket)
            series.setdefault(key, Series(*key)).points.append(
                {
                    "t": bucket["bucket"],
                    "price": _cents(bucket["avg"]),
                    "low": bucket["low"],
                    "high": bucket["high"],
                    "count": bucket["n"],
                }
            )
        largest = max((len(s.points) for s in series.values()), default=0)
        if largest > MAX_POINTS:
            raise TooManyPointsError(largest)
    result = [series[key] for key in sorted(series)]
    for item in result:
        item.summary = price_summary(
            rows=rows.filter(source=item.source, condition=item.condition, currency=item.currency),
            start=start,
            end=end,
        )
    return result


def _change(latest: PriceHistory, reference: PriceHistory | None) -> dict[str, Any] | None:
    if reference is None:
        return None
    absolute = latest.price - reference.price
    percent = None if not reference.price else _cents(absolute / reference.price * 100)
    return {
        "absolute": _cents(absolute),
        "percent": percent,
        "reference_price": reference.price,
        "reference_at": reference.observed_at,
    }


def price_summary(
    *, rows: QuerySet[PriceHistory], start: datetime, end: datetime
) -> dict[str, Any]:
    """Summary of one series (rows of one source, condition and currency).

    `latest`: the last price observed at or before `end`; `min`/`max`: over the window
    [`start`, `end`]; `change_7d`/`change_30d`: latest minus the last price observed at
    or before (latest's time minus 7 / 30 days), absolute and in percent of that price
    (None when there is no such price, percent None when it was 0).
    """
    upto = rows.filter(observed_at__lte=end).order_by("-observed_at", "-id")
    latest = upto.first()
    if latest is None:
        return {
            "latest": None,
            "latest_at": None,
            "min": None,
            "max": None,
            "change_7d": None,
            "change_30d": None,
        }
    bounds = rows.filter(observed_at__gte=start, observed_at__lte=end).aggregate(
        low=Min("price"), high=Max("price")
    )
    summary: dict[str, Any] = {
        "latest": latest.price,
        "latest_at": latest.observed_at,
        "min": bounds["low"],
        "max": bounds["high"],
    }
    for name, days in CHANGE_WINDOWS.items():
        reference = upto.filter(observed_at__lte=latest.observed_at - timedelta(days=days)).first()
        summary[name] = _change(latest, reference)
    return summary
