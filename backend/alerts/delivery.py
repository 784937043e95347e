"""Firing a rule: the stored event, and the notification it becomes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db import connection

from alerts.models import AlertEvent, AlertRule
from core.sql import Statement, json_rows, prepared, recordset, run_together
from notifications.models import Channel, Notification
from notifications.services import Message, channels_of, channels_statement, notifications_batch

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
    *,
    firings: Sequence[tuple[AlertRule, Firing]],
    then: Sequence[Statement] = (),
    channels: dict[int, list[Channel]] | None = None,
) -> list[AlertEvent]:
    """Notify the rules' owners and store the events, in the caller's transaction, in one
    round trip whatever their number: the notifications with their deliveries (one task
    queued on commit for all the instant ones), the events, then `then` (statements to
    run right after, in the same round trip: the rules' states). `channels`: the owners'
    channels, read beforehand with the caller's own reads (`channels_statement`; else
    one more round trip reads them). The same trigger again (a re-delivered task) sends
    and stores nothing: an event is returned (with its id) only for the firings that were
    new. The notifications go first, keyed by rule and trigger (docs/alerts.md)."""
    if not firings:
        if then:
            run_together(*then)
        return []
    if channels is None:
        owners = ("SELECT unnest(%s::bigint[])", [sorted({rule.owner_id for rule, _ in firings})])
        channels = channels_of(run_together(channels_statement(users=owners))[0])
    batch = notifications_batch(
        messages=[
            Message(
                user_id=rule.owner_id,
                kind=NOTIFICATION_KIND,
                title=firing.title[:200],
                body=firing.body,
                link=firing.link,
                data={"rule": rule.pk, "alert_kind": rule.kind, **firing.data},
                dedupe_key=_dedupe_key(rule, firing),
            )
            for rule, firing in firings
        ],
        channels=channels,
    )
    events = {
        (rule.pk, firing.trigger_key): AlertEvent(
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
        )
        for rule, firing in firings
    }
    sent, stored, *_ = run_together(
        prepared(batch.statement),
        prepared(_insert(list(events.values()), firings, batch.created_at)),
        *then,
    )
    batch.read(sent)
    kept = []
    for pk, rule_id, key, notification_id in stored:
        event = events[(rule_id, key)]
        event.pk, event.notification_id = pk, notification_id
        event._state.adding = False
        event._state.db = connection.alias
        kept.append(event)
    return kept


def _dedupe_key(rule: AlertRule, firing: Firing) -> str:
    return f"alert:{rule.pk}:{firing.trigger_key}"


#: The events of the firings whose notification this batch created (found by its owner,
#: key and the batch's `created_at`: a key used before is another moment's row), with
#: its id. The unique (rule, trigger_key) is the backstop (an inbox row deleted meanwhile
#: lets the notification through again): `ON CONFLICT DO NOTHING` then stores the event
#: once and the run's transaction does not fail. In SQL: the ORM cannot both ignore
#: conflicts and return the new ids. A JSON record set (`core.sql.recordset`), not a
#: `VALUES` list: the text is the same whatever the number of events (psycopg parses it
#: once, docs/alerts.md).
_COLUMNS = (
    ("rule_id", "bigint"), ("collectible_id", "bigint"), ("trigger_key", "varchar"),
    ("fired_at", "timestamptz"), ("observation_id", "bigint"), ("price", "numeric"),
    ("currency", "varchar"), ("source", "varchar"), ("url", "varchar"), ("message", "text"),
)  # fmt: skip
_INSERT_SQL = """
    INSERT INTO {table} ({columns}, notification_id)
    SELECT {event_columns}, n.id
    FROM {events}
    JOIN {notifications} n ON n.user_id = e.owner_id AND n.dedupe_key = e.dedupe_key
        AND n.created_at = %s
    ON CONFLICT (rule_id, trigger_key) DO NOTHING
    RETURNING id, rule_id, trigger_key, notification_id
""".format(  # noqa: S608 — table and column names are the models', values are parameters
    table=AlertEvent._meta.db_table,
    notifications=Notification._meta.db_table,
    columns=", ".join(name for name, _ in _COLUMNS),
    event_columns=", ".join(f"e.{name}" for name, _ in _COLUMNS),
    events=recordset("e", (*_COLUMNS, ("owner_id", "bigint"), ("dedupe_key", "varchar"))),
)


def _insert(
    events: list[AlertEvent], firings: Sequence[tuple[AlertRule, Firing]], created_at: datetime
) -> Statement:
    """The insert of the events (in the order of `firings`); it returns those stored."""
    rows = (
        {name: getattr(event, name) for name, _ in _COLUMNS}
        | {"owner_id": rule.owner_id, "dedupe_key": _dedupe_key(rule, firing)}
        for event, (rule, firing) in zip(events, firings, strict=True)
    )
    return _INSERT_SQL, [json_rows(rows), created_at]
