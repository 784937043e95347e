"""Rules about an item's fields that every writer shares (the API's services, the admin,
importers): what selling an item, or taking it back into the collection, does to its sale
details. Pure: they take values and return the changes to make."""

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
