import pytest
from django.core.management import CommandError, call_command

from devtools.management.commands.load_api import LOAD_EMAIL, ensure_load_collection
from users.models import User


@pytest.mark.parametrize("url", ["http://10.0.0.1:8000", "http://example.com", "http://[::2]/"])
def test_only_loopback_servers_are_loaded(url, db):
    with pytest.raises(CommandError, match="loopback"):
        call_command("load_api", "--url", url, "--items", "1")


def test_the_load_collection_is_made_once_and_reused(db):
    first = ensure_load_collection(3)
    again = ensure_load_collection(3)

    assert len(first) == 3
    assert again == first
    assert User.objects.filter(email=LOAD_EMAIL).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_short_load_on_a_live_server_reports_every_kind_without_errors(live_server, capsys):
    call_command(
        "load_api", "--url", live_server.url, "--clients", "2", "--seconds", "1.5", "--items", "5"
    )

    report = capsys.readouterr().out
    assert "2 clients for" in report
    for kind in ("list", "detail", "dashboard", "all"):
        assert any(line.split()[0] == kind for line in report.splitlines() if line.strip())
    totals = next(line for line in report.splitlines() if line.startswith("all"))
    assert totals.split()[-1] == "0"  # errors


def test_an_unknown_kind_is_refused_before_anything_starts(db):
    with pytest.raises(CommandError, match="Unknown --kinds lists: use list, detail"):
        call_command("load_api", "--kinds", "list,lists", "--items", "1")


@pytest.mark.django_db(transaction=True)
def test_one_kind_only(live_server, capsys):
    call_command(
        "load_api", "--url", live_server.url, "--clients", "2", "--seconds", "1",
        "--items", "3", "--kinds", "dashboard",
    )  # fmt: skip

    rows = [line.split()[0] for line in capsys.readouterr().out.splitlines()[2:] if line.strip()]
    assert rows[-2:] == ["dashboard", "all"]
    assert "list" not in rows
