"""`manage.py bench_api`: API latency against raw SQL at 10k, 100k and 1M items.

For each size the dataset grows to (see `devtools.bench_data`), every scenario is requested
in-process through Django's WSGI handler, as gunicorn calls it, with a real access token of
the bench user (owner of the 10k-item "Bench Shop" vendor) and DEBUG off. Each timed request
is followed by the SQL it ran (captured once, re-run as is on a raw cursor, rows fetched),
`--iterations` pairs per repeat, `--repeats` times (see `devtools.bench_measure`). The table
shows p50/p95 as median [min-max] over the repeats, and the goal beside them: at most 2x its
own SQL at p50 and p95, met or missed by how much; latency targets apply at 1M.

The benchmark has its own database, `omni_bench` (`--database`), on the server of the
default database (DATABASE_URL, else the embedded PostgreSQL), or `--database-url`. It is
dropped and rebuilt unless `--keep` (then it only grows). It never runs on the default
database's name.
"""

from __future__ import annotations

import functools
import os
import platform
import time
from typing import Any

import psycopg
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, connections
from django.test.utils import override_settings

from devtools import bench_data as data
from devtools import bench_valuation, bench_writes
from devtools.bench_lists import deep_cursor_path, deep_page_path
from devtools.bench_measure import (  # noqa: F401  # re-exported: tests and other benches
    BenchApp,
    Result,
    Scenario,
    p50,
    p95,
    percentile,
    report,
)
from devtools.bench_measure import measure as measure_on
from devtools.bench_measure import timed_request as _request

DEFAULT_SIZES = "10000,100000,1000000"
LIST = "/api/v1/collectibles/"


def scenarios(targets: data.BenchTargets) -> list[Scenario]:
    return [
        Scenario("search selective 'charizard holo'", "/api/v1/search?q=charizard+holo", 100),
        Scenario("search broad 'pokemon'", "/api/v1/search?q=pokemon", 100),
        Scenario("list (newest first, page 1)", LIST, 50),
        # Rows 4,976-5,000 by page number, and rows 5,001-5,025 by a cursor a client
        # reached by following `next` links (issue 14: deep pages cost what page 1 costs).
        Scenario("list page 200", deep_page_path(bench_app(targets)), 50),
        Scenario("list cursor deep", deep_cursor_path(bench_app(targets)), 50),
        # Sorted on the materialised valuation, converted to the vendor's currency: the
        # same list, page size and JSON rendering, only the `ordering` differs.
        Scenario("list by value (-value, page 1)", f"{LIST}?ordering=-value", 50, True),
        Scenario("list by gain (gain, page 1)", f"{LIST}?ordering=gain", 50, True),
        Scenario("list by cost (purchase_price)", f"{LIST}?ordering=purchase_price", 50, True),
        Scenario("list filtered (owned cards)", f"{LIST}?status=owned&category=trading_card", 50),
        Scenario("want list (status=wanted)", f"{LIST}?status=wanted", 50),
        Scenario("detail (one item)", f"{LIST}{targets.series_item_id}/", 50),
        Scenario(
            "price series (1 year, daily)",
            f"/api/v1/collectibles/{targets.series_item_id}/prices?interval=day",
            50,
        ),
        Scenario(
            "dashboard (10k-item vendor)",
            f"/api/v1/dashboard?vendor={targets.vendor_id}",
            150,
            values_every_item=True,
        ),
        Scenario(
            "value history (dashboard, 1 year)",
            f"/api/v1/dashboard/value-history?vendor={targets.vendor_id}",
            150,
        ),
        Scenario("imports list", "/api/v1/imports/", 50),
    ]


