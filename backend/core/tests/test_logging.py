"""Logs: JSON lines in production, readable lines in development, stdlib call sites kept."""

import json
import logging
import os
import subprocess
import sys

import pytest
import structlog
from django.conf import settings

from core import logging as core_logging

PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "k" * 20 + "Zx9-Qw8_Er7Ty6Ui5Op4As3Df2Gh1Jk0LmNbVcXz" + "p" * 10,
    "ALLOWED_HOSTS": "omni.example.com",
    "FIELD_ENCRYPTION_KEYS": "uBXmpG2xkyn1Sx3Rm_4rcRE7T5WcpHMR4nRr3CNKmXc=",
}
SNIPPET = (
    "import logging, structlog\n"
    "structlog.contextvars.bind_contextvars(request_id='req-1')\n"
    "logging.getLogger('omni.test').warning('stored %s rows', 3, extra={'run_id': 7})\n"
    "try:\n    1 / 0\nexcept ZeroDivisionError:\n"
    "    secret = 'hunter2'\n    logging.getLogger('omni.test').exception('it broke')\n"
)


def run_shell(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "LOG_FORMAT"}}
    command = args or ("shell", "-c", SNIPPET)
    return subprocess.run(
        [sys.executable, str(settings.BACKEND_DIR / "manage.py"), *command],
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def test_production_logs_are_json_lines_with_extra_fields_context_and_no_locals():
    result = run_shell(PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    stored, broke = json_lines(result.stderr)
    assert stored["event"] == "stored 3 rows"
    assert (stored["level"], stored["logger"], stored["run_id"]) == ("warning", "omni.test", 7)
    assert stored["request_id"] == "req-1"
    assert stored["timestamp"].endswith("Z")
    assert broke["event"] == "it broke"
    assert broke["exception"][0]["exc_type"] == "ZeroDivisionError"
    assert "hunter2" not in result.stderr  # tracebacks carry no local variables


def test_development_logs_are_readable_lines():
    result = run_shell({"DEBUG": "true"})

    assert result.returncode == 0, result.stderr
    assert not json_lines(result.stderr)
    line = next(line for line in result.stderr.splitlines() if "stored 3 rows" in line)
    assert "[warning" in line
    assert "run_id=7" in line
    assert "request_id=req-1" in line
    assert "ZeroDivisionError: division by zero" in result.stderr
    assert "hunter2" not in result.stderr


def test_log_format_can_be_chosen_explicitly():
    result = run_shell({"DEBUG": "true", "LOG_FORMAT": "json"})

    assert result.returncode == 0, result.stderr
    events = [line["event"] for line in json_lines(result.stderr)]
    assert {"stored 3 rows", "it broke"} <= set(events)


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("LOG_FORMAT", "xml", "LOG_FORMAT must be one of json, console"),
        ("LOG_LEVEL", "LOUD", "LOG_LEVEL must be one of DEBUG"),
    ],
)
def test_a_bad_logging_setting_stops_start_up(variable, value, message):
    result = run_shell({"DEBUG": "true", variable: value}, "check")

    assert result.returncode != 0
    assert message in result.stderr


def test_the_formatter_renders_stdlib_records_with_their_args_extra_and_bound_context():
    record = logging.LogRecord("omni.x", logging.INFO, __file__, 1, "run %s of %s", (2, 9), None)
    record.host = "shop.example"
    structlog.contextvars.bind_contextvars(task_id="t-1")
    try:
        line = json.loads(core_logging.formatter("json").format(record))
    finally:
        structlog.contextvars.clear_contextvars()

    assert line["event"] == "run 2 of 9"
    assert (line["host"], line["task_id"], line["level"]) == ("shop.example", "t-1", "info")
