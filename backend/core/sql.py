"""Running several SQL statements in one round trip to PostgreSQL.

Code that runs inside every scrape run's transaction (alerts' evaluation) pays for round
trips more than for rows. With psycopg 3 Django binds parameters on the client (unless
`server_side_binding` is set), and then the simple query protocol takes several
statements at once: sent together, run one after the other. Each still takes its own
snapshot (READ COMMITTED): a statement sees what the ones before it wrote, and what other
transactions committed before it began — so a lock taken by one is held when the next
one reads."""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import weakref
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

import psycopg
from django.db import NotSupportedError, connection

#: One statement and its parameters (`%s` placeholders).
Statement = tuple[str, Sequence[Any]]


def run_together(*statements: Statement) -> list[list[tuple[Any, ...]]]:
    """The rows of each statement (none for one that returns no rows), in order. In one
    round trip when the connection binds parameters on the client, else one each (the
    same result). A statement's SQL must not contain a literal `%` nor a `;`."""
    try:
        return _run_together(statements)
    except NotSupportedError as error:
        if "cached plan" in str(error):
            _forget_prepared()
        raise


def _run_together(statements: Sequence[Statement]) -> list[list[tuple[Any, ...]]]:
    with connection.cursor() as cursor:
        if len(statements) > 1 and isinstance(cursor.cursor, psycopg.ClientCursor):
            cursor.execute(
                ";\n".join(sql for sql, _ in statements),
                [value for _, params in statements for value in params],
            )
            results = []
            while True:
                results.append(cursor.fetchall() if cursor.description else [])
                if not cursor.nextset():
                    return results
        found = []
        for sql, params in statements:
            cursor.execute(sql, params)
            found.append(cursor.fetchall() if cursor.description else [])
        return found


def recordset(alias: str, columns: Sequence[tuple[str, str]]) -> str:
    """`jsonb_to_recordset(%s::jsonb) AS alias(name type, …)`: rows passed as one
    parameter (`json_rows`) rather than one array per column. Binding on the client,
    psycopg looks at the elements of every list parameter to find its type (≈10 µs a
    list here); a JSON text is one C call (`json.dumps`) and one string to quote — the
    statements that write a firing's rows took 0.2-0.6 ms to bind with twenty arrays.
    Rows keep their order (an `INSERT … SELECT` returns them as given)."""
    names = ", ".join(f"{name} {kind}" for name, kind in columns)
    return f"jsonb_to_recordset(%s::jsonb) AS {alias}({names})"


def json_rows(rows: Iterable[Mapping[str, Any]]) -> str:
    """The parameter of a `recordset`: decimals as their exact text, dates and times in
    ISO 8601 (with their offset: PostgreSQL reads them back to the microsecond)."""
    return json.dumps(list(rows), default=_json_value, separators=(",", ":"))


def _json_value(value: object) -> str:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):  # datetimes too
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not a JSON record value")


#: The statements prepared on each open connection (by its psycopg connection: a new
#: connection, after Django closed an old one, prepares them again).
_PREPARED: weakref.WeakKeyDictionary[Any, set[str]] = weakref.WeakKeyDictionary()
#: Bumped when a connection's prepared statements went bad: their names change, so they
#: are prepared again (the old ones go with the connection).
_GENERATION: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()
_PLACEHOLDER = re.compile(r"%s")


def _forget_prepared() -> None:
    """After "cached plan must not change result type" (a migration changed the type of a
    column a prepared statement returns while this connection held it, PostgreSQL
    refuses that statement until it is deallocated): this connection prepares its
    statements again, under new names. The statement that failed fails once; its task
    is retried as any failed run is."""
    raw = connection.connection
    if raw is not None:
        _GENERATION[raw] = _GENERATION.get(raw, 0) + 1
        _PREPARED.pop(raw, None)


#: Run first in a transaction (in the same round trip as its first `prepared` statement):
#: until it ends, prepared statements take their cached generic plan from the first run
#: on. PostgreSQL would otherwise plan each of their first five runs anew, and then keep
#: planning any whose custom plans look cheaper than the generic one — re-planning that
#: cost more than running them (an UPDATE of a few rules by id: 0.46 ms planned, 0.38 ms
#: run). It concerns only server-side prepared statements: the ORM's statements, bound on
#: the client, are planned per run whatever it says.
GENERIC_PLANS: Statement = ("SET LOCAL plan_cache_mode = force_generic_plan", ())


def prepared(statement: Statement) -> Statement:
    """The same statement, run as a server-side prepared statement (`EXECUTE`) of this
    connection, which PostgreSQL plans once and caches (its generic plan, after five
    runs) rather than on every run: for a statement run on every scrape run whose
    planning costs more than its execution (alerts' prices, docs/alerts.md). The first
    call on a connection sends the `PREPARE` first, in a round trip of its own;
    prepared statements outlive transactions, rolled back or not, until the connection
    closes. Every parameter must be used where PostgreSQL can tell its type. Under
    server-side binding the statement is returned as it is (`EXECUTE` takes no bound
    parameters). Not behind a pooler in transaction mode (PgBouncer's), whose server
    sessions are not the client's."""
    sql, params = statement
    connection.ensure_connection()
    raw = connection.connection
    if not issubclass(raw.cursor_factory, psycopg.ClientCursor):
        return statement
    generation = _GENERATION.get(raw, 0)
    name = f"omni{generation}_" + hashlib.blake2b(sql.encode(), digest_size=8).hexdigest()
    done = _PREPARED.setdefault(raw, set())
    if name not in done:
        numbers = itertools.count(1)
        text = _PLACEHOLDER.sub(lambda _: f"${next(numbers)}", sql)
        with connection.cursor() as cursor:
            cursor.execute(f"PREPARE {name} AS {text}")
        done.add(name)
    arguments = f"({', '.join(['%s'] * len(params))})" if params else ""
    return f"EXECUTE {name}{arguments}", params
