"""Timestamps are read by psycopg's C loader, with the values Django's own loader gives."""

import datetime

import pytest
from django.db import connection
from django.db.backends.postgresql.psycopg_any import register_tzloader
from psycopg.pq import Format

from core.timestamps import TIMESTAMPTZ_OID, FastTzLoader

VALUES = [
    "2026-12-02 22:30:00.123456+00",
    "2024-03-10 02:30:00-05",  # another zone in the literal: read as the same instant
    "2000-02-29 23:59:59.999999+14",
    "0001-01-01 00:00:00+00",
    "9999-12-31 23:59:59+00",
    "1969-12-31 23:59:59.5+00",
]
SQL = "SELECT v::timestamptz FROM unnest(%s::text[]) AS v"


def _read(cursor) -> list[datetime.datetime]:
    cursor.execute(SQL, [VALUES])
    return [value for (value,) in cursor.fetchall()]


@pytest.mark.django_db
def test_a_connection_reads_timestamps_with_the_fast_loader_and_djangos_values():
    with connection.cursor() as cursor:
        loader = connection.connection.adapters.get_loader(TIMESTAMPTZ_OID, Format.TEXT)
        assert issubclass(loader, FastTzLoader)
        assert loader.timezone == connection.timezone  # Django's cursors see no mismatch
        fast = _read(cursor)
    with connection.cursor() as cursor:
        register_tzloader(connection.timezone, cursor.cursor)  # Django's own, on this cursor
        djangos = _read(cursor)

    assert fast == djangos
    assert [value.tzinfo for value in fast] == [value.tzinfo for value in djangos]
    assert fast[1] == datetime.datetime(2024, 3, 10, 7, 30, tzinfo=datetime.UTC)


@pytest.mark.django_db
def test_now_reads_as_an_aware_utc_datetime():
    from django.utils import timezone

    with connection.cursor() as cursor:
        cursor.execute("SELECT now()")
        (now,) = cursor.fetchone()
    assert now.tzinfo == datetime.UTC
    assert abs(now - timezone.now()) < datetime.timedelta(minutes=1)
