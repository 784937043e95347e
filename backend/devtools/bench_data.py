"""Synthetic data for `manage.py bench_api`: users, vendors, collectibles, card details and
price history, grown step by step (10k → 100k → 1M items) with COPY and INSERT … SELECT.

Layout of a dataset of N items:

* the *bench vendor* ("Bench Shop", USD) holds the first 10,000 items (all of them when N
  is smaller); its owner, the *bench user*, is the caller of every measured request;
* every other item belongs to a personal collection of 200 items (one user, one vendor,
  one owner membership each);
* trading cards (45 %) have card details (game, set code, language…);
* each item has 6 to 14 price observations (10 on average) spread over the last year:
  PriceCharting rows for the item's condition, shop rows with no condition, and a few
  manual rows; the *series item* (the bench vendor's first item) has one observation a
  day for a year in two series on top of that.

Names combine real card, game, record and comic titles with set names and variants, so a
query such as "charizard holo" is selective (~0.1 % of items) and "pokemon" is broad
(~20 % of items). The search vector is computed by the database's own trigger on INSERT
(nothing is bypassed); card details are copied first, in the same transaction, so that
the trigger finds them (their foreign key is checked at commit).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.db import connection, transaction

from devtools.bench_items import ITEM_COLUMNS, synthetic_item

BENCH_VENDOR_ITEMS = 10_000
ITEMS_PER_OTHER_VENDOR = 200
BENCH_EMAIL = "bench@bench.invalid"
BENCH_VENDOR_SLUG = "bench-shop"
SERIES_DAYS = 365
SEED = 20240501


@dataclass
class Step:
    """What one growth step did (for the report)."""

    size: int
    added: int
    seconds: dict[str, float]

    @property
    def total(self) -> float:
        return sum(self.seconds.values())


def _copy(table: str, columns: Sequence[str], rows: Iterator[Sequence[Any]]) -> None:
    with connection.cursor() as cursor:
        sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        with cursor.cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)


def _scalar(sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
        return row[0] if row else None


def _execute(sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _reset_sequence(table: str) -> None:
    _execute(
        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608 - constant
        f"coalesce((SELECT max(id) FROM {table}), 0) + 1, false)"
    )


def current_size() -> int:
    return int(_scalar("SELECT count(*) FROM inventory_collectible"))


@dataclass(frozen=True)
class BenchTargets:
    """Ids the measurements need."""

    user_id: int
    vendor_id: int
    series_item_id: int


def targets() -> BenchTargets:
    user_id = _scalar("SELECT id FROM users_user WHERE email = %s", [BENCH_EMAIL])
    vendor_id = _scalar("SELECT id FROM vendors_vendor WHERE slug = %s", [BENCH_VENDOR_SLUG])
    item_id = _scalar("SELECT min(id) FROM inventory_collectible WHERE vendor_id = %s", [vendor_id])
    return BenchTargets(user_id=user_id, vendor_id=vendor_id, series_item_id=item_id)


class _Owners:
    """Users, vendors and owner memberships, COPYed in bulk."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self.next_user = int(_scalar("SELECT coalesce(max(id), 0) + 1 FROM users_user"))
        self.next_vendor = int(_scalar("SELECT coalesce(max(id), 0) + 1 FROM vendors_vendor"))
        self.users: list[tuple[Any, ...]] = []
        self.vendors: list[tuple[Any, ...]] = []
        self.memberships: list[tuple[Any, ...]] = []

    def add(self, *, email: str, vendor_name: str, slug: str, personal: bool) -> int:
        user_id, vendor_id = self.next_user, self.next_vendor
        self.next_user += 1
        self.next_vendor += 1
        self.users.append(
            (user_id, "!", False, email, vendor_name, True, False, self.now)  # unusable password
        )
        self.vendors.append((vendor_id, self.now, self.now, vendor_name, slug, "USD", personal))
        self.memberships.append((self.now, self.now, "owner", user_id, vendor_id))
        return vendor_id

    def flush(self) -> None:
        _copy(
            "users_user",
            (
                "id",
                "password",
                "is_superuser",
                "email",
                "display_name",
                "is_active",
                "is_staff",
                "date_joined",
            ),
            iter(self.users),
        )
        _copy(
            "vendors_vendor",
            ("id", "created_at", "updated_at", "name", "slug", "default_currency", "is_personal"),
            iter(self.vendors),
        )
        _copy(
            "vendors_membership",
            ("created_at", "updated_at", "role", "user_id", "vendor_id"),
            iter(self.memberships),
        )
        for table in ("users_user", "vendors_vendor", "vendors_membership"):
            _reset_sequence(table)


_PRICE_SQL = """
INSERT INTO price_history_pricehistory
    (collectible_id, source, price, currency, condition, observed_at, url, title,
     availability, is_demo, created_at)
SELECT c.id,
    CASE WHEN (c.id + s.k) %% 7 = 0 THEN 'manual'
         WHEN s.k %% 2 = 0 THEN 'pricecharting' ELSE 'structured' END,
    round(((5 + (c.id * 2654435761 %% 50000) / 100.0) * (0.85 + 0.3 * random()))::numeric, 2),
    'USD',
    CASE WHEN s.k %% 2 = 0 OR (c.id + s.k) %% 7 = 0 THEN c.condition ELSE '' END,
    %(now)s - make_interval(secs => random() * 365 * 86400),
    '', '', '', false, %(now)s
FROM inventory_collectible c
CROSS JOIN LATERAL generate_series(1, 6 + (c.id %% 9)::int) AS s(k)
WHERE c.id >= %(low)s AND c.id < %(high)s
"""

