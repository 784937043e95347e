"""Writes of alert rules: any member of a vendor may alert themselves about what they can
read (viewers too: an alert changes nothing of the vendor's)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alerts import rules
from alerts.models import AlertKind, AlertRule
from inventory.models import Collectible
from users.models import User
from vendors.models import Vendor

#: What a change of these restarts: the rule is armed again as if new.
RESETTING = ("kind", *rules.ALL_PARAMETERS)


def _check(rule: AlertRule) -> None:
    collectible: Collectible | None = rule.collectible
    if collectible is not None:
        if rule.vendor_id is not None and rule.vendor_id != collectible.vendor_id:
            raise ValidationError({"vendor": [_("The item belongs to another vendor.")]})
        rule.vendor_id = collectible.vendor_id
        if rule.kind == "price_at_or_below" and not rule.target_currency:
            rule.target_currency = collectible.vendor.default_currency
    if rule.vendor_id is None:
        raise ValidationError({"vendor": [_("Give the item or the vendor this rule watches.")]})
    values = {name: getattr(rule, name) for name in rules.ALL_PARAMETERS}
    problems = rules.rule_problems(kind=rule.kind, has_item=collectible is not None, values=values)
    if problems:
        raise ValidationError({name: [message] for name, message in problems.items()})
    rule.target_currency = rule.target_currency.upper()


def _rearm(rule: AlertRule) -> None:
    rule.armed = rule.kind not in rules.STARTS_DISARMED
    rule.item_armed = {}


@transaction.atomic
def alert_rule_create(*, owner: User, data: dict[str, Any]) -> AlertRule:
    """`data`: validated fields; `collectible` and `vendor` are ones `owner` can read."""
    vendor: Vendor | None = data.get("vendor")
    rule = AlertRule(
        owner=owner,
        vendor=vendor,
        collectible=data.get("collectible"),
        kind=data["kind"],
        target_amount=data.get("target_amount"),
        target_currency=data.get("target_currency") or "",
        percent=data.get("percent"),
        window_days=data.get("window_days"),
        enabled=data.get("enabled", True),
    )
    _check(rule)
    _rearm(rule)
    rule.full_clean(exclude=["owner", "vendor", "collectible"])
    rule.save()
    return rule


@transaction.atomic
def alert_rule_update(*, rule: AlertRule, data: dict[str, Any]) -> AlertRule:
    """Change a rule's kind, target or `enabled` (what it watches stays: a new item is a
    new rule); a new kind or target starts it afresh (armed)."""
    rule = (
        AlertRule.objects.select_for_update(of=("self",))
        .select_related("collectible__vendor", "vendor")
        .get(pk=rule.pk)
    )
    resets = any(name in data and data[name] != getattr(rule, name) for name in RESETTING)
    for name, value in data.items():
        setattr(rule, name, "" if name == "target_currency" and value is None else value)
    if "kind" in data:  # what the old kind took and the new one does not is dropped
        for name in set(rules.ALL_PARAMETERS) - rules.PARAMETERS[rule.kind] - set(data):
            setattr(rule, name, "" if name == "target_currency" else None)
    _check(rule)
    if resets:
        _rearm(rule)
    rule.full_clean(exclude=["owner", "vendor", "collectible"])
    rule.save()
    return rule


@transaction.atomic
def alert_rule_delete(*, rule: AlertRule) -> None:
    """Delete the rule and its events (the notifications already sent stay in the inbox)."""
    rule.delete()


@transaction.atomic
def alert_rules_after_acquire(*, collectible: Collectible) -> int:
    """A wanted item was bought ("I bought it", `inventory.hooks`): its enabled "price at
    or below" rules, everyone's, are switched off — the collector no longer wants to buy
    it. Kept (not deleted), with their events; the other kinds go on. How many."""
    return AlertRule.objects.filter(
        collectible=collectible, kind=AlertKind.PRICE_AT_OR_BELOW, enabled=True
    ).update(enabled=False, updated_at=timezone.now())
