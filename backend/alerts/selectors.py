"""Reads of alerts: a user's rules and events, and the rules one price news concerns."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from alerts.models import AlertEvent, AlertKind, AlertRule
from users.models import User
from vendors.models import Membership
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


def _still_a_member() -> Exists:
    return Exists(
        Membership.objects.filter(user_id=OuterRef("owner_id"), vendor_id=OuterRef("vendor_id"))
    )


def rules_for_item(
    *, collectible_id: int, vendor_id: int, kinds: frozenset[str] | set[str]
) -> QuerySet[AlertRule]:
    """The enabled rules of these kinds on the item or on its whole vendor, whose owner is
    still a member: one query on the partial indexes, rows locked (their armed state
    changes) in id order so two runs of one item wait for each other, not deadlock."""
    return (
        AlertRule.objects.filter(
            Q(collectible_id=collectible_id) | Q(vendor_id=vendor_id, collectible__isnull=True),
            _still_a_member(),
            enabled=True,
            kind__in=kinds,
        )
        .select_related("owner")
        .select_for_update(of=("self",))
        .order_by("id")
    )


def value_rules() -> QuerySet[AlertRule]:
    """Enabled collection-value rules whose owner is still a member, locked."""
    return (
        AlertRule.objects.filter(
            _still_a_member(), enabled=True, kind=AlertKind.COLLECTION_VALUE_CHANGE
        )
        .select_related("owner", "vendor")
        .select_for_update(of=("self",))
        .order_by("id")
    )
