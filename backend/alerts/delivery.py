"""Firing a rule: the stored event, and the notification it becomes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from alerts.models import AlertEvent, AlertRule
from notifications.services import notification_send

#: The notification kind of every alert (its rule's kind travels in `data`).
NOTIFICATION_KIND = "alert"


@dataclass(frozen=True)
class Firing:
    """What fired a rule, in words and in figures."""

    trigger_key: str
    title: str
    body: str
    fired_at: datetime
    collectible_id: int | None = None
    observation_id: int | None = None
    price: Decimal | None = None
    currency: str = ""
    source: str = ""
    url: str = ""
    link: str = "/alerts"
    data: dict[str, Any] = field(default_factory=dict)


def event_fire(*, rule: AlertRule, firing: Firing) -> AlertEvent | None:
    """Notify the rule's owner and store the event, in the caller's transaction. The same
    trigger again (a re-delivered task) sends and stores nothing: None. The notification
    goes first, keyed by rule and trigger, so a duplicate costs one lookup and a firing
    a few statements (docs/alerts.md, performance)."""
    notification = notification_send(
        user=rule.owner,
        kind=NOTIFICATION_KIND,
        title=firing.title[:200],
        body=firing.body,
        link=firing.link,
        data={"rule": rule.pk, "alert_kind": rule.kind, **firing.data},
        dedupe_key=f"alert:{rule.pk}:{firing.trigger_key}",
    )
    if notification is None:
        return None
    event = AlertEvent(
        rule=rule,
        trigger_key=firing.trigger_key,
        collectible_id=firing.collectible_id,
        fired_at=firing.fired_at,
        observation_id=firing.observation_id,
        price=firing.price,
        currency=firing.currency,
        source=firing.source,
        url=firing.url[:2000],
        message=f"{firing.title}\n{firing.body}".strip(),
        notification_id=notification.pk,
    )
    # The unique (rule, trigger_key) is the backstop (an inbox row deleted meanwhile lets
    # the notification through again): the event is then not stored twice, nor does the
    # run's transaction fail. ON CONFLICT DO NOTHING: the returned event has no id.
    AlertEvent.objects.bulk_create([event], ignore_conflicts=True)
    return event
