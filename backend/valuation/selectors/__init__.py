"""Reads of collection value, by subject: item values (`values`), the dashboard
(`dashboard`) and its headline in the display currency (`display`), the value over time (`history`), an item's best current offers
(`offers`) and a want list's seller bundles (`bundles`), both read from the same
observations (`observations`). The rules they apply are in
`valuation.rules`."""

from valuation.selectors.dashboard import dashboard, valuation_as_item_value, vendor_for_dashboard
from valuation.selectors.display import display_totals
from valuation.selectors.history import (
    RANGES,
    DayValue,
    collection_values_by_day,
    value_history,
)
from valuation.selectors.offers import Offer, best_offer_by_item, best_offers
from valuation.selectors.values import (
    ITEM_FIELDS,
    item_ids_needing_valuation,
    item_valuations,
    items_needing_valuation,
)

__all__ = [
    "ITEM_FIELDS",
    "RANGES",
    "DayValue",
    "Offer",
    "best_offer_by_item",
    "best_offers",
    "collection_values_by_day",
    "dashboard",
    "display_totals",
    "item_ids_needing_valuation",
    "item_valuations",
    "items_needing_valuation",
    "valuation_as_item_value",
    "value_history",
    "vendor_for_dashboard",
]
