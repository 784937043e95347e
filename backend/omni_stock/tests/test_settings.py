"""Settings fail loudly on unsafe production values; the documented ones pass check --deploy."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "k" * 20 + "Zx9-Qw8_Er7Ty6Ui5Op4As3Df2Gh1Jk0LmNbVcXz" + "p" * 10,
    "ALLOWED_HOSTS": "omni.example.com",
    "CSRF_TRUSTED_ORIGINS": "https://omni.example.com",
    "FIELD_ENCRYPTION_KEYS": "uBXmpG2xkyn1Sx3Rm_4rcRE7T5WcpHMR4nRr3CNKmXc=",
}


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    return subprocess.run(
        [sys.executable, str(settings.BACKEND_DIR / "manage.py"), *args],
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("secret_key", "reason"),
    [
        ("", "SECRET_KEY is not set"),
        ("django-insecure-" + "x" * 60, "starts with 'django-insecure'"),
        ("short-key", "at least 50 characters"),
    ],
)
def test_refuses_to_start_without_a_strong_secret_key_when_debug_is_off(secret_key, reason):
    result = run_manage("check", env={**PRODUCTION_ENV, "SECRET_KEY": secret_key})

    assert result.returncode != 0
    assert reason in result.stderr


def test_documented_production_settings_pass_check_deploy_without_warnings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_a_non_postgresql_database_url_is_refused():
    result = run_manage("check", env={"DEBUG": "true", "DATABASE_URL": "sqlite:///tmp/x.db"})

    assert result.returncode != 0
    assert "DATABASE_URL must point at PostgreSQL" in result.stderr
