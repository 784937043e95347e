"""`core.sql`: statements in one round trip, and prepared once per connection."""

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from django.db import connection, transaction

from core.sql import GENERIC_PLANS, json_rows, prepared, recordset, run_together

STATEMENT = ("SELECT x * %s FROM generate_series(1, %s) AS x ORDER BY x", [10, 3])


@pytest.mark.django_db(transaction=True)
def test_a_prepared_statement_answers_as_the_statement_does_and_survives_a_rollback():
    sql, params = prepared(STATEMENT)
    assert sql.startswith("EXECUTE omni0_")
    assert run_together(STATEMENT, (sql, params)) == [[(10,), (20,), (30,)]] * 2

    def rolled_back() -> None:
        with transaction.atomic():
            assert run_together(prepared(("SELECT %s::int + 1", [1]))) == [[(2,)]]
            raise LookupError

    with pytest.raises(LookupError):
        rolled_back()
    # Prepared inside the transaction rolled back: still there (and not prepared twice,
    # which PostgreSQL would refuse).
    assert run_together(prepared(("SELECT %s::int + 1", [2]))) == [[(3,)]]
    assert run_together(prepared(STATEMENT)) == [[(10,), (20,), (30,)]]


@pytest.mark.django_db(transaction=True)
def test_a_new_connection_prepares_again():
    assert run_together(prepared(STATEMENT))[0][-1] == (30,)
    connection.close()
    assert run_together(prepared(STATEMENT))[0][-1] == (30,)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements")
        assert cursor.fetchone() == (1,)


@pytest.mark.django_db(transaction=True)
def test_a_prepared_statement_whose_result_type_changed_is_prepared_again():
    """A migration that changes a returned column's type, while a worker's connection
    holds the statement prepared: PostgreSQL refuses it once, then it works again."""
    from django.db import NotSupportedError

    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE sql_plan_probe (v integer)")
        cursor.execute("INSERT INTO sql_plan_probe VALUES (7)")
    try:
        probe = ("SELECT v FROM sql_plan_probe WHERE v > %s", [0])
        assert run_together(prepared(probe)) == [[(7,)]]
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE sql_plan_probe ALTER COLUMN v TYPE bigint")
        with pytest.raises(NotSupportedError):
            run_together(prepared(probe))
        assert run_together(prepared(probe)) == [[(7,)]]
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE sql_plan_probe")


@pytest.mark.django_db(transaction=True)
def test_generic_plans_hold_for_the_transaction_only_and_skip_re_planning():
    statement = ("SELECT x FROM generate_series(1, %s) AS x WHERE x > %s", [5, 2])
    sql, _ = prepared(statement)
    name = sql.split()[1].split("(")[0]

    def plans() -> tuple[int, int]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = %s",
                [name],
            )
            return cursor.fetchone()

    with transaction.atomic():
        mode, *answers = run_together(
            GENERIC_PLANS, ("SHOW plan_cache_mode", ()), *[prepared(statement)] * 3
        )
        assert mode == []
        assert answers[0] == [("force_generic_plan",)]
        assert answers[1] == [(3,), (4,), (5,)]
    # Every run of the transaction took the cached generic plan: none was planned for its values.
    assert plans() == (3, 0)
    assert run_together(("SHOW plan_cache_mode", ())) == [[("auto",)]]
    run_together(prepared(statement))
    assert plans() == (3, 1)  # outside such a transaction: PostgreSQL's own choice again


@pytest.mark.django_db
def test_json_record_sets_read_back_exactly_and_in_order():
    """Rows passed as one JSON parameter come back as the values given: decimals to the
    last digit, times to the microsecond with their zone, text with quotes and
    backslashes, nulls as NULL, nested JSON as jsonb, in the order given."""
    at = datetime(2026, 12, 3, 14, 5, 6, 123456, tzinfo=UTC)
    rows = [
        {"n": 2, "price": Decimal("12.3456789012"), "at": at, "note": 'a "b" \\ c', "data": {"k": [1]}},
        {"n": 1, "price": None, "at": None, "note": None, "data": None},
        {"n": 3, "price": Decimal("0.10"), "at": at.astimezone(timezone(timedelta(hours=-5))), "note": "é", "data": {}},
    ]  # fmt: skip
    columns = (
        ("n", "int"),
        ("price", "numeric"),
        ("at", "timestamptz"),
        ("note", "text"),
        ("data", "jsonb"),
    )
    statement = f"SELECT n, price, at, note, data FROM {recordset('r', columns)}"  # noqa: S608
    (found,) = run_together(prepared((statement, [json_rows(rows)])))
    assert found == [
        # (Django reads jsonb as its text)
        (2, Decimal("12.3456789012"), at, 'a "b" \\ c', '{"k": [1]}'),
        (1, None, None, None, None),
        (3, Decimal("0.10"), at, "é", "{}"),
    ]
    with pytest.raises(TypeError, match="set is not a JSON record value"):
        json_rows([{"n": {1}}])