class Command(BaseCommand):
    help = "Benchmark the search, list, price-series and dashboard APIs against their raw SQL."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--sizes",
            default=DEFAULT_SIZES,
            help=f"Comma-separated item counts, ascending (default {DEFAULT_SIZES}).",
        )
        parser.add_argument(
            "--iterations",
            type=int,
            default=100,
            help="Timed request + SQL pairs per scenario and repeat (default 100: with 30, the nearest-rank p95 is "
            "the second-slowest request).",
        )
        parser.add_argument(
            "--repeats",
            type=int,
            default=3,
            help="Times the interleaved loop runs per scenario; the table shows min / median "
            "/ max of the repeats' p50 and p95 (default 3).",
        )
        parser.add_argument("--warmup", type=int, default=3)
        parser.add_argument("--database", default="omni_bench", help="Benchmark database name.")
        parser.add_argument(
            "--database-url",
            default="",
            help="PostgreSQL URL of the benchmark database (default: the default "
            "database's server, database --database).",
        )
        parser.add_argument(
            "--keep",
            action="store_true",
            help="Reuse the benchmark database and only grow it (default: rebuild it).",
        )
        parser.add_argument(
            "--only", default="", help="Run only the scenarios whose name contains this."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        sizes = sorted(int(size.replace("_", "")) for size in options["sizes"].split(","))
        if not sizes or sizes[0] <= 0:
            raise CommandError("--sizes needs positive item counts.")
        if options["repeats"] < 1 or options["iterations"] < 1:
            raise CommandError("--repeats and --iterations need positive counts.")
        use_bench_database(
            name=options["database"], url=options["database_url"], keep=options["keep"]
        )
        self.stdout.write(machine_line())
        self.stdout.write("Migrating the benchmark database…")
        call_command("migrate", verbosity=0, interactive=False)
        # Every request does its whole work: the goal compares that work with its SQL (a
        # cached answer skips both; `make load` measures what the cache gives).
        with override_settings(RESPONSE_CACHE_SECONDS=0):
            self._sizes(sizes, options)

    def _sizes(self, sizes: list[int], options: dict[str, Any]) -> None:
        for size in sizes:
            self.stdout.write(f"\n== {size:,} items")
            step = data.grow(size, log=self.stdout.write)
            if step is None:
                have = data.current_size()
                if have != size:
                    self.stdout.write(f"  the dataset already holds {have:,} items: skipped")
                    continue
                self.stdout.write("  dataset reused (--keep)")
            else:
                parts = ", ".join(f"{name} {sec:.1f}s" for name, sec in step.seconds.items())
                self.stdout.write(f"  built +{step.added:,} items in {step.total:.1f}s ({parts})")
            for table, (rows, size_text) in data.table_sizes().items():
                self.stdout.write(f"  {table}: {rows:,} rows, {size_text}")
            targets = data.targets()
            chosen = [s for s in scenarios(targets) if options["only"] in s.name]
            if any(s.values_every_item for s in chosen):
                self.stdout.write(cold_valuation_line(targets))
            results = [
                measure(s, targets, options["iterations"], options["warmup"], options["repeats"])
                for s in chosen
            ]
            self.stdout.write(report(results, size=size))
            if options["only"] in bench_writes.BULK_EDIT_NAME:
                self.stdout.write(bench_writes.bulk_edit_line(bench_app(targets), targets))
            if options["only"] in bench_valuation.INCREMENTAL_NAME:
                request = functools.partial(_request, bench_app(targets))
                self.stdout.write(
                    bench_valuation.incremental_lines(request, targets, options["iterations"])
                )
            if options["only"] and options["only"] in bench_valuation.REBUILD_NAME:
                self.stdout.write(bench_valuation.rebuild_line())


def machine_line() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
        cursor.execute("SHOW shared_buffers")
        buffers = cursor.fetchone()[0]
    return (
        f"Machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"PostgreSQL {version} (shared_buffers {buffers}), database "
        f"{connection.settings_dict['NAME']} on {connection.settings_dict['HOST'] or 'socket'}"
    )


def use_bench_database(*, name: str, url: str, keep: bool) -> None:
    """Point the default connection at the benchmark database, (re)creating it."""
    default = connections["default"]
    original = default.settings_dict["NAME"]
    if url:
        import environ

        parsed = environ.Env.db_url_config(url)
        from urllib.parse import unquote

        parsed["HOST"] = unquote(parsed.get("HOST") or "")
        name = parsed["NAME"]
    else:
        parsed = {}
    if name == original and not url:
        raise CommandError("The benchmark database must not be the default database.")
    if url and name == original and parsed.get("HOST") == default.settings_dict["HOST"]:
        raise CommandError("The benchmark database must not be the default database.")
    default.close()
    default.settings_dict.update(parsed)
    default.settings_dict["NAME"] = name
    default.settings_dict["CONN_MAX_AGE"] = None  # one connection for the whole run
    conninfo = psycopg.conninfo.make_conninfo(
        dbname="postgres",
        **{
            key: str(default.settings_dict[setting])
            for key, setting in (
                ("host", "HOST"),
                ("port", "PORT"),
                ("user", "USER"),
                ("password", "PASSWORD"),
            )
            if default.settings_dict.get(setting)
        },
    )
    with psycopg.connect(conninfo, autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and not keep:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            admin.execute(f'CREATE DATABASE "{name}"')


def bench_app(targets: data.BenchTargets) -> BenchApp:
    from users.models import User

    return BenchApp(User.objects.get(pk=targets.user_id))


def measure(
    scenario: Scenario,
    targets: data.BenchTargets,
    iterations: int,
    warmup: int,
    repeats: int = 1,
) -> Result:
    return measure_on(scenario, bench_app(targets), iterations, warmup, repeats)


def cold_valuation_line(targets: data.BenchTargets) -> str:
    """The dashboard and the lists sorted by value read materialised item valuations; the
    warm-up requests would hide what valuing them costs. Time it honestly, twice: the
    refresh service alone on the vendor's items with no rows, then one dashboard request
    after invalidating them all (what the first request after an exchange-rate load or
    the day's roll pays)."""
    from valuation import services
    from valuation.models import ItemValuation

    def invalidate() -> None:
        ItemValuation.objects.filter(vendor_id=targets.vendor_id).delete()

    invalidate()
    started = time.perf_counter()
    rows = services.valuations_ensure_fresh(vendor_ids=[targets.vendor_id])
    service_ms = (time.perf_counter() - started) * 1000
    invalidate()
    app = bench_app(targets)
    with override_settings(DEBUG=False, ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]):
        request_ms, status = _request(app, f"/api/v1/dashboard?vendor={targets.vendor_id}")
    return (
        f"  cold valuation of the {len(rows):,}-item vendor (not in the table below, whose "
        f"warm-ups pay it): refresh service {service_ms:.0f} ms; first dashboard request "
        f"after invalidating every row {request_ms:.0f} ms (HTTP {status})"
    )
