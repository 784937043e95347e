"""Incremental valuation, measured by `manage.py bench_api` (issue 14): the dashboard of
the 10k-item Bench Shop right after 1,000 new prices and right after the daily exchange-
rate load, against a fresh one, interleaved; and re-valuing every item of the dataset.

The Bench Shop (USD) has only USD prices; for the exchange rates to matter, the setup
gives a third of its prices EUR and a third GBP (not the series item's), loads the offline
ECB files and carries their last day's rates forward to yesterday. Everything it adds is
removed again at the end (the new prices, the currencies), so the dataset is left as it
was; the rates stay (USD prices in a USD vendor never read them).

One round: a fresh dashboard request (every row valued); 1,000 new prices for 1,000
random Bench Shop items, recorded through the product's path (rows, triggers, then the
price hooks per item: alerts, and the item re-valued by `valuation.incremental`) and a
dashboard request; the daily ECB load (`exchange_rates_store`
with the last 89 days as stored and today's rates, moved by 0.1 % a round: the 90-day
file's shape) and a dashboard request. The writes are timed apart from the requests.
"""

from __future__ import annotations

import math
import random
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import connection
from django.test.utils import override_settings

if TYPE_CHECKING:
    from devtools.bench_data import BenchTargets

INCREMENTAL_NAME = "dashboard after 1,000 prices / the FX load"
REBUILD_NAME = "re-value every item"
MAX_ROUNDS = 30
NEW_PRICES = 1000
GOAL_RATIO = 1.5
_MARK = "bench-incremental"  # the url of the prices this benchmark adds


def _execute(sql: str, params: list[Any] | None = None) -> int:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def _prepare(targets: BenchTargets) -> None:
    from valuation import services
    from valuation.ecb import DailyRate
    from valuation.models import ExchangeRate

    if not ExchangeRate.objects.exists():
        services.load_exchange_rates_from_file()
    last = ExchangeRate.objects.order_by("-date").values_list("date", flat=True).first()
    assert last is not None
    today = datetime.now(UTC).date()
    latest = list(ExchangeRate.objects.filter(date=last).values_list("currency", "rate"))
    carried = [
        DailyRate(day=last + timedelta(days=n), currency=currency, rate=rate)
        for n in range(1, (today - last).days)
        for currency, rate in latest
    ]
    if carried:
        services.exchange_rates_store(rates=carried)
    _execute(
        """UPDATE price_history_pricehistory SET currency = CASE id %% 3
               WHEN 0 THEN 'EUR' WHEN 1 THEN 'GBP' END
           WHERE collectible_id IN (SELECT id FROM inventory_collectible WHERE vendor_id = %s)
             AND collectible_id <> %s AND id %% 3 <> 2 AND currency = 'USD'""",
        [targets.vendor_id, targets.series_item_id],
    )


def _restore(targets: BenchTargets) -> None:
    _execute("DELETE FROM price_history_pricehistory WHERE url = %s", [_MARK])
    _execute(
        """UPDATE price_history_pricehistory SET currency = 'USD'
           WHERE collectible_id IN (SELECT id FROM inventory_collectible WHERE vendor_id = %s)
             AND currency <> 'USD'""",
        [targets.vendor_id],
    )


def _new_prices(targets: BenchTargets, rng: random.Random) -> int:
    """1,000 prices for 1,000 random items, recorded as the product records a run's rows:
    the rows written (the triggers delete the items' valuations), then
    `price_history.hooks.prices_recorded` per item (alerts evaluate, `valuation.incremental`
    re-values the item), all in one transaction."""
    from django.db import transaction

    from inventory.models import Collectible
    from price_history import hooks
    from price_history.models import PriceHistory

    ids = list(Collectible.objects.filter(vendor_id=targets.vendor_id).values_list("pk", flat=True))
    chosen = rng.sample(ids, min(NEW_PRICES, len(ids)))
    items = Collectible.objects.filter(pk__in=chosen).only("id", "vendor_id")
    now = datetime.now(UTC)
    with transaction.atomic():
        rows = PriceHistory.objects.bulk_create(
            PriceHistory(
                collectible=item, source="structured", currency="USD", observed_at=now,
                price=Decimal(rng.randint(500, 50000)) / 100, url=_MARK,
            )
            for item in items
        )  # fmt: skip
        for row in rows:
            hooks.prices_recorded(collectible=row.collectible, rows=[row], run=None)
    return len(rows)


