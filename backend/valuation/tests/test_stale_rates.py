"""Rates that stopped coming (the ECB unreachable for days): values still use the last
known rates and say so; a worker starting with stale rates queues one fetch."""

import threading
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from django.core.cache import cache
from django.utils import timezone

from core.tests.workers import Worker, broker_or_skip, wait_for
from inventory.factories import CollectibleFactory
from valuation import services, tasks
from valuation.models import ExchangeRate, ItemValuation
from valuation.rates import RateBook, rates_status
from valuation.tests.conftest import price, rates
from valuation.tests.test_ecb import DAILY

URL = "/api/v1/dashboard"


def _today() -> date:
    return timezone.now().date()


@pytest.mark.django_db
class TestCarriedForward:
    def test_the_last_rate_is_used_for_days_after_the_newest(self, settings):
        settings.VALUATION_RATE_MAX_AGE_DAYS = 10
        newest = _today() - timedelta(days=20)
        rates([newest], USD="1.25")
        rates([newest - timedelta(days=60)], RUB="90")  # no longer published
        rates([newest - timedelta(days=40)], USD="2")
        past = newest - timedelta(days=25)  # a gap in the past: not carried forward
        book = RateBook.load([("USD", _today()), ("RUB", _today()), ("USD", past)])

        assert book.rate("USD", _today()) == Decimal("1.25")
        assert book.rate("RUB", _today()) is None
        assert book.rate("USD", past) is None

    def test_status_says_how_old_the_rates_are(self, settings):
        settings.VALUATION_RATE_MAX_AGE_DAYS = 10
        assert rates_status(today=_today()) == rates_status(today=_today(), newest=None)
        assert rates_status(today=_today()).stale is True  # no rates at all
        rates([_today() - timedelta(days=10)], USD="1.25")
        assert rates_status(today=_today()).stale is False
        ExchangeRate.objects.update(date=_today() - timedelta(days=11))
        status = rates_status(today=_today())
        assert (status.date, status.stale) == (_today() - timedelta(days=11), True)


@pytest.mark.django_db
def test_a_collection_with_stale_rates_is_valued_and_flagged(owner_client, vendor, settings):
    settings.VALUATION_RATE_MAX_AGE_DAYS = 10
    newest = _today() - timedelta(days=14)
    rates([newest, newest - timedelta(days=30)], USD="1.25")
    item = CollectibleFactory(vendor=vendor, quantity=2, purchase_price=None)
    price(item, "50.00", "USD", timezone.now() - timedelta(days=1))

    body = owner_client.get(URL).json()

    assert body["total_value"] == "80.00"  # 2 x 50 USD / 1.25, not 0
    assert body["unconvertible_count"] == 0
    assert body["exchange_rates"] == {"date": newest.isoformat(), "stale": True}


@pytest.mark.django_db
def test_fresh_rates_are_not_flagged(owner_client, vendor):
    rates([_today()], USD="1.25")

    assert owner_client.get(URL).json()["exchange_rates"] == {
        "date": _today().isoformat(),
        "stale": False,
    }


@pytest.mark.django_db
def test_a_correction_of_the_last_rate_reprices_with_it(vendor, settings):
    """The stored values' re-pricing (SQL) carries the last rate forward as RateBook does
    (a correction within the last week re-prices the current values in place)."""
    settings.VALUATION_RATE_MAX_AGE_DAYS = 2
    newest = _today() - timedelta(days=5)
    rates([newest], USD="1.25")
    item = CollectibleFactory(vendor=vendor, quantity=1, purchase_price=None)
    price(item, "50.00", "USD", timezone.now() - timedelta(days=1))
    services.valuations_ensure_fresh(item_ids=[item.pk])
    assert ItemValuation.objects.get(pk=item.pk).value == Decimal("40.00")

    services.exchange_rates_store(
        rates=[services.DailyRate(day=newest, currency="USD", rate=Decimal("2"))]
    )

    row = ItemValuation.objects.get(pk=item.pk)
    assert (row.value, row.unconvertible) == (Decimal("25.00"), False)


@pytest.fixture
def broker() -> Iterator[Any]:
    client = broker_or_skip()
    cache.delete(tasks.START_FETCH_LOCK)
    yield client
    client.delete("celery")
    cache.delete(tasks.START_FETCH_LOCK)


@pytest.mark.django_db
def test_workers_starting_with_stale_rates_queue_one_fetch(broker, settings):
    settings.VALUATION_FETCH_RATES_ON_START = True
    rates([_today() - timedelta(days=30)], USD="1.25")

    assert [tasks.fetch_rates_if_stale() for _ in range(3)] == [True, False, False]
    assert broker.llen("celery") == 1


@pytest.mark.django_db
def test_no_fetch_is_queued_with_fresh_rates_or_when_turned_off(broker, settings):
    settings.VALUATION_FETCH_RATES_ON_START = True
    rates([_today()], USD="1.25")
    assert tasks.fetch_rates_if_stale() is False

    settings.VALUATION_FETCH_RATES_ON_START = False
    ExchangeRate.objects.all().delete()
    assert tasks.fetch_rates_if_stale() is False
    assert broker.llen("celery") == 0


@pytest.fixture
def ecb_server() -> Iterator[str]:
    """An ECB look-alike on loopback serving the daily file (dated today)."""
    body = DAILY.replace("2026-11-20", _today().isoformat()).encode()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/eurofxref-hist-90d.xml"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_fetches_stale_rates_when_it_starts(broker, ecb_server, tmp_path):
    rates([_today() - timedelta(days=30)], USD="1.25")
    log = tmp_path / "worker.log"
    worker = Worker(
        log,
        allowed_hosts="127.0.0.1",
        VALUATION_FETCH_RATES_ON_START="true",
        VALUATION_ECB_URL=ecb_server,
    )
    try:
        wait_for(
            lambda: ExchangeRate.objects.filter(date=_today()).count() == 3,
            30,
            "the rates fetched on start",
            log,
        )
    finally:
        worker.stop()
    assert rates_status(today=_today()).stale is False
