"""Running several SQL statements in one round trip to PostgreSQL.

Code that runs inside every scrape run's transaction (alerts' evaluation) pays for round
trips more than for rows. With psycopg 3 Django binds parameters on the client (unless
`server_side_binding` is set), and then the simple query protocol takes several
statements at once: sent together, run one after the other. Each still takes its own
snapshot (READ COMMITTED): a statement sees what the ones before it wrote, and what other
transactions committed before it began — so a lock taken by one is held when the next
one reads."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import psycopg
from django.db import connection

#: One statement and its parameters (`%s` placeholders).
Statement = tuple[str, Sequence[Any]]


def run_together(*statements: Statement) -> list[list[tuple[Any, ...]]]:
    """The rows of each statement (none for one that returns no rows), in order. In one
    round trip when the connection binds parameters on the client, else one each (the
    same result). A statement's SQL must not contain a literal `%` nor a `;`."""
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