def _fx_load(round_number: int) -> None:
    from valuation import services
    from valuation.ecb import DailyRate
    from valuation.models import ExchangeRate

    today = datetime.now(UTC).date()
    stored = ExchangeRate.objects.filter(
        date__gt=today - timedelta(days=90), date__lt=today
    ).values_list("date", "currency", "rate")
    rates = [DailyRate(day=day, currency=currency, rate=rate) for day, currency, rate in stored]
    yesterday = max(rate.day for rate in rates)
    factor = Decimal(1) + Decimal(round_number + 1) / 1000
    rates += [
        DailyRate(day=today, currency=r.currency, rate=(r.rate * factor).quantize(Decimal("1e-4")))
        for r in rates
        if r.day == yesterday
    ]
    services.exchange_rates_store(rates=rates)


def _p(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile, as `bench_api.percentile`."""
    ordered = sorted(values)
    rank = max(1, math.ceil(len(ordered) * fraction))
    return ordered[rank - 1]


def incremental_lines(
    request: Callable[[str], tuple[float, int]], targets: BenchTargets, iterations: int
) -> str:
    """The interleaved rounds (at most MAX_ROUNDS), as report lines."""
    path = f"/api/v1/dashboard?vendor={targets.vendor_id}"
    rng = random.Random(14)
    rounds = min(iterations, MAX_ROUNDS)
    timings: dict[str, list[float]] = {"fresh": [], "prices": [], "fx": []}
    writes: dict[str, list[float]] = {"prices": [], "fx": []}
    statuses: set[int] = set()
    _prepare(targets)
    try:
        with override_settings(DEBUG=False, ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]):
            for _ in range(3):  # warm-up: values every row after the setup
                statuses.add(request(path)[1])
            for n in range(rounds):
                for kind, write in (
                    ("fresh", None),
                    ("prices", lambda: _new_prices(targets, rng)),
                    ("fx", lambda n=n: _fx_load(n)),
                ):
                    if write is not None:
                        started = time.perf_counter()
                        write()
                        writes[kind].append((time.perf_counter() - started) * 1000)
                    elapsed, status = request(path)
                    statuses.add(status)
                    timings[kind].append(elapsed)
    finally:
        _restore(targets)
    fresh50, fresh95 = statistics.median(timings["fresh"]), _p(timings["fresh"], 0.95)
    lines = [f"  {INCREMENTAL_NAME}: {rounds} interleaved rounds, HTTP {sorted(statuses)}"]
    for kind, label in (
        ("fresh", "fresh dashboard"),
        ("prices", f"after {NEW_PRICES:,} new prices"),
        ("fx", "after the daily FX load"),
    ):
        p50, p95 = statistics.median(timings[kind]), _p(timings[kind], 0.95)
        verdict = ""
        if kind != "fresh":
            ratio50, ratio95 = p50 / fresh50, p95 / fresh95
            ok = "PASS" if max(ratio50, ratio95) <= GOAL_RATIO else "over"
            write_ms = statistics.median(writes[kind])
            verdict = (
                f"  {ratio50:.2f}x / {ratio95:.2f}x fresh (goal <= {GOAL_RATIO}x) {ok};"
                f" the write itself p50 {write_ms:.0f} ms"
            )
        lines.append(f"    {label:<26} p50 {p50:7.1f}  p95 {p95:7.1f} ms{verdict}")
    return "\n".join(lines)


def rebuild_line() -> str:
    """Every stored valuation deleted, then `valuations_refresh_all` (what the beat runs)."""
    from valuation import services
    from valuation.models import ItemValuation

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM inventory_collectible")
        items = cursor.fetchone()[0]
    ItemValuation.objects.all().delete()
    started = time.perf_counter()
    written = services.valuations_refresh_all()
    seconds = time.perf_counter() - started
    per_million = seconds / max(items, 1) * 1_000_000
    return (
        f"  {REBUILD_NAME}: {written:,} rows of {items:,} items in {seconds:.1f} s"
        f" ({per_million:.0f} s per 1M items at this rate; goal < 60 s at 1M)"
    )
