"""`manage.py import_collection`: the same import, synchronously, with counts printed."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from imports.models import ImportJob
from imports.tests.importing import GENERIC
from inventory.models import Collectible
from users.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sheet(tmp_path):
    path = tmp_path / "items.csv"
    path.write_text(GENERIC)
    return path


def run(*args: str) -> str:
    out = StringIO()
    call_command("import_collection", *args, stdout=out)
    return out.getvalue()


def test_imports_and_prints_counts_then_skips_on_a_second_run(sheet):
    user = UserFactory()
    defaults = json.dumps({"category": "trading_card"})
    output = run(str(sheet), "--user", user.email, "--defaults", defaults, "--day-first")
    assert "created 3, updated 0, skipped 0, failed 0" in output
    assert "price paid → purchase_price" in output
    assert Collectible.objects.count() == 3
    again = run(str(sheet), "--user", user.email, "--defaults", defaults)
    assert "created 0, updated 0, skipped 3" in again


def test_a_dry_run_writes_nothing_and_lists_problems(sheet):
    user = UserFactory()
    output = run(str(sheet), "--user", user.email, "--dry-run", "--mapping", '{"set": null}')
    assert "Would create 0" in output
    assert "row 2: The row has no category" in output
    assert "Dry run: nothing was written." in output
    assert (Collectible.objects.count(), ImportJob.objects.count()) == (0, 0)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--user", "nobody@example.com"], "No user"),
        (["--mapping", "{not json"], "not valid JSON"),
        (["--mapping", '{"set": "colour"}'], "Unknown field 'colour'"),
        (["--vendor", "999999"], "No such vendor"),
    ],
)
def test_bad_arguments_say_what_is_wrong(sheet, args, message):
    user = UserFactory()
    full = (
        [str(sheet), "--user", user.email, *args] if "--user" not in args else [str(sheet), *args]
    )
    with pytest.raises(CommandError, match=message):
        run(*full)
