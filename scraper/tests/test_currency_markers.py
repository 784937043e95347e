"""Currency markers: unambiguous, legacy and shared ones (decided by the page)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from scraper import Money, extract, parse_price
from scraper.currency_markers import find_marker, language_currency


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("E£ 1,250", "1250.00", "EGP"),  # not GBP
        ("100 E£", "100.00", "EGP"),
        ("AU $ 15", "15.00", "AUD"),  # not USD
        ("US $12.00", "12.00", "USD"),
        ("C $ 20", "20.00", "CAD"),
        ("150 ر.س", "150.00", "SAR"),
        ("1 299 грн", "1299.00", "UAH"),
        ("12,50 лв", "12.50", "BGN"),
        ("1 500 тг.", "1500.00", "KZT"),
        ("15,000원", "15000", "KRW"),
        ("1.250 TL", "1250.00", "TRY"),
        ("350 б.р.", "350.00", "BYN"),
        ("RUR 500", "500.00", "RUB"),  # legacy ISO code
        ("499 RUR", "499.00", "RUB"),
        ("1 000 BYR", "1000.00", "BYN"),
        ("294 元", "294.00", "CNY"),  # shared marker, default
        ("Rs 23,450", "23450.00", "INR"),  # shared marker, default
    ],
)
def test_markers_price_parser_misses_or_cuts(text: str, amount: str, currency: str) -> None:
    assert parse_price(text) == Money(Decimal(amount), currency)


@pytest.mark.parametrize(
    ("text", "hints", "currency"),
    [
        ("$24.990", ("CLP",), "CLP"),  # the page's declared currency
        ("$24.990", (None, "ARS"), "ARS"),  # its language
        ("$ 99", (None, None, "NZD"), "NZD"),  # its country domain
        ("$ 99", ("EUR", None, None), "USD"),  # an incompatible hint: the default
        ("294 元", (None, None, "TWD"), "TWD"),
        ("Rs 23,450", ("PKR",), "PKR"),
        ("¥ 1,280", (None, "CNY"), "CNY"),
        ("100 kr", (None, None, "SEK"), "SEK"),
        ("€ 5", (None, None, "USD"), "EUR"),  # unambiguous markers ignore hints
    ],
)
def test_shared_markers_follow_the_page_hints_in_order(
    text: str, hints: tuple[str | None, ...], currency: str
) -> None:
    money = parse_price(text, page_hints=hints)
    assert money is not None
    assert money.currency == currency


def test_the_trackers_own_hint_comes_before_the_page() -> None:
    money = parse_price("$ 10", "CAD", page_hints=("AUD",))
    assert money is not None
    assert money.currency == "CAD"


def test_words_in_capitals_are_not_currencies() -> None:
    assert find_marker("TOP 10 games") is None
    assert find_marker("ALL 3 discs") is None
    assert find_marker("EUR 5") == "eur"
    assert find_marker("12 € / 14 $") is None  # two currencies: not one price


@pytest.mark.parametrize(
    ("lang", "currency"),
    [("es-AR", "ARS"), ("en-AU", "AUD"), ("ja", "JPY"), ("zh-TW", "TWD"), ("en", None), ("", None)],
)
def test_language_currency(lang: str, currency: str | None) -> None:
    assert language_currency(lang) == currency


def _page(lang: str, body: str) -> str:
    return f'<html lang="{lang}"><head><title>t</title></head><body>{body}</body></html>'


def test_a_dollar_price_on_a_chilean_page_is_in_pesos() -> None:
    html = _page(
        "es-CL",
        '<div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Consola</h1>'
        '<div itemprop="offers" itemscope itemtype="https://schema.org/Offer">'
        '<span itemprop="price">$24.990</span></div></div>',
    )
    [obs] = extract(html, "https://tienda.example/consola")
    assert obs.price == Money(Decimal("24990"), "CLP")


def test_a_dollar_price_on_a_country_domain_takes_its_currency() -> None:
    html = _page(
        "en",
        '<div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Lamp</h1>'
        '<div itemprop="offers" itemscope itemtype="https://schema.org/Offer">'
        '<span itemprop="price">$ 49.00</span></div></div>',
    )
    [obs] = extract(html, "https://shop.example.co.nz/lamp")
    assert obs.price == Money(Decimal("49.00"), "NZD")
