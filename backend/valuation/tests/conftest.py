"""Valuation test helpers: users with roles, rates by day, a hand-checked collection."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from conftest import client_for
from django.utils import timezone

from inventory.factories import CollectibleFactory
from price_history.factories import PriceHistoryFactory
from users.factories import UserFactory
from valuation.factories import ExchangeRateFactory
from vendors.selectors import personal_vendor_for_user

PURCHASED = date(2024, 1, 10)


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def now() -> datetime:
    return timezone.now()


@pytest.fixture
def owner(db: None) -> Any:
    return UserFactory()


@pytest.fixture
def vendor(owner: Any) -> Any:
    vendor = personal_vendor_for_user(user=owner)
    vendor.default_currency = "EUR"
    vendor.save(update_fields=["default_currency"])
    return vendor


@pytest.fixture
def owner_client(owner: Any) -> Any:
    return client_for(owner)


def rates(days: Iterable[date], **per_currency: str) -> None:
    for day in days:
        for currency, rate in per_currency.items():
            ExchangeRateFactory(date=day, currency=currency, rate=Decimal(rate))


def price(item: Any, amount: str, currency: str, at: datetime, **extra: Any) -> Any:
    return PriceHistoryFactory(
        collectible=item, price=Decimal(amount), currency=currency, observed_at=at, **extra
    )


@pytest.fixture
def collection(vendor: Any, now: datetime) -> dict[str, Any]:
    """Six items in a EUR collection, every basis, checked by hand (docs/valuation.md):

    A Charizard PSA 10 x1, bought 1000 USD: psa_10 500 USD (2 d) → 400.00, cost 909.09
    B EarthBound loose x2, bought 100 EUR: manual 150 GBP (3 d) → 375.00, cost 200.00
    C Abbey Road x1, bought 32000 JPY, no price → purchase 200.00, cost 200.00
    D Mystery figure, nothing → unpriced
    E Saga #1 x3, bought 10 EUR: blank 20 EUR (30 d, stale) → 60.00, cost 30.00
    F Boba Fett x1, no cost: blank 80 EUR (5 d), 100 EUR (35 d) → 80.00
    """
    today = now.date()
    rates([today, today - timedelta(days=7), today - timedelta(days=30)], USD="1.25", GBP="0.80")
    rates([PURCHASED], USD="1.10", JPY="160")
    ago = lambda days, hours=0: now - timedelta(days=days, hours=hours)  # noqa: E731
    items = {
        "A": CollectibleFactory(
            vendor=vendor, name="Charizard", category="trading_card", condition="mint",
            grader="psa", grade=Decimal("10"), purchase_price=Decimal("1000"),
            purchase_currency="USD", purchase_date=PURCHASED,
        ),
        "B": CollectibleFactory(
            vendor=vendor, name="EarthBound", category="video_game", condition="good",
            completeness="loose", quantity=2, purchase_price=Decimal("100"),
            purchase_currency="EUR", purchase_date=PURCHASED,
        ),
        "C": CollectibleFactory(
            vendor=vendor, name="Abbey Road", category="vinyl", condition="excellent",
            purchase_price=Decimal("32000"), purchase_currency="JPY", purchase_date=PURCHASED,
        ),
        "D": CollectibleFactory(
            vendor=vendor, name="Mystery", category="figure", purchase_price=None,
            purchase_currency="",
        ),
        "E": CollectibleFactory(
            vendor=vendor, name="Saga #1", category="comic", quantity=3,
            purchase_price=Decimal("10"), purchase_currency="EUR", purchase_date=PURCHASED,
        ),
        "F": CollectibleFactory(
            vendor=vendor, name="Boba Fett", category="figure", purchase_price=None,
            purchase_currency="", purchase_date=PURCHASED,
        ),
    }  # fmt: skip
    a, b, e, f = items["A"], items["B"], items["E"], items["F"]
    price(a, "500", "USD", ago(2), source="pricecharting", condition="psa_10")
    price(a, "450", "USD", ago(10), source="pricecharting", condition="psa_10")
    price(a, "900", "USD", ago(1))  # blank: last resort only
    price(a, "2000", "USD", ago(1), source="pricecharting", condition="grade_9")  # not A
    price(b, "150", "GBP", ago(3), source="manual")
    price(e, "20", "EUR", ago(30, 1))
    price(f, "80", "EUR", ago(5))
    price(f, "100", "EUR", ago(35))
    return items
