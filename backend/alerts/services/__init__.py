"""Writes of alerts (docs/alerts.md): rules, and their evaluation into events."""

from alerts.services.alert_rules import (
    alert_rule_create,
    alert_rule_delete,
    alert_rule_update,
    alert_rules_after_acquire,
)
from alerts.services.evaluation import alerts_evaluate_prices
from alerts.services.pauses_values import alerts_evaluate_pause, alerts_evaluate_values

__all__ = [
    "alert_rule_create",
    "alert_rule_delete",
    "alert_rule_update",
    "alert_rules_after_acquire",
    "alerts_evaluate_pause",
    "alerts_evaluate_prices",
    "alerts_evaluate_values",
]
