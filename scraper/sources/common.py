"""Small normalisation helpers shared by sources."""

from __future__ import annotations

import re

__all__ = ["normalize_availability", "normalize_item_condition"]

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
