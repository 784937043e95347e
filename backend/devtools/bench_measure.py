"""`bench_api`'s measurement: each request, then the SQL it ran, alternately, in one loop.

Alternating keeps both halves under the same machine load (the box is shared: a burst of
someone else's work lands on both, not on the API half only), and the request goes through
the production authentication (a real SimpleJWT access token, revoked-session check
included). The loop runs `repeats` times; the table shows min / median / max of each
repeat's p50 and p95 beside the goal: every endpoint at most 2x its own SQL (issue 14).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from wsgiref.util import setup_testing_defaults

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

if TYPE_CHECKING:
    from users.models import User

TARGET_SIZE = 1_000_000
#: The goal of issue 14: an endpoint costs at most twice the SQL it runs, at p50 and p95.
GOAL_RATIO = 2.0


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
    #: Every timed sample, repeat after repeat (`iterations` per repeat), in ms.
    api: list[float]
    sql: list[float]
    statements: int
    status: int
    repeats: int = 1

    def _per_repeat(self, values: list[float], stat: Callable[[list[float]], float]) -> list[float]:
        size = max(1, len(values) // max(1, self.repeats))
        return [stat(values[i : i + size]) for i in range(0, len(values), size)]

    def spread(self, side: str, stat: Callable[[list[float]], float]) -> tuple[float, ...]:
        """(min, median, max) of `stat` over the repeats."""
        values = self._per_repeat(getattr(self, side), stat)
        return (min(values), statistics.median(values), max(values)) if values else (0, 0, 0)

    def ratio_at(self, stat: Callable[[list[float]], float]) -> float:
        """Median over the repeats of API/SQL, each repeat's figures paired."""
        api = self._per_repeat(self.api, stat)
        sql = self._per_repeat(self.sql, stat)
        ratios = [a / s if s else float("inf") for a, s in zip(api, sql, strict=True)]
        return statistics.median(ratios) if ratios else float("inf")

    @property
    def ratio(self) -> float:
        return self.ratio_at(p95)


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


class BenchApp(WSGIHandler):
    """The project's WSGI application, each request carrying the bench user's access token.

    Not the test client: it keeps every response in a reference cycle (`response.json`)
    and leaves signal finalizers behind, garbage-collector work a server never does. The
    token is a real session's (`users.tokens.session_start`, as the login view mints it),
    so JWT decoding and the revoked-session check run as in production."""

    def __init__(self, user: User) -> None:
        from users.tokens import session_start

        super().__init__()
        self.user = user
        self.authorization = f"Bearer {session_start(user).access}"

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        environ.setdefault("HTTP_AUTHORIZATION", self.authorization)
        return super().__call__(environ, start_response)

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


def timed_request(app: BenchApp, path: str) -> tuple[float, int]:
    started = time.perf_counter()
    status = app.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    return elapsed, status


def captured_statements(app: BenchApp, path: str) -> list[str]:
    """The SQL one request of `path` runs, savepoints aside (as the server sends it)."""
    with (
        override_settings(ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]),
        CaptureQueriesContext(connection) as captured,
    ):
        app.get(path)
    return [
        query["sql"]
        for query in captured.captured_queries
        if not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
    ]


def run_statements(statements: list[str]) -> float:
    started = time.perf_counter()
    with connection.cursor() as cursor:
        raw = cursor.cursor  # the psycopg cursor: no Django wrapper in the timing
        for statement in statements:
            raw.execute(statement.encode(), prepare=False)
            if raw.description is not None:
                raw.fetchall()
    return (time.perf_counter() - started) * 1000


def measure(
    scenario: Scenario, app: BenchApp, iterations: int, warmup: int, repeats: int = 1
) -> Result:
    statements = captured_statements(app, scenario.path)
    api: list[float] = []
    sql: list[float] = []
    status = 0
    # DEBUG off, as in production (no query log); the benchmark's host allowed.
    with override_settings(DEBUG=False, ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]):
        for _ in range(warmup):
            _, status = timed_request(app, scenario.path)
            run_statements(statements)
        for _ in range(repeats * iterations):
            elapsed, status = timed_request(app, scenario.path)
            api.append(elapsed)
            sql.append(run_statements(statements))
    return Result(scenario, api, sql, len(statements), status, repeats)


def _fig(spread: tuple[float, ...]) -> str:
    low, mid, high = spread
    return f"{mid:.1f} [{low:.1f}-{high:.1f}]"


def _goal(ratio: float) -> str:
    if ratio <= GOAL_RATIO:
        return f"{ratio:.2f}x met"
    return f"{ratio:.2f}x missed +{ratio - GOAL_RATIO:.2f}x"


def report(results: list[Result], *, size: int) -> str:
    header = (
        f"{'scenario':<36} {'API p50 med [min-max]':>22} {'API p95 med [min-max]':>22} "
        f"{'SQL p50':>8} {'SQL p95':>8} {'q':>3} {'goal p50 <=2x':>20} "
        f"{'goal p95 <=2x':>20} {'target':>8}  verdict"
    )
    lines = [header, "-" * len(header)]
    for result in results:
        api95 = result.spread("api", p95)[1]
        verdict = "PASS"
        if result.status != 200:
            verdict = f"HTTP {result.status}"
        elif api95 >= result.scenario.target_ms:
            verdict = "FAIL" if size >= TARGET_SIZE else "(over)"
        lines.append(
            f"{result.scenario.name:<36} {_fig(result.spread('api', p50)):>22} "
            f"{_fig(result.spread('api', p95)):>22} {result.spread('sql', p50)[1]:>8.1f} "
            f"{result.spread('sql', p95)[1]:>8.1f} {result.statements:>3} "
            f"{_goal(result.ratio_at(p50)):>20} {_goal(result.ratio_at(p95)):>20} "
            f"{'<' + format(result.scenario.target_ms, '.0f') + ' ms':>8}  {verdict}"
        )
    lines.append(
        f"(ms, median [min-max] over {results[0].repeats if results else 0} repeats, each "
        f"request followed by its own SQL; goal: API at most {GOAL_RATIO:.0f}x its SQL at p50 "
        f"and p95, ratio = median over repeats; latency targets apply at {TARGET_SIZE:,} "
        "items, below that a miss shows as '(over)')"
    )
    return "\n".join(lines)
