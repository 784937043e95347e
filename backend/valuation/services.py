"""Writes of collection value: exchange rates from the ECB, daily value snapshots.

Rates: a whole file is parsed before anything is stored, and stored in one transaction
(insert or correct per day and currency), so a malformed or truncated download changes
nothing. Snapshots: one row per vendor and day, upserted, so re-running a day (the beat
task twice, a backfill over days already there) is harmless.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from inventory.models import Collectible
from price_history import downloads
from valuation import batch_valuation, selectors
from valuation.ecb import DailyRate, EcbFormatError, parse_reference_rates
from valuation.models import ExchangeRate, ItemValuation, ValueSnapshot
from valuation.rates import EURO, latest_rates_sql, newest_rate_day
from valuation.rules import day_start
from vendors.models import Vendor

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
#: The offline copies (real ECB shape) that tests and the demo load: the last 90 days
#: with every currency, and the majors (USD, JPY, GBP, CHF) since 2021 for purchase dates.
DEMO_RATE_FILES = (DATA_DIR / "eurofxref-hist-majors.xml", DATA_DIR / "eurofxref-hist-90d.xml")
MAX_DOWNLOAD_BYTES = 32 * 1024 * 1024  # the full history since 1999 is about 7 MB


class RatesUnavailableError(Exception):
    """The ECB file could not be downloaded (network, HTTP status, size); retry later."""


@dataclass(frozen=True)
class RatesLoaded:
    days: int
    rates: int
    first_day: date
    last_day: date


# -------------------------------------------------------------------------------- rates


@transaction.atomic
def exchange_rates_store(*, rates: Iterable[DailyRate]) -> RatesLoaded:
    """Insert the rates, correcting any stored for the same day and currency.

    Stored valuations are kept: the rates' triggers delete only the rows whose past
    lookups a changed rate can reach (migration `valuation/0006`), and the current value
    of the market-priced rows is re-priced in the same transaction, one statement
    (`valuations_reprice`)."""
    rows = [ExchangeRate(date=r.day, currency=r.currency, rate=r.rate) for r in rates]
    if not rows:
        raise EcbFormatError("No rates to store.")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('valuation.reprice', 'on', true),"
            " set_config('valuation.repriced_from', '', true)"
        )
    ExchangeRate.objects.bulk_create(
        rows,
        batch_size=5000,
        update_conflicts=True,
        unique_fields=["currency", "date"],
        update_fields=["rate", "updated_at"],
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('valuation.repriced_from', true),"
            " set_config('valuation.reprice', '', true)"
        )
        changed_from = cursor.fetchone()[0]
    if changed_from:
        valuations_reprice(since=date.fromisoformat(changed_from))
    days = sorted({row.date for row in rows})
    return RatesLoaded(days=len(days), rates=len(rows), first_day=days[0], last_day=days[-1])


def exchange_rates_load(*, content: bytes | str) -> RatesLoaded:
    """Parse a whole ECB document, then store it (all or nothing)."""
    return exchange_rates_store(rates=parse_reference_rates(content))


def load_exchange_rates_from_file(
    *, paths: Iterable[Path | str] = DEMO_RATE_FILES
) -> list[RatesLoaded]:
    """Load saved ECB files (default: the offline demo copies). No network."""
    return [exchange_rates_load(content=Path(path).read_bytes()) for path in paths]


def _download(url: str, transport: httpx.BaseTransport | None = None) -> bytes:
    try:
        return downloads.download(
            url,
            accept="application/xml, text/xml",
            max_bytes=MAX_DOWNLOAD_BYTES,
            timeout=settings.VALUATION_HTTP_TIMEOUT_SECONDS,
            transport=transport,
        )
    except downloads.DownloadError as exc:
        raise RatesUnavailableError(str(exc)) from exc


def exchange_rates_fetch(*, url: str | None = None) -> RatesLoaded:
    """Download an ECB reference-rate file (default: the last 90 days) and store it."""
    url = url or settings.VALUATION_ECB_URL
    loaded = exchange_rates_load(content=_download(url))
    logger.info(
        "Stored %s ECB rates for %s days (%s to %s)",
        loaded.rates,
        loaded.days,
        loaded.first_day,
        loaded.last_day,
    )
    return loaded


# ---------------------------------------------------------------------------- snapshots


@transaction.atomic
def value_snapshots_update(
    *, vendor: Vendor, first: date, last: date, now: datetime | None = None
) -> int:
    """Compute and upsert the vendor's snapshots from `first` to `last` (inclusive)."""
    values = selectors.collection_values_by_day(vendor=vendor, first=first, last=last, now=now)
    rows = [
        ValueSnapshot(
            vendor=vendor,
            day=value.day,
            currency=value.currency,
            total_value=value.total_value,
            cost_basis=value.cost_basis,
            item_count=value.item_count,
            priced_count=value.priced_count,
        )
        for value in values
    ]
    ValueSnapshot.objects.bulk_create(
        rows,
        batch_size=2000,
        update_conflicts=True,
        unique_fields=["vendor", "day"],
        update_fields=[
            "currency",
            "total_value",
            "cost_basis",
            "item_count",
            "priced_count",
            "updated_at",
        ],
    )
    return len(rows)


