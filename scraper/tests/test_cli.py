from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scraper.__main__ import main
from scraper.tests.conftest import LocalServer, Reply

FIXTURES = Path(__file__).parent / "fixtures"
GAME = FIXTURES / "pricecharting" / "game_maniac_mansion.html"
URL = "https://www.pricecharting.com/game/amiga/maniac-mansion"


def test_cli_prints_observations_from_a_saved_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([URL, "--file", str(GAME)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "99.00 USD  loose  -  Maniac Mansion"
    assert len(out) == 4


def test_cli_json_and_condition(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([URL, "--file", str(GAME), "--json", "--condition", "new"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(d["amount"], d["currency"], d["condition"]) for d in data] == [
        ("545.00", "USD", "new")
    ]
    assert data[0]["source"] == "pricecharting"


def test_cli_failure_exit_code_and_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([URL, "--file", str(GAME), "--source", "css", "--selector", "#nope"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("selector_not_found: ")


def test_cli_fetches_with_allow_host(
    server: LocalServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.route("/p", Reply(body="<html><b class=p>£12</b></html>"))
    code = main(
        [server.url("/p"), "--selector", ".p", "--allow-host", server.host, "--min-delay", "0"]
    )
    assert code == 0
    assert capsys.readouterr().out.startswith("12.00 GBP")


def test_cli_refuses_private_address_without_allow_host(
    server: LocalServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([server.url("/p"), "--json", "--min-delay", "0"]) == 2
    err = json.loads(capsys.readouterr().err)
    assert err["kind"] == "forbidden_address"
    assert server.requests == []


def test_python_dash_m_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "scraper", URL, "--file", str(GAME), "--condition", "cib"],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).parents[2],
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("272.40 USD  cib")