_SERIES_SQL = """
INSERT INTO price_history_pricehistory
    (collectible_id, source, price, currency, condition, observed_at, url, title,
     availability, is_demo, created_at)
SELECT %(item)s, src.source, round((100 + 20 * sin(d / 30.0) + 5 * random())::numeric, 2),
    'USD', src.condition, %(now)s - make_interval(days => d), '', '', '', false, %(now)s
FROM generate_series(0, %(days)s - 1) AS d
CROSS JOIN (VALUES ('pricecharting', %(condition)s), ('structured', '')) AS src(source, condition)
"""


def grow(
    size: int,
    *,
    seed: int = SEED,
    log: Callable[[str], None] | None = None,
    vacuum: bool = True,
) -> Step | None:
    """Add items (and their owners and prices) until the dataset holds `size` items.

    None when it already holds `size` or more (a dataset never shrinks). `vacuum=False`
    runs ANALYZE only (VACUUM cannot run inside a transaction, e.g. in a test).
    """
    have = current_size()
    if have >= size:
        return None
    say = log or (lambda _message: None)
    rng = random.Random(seed + have)
    now = datetime.now(UTC).replace(microsecond=0)
    seconds: dict[str, float] = {}

    started = time.perf_counter()
    owners = _Owners(now)
    vendor_ids: list[int] = []
    if have == 0:
        bench_vendor = owners.add(
            email=BENCH_EMAIL, vendor_name="Bench Shop", slug=BENCH_VENDOR_SLUG, personal=False
        )
        vendor_ids = [bench_vendor] * min(size, BENCH_VENDOR_ITEMS)
    remaining = size - have - len(vendor_ids)
    for _ in range(-(-remaining // ITEMS_PER_OTHER_VENDOR)):
        number = owners.next_user
        vendor = owners.add(
            email=f"collector{number}@bench.invalid",
            vendor_name=f"Collector {number}",
            slug=f"collector-{number}",
            personal=True,
        )
        vendor_ids += [vendor] * ITEMS_PER_OTHER_VENDOR
    vendor_ids = vendor_ids[: size - have]
    owners.flush()
    owner_of = {membership[4]: membership[3] for membership in owners.memberships}
    seconds["owners"] = time.perf_counter() - started

    started = time.perf_counter()
    first_id = int(_scalar("SELECT coalesce(max(id), 0) + 1 FROM inventory_collectible"))
    items: list[tuple[Any, ...]] = []
    cards: list[tuple[Any, ...]] = []
    for offset, vendor in enumerate(vendor_ids):
        # The series item (the bench vendor's first) stays owned: it is valued and charted.
        columns, card = synthetic_item(rng, now, owned=have == 0 and offset == 0)
        item_id = first_id + offset
        items.append((item_id, vendor, owner_of[vendor], *(columns[c] for c in ITEM_COLUMNS)))
        if card is not None:
            cards.append((item_id, *card))
    seconds["generate"] = time.perf_counter() - started
    say(f"  generated {len(items):,} items ({len(cards):,} cards) in {seconds['generate']:.1f}s")

    started = time.perf_counter()
    with transaction.atomic():
        # Card details first: the collectible trigger reads them when it builds the vector.
        _copy(
            "inventory_carddetails",
            (
                "collectible_id",
                "game",
                "language",
                "market_region",
                "rarity",
                "finish",
                "release_date",
                "set_code",
            ),
            iter(cards),
        )
        _copy(
            "inventory_collectible",
            ("id", "vendor_id", "created_by_id", *ITEM_COLUMNS),
            iter(items),
        )
    _reset_sequence("inventory_collectible")
    seconds["copy items (+ search trigger)"] = time.perf_counter() - started
    say(f"  copied items in {seconds['copy items (+ search trigger)']:.1f}s")

    started = time.perf_counter()
    _execute("SELECT setseed(%s)", [((seed + have) % 1000) / 1000])
    last_id = first_id + len(items)
    chunk = 100_000
    for low in range(first_id, last_id, chunk):
        _execute(_PRICE_SQL, {"now": now, "low": low, "high": min(low + chunk, last_id)})
    if have == 0:
        bench = targets()
        condition = _scalar(
            "SELECT condition FROM inventory_collectible WHERE id = %s", [bench.series_item_id]
        )
        _execute(
            _SERIES_SQL,
            {
                "item": bench.series_item_id,
                "now": now,
                "days": SERIES_DAYS,
                "condition": condition,
            },
        )
    seconds["insert prices"] = time.perf_counter() - started
    say(f"  inserted prices in {seconds['insert prices']:.1f}s")

    started = time.perf_counter()
    _execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
    seconds["vacuum analyze"] = time.perf_counter() - started
    return Step(size=size, added=len(items), seconds=seconds)


def table_sizes() -> dict[str, tuple[int, str]]:
    """Rows and on-disk size (with indexes) of the tables that matter."""
    result: dict[str, tuple[int, str]] = {}
    for table in (
        "inventory_collectible",
        "inventory_carddetails",
        "price_history_pricehistory",
        "vendors_vendor",
    ):
        rows = int(_scalar(f"SELECT count(*) FROM {table}"))  # noqa: S608 - constant names
        size = str(_scalar("SELECT pg_size_pretty(pg_total_relation_size(%s))", [table]))
        result[table] = (rows, size)
    return result
