"""Read versions: a number per vendor that changes in the same transaction as any row a
cached read shows of that vendor (and scope 0 for data every vendor reads: exchange
rates). `core.response_cache` keys answers by them, so an answer is never served after
the data it showed changed, whatever wrote it (the API, a worker, an import, raw SQL or
the admin).

PostgreSQL keeps them. Statement-level triggers on the tables (one
`core_read_version_note()` call per statement, whatever the number of rows: they come from
the statement's transition tables) note which vendors the transaction wrote, in
`core_read_version_written`. At commit a deferred constraint trigger gives each of them a
new version (`core_read_version_commit()`, all of the transaction's vendors at once, in
vendor order). Readers see the new number when, and only when, they can see the rows; and
a version row is locked only while its writer commits, so a long transaction (a 10,000-row
import) does not make the vendor's other writers (a worker recording prices) wait for it.
A new version is the next value of one sequence, so a version is never reused: not after
a rollback (sequences are not transactional), not in another database (each starts the
sequence at a random point) and not after a restore (`AFTER_RESTORE_SQL`).

A session that sets `omni.read_versions_at_once` to `on` gets its new versions at each
statement instead, inside its transaction: the tests' sessions do (their transactions
never commit), and `core/tests/test_read_versions.py` checks the commit path.

The SQL below is what the migrations install: `core/migrations/0001` the tables, the
sequence and the functions; each app's migration the triggers on its own tables
(`triggers_sql`). Change them only with a new migration."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection

TABLE = "core_read_version"
#: The scope of data every vendor reads (exchange rates); vendors are 1 and up.
GLOBAL_SCOPE = 0
#: The session setting that bumps at each statement rather than at commit (tests).
AT_ONCE_SETTING = "omni.read_versions_at_once"

CREATE_SQL = """
CREATE SEQUENCE core_read_version_seq;
SELECT setval('core_read_version_seq', 1 + floor(random() * 2 ^ 50)::bigint);
CREATE TABLE core_read_version (scope bigint PRIMARY KEY, version bigint NOT NULL);
-- What running transactions wrote: one row per (transaction, vendor), gone at its commit.
CREATE UNLOGGED TABLE core_read_version_written (
    xact bigint NOT NULL, scope bigint NOT NULL, PRIMARY KEY (xact, scope));

CREATE FUNCTION core_read_version_bump(scopes bigint[]) RETURNS void LANGUAGE sql AS $body$
    -- In scope order: two transactions bumping the same vendors lock them in one order.
    INSERT INTO core_read_version (scope, version)
    SELECT s, nextval('core_read_version_seq') FROM (
        SELECT DISTINCT s FROM unnest(scopes) s WHERE s IS NOT NULL ORDER BY s) sorted
    ON CONFLICT (scope) DO UPDATE SET version = EXCLUDED.version;
$body$;

CREATE FUNCTION core_read_version_commit() RETURNS trigger LANGUAGE plpgsql AS $body$
DECLARE
    scopes bigint[];
BEGIN
    -- The first of the transaction's rows to fire takes them all (the others find none).
    WITH gone AS (
        DELETE FROM core_read_version_written WHERE xact = txid_current() RETURNING scope)
    SELECT array_agg(scope) INTO scopes FROM gone;
    IF scopes IS NOT NULL THEN
        PERFORM core_read_version_bump(scopes);
    END IF;
    RETURN NULL;
END
$body$;
CREATE CONSTRAINT TRIGGER core_read_version_commit
    AFTER INSERT ON core_read_version_written DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION core_read_version_commit();

CREATE FUNCTION core_read_version_note() RETURNS trigger LANGUAGE plpgsql AS $body$
DECLARE
    -- TG_ARGV[0]: the row's column naming its scope; TG_ARGV[1], when given: the table
    -- whose `vendor_id` that column's id leads to (an item's `collectible_id`); the
    -- argument 'global' instead: scope 0.
    rows_sql text;
    scope_sql text;
    scopes bigint[];
BEGIN
    IF TG_ARGV[0] = 'global' THEN
        scopes := ARRAY[0::bigint];
    ELSE
        rows_sql := CASE TG_OP
            WHEN 'INSERT' THEN 'SELECT * FROM read_version_new'
            WHEN 'DELETE' THEN 'SELECT * FROM read_version_old'
            ELSE 'SELECT * FROM read_version_new UNION ALL SELECT * FROM read_version_old'
        END;
        IF TG_NARGS > 1 THEN
            scope_sql := format(
                'SELECT t.vendor_id FROM (%s) r JOIN %I t ON t.id = r.%I',
                rows_sql, TG_ARGV[1], TG_ARGV[0]);
        ELSE
            scope_sql := format('SELECT r.%I FROM (%s) r', TG_ARGV[0], rows_sql);
        END IF;
        EXECUTE format('SELECT ARRAY(SELECT DISTINCT s FROM (%s) x(s) WHERE s IS NOT NULL)',
                       scope_sql) INTO scopes;
    END IF;
    IF cardinality(scopes) = 0 THEN
        RETURN NULL;
    END IF;
    IF current_setting('omni.read_versions_at_once', true) = 'on' THEN
        PERFORM core_read_version_bump(scopes);
    ELSE
        INSERT INTO core_read_version_written (xact, scope)
        SELECT txid_current(), s FROM unnest(scopes) s
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$body$;
"""

DROP_SQL = """
DROP FUNCTION core_read_version_note() CASCADE;
DROP TABLE core_read_version_written;
DROP FUNCTION core_read_version_commit();
DROP FUNCTION core_read_version_bump(bigint[]);
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
    """(install, remove): the triggers that note, for a new read version at commit, every
    vendor whose rows a statement on `table` inserted, updated (before and after) or
    deleted. `column` holds the vendor id, or with `via` the id of a `via` row holding
    it; `"global"` notes scope 0."""
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
            f"FOR EACH STATEMENT EXECUTE FUNCTION core_read_version_note({arguments});"
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
