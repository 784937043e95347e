"""Small normalisation helpers shared by sources."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from scraper.types import Money

__all__ = ["json_money", "normalize_availability", "normalize_item_condition"]

_IN_STOCK = {
    "instock",
    "instoreonly",
    "onlineonly",
    "limitedavailability",
    "available",
    "instockonline",
}
_OUT_OF_STOCK = {"outofstock", "soldout", "discontinued", "oos", "unavailable", "notavailable"}
_PREORDER = {"preorder", "presale", "backorder", "availablefororder"}


def _local_name(value: str) -> str:
    """``https://schema.org/InStock`` → ``instock`` (also strips ``schema:``)."""
    value = value.strip().rstrip("/")
    value = re.split(r"[/:#]", value)[-1]
    return re.sub(r"[^a-z]", "", value.lower())


def normalize_availability(value: object) -> str | None:
    """schema.org / OpenGraph availability → ``in_stock`` / ``out_of_stock`` / ``preorder``.

    ``BackOrder`` counts as ``preorder`` (it can be ordered but is not on the shelf).
    Unknown values give ``None``.
    """
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@id") or value.get("@value") or value.get("name")
    if not isinstance(value, str) or not value.strip():
        return None
    name = _local_name(value)
    if name in _IN_STOCK:
        return "in_stock"
    if name in _OUT_OF_STOCK:
        return "out_of_stock"
    if name in _PREORDER:
        return "preorder"
    return None


def normalize_item_condition(value: object) -> str | None:
    """schema.org ``itemCondition`` → backend condition vocabulary.

    Only ``NewCondition`` maps onto a word the backend knows (``new``); used,
    refurbished and damaged say nothing about completeness (loose / CIB), so they
    give ``None`` rather than a guess.
    """
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@id") or value.get("name")
    if not isinstance(value, str):
        return None
    return "new" if _local_name(value) in {"newcondition", "new"} else None


def json_money(value: Any, *, zero: bool = False) -> Money | None:
    """An API's ``{"value": 12.5, "currency": "USD"}`` (value a number or a numeric string)
    → Money in cents; ``None`` unless positive (or zero, with ``zero``, for a shipping
    cost). A currency that is not three letters is left unknown."""
    if not isinstance(value, dict):
        return None
    amount, currency = value.get("value"), value.get("currency")
    if isinstance(amount, bool) or not isinstance(amount, int | float | str):
        return None
    try:
        number = Decimal(str(amount).strip()).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite() or number < 0 or (number == 0 and not zero):
        return None
    code = currency.strip().upper() if isinstance(currency, str) else ""
    return Money(number, code if re.fullmatch(r"[A-Z]{3}", code) else None)
