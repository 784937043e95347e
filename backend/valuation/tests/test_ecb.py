"""ECB reference-rate files: the saved copies parse, anything off-shape stores nothing."""

from datetime import date
from decimal import Decimal

import httpx
import pytest

from valuation import services
from valuation.ecb import EcbFormatError, parse_reference_rates
from valuation.models import ExchangeRate
from valuation.services import DATA_DIR, DEMO_RATE_FILES

NINETY_DAYS = DATA_DIR / "eurofxref-hist-90d.xml"

DAILY = """<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
	<gesmes:subject>Reference rates</gesmes:subject>
	<gesmes:Sender>
		<gesmes:name>European Central Bank</gesmes:name>
	</gesmes:Sender>
	<Cube>
		<Cube time='2026-11-20'>
			<Cube currency='USD' rate='1.1484'/>
			<Cube currency='JPY' rate='178.51'/>
			<Cube currency='GBP' rate='0.88027'/>
		</Cube>
	</Cube>
</gesmes:Envelope>"""


def test_the_saved_90_day_file_parses():
    rates = parse_reference_rates(NINETY_DAYS.read_bytes())

    days = sorted({r.day for r in rates})
    assert len(days) == 65  # working days only
    assert (days[0], days[-1]) == (date(2026, 8, 24), date(2026, 11, 20))
    assert {r.currency for r in rates} >= {"USD", "JPY", "GBP", "CHF", "CAD", "AUD", "ZAR"}
    assert len(rates) == 65 * 29
    last = {r.currency: r.rate for r in rates if r.day == days[-1]}
    assert last["USD"] == Decimal("1.1484")
    assert last["GBP"] == Decimal("0.88027")
    assert all(day.weekday() < 5 for day in days)


def test_the_daily_file_shape_parses():
    rates = parse_reference_rates(DAILY)

    assert [(r.day, r.currency, r.rate) for r in rates] == [
        (date(2026, 11, 20), "GBP", Decimal("0.88027")),
        (date(2026, 11, 20), "JPY", Decimal("178.51")),
        (date(2026, 11, 20), "USD", Decimal("1.1484")),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<html><body>Maintenance</body></html>", "root element"),
        (DAILY[:-40], "well-formed"),
        (DAILY.replace("2026-11-20", "20/11/2026"), "ISO date"),
        (DAILY.replace("rate='178.51'", "rate='n/a'"), "no number"),
        (DAILY.replace("rate='178.51'", "rate='-1'"), "not positive"),
        (DAILY.replace("rate='178.51'", "rate='NaN'"), "not positive"),
        (DAILY.replace("currency='JPY'", "currency='yen'"), "currency"),
        (DAILY.replace("currency='JPY'", "currency='USD'"), "twice"),
        (DAILY.replace("<Cube time='2026-11-20'>", "<Cube>"), "no <Cube time"),
        (
            DAILY.replace(
                "<Cube time='2026-11-20'>",
                "<Cube time='2026-11-21'></Cube><Cube time='2026-11-20'>",
            ),
            "lists no rates",
        ),
        (
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + DAILY.split("?>", 1)[1],
            "DTD",
        ),
    ],
)
def test_malformed_files_are_refused_with_a_clear_error(content, message):
    with pytest.raises(EcbFormatError, match=message):
        parse_reference_rates(content)


@pytest.mark.django_db
def test_a_malformed_file_stores_nothing_half_way():
    services.exchange_rates_load(content=DAILY)
    broken = DAILY.replace("2026-11-20", "2026-11-23").replace("rate='0.88027'", "rate='x'")

    with pytest.raises(EcbFormatError):
        services.exchange_rates_load(content=broken)

    assert ExchangeRate.objects.count() == 3
    assert not ExchangeRate.objects.filter(date=date(2026, 11, 23)).exists()


@pytest.mark.django_db
def test_loading_again_corrects_rather_than_duplicates():
    services.exchange_rates_load(content=DAILY)
    services.exchange_rates_load(content=DAILY.replace("1.1484", "1.1490"))

    assert ExchangeRate.objects.count() == 3
    assert ExchangeRate.objects.get(currency="USD").rate == Decimal("1.149000")


@pytest.mark.django_db
def test_the_offline_demo_files_cover_purchase_dates_since_2021():
    loaded = services.load_exchange_rates_from_file()

    assert [batch.first_day for batch in loaded] == [date(2021, 1, 4), date(2026, 8, 24)]
    assert loaded[-1].last_day == date(2026, 11, 20)
    assert ExchangeRate.objects.filter(currency="JPY", date__year=2021).count() > 200
    assert len(DEMO_RATE_FILES) == 2


# ------------------------------------------------------------------------------ download


def transport(status=200, body=None):
    body = DAILY.encode() if body is None else body
    seen = []

    def handler(request):
        seen.append(request)
        return httpx.Response(status, content=body)

    return httpx.MockTransport(handler), seen


def test_download_sends_our_user_agent():
    mock, seen = transport()

    assert services._download("https://ecb.test/rates.xml", transport=mock) == DAILY.encode()
    assert seen[0].headers["user-agent"].startswith("OmniStockBot/")


@pytest.mark.parametrize(
    ("status", "body", "message"),
    [(503, b"busy", "HTTP 503"), (200, b"x" * (services.MAX_DOWNLOAD_BYTES + 1), "larger")],
)
def test_download_failures_are_rates_unavailable(status, body, message):
    mock, _ = transport(status, body)

    with pytest.raises(services.RatesUnavailableError, match=message):
        services._download("https://ecb.test/rates.xml", transport=mock)


def test_network_errors_are_rates_unavailable():
    def refuse(request):
        raise httpx.ConnectError("no route", request=request)

    with pytest.raises(services.RatesUnavailableError, match="Could not download"):
        services._download("https://ecb.test/rates.xml", transport=httpx.MockTransport(refuse))


@pytest.mark.django_db
def test_fetch_stores_what_it_downloads(monkeypatch, settings):
    urls = []
    monkeypatch.setattr(services, "_download", lambda url: urls.append(url) or DAILY.encode())

    loaded = services.exchange_rates_fetch()

    assert urls == [settings.VALUATION_ECB_URL]
    assert (loaded.rates, loaded.days) == (3, 1)
    assert ExchangeRate.objects.count() == 3
