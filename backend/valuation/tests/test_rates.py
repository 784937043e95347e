from datetime import date
from decimal import Decimal

import pytest

from valuation.rates import RateBook
from valuation.tests.conftest import rates

pytestmark = pytest.mark.django_db

DAY = date(2026, 11, 20)


def test_conversion_between_two_currencies_goes_through_the_euro():
    rates([DAY], USD="1.25", JPY="180")
    book = RateBook.load([("USD", DAY), ("JPY", DAY)])

    assert book.convert(Decimal("125"), "USD", "JPY", DAY) == Decimal("18000")
    assert book.convert(Decimal("10"), "EUR", "USD", DAY) == Decimal("12.5")
    assert book.convert(Decimal("10"), "USD", "EUR", DAY) == Decimal("8")
    assert book.convert(Decimal("10"), "GBP", "GBP", DAY) == Decimal("10")


def test_weekends_use_the_nearest_earlier_day():
    rates([DAY], USD="1.25")  # a Friday
    rates([date(2026, 11, 23)], USD="9")  # Monday: after Sunday, never used for it
    sunday = date(2026, 11, 22)
    book = RateBook.load([("USD", sunday)])

    assert book.rate("USD", sunday) == Decimal("1.25")


def test_missing_rates_give_none():
    rates([DAY], USD="1.25")
    book = RateBook.load([("USD", date(2020, 1, 1)), ("CHF", DAY), ("USD", DAY)])

    assert book.rate("USD", date(2020, 1, 1)) is None  # before any rate
    assert book.rate("CHF", DAY) is None
    assert book.rate("USD", date(2026, 12, 25)) is None  # never looked up
    assert book.convert(Decimal("1"), "CHF", "USD", DAY) is None
    assert book.convert(Decimal("1"), "USD", "CHF", DAY) is None
    assert RateBook.load([]).rate("EUR", DAY) == Decimal(1)
