"""Read versions (core.read_versions) on the path production takes: noted at each
statement, bumped when the writer commits. Two real connections, committing."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from django.db import connection

from core.read_versions import AT_ONCE_SETTING, triggers_sql

pytestmark = pytest.mark.django_db(transaction=True)

PROBE = "read_version_probe"


_OPEN: list[psycopg.Connection] = []


def _connect() -> psycopg.Connection:
    settings = connection.settings_dict
    db = psycopg.connect(
        dbname=settings["NAME"], host=settings["HOST"] or None, port=settings["PORT"] or None,
        user=settings["USER"] or None, password=settings["PASSWORD"] or None,
    )  # fmt: skip
    db.execute(f"SET {AT_ONCE_SETTING} = off")  # as a server's sessions
    db.execute("SET lock_timeout = '5s'")  # waiting on another writer fails, never hangs
    db.commit()
    _OPEN.append(db)
    return db


@pytest.fixture
def probe() -> Iterator[None]:
    """A table of rows naming a vendor (`vendor_id`), with the triggers."""
    install, _ = triggers_sql(PROBE, "vendor_id")
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {PROBE} (id bigserial PRIMARY KEY, vendor_id bigint)")
        cursor.execute(install)
    yield
    while _OPEN:
        _OPEN.pop().close()
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {PROBE}")


def _version(db: psycopg.Connection, scope: int) -> int | None:
    row = db.execute("SELECT version FROM core_read_version WHERE scope = %s", [scope]).fetchone()
    db.commit()
    return None if row is None else row[0]


def test_the_version_moves_when_the_writer_commits(probe):
    writer, reader = _connect(), _connect()
    before = _version(reader, 7)

    writer.execute("INSERT INTO read_version_probe (vendor_id) VALUES (7), (7), (8)")
    assert _version(reader, 7) == before  # not yet: the rows are not visible either
    writer.commit()

    after = _version(reader, 7)
    assert after is not None
    assert before is None or after > before
    assert _version(reader, 8) is not None
    assert reader.execute("SELECT count(*) FROM core_read_version_written").fetchone() == (0,)


def test_a_long_transaction_does_not_make_the_vendors_other_writers_wait(probe):
    importing, worker, reader = _connect(), _connect(), _connect()
    importing.execute("INSERT INTO read_version_probe (vendor_id) VALUES (7)")  # still open

    worker.execute("INSERT INTO read_version_probe (vendor_id) VALUES (7)")
    worker.commit()  # would fail after lock_timeout if it waited on the import
    by_worker = _version(reader, 7)
    importing.commit()

    assert by_worker is not None
    assert _version(reader, 7) > by_worker


def test_a_rolled_back_write_moves_nothing(probe):
    writer, reader = _connect(), _connect()
    before = _version(reader, 9)

    writer.execute("INSERT INTO read_version_probe (vendor_id) VALUES (9)")
    writer.rollback()
    writer.execute("UPDATE read_version_probe SET vendor_id = 10 WHERE vendor_id = 9")  # no rows
    writer.commit()

    assert _version(reader, 9) == before
    assert _version(reader, 10) is None


def test_moving_a_row_to_another_vendor_moves_both(probe):
    writer, reader = _connect(), _connect()
    writer.execute("INSERT INTO read_version_probe (vendor_id) VALUES (11)")
    writer.commit()
    first = _version(reader, 11)

    writer.execute("UPDATE read_version_probe SET vendor_id = 12 WHERE vendor_id = 11")
    writer.commit()

    assert _version(reader, 11) > first
    assert _version(reader, 12) is not None
