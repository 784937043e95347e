"""`manage.py bench_api`: API latency against raw SQL at 10k, 100k and 1M items.

For each size the dataset grows to (see `devtools.bench_data`), every scenario is requested
in-process through Django's WSGI handler, as gunicorn calls it (authenticated with DRF's
`force_authenticate` as the bench user, owner of the 10k-item "Bench Shop" vendor),
`--warmup` times and then `--iterations` times, with DEBUG off (no query logging). Then
the SQL that one request ran (captured with CaptureQueriesContext) is re-run as is on a
cursor `--iterations` times, each repetition timing the sum of the request's statements,
rows fetched. The table shows both as p50/p95 and the ratio of the p95s, with the target
and PASS/FAIL; targets apply at 1M.

The benchmark has its own database, `omni_bench` (`--database`), on the server of the
default database (DATABASE_URL, else the embedded PostgreSQL), or `--database-url`. It is
dropped and rebuilt unless `--keep` (then it only grows). It never runs on the default
database's name.
"""

from __future__ import annotations

import functools
import os
import platform
import statistics
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from wsgiref.util import setup_testing_defaults

import psycopg
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, connections
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.test.utils import CaptureQueriesContext, override_settings
from rest_framework.test import force_authenticate

from devtools import bench_data as data
from devtools import bench_valuation, bench_writes
from devtools.bench_lists import deep_cursor_path, deep_page_path

if TYPE_CHECKING:
    from users.models import User

DEFAULT_SIZES = "10000,100000,1000000"
TARGET_SIZE = 1_000_000
MAX_RATIO = 3.0


@dataclass(frozen=True)
class Scenario:
    name: str
    path: str
    target_ms: float
    #: Reads every item's materialised valuation (the first request values them all).
    values_every_item: bool = False


@dataclass
class Result:
    scenario: Scenario
    api: list[float]
    sql: list[float]
    statements: int
    status: int

    @property
    def ratio(self) -> float:
        return p95(self.api) / p95(self.sql) if p95(self.sql) else float("inf")


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (values in ms)."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = max(1, -(-len(ordered) * fraction // 1))
    return ordered[int(rank) - 1]


def p50(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def p95(values: list[float]) -> float:
    return percentile(values, 0.95)


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
            help="Timed requests per scenario (default 100: with 30, the nearest-rank p95 is "
            "the second-slowest request).",
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
        use_bench_database(
            name=options["database"], url=options["database_url"], keep=options["keep"]
        )
        self.stdout.write(machine_line())
        self.stdout.write("Migrating the benchmark database…")
        call_command("migrate", verbosity=0, interactive=False)
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
                measure(s, targets, options["iterations"], options["warmup"]) for s in chosen
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


class BenchApp(WSGIHandler):
    """The project's WSGI application, each request authenticated as `user`.

    Not the test client: it keeps every response in a reference cycle (`response.json`)
    and leaves signal finalizers behind, garbage-collector work a server never does."""

    def __init__(self, user: User) -> None:
        super().__init__()
        self.user = user

    def get_response(self, request: HttpRequest) -> HttpResponseBase:
        force_authenticate(request, self.user)
        return super().get_response(request)

    def get(self, path: str) -> int:
        """GET `path` (with its query string), read the whole body; the HTTP status."""
        path_info, _, query = path.partition("?")
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path_info,
            "QUERY_STRING": query,
            "HTTP_HOST": "testserver",
            "HTTP_ACCEPT": "application/json",
        }
        setup_testing_defaults(environ)
        statuses: list[str] = []

        def start_response(status: str, headers: list[tuple[str, str]], *_: Any) -> Any:
            statuses.append(status)

        body = self(environ, start_response)
        try:
            b"".join(body)
        finally:
            body.close()  # Django's responses close (request_finished)
        return int(statuses[0].split()[0])


def bench_app(targets: data.BenchTargets) -> BenchApp:
    from users.models import User

    return BenchApp(User.objects.get(pk=targets.user_id))


def _request(app: BenchApp, path: str) -> tuple[float, int]:
    started = time.perf_counter()
    status = app.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    return elapsed, status


def measure(scenario: Scenario, targets: data.BenchTargets, iterations: int, warmup: int) -> Result:
    app = bench_app(targets)
    status = 0
    # DEBUG off, as in production (no query log); the benchmark's host allowed.
    with override_settings(DEBUG=False, ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]):
        for _ in range(warmup):
            _, status = _request(app, scenario.path)
        api = []
        for _ in range(iterations):
            elapsed, status = _request(app, scenario.path)
            api.append(elapsed)
    with (
        override_settings(ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]),
        CaptureQueriesContext(connection) as captured,
    ):
        app.get(scenario.path)
    statements = [
        query["sql"]
        for query in captured.captured_queries
        if not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
    ]
    sql = [_run_statements(statements) for _ in range(warmup)]
    sql = [_run_statements(statements) for _ in range(iterations)]
    return Result(scenario=scenario, api=api, sql=sql, statements=len(statements), status=status)


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


def _run_statements(statements: list[str]) -> float:
    started = time.perf_counter()
    with connection.cursor() as cursor:
        raw = cursor.cursor  # the psycopg cursor: no Django wrapper in the timing
        for statement in statements:
            raw.execute(statement.encode(), prepare=False)
            if raw.description is not None:
                raw.fetchall()
    return (time.perf_counter() - started) * 1000


def report(results: list[Result], *, size: int) -> str:
    header = (
        f"{'scenario':<36} {'API p50':>8} {'API p95':>8} {'SQL p50':>8} {'SQL p95':>8} "
        f"{'ratio':>6} {'queries':>7} {'target':>8}  verdict"
    )
    lines = [header, "-" * len(header)]
    for result in results:
        api95 = p95(result.api)
        verdict = "PASS"
        if result.status != 200:
            verdict = f"HTTP {result.status}"
        elif api95 >= result.scenario.target_ms or result.ratio > MAX_RATIO:
            verdict = "FAIL" if size >= TARGET_SIZE else "(over)"
        lines.append(
            f"{result.scenario.name:<36} {p50(result.api):>8.1f} {api95:>8.1f} "
            f"{p50(result.sql):>8.1f} {p95(result.sql):>8.1f} {result.ratio:>5.1f}x "
            f"{result.statements:>7} {'<' + format(result.scenario.target_ms, '.0f') + ' ms':>8}"
            f"  {verdict}"
        )
    lines.append(
        f"(ms; targets apply at {TARGET_SIZE:,} items: API p95 under the target and at most "
        f"{MAX_RATIO:.0f}x the SQL p95; below that size a miss shows as '(over)')"
    )
    return "\n".join(lines)
