"""Reads of alerts for the API: a user's own rules and events."""

from __future__ import annotations

from django.db.models import QuerySet

from alerts.models import AlertEvent, AlertRule
from users.models import User
from vendors.selectors import vendor_ids_for_user


def alert_rule_list_for_user(*, user: User) -> QuerySet[AlertRule]:
    """The user's own rules on vendors they still belong to (a rule of a vendor they left
    is kept, unseen and never evaluated, until they rejoin or it is deleted)."""
    return AlertRule.objects.filter(
        owner=user, vendor_id__in=vendor_ids_for_user(user=user)
    ).select_related("collectible")


def alert_event_list_for_user(*, user: User) -> QuerySet[AlertEvent]:
    return AlertEvent.objects.filter(
        rule__owner=user, rule__vendor_id__in=vendor_ids_for_user(user=user)
    ).select_related("rule")