def backfill_values(*, vendor: Vendor, days: int, now: datetime | None = None) -> int:
    """Snapshots for the last `days` days and today, from the price history as it was
    observed up to each day. Returns the number of snapshots written."""
    if days < 0:
        raise ValueError("days must not be negative")
    now = now or timezone.now()
    today = now.date()
    return value_snapshots_update(
        vendor=vendor, first=today - timedelta(days=days), last=today, now=now
    )


def value_snapshots_update_all(*, now: datetime | None = None) -> int:
    """Beat: yesterday (now final) and today (so far) for every vendor with items."""
    now = now or timezone.now()
    written = 0
    for vendor in Vendor.objects.filter(collectibles__isnull=False).distinct().order_by("id"):
        try:
            written += backfill_values(vendor=vendor, days=1, now=now)
        except Exception:
            # One vendor's failure must not cost every other vendor its snapshot.
            logger.exception("Could not snapshot the value of vendor %s", vendor.pk)
    return written


# ----------------------------------------------------------------- item valuations

_REPRICE_SQL = """
    WITH stored AS MATERIALIZED (
        SELECT v.collectible_id, v.currency, v.price_amount, v.price_currency, c.quantity,
            (v.valued_at AT TIME ZONE 'UTC')::date AS day
        FROM {valuations} v JOIN {items} c ON c.id = v.collectible_id
        WHERE v.basis IN ('observed', 'manual') AND v.valued_at >= %(since)s
          AND v.price_currency <> v.currency
    ),
    rates AS MATERIALIZED ({rates}),
    converted AS (
        SELECT s.collectible_id, s.quantity,
            s.price_amount::numeric(40, 20)
            / CASE WHEN s.price_currency = %(euro)s THEN 1 ELSE src.rate END
            * CASE WHEN s.currency = %(euro)s THEN 1 ELSE tgt.rate END AS unit
        FROM stored s
        LEFT JOIN rates src ON src.currency = s.price_currency AND src.day = s.day
            AND (s.day - src.date <= %(max_age)s OR (s.day > %(newest)s::date
                 AND %(newest)s::date - src.date <= %(max_age)s))
        LEFT JOIN rates tgt ON tgt.currency = s.currency AND tgt.day = s.day
            AND (s.day - tgt.date <= %(max_age)s OR (s.day > %(newest)s::date
                 AND %(newest)s::date - tgt.date <= %(max_age)s))
    )
    UPDATE {valuations} v SET
        unit_value = round(x.unit, 2),
        value = round(x.unit * x.quantity, 2),
        unconvertible = x.unit IS NULL
    FROM converted x
    WHERE v.collectible_id = x.collectible_id
      AND (v.unit_value, v.value, v.unconvertible)
          IS DISTINCT FROM (round(x.unit, 2), round(x.unit * x.quantity, 2), x.unit IS NULL)
"""


def valuations_reprice(*, since: date) -> int:
    """Re-price the current value of the stored market-priced rows (observed, manual)
    valued on `since` or later, at the rates of their valuation day — what `value_item`
    computes: the price x quantity converted through the euro, rounded half-up to the
    cent, unconvertible without a rate. One set-based UPDATE, whatever the count; only
    rows whose value changes are written. Called by `exchange_rates_store` after its
    triggers deleted the rows whose other lookups (movers, purchase, sale) a changed
    rate reaches. Returns the rows updated."""
    lookups = (
        "(SELECT price_currency, day FROM stored UNION SELECT currency, day FROM stored)"
        " AS q(currency, day)"
    )
    sql = _REPRICE_SQL.format(
        valuations=ItemValuation._meta.db_table,
        items=Collectible._meta.db_table,
        rates=latest_rates_sql(lookups),
    )
    since_at = datetime.combine(since, datetime.min.time(), tzinfo=UTC)
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            {
                "since": since_at,
                "euro": EURO,
                "max_age": settings.VALUATION_RATE_MAX_AGE_DAYS,
                # The rule of `rates.carried_forward`, here in SQL.
                "newest": newest_rate_day(),
            },
        )
        return cursor.rowcount


def valuations_refresh(
    *, items: Sequence[Collectible], now: datetime | None = None
) -> list[ItemValuation]:
    """Value these items now and upsert their rows (`batch_valuation`: the rules of
    `value_item` in one statement per batch). Returns the rows written (unsaved
    instances, for serializing)."""
    return _refresh_ids([item.pk for item in items], now=now or timezone.now())


