import pytest
from django.core.management import CommandError, call_command

from valuation import services, tasks
from valuation.models import ExchangeRate, ValueSnapshot
from valuation.tests.test_ecb import DAILY

pytestmark = pytest.mark.django_db


def test_the_beat_schedule_is_in_the_database():
    from django_celery_beat.models import PeriodicTask

    fetch = PeriodicTask.objects.get(task="valuation.tasks.fetch_exchange_rates")
    snapshot = PeriodicTask.objects.get(task="valuation.tasks.snapshot_values")

    assert fetch.enabled
    assert snapshot.enabled
    assert (fetch.crontab.hour, fetch.crontab.minute) == ("15", "30")
    assert (snapshot.crontab.hour, snapshot.crontab.minute) == ("0,6,12,18", "15")


def test_tasks_are_late_acknowledged():
    for task in (tasks.fetch_exchange_rates, tasks.snapshot_values):
        assert task.acks_late is True
        assert task.reject_on_worker_lost is True


def test_fetch_task_stores_the_rates(monkeypatch):
    monkeypatch.setattr(services, "_download", lambda url: DAILY.encode())

    assert tasks.fetch_exchange_rates.apply().get() == 3
    assert ExchangeRate.objects.count() == 3


def test_fetch_task_retries_then_gives_up(monkeypatch):
    calls = []

    def down(url):
        calls.append(url)
        raise services.RatesUnavailableError("ECB down")

    monkeypatch.setattr(services, "_download", down)

    result = tasks.fetch_exchange_rates.apply()

    assert len(calls) == tasks.MAX_RETRIES + 1
    assert isinstance(result.result, services.RatesUnavailableError)
    assert ExchangeRate.objects.count() == 0


def test_snapshot_task_runs_the_service(vendor, collection):
    assert tasks.snapshot_values.apply().get() == 2
    assert ValueSnapshot.objects.filter(vendor=vendor).count() == 2


def test_load_exchange_rates_command_offline(capsys, tmp_path):
    call_command("load_exchange_rates")
    assert "(2026-08-24 to 2026-11-20)" in capsys.readouterr().out

    daily = tmp_path / "daily.xml"
    daily.write_text(DAILY)
    call_command("load_exchange_rates", "--file", str(daily))
    assert "Stored 3 rates for 1 days" in capsys.readouterr().out


def test_load_exchange_rates_command_fetch(monkeypatch, capsys):
    urls = []
    monkeypatch.setattr(services, "_download", lambda url: urls.append(url) or DAILY.encode())

    call_command("load_exchange_rates", "--history")
    call_command("load_exchange_rates", "--fetch")

    assert urls[0].endswith("/eurofxref-hist.xml")
    assert urls[1].endswith("/eurofxref-hist-90d.xml")


def test_load_exchange_rates_command_refuses_a_bad_file(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<html/>")

    with pytest.raises(CommandError, match="Nothing was stored"):
        call_command("load_exchange_rates", "--file", str(bad))
    assert ExchangeRate.objects.count() == 0
