from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scraper import Money, parse_price


@pytest.mark.parametrize(
    ("text", "hint", "amount", "currency"),
    [
        ("$1,299.99", None, "1299.99", "USD"),
        ("1.234,56 €", None, "1234.56", "EUR"),
        ("£12", None, "12.00", "GBP"),
        ("US$ 30", None, "30.00", "USD"),
        ("¥4,500", None, "4500", "JPY"),
        ("¥4,500", "CNY", "4500.00", "CNY"),
        ("12,-", None, "12.00", None),
        ("12,-", "EUR", "12.00", "EUR"),
        ("EUR 5", None, "5.00", "EUR"),
        ("CHF 1'234.50", None, "1234.50", "CHF"),
        ("C$ 20", None, "20.00", "CAD"),
        ("CA$ 20", None, "20.00", "CAD"),
        ("A$ 15", None, "15.00", "AUD"),
        ("AU$ 15", None, "15.00", "AUD"),
        ("R$ 10,00", None, "10.00", "BRL"),
        ("49,95 EUR", None, "49.95", "EUR"),
        ("USD 10", None, "10.00", "USD"),
        ("$5", None, "5.00", "USD"),  # bare $ without hint: documented USD default
        ("$5", "CAD", "5.00", "CAD"),
        ("$5", "aud", "5.00", "AUD"),
        ("$5", "EUR", "5.00", "USD"),  # a non-dollar hint cannot turn $ into euros
        ("£5", "USD", "5.00", "GBP"),  # an explicit symbol beats the hint
        ("kr 100", None, "100.00", None),
        ("100 kr", "SEK", "100.00", "SEK"),
        ("1 299,00 kr", "NOK", "1299.00", "NOK"),
        ("₩15,000", None, "15000", "KRW"),
        ("KWD 1,234.567", None, "1234.567", "KWD"),
        ("12.345 KWD", None, "12.345", "KWD"),
        ("Price: $0.99 each", None, "0.99", "USD"),
        ("12", None, "12.00", None),
        ("12", "gbp", "12.00", "GBP"),
        ("$0.00", None, "0.00", "USD"),
    ],
)
def test_parse_price_real_world_strings(
    text: str, hint: str | None, amount: str, currency: str | None
) -> None:
    assert parse_price(text, hint) == Money(Decimal(amount), currency)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "Call for price",
        "-5 €",
        "\u22125 €",
        "US$ -3",
        "(5.00)",
        "$$$",
        "1e400000",
    ],
)
def test_parse_price_rejects_non_prices(text: str) -> None:
    money = parse_price(text)
    assert money is None or money.amount < 10**12


def test_parse_price_rejects_negative_and_empty() -> None:
    assert parse_price("-5 €") is None
    assert parse_price("") is None
    assert parse_price("no digits here") is None
    assert parse_price("1" * 40) is None  # absurd amounts are not prices


def test_jpy_has_no_decimals() -> None:
    money = parse_price("¥ 1,280")
    assert money is not None
    assert money.amount.as_tuple().exponent == 0


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.one_of(st.none(), st.text(max_size=5)))
def test_parse_price_never_raises(text: str, hint: str | None) -> None:
    money = parse_price(text, hint)
    if money is not None:
        assert money.amount >= 0
        assert money.amount.is_finite()


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
def test_formatted_dollar_amounts_round_trip(d: Decimal) -> None:
    assert parse_price(f"${d:,.2f}") == Money(d.quantize(Decimal("0.01")), "USD")


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False))
def test_european_formatted_amounts_round_trip(d: Decimal) -> None:
    us = f"{d:,.2f}"
    european = us.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    assert parse_price(f"{european} €") == Money(d.quantize(Decimal("0.01")), "EUR")
