"""Rules about an item's fields that every writer shares (the API's services, the admin,
importers): what selling an item, or taking it back into the collection, does to its sale
details; what putting an item on the want list, or acquiring a wanted one, does to its
maximum price and purchase. Pure: they take values and return the changes to make.

A wanted item's `condition` (and `grade`, when graded) means "at least this": an offer in
that condition or a better one meets it (`valuation.conditions.meets_wanted`)."""

from collections.abc import Collection, Mapping
from datetime import date
from typing import Any

from inventory.models import CollectibleStatus

SALE_FIELDS = ("sale_price", "sale_currency", "sale_date", "sale_fees")
_NO_SALE: dict[str, Any] = {
    "sale_price": None,
    "sale_currency": "",
    "sale_date": None,
    "sale_fees": None,
}


def sale_changes(
    *,
    status: str,
    previous_status: str | None,
    values: Mapping[str, Any],
    given: Collection[str],
    vendor_currency: str,
    today: date,
) -> dict[str, Any]:
    """The sale fields to set on an item about to be saved with `status` and `values`.

    A sold item's sale date defaults to `today` (unless the edit names it, even as null:
    the model then says a sold item needs one) and its currency to the vendor's. An item
    taken back from sold to owned forgets its sale, except the fields the same edit
    (`given`) sets: the model refuses those, rather than the edit being silently undone.
    `previous_status`: the stored status, None for a new item."""
    if status == CollectibleStatus.SOLD:
        changes: dict[str, Any] = {}
        if values.get("sale_date") is None and "sale_date" not in given:
            changes["sale_date"] = today
        if not values.get("sale_currency"):
            changes["sale_currency"] = vendor_currency
        return changes
    if previous_status == CollectibleStatus.SOLD:
        return {field: blank for field, blank in _NO_SALE.items() if field not in given}
    return {}


WANTED_FIELDS = ("max_price", "max_price_currency")
PURCHASE_FIELDS = (
    "purchase_price",
    "purchase_currency",
    "purchase_date",
    "purchase_fees",
    "purchase_shipping",
)


def wanted_changes(
    *,
    status: str,
    previous_status: str | None,
    values: Mapping[str, Any],
    given: Collection[str],
    vendor_currency: str,
) -> dict[str, Any]:
    """The want-list fields to set on an item about to be saved with `status`.

    A wanted item's maximum price currency defaults to the vendor's (when it has one). An
    item leaving the want list forgets its maximum price, except the fields the same edit
    (`given`) sets: the model refuses those rather than silently dropping them."""
    if status == CollectibleStatus.WANTED:
        if values.get("max_price") is not None and not values.get("max_price_currency"):
            return {"max_price_currency": vendor_currency}
        return {}
    if previous_status == CollectibleStatus.WANTED:
        blanks = {"max_price": None, "max_price_currency": ""}
        return {field: blank for field, blank in blanks.items() if field not in given}
    return {}


def acquire_changes(
    *, purchase: Mapping[str, Any], vendor_currency: str, today: date
) -> dict[str, Any]:
    """What acquiring a wanted item sets: owned, the purchase (its currency defaulting to
    the vendor's, its date to `today`) and no maximum price any more."""
    changes: dict[str, Any] = {
        "status": CollectibleStatus.OWNED,
        "max_price": None,
        "max_price_currency": "",
        "purchase_date": purchase.get("purchase_date") or today,
        "purchase_currency": purchase.get("purchase_currency") or vendor_currency,
    }
    for field in ("purchase_price", "purchase_fees", "purchase_shipping", "quantity"):
        if purchase.get(field) is not None:
            changes[field] = purchase[field]
    return changes
