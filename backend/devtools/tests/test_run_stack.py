import environ
import pytest
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
def test_run_stack_prepares_the_database_and_starts_the_processes(monkeypatch, capsys):
    started: dict[str, str] = {}

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

        def loop(self):
            pass

    calls: list[str] = []
    monkeypatch.delenv("DISCOGS_API_URL", raising=False)
    monkeypatch.delenv("EBAY_API_URL", raising=False)
    monkeypatch.delenv("CATALOGUE_SITE_URLS", raising=False)
    monkeypatch.setenv("DISCOGS_SITE_URL", "https://discogs.example.org")
    monkeypatch.setattr(run_stack, "Manager", FakeManager)
    monkeypatch.setattr(run_stack, "call_command", lambda name, **kw: calls.append(name))

    with pytest.raises(SystemExit) as exit_info:
        call_command("run_stack", "--port", "8123", "--marketplace-port", "8124")

    assert exit_info.value.code == 0
    assert calls == ["migrate", "seed_demo", "collectstatic"]
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
