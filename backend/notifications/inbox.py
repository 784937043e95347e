"""Putting notifications in users' inboxes and scheduling them on their channels: the
interface of every app above (alerts). Re-exported by `notifications.services`.

`notifications_send` writes inside the caller's transaction and, once that commits,
queues the instant deliveries in **one** task (by name); digest deliveries wait for the
channel's digest hour, quiet hours for their end.

Alerts fires a scrape run's rules inside the run's transaction, so this is written for
round trips (docs/alerts.md, performance): the users' channels are one statement
(`channels_statement`, which alerts sends with its own reads), and the inbox rows with
their deliveries another (`notifications_batch`: `ON CONFLICT DO NOTHING` skips a key
already used), which alerts sends with its events — in SQL, as the ORM can neither ignore
conflicts and return the new ids, nor chain the inserts in one statement."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from celery import current_app
from django.db import connection, transaction
from django.utils import timezone

from core.sql import Statement, json_rows, recordset, run_together
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
_CHANNELS_SQL = "SELECT {columns} FROM {channels} WHERE enabled AND user_id IN ({users})"
#: The inbox rows (`ON CONFLICT DO NOTHING`: a key already used, even one committed a
#: moment ago by another worker, is skipped) and, for each new one, a delivery on each
#: enabled channel of its user, in one statement; it answers the new rows and the
#: deliveries to queue now (instant, outside quiet hours). Rows without a key never
#: conflict: they come back all of them, in the order given (as the ORM's `bulk_create`
#: relies on); keyed ones are told apart by their key. The rows as JSON record sets
#: (`core.sql.recordset`), not a `VALUES` list: the text is the same whatever the number
#: of rows (psycopg parses it once).
_MESSAGE_COLUMNS = (
    ("user_id", "bigint"), ("kind", "varchar"), ("title", "varchar"), ("body", "text"),
    ("link", "varchar"), ("data", "jsonb"), ("dedupe_key", "varchar"),
)  # fmt: skip
_PLAN_COLUMNS = (
    ("user_id", "bigint"), ("channel", "bigint"), ("digest", "boolean"), ("at", "timestamptz"),
)  # fmt: skip
_SEND_SQL = """
    WITH new AS (
        INSERT INTO {notifications}
            (user_id, kind, title, body, link, data, dedupe_key, created_at)
        SELECT {message_columns}, %s::timestamptz FROM {messages}
        ON CONFLICT (user_id, dedupe_key) DO NOTHING
        RETURNING id, user_id, dedupe_key
    ),
    planned AS (
        INSERT INTO {deliveries}
            (notification_id, channel_id, via_digest, status, attempts, last_error,
             next_attempt_at)
        SELECT new.id, p.channel, p.digest, %s, 0, '', p.at
        FROM new JOIN {plan} ON p.user_id = new.user_id
        RETURNING id, via_digest, next_attempt_at
    )
    SELECT 'notification', id, user_id, dedupe_key FROM new
    UNION ALL
    SELECT 'delivery', id, NULL, NULL FROM planned WHERE NOT via_digest AND next_attempt_at <= %s
