"""Read versions: a number per vendor that changes in the same transaction as any row a
cached read shows of that vendor (and scope 0 for data every vendor reads: exchange
rates). `core.response_cache` keys answers by them, so an answer is never served after
the data it showed changed, whatever wrote it (the API, a worker, an import, raw SQL or
the admin).

PostgreSQL keeps them, in statement-level triggers (one `core_read_version_bump()` call per
statement, whatever the number of rows; the rows come from the statement's transition
tables). A new version is the next value of one sequence, so a version is never reused:
not after a rollback (sequences are not transactional), and not in another database
(each starts the sequence at a random point), so an answer cached under a version
describes exactly the state that version names. The version row is updated in the
writer's transaction: readers see the new number when, and only when, they can see the
rows.

The SQL below is what the migrations install: `core/migrations/0001` the table, the
sequence and the function; each app's migration the triggers on its own tables
(`triggers_sql`). Change them only with a new migration."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection

TABLE = "core_read_version"
#: The scope of data every vendor reads (exchange rates); vendors are 1 and up.
GLOBAL_SCOPE = 0

CREATE_SQL = """
CREATE SEQUENCE core_read_version_seq;
SELECT setval('core_read_version_seq', 1 + floor(random() * 2 ^ 50)::bigint);
CREATE TABLE core_read_version (scope bigint PRIMARY KEY, version bigint NOT NULL);
CREATE FUNCTION core_read_version_bump() RETURNS trigger LANGUAGE plpgsql AS $body$
DECLARE
    -- TG_ARGV[0]: the row's column naming its scope; TG_ARGV[1], when given: the table
    -- whose `vendor_id` that column's id leads to (an item's `collectible_id`); the
    -- argument 'global' instead: scope 0.
    rows_sql text;
    scope_sql text;
BEGIN
    IF TG_ARGV[0] = 'global' THEN
        INSERT INTO core_read_version (scope, version) VALUES (0, nextval('core_read_version_seq'))
        ON CONFLICT (scope) DO UPDATE SET version = EXCLUDED.version;
        RETURN NULL;
    END IF;
    rows_sql := CASE TG_OP
        WHEN 'INSERT' THEN 'SELECT * FROM read_version_new'
        WHEN 'DELETE' THEN 'SELECT * FROM read_version_old'
        ELSE 'SELECT * FROM read_version_new UNION ALL SELECT * FROM read_version_old' END;
    IF TG_NARGS > 1 THEN
        scope_sql := format(
            'SELECT t.vendor_id FROM (%s) r JOIN %I t ON t.id = r.%I',
            rows_sql, TG_ARGV[1], TG_ARGV[0]);
    ELSE
        scope_sql := format('SELECT r.%I FROM (%s) r', TG_ARGV[0], rows_sql);
    END IF;
    -- In scope order: two statements bumping the same vendors lock their rows in one order.
    EXECUTE format(
        'INSERT INTO core_read_version (scope, version) '
        'SELECT s, nextval(''core_read_version_seq'') '
        'FROM (SELECT DISTINCT s FROM (%s) x(s) WHERE s IS NOT NULL ORDER BY s) y '
        'ON CONFLICT (scope) DO UPDATE SET version = EXCLUDED.version', scope_sql);
    RETURN NULL;
END
$body$;
"""

DROP_SQL = """
DROP FUNCTION core_read_version_bump() CASCADE;
DROP TABLE core_read_version;
DROP SEQUENCE core_read_version_seq;
"""


#: After a restore: the versions go on from a new random point. The backup's sequence
#: value is older than the versions the database gave out after the backup, and answers
#: cached under those may still be in Redis (`core.backups.restore` runs it).
AFTER_RESTORE_SQL = (
    "SELECT setval(c.oid::regclass, 1 + floor(random() * 2 ^ 50)::bigint) FROM pg_class c "
    "WHERE c.relname = 'core_read_version_seq' AND c.relkind = 'S'"
)


def triggers_sql(table: str, column: str, via: str | None = None) -> tuple[str, str]:
    """(install, remove): the triggers that bump the read version of every vendor whose
    rows a statement on `table` inserted, updated (before and after) or deleted. `column`
    holds the vendor id, or with `via` the id of a `via` row holding it; `"global"`
    bumps scope 0."""
    arguments = ", ".join(f"'{argument}'" for argument in (column, via) if argument)
    install, remove = [], []
    for event, referencing in (
        ("INSERT", "NEW TABLE AS read_version_new"),
        ("UPDATE", "NEW TABLE AS read_version_new OLD TABLE AS read_version_old"),
        ("DELETE", "OLD TABLE AS read_version_old"),
    ):
        name = f"{table}_read_version_{event.lower()}"
        install.append(
            f"CREATE TRIGGER {name} AFTER {event} ON {table} REFERENCING {referencing} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION core_read_version_bump({arguments});"
        )
        remove.append(f"DROP TRIGGER {name} ON {table};")
    return "\n".join(install), "\n".join(remove)


def read_versions(scopes: Iterable[int]) -> tuple[tuple[int, int], ...]:
    """(scope, version) of each given scope that has one, and of scope 0, in scope order.
    A scope without a row has had no write since the triggers were installed."""
    wanted = sorted({GLOBAL_SCOPE, *scopes})
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT scope, version FROM {TABLE} WHERE scope = ANY(%s) ORDER BY scope",  # noqa: S608 - a constant
            [wanted],
        )
        return tuple(cursor.fetchall())
