"""Smoke test of `manage.py bench_api`'s generator and measurement at a tiny size."""

import pytest

from devtools import bench_data as data
from devtools.management.commands import bench_api
from inventory.models import CardDetails, Collectible
from inventory.search import apply_search
from price_history.models import PriceHistory


@pytest.mark.django_db
@pytest.mark.usefixtures("keep_the_test_connection")
def test_generator_and_measurement_at_a_tiny_size() -> None:
    step = data.grow(50, vacuum=False)

    assert step is not None
    assert step.added == 50
    assert Collectible.objects.count() == 50
    targets = data.targets()
    assert Collectible.objects.filter(vendor_id=targets.vendor_id).count() == 50
    # The database trigger built every search vector, card details included.
    assert not Collectible.objects.filter(search_vector__isnull=True).exists()
    card = CardDetails.objects.first()
    assert card is not None
    of_card = Collectible.objects.filter(pk=card.collectible_id)
    assert apply_search(of_card, f"{card.set_code} ").exists()  # set code: from card details
    # ~10 prices per item, plus a year of daily prices in two series for the series item.
    series = PriceHistory.objects.filter(collectible_id=targets.series_item_id).count()
    assert Collectible.objects.get(pk=targets.series_item_id).status == "owned"
    assert series >= 2 * data.SERIES_DAYS
    assert PriceHistory.objects.count() - series >= 50 * 5
    assert data.grow(50, vacuum=False) is None  # already that size: nothing added

    scenarios = bench_api.scenarios(targets)
    results = [bench_api.measure(s, targets, iterations=2, warmup=1) for s in scenarios]

    assert [r.status for r in results] == [200] * len(scenarios)
    assert all(r.statements > 0 and len(r.api) == len(r.sql) == 2 for r in results)
    table = bench_api.report(results, size=50)
    assert "dashboard" in table
    assert "HTTP" not in table


def test_percentiles() -> None:
    values = [float(v) for v in range(1, 101)]
    assert bench_api.p95(values) == 95.0
    assert bench_api.p50(values) == 50.5
    assert bench_api.p95([]) == 0.0


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("keep_the_test_connection")
def test_the_command_tables_every_scenario_with_the_goal(capsys: pytest.CaptureFixture) -> None:
    """The command end to end at a tiny size, in its own database: the interleaved loop
    with a real access token, repeats, and the goal beside every scenario."""
    import psycopg
    from django.core.management import call_command
    from django.db import connection

    original = dict(connection.settings_dict)
    bench_database = f"{original['NAME']}_bench"
    try:
        call_command(
            "bench_api", sizes="30", iterations=2, warmup=1, repeats=2, database=bench_database
        )
        names = [s.name for s in bench_api.scenarios(data.targets())]
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(original)
        conninfo = psycopg.conninfo.make_conninfo(
            dbname="postgres",
            host=original["HOST"],
            port=str(original["PORT"] or 5432),
            user=original["USER"],
        )
        with psycopg.connect(conninfo, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{bench_database}" WITH (FORCE)')
    out = capsys.readouterr().out
    table = out[out.index("scenario ") :]
    for name in names:
        line = next((row for row in table.splitlines() if row.startswith(name)), "")
        assert line, f"no row for {name}"
        assert "HTTP" not in line  # every request answered 200 with the bearer token
        assert " met" in line or " missed +" in line
    assert "goal p50 <=2x" in table
    assert "goal p95 <=2x" in table
    assert "over 2 repeats" in table
    for expected in ("detail", "want list", "value history", "imports list", "filtered"):
        assert any(expected in name for name in names)