""".format(  # noqa: S608 — table and column names are the models', values are parameters
    notifications=Notification._meta.db_table,
    deliveries=Delivery._meta.db_table,
    message_columns=", ".join(f"m.{name}" for name, _ in _MESSAGE_COLUMNS),
    messages=recordset("m", _MESSAGE_COLUMNS),
    plan=recordset("p", _PLAN_COLUMNS),
)


def channels_statement(*, users: Statement) -> Statement:
    """The enabled channels of the users `users` selects (a query of user ids), for a
    caller that sends it with its own statements (`core.sql.run_together`); `channels_of`
    reads its rows."""
    sql = _CHANNELS_SQL.format(
        columns=", ".join(_CHANNEL_FIELDS), channels=Channel._meta.db_table, users=users[0]
    )
    return sql, list(users[1])


def channels_of(rows: Iterable[Sequence[Any]]) -> dict[int, list[Channel]]:
    """User id → the channels a `channels_statement` read."""
    found: dict[int, list[Channel]] = {}
    for row in rows:
        channel = Channel.from_db(connection.alias, _CHANNEL_FIELDS, list(row))
        found.setdefault(channel.user_id, []).append(channel)
    return found


def _schedule(channel: Channel, now: datetime) -> tuple[bool, datetime]:
    """(via the digest, when to send)."""
    if channel.mode == ChannelMode.DIGEST:
        return True, rules.next_digest_at(now, channel.digest_hour, channel.time_zone)
    quiet = rules.quiet_until(now, channel.quiet_start, channel.quiet_end, channel.time_zone)
    return False, quiet or now


class Batch:
    """Messages to send in one statement (`notifications_batch`): put it in a round trip
    (`statement`), then hand its rows to `read`. `created_at` is the moment every new
    row carries: a statement sent after it in the same round trip can find the rows this
    batch created (`created_at = batch.created_at`, as alerts' events do)."""

    def __init__(
        self, messages: Sequence[Message], channels: dict[int, list[Channel]], now: datetime
    ) -> None:
        self.created_at = now
        self.rows: list[Notification | None] = []
        keys: set[tuple[int, str]] = set()
        for message in messages:
            key = message.dedupe_key
            if key is not None and (message.user_id, key) in keys:
                self.rows.append(None)  # the same key earlier in the batch: told once
                continue
            if key is not None:
                keys.add((message.user_id, key))
            self.rows.append(
                Notification(
                    user_id=message.user_id, kind=message.kind[:50], title=message.title[:200],
                    body=message.body, link=message.link[:500], data=message.data or {},
                    dedupe_key=key, created_at=now,
                )
            )  # fmt: skip
        new = [row for row in self.rows if row is not None]
        plan = [
            (user_id, channel.pk, *_schedule(channel, now))
            for user_id in sorted({row.user_id for row in new})
            for channel in channels.get(user_id, ())
        ]
        self.statement: Statement = (
            _SEND_SQL,
            [
                now,
                json_rows(
                    {name: getattr(row, name) for name, _ in _MESSAGE_COLUMNS} for row in new
                ),
                DeliveryStatus.PENDING,
                json_rows(
                    {name: value for (name, _), value in zip(_PLAN_COLUMNS, step, strict=True)}
                    for step in plan
                ),
                now,
            ],
        )

    def read(self, rows: Iterable[Sequence[Any]]) -> list[Notification | None]:
        """The notification of each message (with its id), None where its key was used
        (or appears earlier in the batch); queues the instant deliveries on commit."""
        by_key: dict[tuple[int, str], int] = {}
        unkeyed: list[int] = []
        instant: list[int] = []
        for part, pk, user_id, key in rows:
            if part == "delivery":
                instant.append(pk)
            elif key is None:
                unkeyed.append(pk)
            else:
                by_key[(user_id, key)] = pk
        order = iter(unkeyed)
        answer: list[Notification | None] = []
        for row in self.rows:
            pk = None
            if row is not None:
                pk = (
                    next(order)
                    if row.dedupe_key is None
                    else by_key.get((row.user_id, row.dedupe_key))
                )
            if row is None or pk is None:
                answer.append(None)
                continue
            row.pk = pk
            row._state.adding = False
            row._state.db = connection.alias
            answer.append(row)
        if instant:
            transaction.on_commit(lambda: _publish(instant), robust=True)
        return answer


def notifications_batch(
    *, messages: Sequence[Message], channels: dict[int, list[Channel]]
) -> Batch:
    """`messages` as one statement, for a caller that sends it together with its own
    (alerts: its events and rules' states) in one round trip, having read the users'
    `channels` beforehand (`channels_statement`). Inside the caller's transaction."""
    return Batch(messages, channels, timezone.now())


@transaction.atomic(savepoint=False)
def notifications_send(*, messages: Sequence[Message]) -> list[Notification | None]:
    """`notification_send` for many at once, in two statements whatever their number
    (the users' channels, then the batch). Answers the notification of each message
    (with its id), None where its key was used (or appears earlier in the batch)."""
    if not messages:
        return []
    users = sorted({message.user_id for message in messages})
    (channel_rows,) = run_together(
        channels_statement(users=("SELECT unnest(%s::bigint[])", [users]))
    )
    batch = notifications_batch(messages=messages, channels=channels_of(channel_rows))
    (rows,) = run_together(batch.statement)
    return batch.read(rows)


def _publish(delivery_ids: list[int]) -> None:
    """Queue the sends, one task for the whole transaction's; a broker that is down only
    delays them (beat picks them up)."""
    current_app.send_task(DELIVER_BATCH_TASK, args=(delivery_ids,))
