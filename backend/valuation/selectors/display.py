"""The dashboard's headline in the collector's display currency (Settings → Profile), when
it differs from the collection's: the collection keeps its own currency, this is a view."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from django.utils import timezone

from valuation.rates import RateBook

CENT = Decimal("0.01")


def display_totals(*, body: dict[str, Any], display_currency: str) -> dict[str, Any] | None:
    """`body` (the dashboard) converted at today's rates: total value, cost basis and
    unrealised gain, with the rate used. None when there is nothing to convert (no display
    currency, the collection's own) or no rate for one of the two currencies."""
    source = body["currency"]
    if not display_currency or display_currency == source:
        return None
    today = timezone.localdate()
    book = RateBook.load([(source, today), (display_currency, today)])
    rate = book.convert(Decimal(1), source, display_currency, today)
    if rate is None:
        return None

    def converted(amount: Decimal | None) -> Decimal | None:
        return None if amount is None else (amount * rate).quantize(CENT, ROUND_HALF_EVEN)

    return {
        "currency": display_currency,
        "rate": rate.quantize(Decimal("0.000001"), ROUND_HALF_EVEN),
        "total_value": converted(body["total_value"]),
        "cost_basis": converted(body["cost_basis"]),
        "unrealised_gain": converted(body["unrealised_gain"]["amount"]),
    }
