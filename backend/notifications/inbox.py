"""Putting notifications in users' inboxes and scheduling them on their channels: the
interface of every app above (alerts). Re-exported by `notifications.services`.

`notifications_send` writes inside the caller's transaction and, once that commits,
queues the instant deliveries in **one** task (by name); digest deliveries wait for the
channel's digest hour, quiet hours for their end.

Alerts fires a scrape run's rules with one call, inside the run's transaction, so this is
written for round trips (docs/alerts.md, performance): two statements whatever the number
of messages — the inbox rows inserted (`ON CONFLICT DO NOTHING` skipping a key already
used) together with reading their users' channels, then the deliveries — in SQL, as the
ORM can neither ignore conflicts and return the new ids, nor read in the same statement."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from celery import current_app
from django.db import connection, transaction
from django.utils import timezone

from core.sql import Statement, run_together
from notifications import rules
from notifications.models import Channel, ChannelMode, Delivery, DeliveryStatus, Notification
from users.models import User

#: The instant deliveries of one transaction, in one task (queued on commit).
DELIVER_BATCH_TASK = "notifications.tasks.deliver_batch"


@dataclass(frozen=True)
class Message:
    """One notification to put in a user's inbox (`notifications_send`)."""

    user_id: int
    kind: str
    title: str
    body: str
    link: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    #: Unique per user: a key already used creates nothing (a task delivered twice).
    dedupe_key: str | None = None


def notification_send(
    *,
    user: User,
    kind: str,
    title: str,
    body: str,
    link: str = "",
    data: dict | None = None,
    dedupe_key: str | None = None,
) -> Notification | None:
    """Put a notification in the user's inbox and schedule it on every enabled channel.

    A `dedupe_key` already used for this user creates nothing and returns None (a task
    delivered twice tells once)."""
    message = Message(
        user_id=user.pk, kind=kind, title=title, body=body, link=link, data=data or {},
        dedupe_key=dedupe_key,
    )  # fmt: skip
    return notifications_send(messages=[message])[0]


#: What scheduling needs of a channel (`_schedule`); the rest (its secret URL) is not read.
#: (In the model's field order, as `Model.from_db` takes them.)
_CHANNEL_FIELDS = tuple(
    field.attname
    for field in Channel._meta.concrete_fields
    if field.attname
    in {"id", "user_id", "mode", "digest_hour", "quiet_start", "quiet_end", "time_zone"}
)
#: The channel columns `_INSERT_SQL` reads after `id, user_id`.
_SCHEDULING = ("mode", "digest_hour", "quiet_start", "quiet_end", "time_zone")
#: The inbox rows (`ON CONFLICT DO NOTHING`: a key already used, even one committed a
#: moment ago by another worker, is skipped), and the enabled channels of their users.
#: Rows without a key never conflict: they come back all of them, in the order given (as
#: the ORM's `bulk_create` relies on); keyed ones are told apart by their key.
_INSERT_SQL = """
    WITH new AS (
        INSERT INTO {notifications}
            (user_id, kind, title, body, link, data, dedupe_key, created_at)
        VALUES {values}
        ON CONFLICT (user_id, dedupe_key) DO NOTHING
        RETURNING id, user_id, dedupe_key
    )
    SELECT 'notification', id, user_id, dedupe_key, NULL, NULL::smallint, NULL::time,
           NULL::time, NULL
    FROM new
    UNION ALL
    SELECT 'channel', id, user_id, NULL, mode, digest_hour, quiet_start, quiet_end, time_zone
    FROM {channels} WHERE user_id = ANY(%s) AND enabled
"""
_DELIVERIES_SQL = """
    INSERT INTO {table}
        (notification_id, channel_id, via_digest, status, attempts, last_error, next_attempt_at)
    VALUES {values}
    RETURNING id
"""


def _schedule(channel: Channel, now: datetime) -> tuple[bool, datetime]:
    """(via the digest, when to send)."""
    if channel.mode == ChannelMode.DIGEST:
        return True, rules.next_digest_at(now, channel.digest_hour, channel.time_zone)
    quiet = rules.quiet_until(now, channel.quiet_start, channel.quiet_end, channel.time_zone)
    return False, quiet or now


#: The caller's statements `notifications_send_then` runs with the deliveries' insert,
#: built from the notifications it created (None where a key was used).
Then = Callable[[list[Notification | None]], Sequence[Statement]]


def notifications_send(*, messages: Sequence[Message]) -> list[Notification | None]:
    """`notification_send` for many at once, in two statements whatever their number.
    Answers the notification of each message (with its id), None where its key was used
    (or appears earlier in the batch)."""
    return notifications_send_then(messages=messages, then=lambda created: ())[0]


