"""The lockout's settings are checked at start-up, with a message naming them."""

import os
import subprocess
import sys

import pytest
from django.conf import settings


def manage_check(**env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(settings.BACKEND_DIR / "manage.py"), "check"],
        env={**os.environ, "DEBUG": "true", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    "env",
    [
        {"LOGIN_LOCKOUT_FAILURES": "0"},
        {"LOGIN_LOCKOUT_SECONDS": "0"},
        {"LOGIN_LOCKOUT_SECONDS": "600", "LOGIN_LOCKOUT_MAX_SECONDS": "300"},
        {"LOGIN_LOCKOUT_MAX_SECONDS": "86400"},
    ],
)
def test_a_lockout_that_is_off_or_too_long_stops_start_up(env):
    result = manage_check(**env)

    assert result.returncode != 0
    assert "Check the login lockout" in result.stderr


def test_a_lockout_value_that_is_not_a_number_stops_start_up():
    result = manage_check(LOGIN_LOCKOUT_SECONDS="a minute")

    assert result.returncode != 0
    assert "Check the login lockout: whole numbers only" in result.stderr


def test_the_documented_defaults_start():
    assert manage_check().returncode == 0
