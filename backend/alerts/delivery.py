"""Firing a rule: the stored event, and the notification it becomes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db import connection

from alerts.models import AlertEvent, AlertRule
from core.sql import Statement, run_together
from notifications.models import Notification
from notifications.services import Message, notifications_send_then

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


def events_fire(
    *, firings: Sequence[tuple[AlertRule, Firing]], then: Sequence[Statement] = ()
) -> list[AlertEvent]:
    """Notify the rules' owners and store the events, in the caller's transaction, in two
    round trips whatever their number: the notifications in one batch (one task queued
    on commit for all their instant deliveries), the events in one insert.
    The same trigger again (a re-delivered task) sends and stores nothing: an event is
    returned (with its id) only for the firings that were new. The notifications go
    first, keyed by rule and trigger (docs/alerts.md, performance). `then`: statements
    to run right after the events' insert, in the same round trip (the rules' states)."""
    if not firings:
        if then:
            run_together(*then)
        return []
    events: list[AlertEvent] = []

    def insert_events(notifications: list[Notification | None]) -> list[Statement]:
        """The events of the firings whose notification is new, then `then`."""
        events.extend(
            AlertEvent(
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
            for (rule, firing), notification in zip(firings, notifications, strict=True)
            if notification is not None
        )
        return [_insert(events), *then] if events else list(then)

    # The notifications (with their users' channels), then their deliveries, the events
    # and `then` together: two round trips.
    _, found = notifications_send_then(
        messages=[
            Message(
                user_id=rule.owner_id,
                kind=NOTIFICATION_KIND,
                title=firing.title[:200],
                body=firing.body,
                link=firing.link,
                data={"rule": rule.pk, "alert_kind": rule.kind, **firing.data},
                dedupe_key=f"alert:{rule.pk}:{firing.trigger_key}",
            )
            for rule, firing in firings
        ],
        then=insert_events,
    )
    if not events:
        return []
    stored = {(rule_id, key): pk for pk, rule_id, key in found[0]}
    kept = []
    for event in events:
        pk = stored.get((event.rule_id, event.trigger_key))
        if pk is not None:
            event.pk = pk
            event._state.adding = False
            event._state.db = connection.alias
            kept.append(event)
    return kept


#: The unique (rule, trigger_key) is the backstop (an inbox row deleted meanwhile lets
#: the notification through again): `ON CONFLICT DO NOTHING` then stores the event once
#: and the run's transaction does not fail. One statement, in SQL: the ORM cannot both
#: ignore conflicts and return the new ids.
_INSERT_SQL = """
    INSERT INTO {table} ({columns}) VALUES {values}
    ON CONFLICT (rule_id, trigger_key) DO NOTHING
    RETURNING id, rule_id, trigger_key
"""
_COLUMNS = (
    "rule_id", "collectible_id", "trigger_key", "fired_at", "observation_id", "price",
    "currency", "source", "url", "message", "notification_id",
)  # fmt: skip


def _insert(events: list[AlertEvent]) -> Statement:
    """The insert of the events; it returns those stored (not those already there)."""
    sql = _INSERT_SQL.format(
        table=AlertEvent._meta.db_table,
        columns=", ".join(_COLUMNS),
        values=", ".join([f"({', '.join(['%s'] * len(_COLUMNS))})"] * len(events)),
    )
    return sql, [getattr(event, column) for event in events for column in _COLUMNS]
