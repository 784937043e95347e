"""Reads of alerts: a user's rules and events (`lists`), and what an evaluation reads —
the rules one price news concerns (`item_rules`) and the item's prices (`item_prices`)."""

from alerts.selectors.item_prices import (
    OUT_OF_STOCK,
    ItemPrices,
    SeenPrice,
    item_prices_of,
    item_prices_statement,
    seen_price,
)
from alerts.selectors.item_rules import (
    owners_statement,
    rules_for_item,
    rules_for_item_statement,
    rules_of,
    value_rules,
)
from alerts.selectors.lists import alert_event_list_for_user, alert_rule_list_for_user

__all__ = [
    "OUT_OF_STOCK",
    "ItemPrices",
    "SeenPrice",
    "alert_event_list_for_user",
    "alert_rule_list_for_user",
    "item_prices_of",
    "item_prices_statement",
    "owners_statement",
    "rules_for_item",
    "rules_for_item_statement",
    "rules_of",
    "seen_price",
    "value_rules",
]
