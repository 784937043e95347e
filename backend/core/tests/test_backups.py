"""Back up a database with data, restore it into a new empty one, compare every table."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.db import connection
from psycopg import sql

from core import backups

pytestmark = pytest.mark.django_db(transaction=True)


def _connect(target: backups.Target, dbname: str | None = None) -> psycopg.Connection:
    env = target.env
    return psycopg.connect(
        host=env.get("PGHOST"),
        port=env.get("PGPORT"),
        user=env.get("PGUSER"),
        password=env.get("PGPASSWORD"),
        dbname=dbname or target.name,
        autocommit=True,
    )


def row_counts(target: backups.Target) -> dict[str, int]:
    with _connect(target) as db:
        tables = [
            row[0]
            for row in db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        counts = {}
        for table in tables:
            query = sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
            counts[table] = db.execute(query).fetchone()[0]  # type: ignore[index]
    return counts


def url_of(target: backups.Target, name: str) -> str:
    env = target.env
    auth = env.get("PGUSER", "")
    if env.get("PGPASSWORD"):
        auth += ":" + env["PGPASSWORD"]
    host = env.get("PGHOST", "")
    port = f":{env['PGPORT']}" if env.get("PGPORT") else ""
    return f"postgres://{auth}@{host}{port}/{name}"


@pytest.fixture
def source() -> backups.Target:
    return backups.default_target()


@pytest.fixture
def empty_database(source: backups.Target) -> Iterator[str]:
    """A new, empty database beside the test database; its URL."""
    name = f"{source.name}_restore"
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    with _connect(source, "postgres") as admin:
        admin.execute(drop)
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield url_of(source, name)
    finally:
        with _connect(source, "postgres") as admin:
            admin.execute(drop)


def test_backup_then_restore_into_an_empty_database(tmp_path: Path, source, empty_database):
    Group.objects.bulk_create(Group(name=f"group {n}") for n in range(25))
    out = tmp_path / "nested" / "omni.dump"

    call_command("backup_database", str(out))
    call_command("restore_database", str(out), database_url=empty_database)

    restored = backups.Target.from_url(empty_database)
    expected = row_counts(source)
    assert expected["auth_group"] == 25
    assert row_counts(restored) == expected
    assert not out.with_name("omni.dump.partial").exists()
    # Sequences came along: the next row gets a new id, not a duplicate key.
    with _connect(restored) as db:
        db.execute("INSERT INTO auth_group (name) VALUES ('after restore')")
    # The read versions go on from elsewhere than the backup's point (core.read_versions).
    seq = "SELECT last_value FROM core_read_version_seq"
    with _connect(source) as db, _connect(restored) as copy:
        assert copy.execute(seq).fetchone() != db.execute(seq).fetchone()


def test_restore_refuses_a_database_with_tables_unless_forced(
    tmp_path: Path, source, empty_database
):
    Group.objects.create(name="kept")
    out = tmp_path / "omni.dump"
    call_command("backup_database", str(out))
    call_command("restore_database", str(out), database_url=empty_database)
    restored = backups.Target.from_url(empty_database)
    with _connect(restored) as db:
        db.execute("INSERT INTO auth_group (name) VALUES ('added since')")

    with pytest.raises(CommandError, match="is not empty"):
        call_command("restore_database", str(out), database_url=empty_database)
    assert row_counts(restored)["auth_group"] == 2

    call_command("restore_database", str(out), database_url=empty_database, force=True)
    assert row_counts(restored) == row_counts(source)


def test_restore_refuses_the_configured_database_it_runs_on(tmp_path: Path):
    out = tmp_path / "omni.dump"
    call_command("backup_database", str(out))

    with pytest.raises(CommandError, match=f"{connection.settings_dict['NAME']}' is not empty"):
        call_command("restore_database", str(out))


def test_bad_input_is_a_clear_error(tmp_path: Path):
    with pytest.raises(CommandError, match="No backup file"):
        call_command("restore_database", str(tmp_path / "missing.dump"))
    with pytest.raises(CommandError, match="Not a PostgreSQL URL"):
        call_command("backup_database", str(tmp_path / "x.dump"), database_url="mysql://x/y")


def test_the_binary_is_one_of_the_server_version_or_newer(source):
    major = backups.server_major(source)
    pg_dump = backups.find_binary("pg_dump", major)

    assert pg_dump.name == "pg_dump"
    assert backups._major(pg_dump) >= major
    with pytest.raises(backups.BackupError, match="No pg_restore of PostgreSQL 99"):
        backups.find_binary("pg_restore", 99)