def _refresh_ids(ids: Sequence[int], *, now: datetime) -> list[ItemValuation]:
    """Four queries a batch of `batch_valuation.BATCH_SIZE` items: their kinds, their
    rates, the upsert (deleted items skipped, two refreshes of one item both succeed)."""
    rows: list[ItemValuation] = []
    for start in range(0, len(ids), batch_valuation.BATCH_SIZE):
        chunk = list(ids[start : start + batch_valuation.BATCH_SIZE])
        written = batch_valuation.write_valuations(
            where="c.id = ANY(%(ids)s)", params={"ids": chunk}, now=now, returning=True
        )
        assert isinstance(written, list)
        rows += written
    return rows


def valuations_ensure_fresh(
    *,
    vendor_ids: Iterable[int] | None = None,
    item_ids: Iterable[int] | None = None,
    now: datetime | None = None,
) -> list[ItemValuation]:
    """Value the items of these vendors (or these items) that have no row valued today.

    One query when everything is fresh; five when something needs valuing."""
    now = now or timezone.now()
    stale = selectors.item_ids_needing_valuation(vendor_ids=vendor_ids, item_ids=item_ids, now=now)
    return _refresh_ids(stale, now=now)


def valuations_revalue(*, item_ids: Iterable[int], now: datetime | None = None) -> int:
    """Value these items again now, fresh or not (the admin's "revalue": after a fix to
    the data the triggers do not see; `incremental` after new prices). Returns the rows
    written."""
    ids = sorted(set(item_ids))
    now = now or timezone.now()
    written = 0
    for start in range(0, len(ids), batch_valuation.BATCH_SIZE):
        chunk = ids[start : start + batch_valuation.BATCH_SIZE]
        count = batch_valuation.write_valuations(
            where="c.id = ANY(%(ids)s)", params={"ids": chunk}, now=now
        )
        assert isinstance(count, int)
        written += count
    return written


_STALE = f"""NOT EXISTS (SELECT 1 FROM {ItemValuation._meta.db_table} f
    WHERE f.collectible_id = c.id AND f.valued_at >= %(fresh_since)s)"""  # noqa: S608 — the model's table
_STALE_IN_RANGE = f"c.id >= %(first)s AND c.id < %(end)s AND {_STALE}"


def valuations_refresh_all(*, now: datetime | None = None) -> int:
    """Beat: bring every valuation up to date (missing or valued before today). The items
    are walked by id, `batch_valuation.BATCH_SIZE` ids a statement whatever their vendors
    (a few stale items: one batch of them); a batch that fails is valued again vendor by
    vendor, so one failure costs only that vendor. Returns the rows written."""
    now = now or timezone.now()
    items, valuations = Collectible._meta.db_table, ItemValuation._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT min(id), max(id), count(*) - (SELECT count(*) FROM {valuations}
                    WHERE valued_at >= %s) FROM {items}""",  # noqa: S608 — the models' tables
            [day_start(now)],
        )
        first, last, missing = cursor.fetchone()
    if first is None or missing == 0:
        return 0
    if missing <= batch_valuation.BATCH_SIZE:
        ids = selectors.item_ids_needing_valuation(now=now)
        # Split for the parallel statements when worth it (each chunk its own lookups).
        size = max(1000, -(-len(ids) // batch_valuation.PARALLEL_STATEMENTS))
        chunks = [ids[start : start + size] for start in range(0, len(ids), size)]
        batches: list[tuple[dict[str, Any], Any]] = [
            ({"where": "c.id = ANY(%(ids)s)", "params": {"ids": chunk}}, Q(pk__in=chunk))
            for chunk in chunks
        ]
        found = None
    else:
        # The kinds and rates of every item at once (two scans of the items), not per batch.
        found = batch_valuation.lookups(where="TRUE", params={}, now=now)
        batches = [
            (
                {"where": _STALE_IN_RANGE, "params": {"first": start, "end": end,
                                                      "fresh_since": day_start(now)}},
                Q(pk__gte=start, pk__lt=end),
            )
            for start in range(first, last + 1, batch_valuation.BATCH_SIZE)
            for end in [start + batch_valuation.BATCH_SIZE]
        ]  # fmt: skip

    def run(batch: tuple[dict[str, Any], Q]) -> int:
        selection, items_of_batch = batch
        try:
            with transaction.atomic():
                count = batch_valuation.write_valuations(**selection, now=now, found=found)
            assert isinstance(count, int)
            return count
        except Exception:
            logger.exception("Could not value a batch of items; again vendor by vendor")
            return _refresh_vendor_by_vendor(items_of_batch, now=now)

    if connection.in_atomic_block or len(batches) == 1:
        return sum(map(run, batches))  # a caller's transaction: its connection only
    return batch_valuation.in_parallel(run, batches)


def _refresh_vendor_by_vendor(items: Q, *, now: datetime) -> int:
    vendor_ids = (
        Collectible.objects.filter(items).values_list("vendor_id", flat=True).distinct()
        .order_by("vendor_id")
    )  # fmt: skip
    written = 0
    for vendor_id in vendor_ids:
        try:
            with transaction.atomic():
                written += len(valuations_ensure_fresh(vendor_ids=[vendor_id], now=now))
        except Exception:
            logger.exception("Could not refresh the valuations of vendor %s", vendor_id)
    return written
