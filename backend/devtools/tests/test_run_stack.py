import os
import subprocess
import sys

import environ
import pytest
from django.conf import settings as django_settings
from django.core.management import call_command

from devtools.management.commands import run_stack


@pytest.mark.parametrize(
    ("db", "expected"),
    [
        (
            {
                "USER": "postgres",
                "PASSWORD": "",
                "HOST": "/srv/omni/.data/postgres",
                "PORT": "",
                "NAME": "omni_stock",
            },
            "postgres://postgres@%2Fsrv%2Fomni%2F.data%2Fpostgres/omni_stock",
        ),
        (
            {
                "USER": "app",
                "PASSWORD": "p@ss word",
                "HOST": "db.internal",
                "PORT": "5433",
                "NAME": "omni",
            },
            "postgres://app:p%40ss%20word@db.internal:5433/omni",
        ),
    ],
)
def test_database_url_round_trips_through_the_settings_reader(settings, db, expected):
    # Only the URL builder reads this copy; no query runs in this test.
    settings.DATABASES = {"default": {**settings.DATABASES["default"], **db}}

    url = run_stack.database_url()

    assert url == expected
    parsed = environ.Env.db_url_config(url)
    assert parsed["NAME"] == db["NAME"]
    assert parsed["USER"] == db["USER"]


@pytest.mark.django_db
def test_run_stack_prepares_the_database_and_starts_the_processes(
    monkeypatch, capsys, settings, tmp_path
):
    started: dict[str, str] = {}
    shared = tmp_path / "run_stack.env"
    settings.RUN_STACK_ENV_FILE = shared

    class FakeManager:
        returncode = 0

        def __init__(self, printer):
            pass

        def add_process(self, name, command, env, cwd):
            started[name] = command
            assert env["DATABASE_URL"].startswith("postgres://")
            assert env["REDIS_URL"]
            assert "127.0.0.1:8124" in env["SCRAPER_ALLOWED_HOSTS"].split(",")
            # The demo's Discogs tracker reads the demo marketplace's Discogs.
            assert env["DISCOGS_API_URL"] == "http://127.0.0.1:8124/discogs-api"
            assert env["DISCOGS_SITE_URL"] == "https://discogs.example.org"  # the operator's
            # Its eBay API tracker reads the demo marketplace's eBay Browse API.
            assert env["EBAY_API_URL"] == "http://127.0.0.1:8124/ebay-api"
            assert "ebay_api=http://127.0.0.1:8124/ebay" in env["CATALOGUE_SITE_URLS"]
            # Static files as production serves them (hashed, compressed, cached).
            assert env["STATIC_COLLECTED"] == "true"

        def loop(self):
            # While the stack runs, another shell's manage.py finds the demo's settings.
            lines = shared.read_text().splitlines()
            assert lines[0] == f"RUN_STACK_PID={os.getpid()}"
            hosts = next(line for line in lines if line.startswith("SCRAPER_ALLOWED_HOSTS="))
            assert "127.0.0.1:8124" in hosts.split("=", 1)[1].split(",")
            assert "EBAY_API_URL=http://127.0.0.1:8124/ebay-api" in lines
            assert not any(line.startswith("DISCOGS_SITE_URL=") for line in lines)

    calls: list[str] = []
    monkeypatch.delenv("DISCOGS_API_URL", raising=False)
    monkeypatch.delenv("EBAY_API_URL", raising=False)
    monkeypatch.delenv("CATALOGUE_SITE_URLS", raising=False)
    monkeypatch.setenv("DISCOGS_SITE_URL", "https://discogs.example.org")
    monkeypatch.setattr(run_stack, "Manager", FakeManager)
    monkeypatch.setattr(run_stack, "call_command", lambda name, **kw: calls.append(name))
    monkeypatch.setattr(
        run_stack,
        "collect_static",
        lambda env: calls.append(f"collectstatic {env['STATIC_COLLECTED']}"),
    )

    with pytest.raises(SystemExit) as exit_info:
        call_command("run_stack", "--port", "8123", "--marketplace-port", "8124")

    assert exit_info.value.code == 0
    assert calls == ["migrate", "seed_demo", "collectstatic true"]
    assert not shared.exists()  # removed when the stack stops
    assert set(started) == {"web", "worker", "beat", "marketplace"}
    assert "gunicorn" in started["web"]
    assert "127.0.0.1:8123" in started["web"]
    assert "-Q scrape,celery,interactive" in started["worker"]
    assert "scraper.demo_marketplace" in started["marketplace"]
    out = capsys.readouterr().out
    assert "http://127.0.0.1:8123/api/docs/" in out
    assert "demo@omni-stock.local" in out


def test_the_demo_ebay_api_is_used_only_when_the_operator_set_none(monkeypatch):
    monkeypatch.delenv("EBAY_API_URL", raising=False)
    assert run_stack.demo_ebay_env("http://127.0.0.1:8765") == {
        "EBAY_API_URL": "http://127.0.0.1:8765/ebay-api"
    }
    monkeypatch.setenv("EBAY_API_URL", "https://api.sandbox.ebay.com")
    assert run_stack.demo_ebay_env("http://127.0.0.1:8765") == {}


DEMO_NAMES = {"SCRAPER_ALLOWED_HOSTS", "EBAY_API_URL", "OMNI_READ_RUN_STACK_ENV"}


def settings_seen_by_manage_py(data_dir, **env):
    """SCRAPER_ALLOWED_HOSTS and EBAY_API_URL as `manage.py` in another shell sees them."""
    code = "from django.conf import settings as s; print(*s.SCRAPER_ALLOWED_HOSTS, s.EBAY_API_URL)"
    base = {k: v for k, v in os.environ.items() if k not in DEMO_NAMES}
    answer = subprocess.run(
        [sys.executable, str(django_settings.BACKEND_DIR / "manage.py"), "shell", "-c", code],
        env=base | {"DEBUG": "true", "OMNI_DATA_DIR": str(data_dir), **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return answer.stdout.splitlines()[-1].split()  # after "N objects imported"


def test_a_second_shell_sees_the_demo_settings_of_the_running_stack(tmp_path):
    demo = {"SCRAPER_ALLOWED_HOSTS": "127.0.0.1:9123", "EBAY_API_URL": "http://127.0.0.1:9123/e"}
    run_stack.write_shared_env(tmp_path / "run_stack.env", demo)  # this process is the stack

    assert settings_seen_by_manage_py(tmp_path) == ["127.0.0.1:9123", "http://127.0.0.1:9123/e"]
    # What the operator set in that shell wins.
    seen = settings_seen_by_manage_py(tmp_path, EBAY_API_URL="https://api.sandbox.ebay.com")
    assert seen == ["127.0.0.1:9123", "https://api.sandbox.ebay.com"]


def test_the_file_of_a_stack_that_stopped_is_ignored(tmp_path):
    stopped = subprocess.Popen([sys.executable, "-c", "pass"])
    stopped.wait()
    (tmp_path / "run_stack.env").write_text(
        f"RUN_STACK_PID={stopped.pid}\nSCRAPER_ALLOWED_HOSTS=127.0.0.1:9123\n"
    )

    assert "127.0.0.1:9123" not in settings_seen_by_manage_py(tmp_path)