@transaction.atomic(savepoint=False)
def notifications_send_then(
    *, messages: Sequence[Message], then: Then
) -> tuple[list[Notification | None], list[list[tuple[Any, ...]]]]:
    """`notifications_send`, and the caller's own statements that refer to the new
    notifications (alerts: its events, which name them) run in the same round trip as the
    deliveries' insert, right after it: (the notifications, the rows of each of `then`'s
    statements)."""
    now = timezone.now()
    rows: list[Notification | None] = []
    keys: set[tuple[int, str]] = set()
    for message in messages:
        key = message.dedupe_key
        if key is not None and (message.user_id, key) in keys:
            rows.append(None)
            continue
        if key is not None:
            keys.add((message.user_id, key))
        rows.append(
            Notification(
                user_id=message.user_id, kind=message.kind[:50], title=message.title[:200],
                body=message.body, link=message.link[:500], data=message.data or {},
                dedupe_key=key, created_at=now,
            )
        )  # fmt: skip
    new = [row for row in rows if row is not None]
    created: list[Notification] = []
    channels: dict[int, list[Channel]] = {}
    if new:
        created, channels = _insert_rows(new, now)
    kept = {id(row) for row in created}
    answer = [row if row is not None and id(row) in kept else None for row in rows]
    plan = [
        (notification.pk, channel.pk, *_schedule(channel, now))
        for notification in created
        for channel in channels.get(notification.user_id, ())
    ]
    theirs = list(then(answer))
    if not plan and not theirs:
        return answer, []
    found = run_together(*([_deliveries(plan)] if plan else []), *theirs)
    if plan:
        ids = [pk for (pk,) in found.pop(0)]
        instant = [
            pk for pk, (_, _, digest, at) in zip(ids, plan, strict=True) if not digest and at <= now
        ]
        if instant:
            transaction.on_commit(lambda: _publish(instant), robust=True)
    return answer, found


def _insert_rows(
    new: list[Notification], now: datetime
) -> tuple[list[Notification], dict[int, list[Channel]]]:
    """The rows inserted (their id set) and the enabled channels of their users."""
    params: list[Any] = []
    for row in new:
        params += [row.user_id, row.kind, row.title, row.body, row.link]
        params += [json.dumps(row.data), row.dedupe_key, now]
    params.append(sorted({row.user_id for row in new}))
    sql = _INSERT_SQL.format(
        notifications=Notification._meta.db_table,
        channels=Channel._meta.db_table,
        values=", ".join(["(%s, %s, %s, %s, %s, %s::jsonb, %s, %s)"] * len(new)),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        returned = cursor.fetchall()
    by_key: dict[tuple[int, str], int] = {}
    unkeyed: list[int] = []
    channels: dict[int, list[Channel]] = {}
    for part, pk, user_id, key, *scheduling in returned:
        if part == "channel":
            named = dict(zip(_SCHEDULING, scheduling, strict=True), id=pk, user_id=user_id)
            values = [named[name] for name in _CHANNEL_FIELDS]
            channel = Channel.from_db(connection.alias, _CHANNEL_FIELDS, values)
            channels.setdefault(user_id, []).append(channel)
        elif key is None:
            unkeyed.append(pk)
        else:
            by_key[(user_id, key)] = pk
    created = []
    order = iter(unkeyed)
    for row in new:
        pk = next(order) if row.dedupe_key is None else by_key.get((row.user_id, row.dedupe_key))
        if pk is not None:
            row.pk = pk
            row._state.adding = False
            row._state.db = connection.alias
            created.append(row)
    return created, channels


def _deliveries(plan: list[tuple[int, int, bool, datetime]]) -> Statement:
    """(notification, channel, via the digest, when) → the insert of the deliveries (it
    returns their ids in that order, as the ORM's `bulk_create` relies on)."""
    sql = _DELIVERIES_SQL.format(
        table=Delivery._meta.db_table,
        values=", ".join(["(%s, %s, %s, %s, 0, '', %s)"] * len(plan)),
    )
    params: list[Any] = []
    for notification_id, channel_id, via_digest, at in plan:
        params += [notification_id, channel_id, via_digest, DeliveryStatus.PENDING, at]
    return sql, params


def _publish(delivery_ids: list[int]) -> None:
    """Queue the sends, one task for the whole transaction's; a broker that is down only
    delays them (beat picks them up)."""
    current_app.send_task(DELIVER_BATCH_TASK, args=(delivery_ids,))
