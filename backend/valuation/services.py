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

import httpx
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from inventory.models import Collectible
from price_history import downloads
from valuation import selectors
from valuation.ecb import DailyRate, EcbFormatError, parse_reference_rates
from valuation.models import ExchangeRate, ItemValuation, ValueSnapshot
from valuation.rates import EURO, latest_rates_sql, newest_rate_day
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

_UPSERT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("collectible_id", "bigint"),
    ("vendor_id", "bigint"),
    ("currency", "varchar"),
    ("basis", "varchar"),
    ("unit_value", "numeric"),
    ("value", "numeric"),
    ("cost", "numeric"),
    ("price_amount", "numeric"),
    ("price_currency", "varchar"),
    ("price_observed_at", "timestamptz"),
    ("price_source", "varchar"),
    ("price_condition", "varchar"),
    ("unconvertible", "boolean"),
    ("cost_unconvertible", "boolean"),
    ("proceeds", "numeric"),
    ("realised_gain", "numeric"),
    ("value_7d", "numeric"),
    ("value_30d", "numeric"),
    ("valued_at", "timestamptz"),
)


def _upsert_valuations(rows: list[ItemValuation]) -> None:
    """One INSERT … SELECT FROM unnest(…) ON CONFLICT DO UPDATE, whatever the count: two
    requests refreshing the same items both succeed (the later write wins). Items deleted
    meanwhile are skipped (the join), not a foreign-key error."""
    names = [name for name, _ in _UPSERT_COLUMNS]
    table = ItemValuation._meta.db_table
    items = Collectible._meta.db_table
    arrays = ", ".join(f"%s::{kind}[]" for _, kind in _UPSERT_COLUMNS)
    sql = f"""
        INSERT INTO {table} ({", ".join(names)})
        SELECT u.* FROM unnest({arrays}) AS u({", ".join(names)})
        JOIN {items} c ON c.id = u.collectible_id
        ON CONFLICT (collectible_id) DO UPDATE SET
            {", ".join(f"{name} = EXCLUDED.{name}" for name in names[1:])}
    """  # noqa: S608 — table and column names are the model's, values are parameters
    params = [[getattr(row, name) for row in rows] for name in names]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


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
    """Value these items now (`selectors.item_valuations`) and upsert their rows.

    The items need the fields `value_item` reads (`selectors.items_needing_valuation`
    loads them). Four queries whatever the count: vendors' currencies, prices, rates,
    the upsert. Returns the rows written (unsaved instances, for serializing)."""
    if not items:
        return []
    now = now or timezone.now()
    vendor_ids = {item.vendor_id for item in items}
    currencies = dict(
        Vendor.objects.filter(pk__in=vendor_ids).values_list("pk", "default_currency")
    )
    rows = selectors.item_valuations(items=items, currencies=currencies, now=now)
    _upsert_valuations(rows)
    return rows


def valuations_ensure_fresh(
    *,
    vendor_ids: Iterable[int] | None = None,
    item_ids: Iterable[int] | None = None,
    now: datetime | None = None,
) -> list[ItemValuation]:
    """Value the items of these vendors (or these items) that have no row valued today.

    One query when everything is fresh; up to six when something needs valuing."""
    now = now or timezone.now()
    stale = selectors.items_needing_valuation(vendor_ids=vendor_ids, item_ids=item_ids, now=now)
    return valuations_refresh(items=stale, now=now)


def valuations_revalue(*, item_ids: Iterable[int], now: datetime | None = None) -> int:
    """Value these items again now, fresh or not (the admin's "revalue": after a fix to
    the data the triggers do not see). Returns the rows written."""
    items = list(
        Collectible.objects.filter(pk__in=list(item_ids))
        .only(*selectors.ITEM_FIELDS)
        .order_by("id")
    )
    return len(valuations_refresh(items=items, now=now))


def valuations_refresh_all(*, now: datetime | None = None) -> int:
    """Beat: bring every vendor's valuations up to date (missing or valued before today),
    vendor by vendor so one failure costs only that vendor. Returns the rows written."""
    now = now or timezone.now()
    written = 0
    for vendor_id in (
        Vendor.objects.filter(collectibles__isnull=False)
        .distinct()
        .order_by("id")
        .values_list("pk", flat=True)
    ):
        try:
            written += len(valuations_ensure_fresh(vendor_ids=[vendor_id], now=now))
        except Exception:
            logger.exception("Could not refresh the valuations of vendor %s", vendor_id)
    return written
