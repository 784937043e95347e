"""Writes of notifications: channels, the inbox, and each delivery attempt.

`notification_send` (one) and `notifications_send` (many, in two statements) are the
entry points for every app above (alerts), in `notifications.inbox`: they write the inbox
rows inside the caller's transaction and, once that commits, queue the instant deliveries
in one task (by name); digest deliveries wait for the channel's digest hour.
A delivery that fails transiently is retried with exponential backoff from the database
(`next_attempt_at`, picked up by the beat task "Deliver due notifications")."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from core import interactive
from notifications import outbound, rules

# The inbox's interface, for the apps above (alerts): re-exported.
from notifications.inbox import DELIVER_BATCH_TASK as DELIVER_BATCH_TASK
from notifications.inbox import Batch as Batch
from notifications.inbox import Message as Message
from notifications.inbox import channels_of as channels_of
from notifications.inbox import channels_statement as channels_statement
from notifications.inbox import notification_send as notification_send
from notifications.inbox import notifications_batch as notifications_batch
from notifications.inbox import notifications_send as notifications_send
from notifications.models import Channel, ChannelKind, Delivery, DeliveryStatus, Notification
from notifications.texts import notification_text
from users.languages import in_language_of
from users.models import User

logger = logging.getLogger(__name__)

DELIVER_TASK = "notifications.tasks.deliver"
OPEN = (DeliveryStatus.PENDING, DeliveryStatus.RETRYING)


class ChannelLimitError(Exception):
    pass


# --- channels ----------------------------------------------------------------------------


@transaction.atomic
def channel_create(*, user: User, **fields: Any) -> Channel:
    # Lock the user's row: two requests at once cannot both pass the cap.
    User.objects.select_for_update().get(pk=user.pk)
    if Channel.objects.filter(user=user).count() >= settings.NOTIFICATION_MAX_CHANNELS_PER_USER:
        raise ChannelLimitError(
            ngettext(
                "At most %(count)s channel per account.",
                "At most %(count)s channels per account.",
                settings.NOTIFICATION_MAX_CHANNELS_PER_USER,
            )
            % {"count": settings.NOTIFICATION_MAX_CHANNELS_PER_USER}
        )
    return Channel.objects.create(user=user, **fields)


@transaction.atomic
def channel_update(*, channel: Channel, **fields: Any) -> Channel:
    for name, value in fields.items():
        setattr(channel, name, value)
    channel.save()
    return channel


@transaction.atomic
def channel_delete(*, channel: Channel) -> None:
    channel.delete()


#: The task that sends a channel's test message for someone waiting (queue `interactive`).
TEST_CHANNEL_TASK = "notifications.tasks.test_channel"


class ChannelTestUnavailableError(Exception):
    """No worker answered a "send test" within NOTIFICATION_TEST_DEADLINE_SECONDS (none is
    consuming `interactive`, or all are busy); it may still be sent, nobody waits."""


def _send_through(channel: Channel, *, title: str, body: str, timeout: float | None = None) -> None:
    if channel.kind == ChannelKind.EMAIL:
        outbound.send_email(channel.email_target, subject=title, body=body, timeout=timeout)
    else:
        outbound.send_push(channel.apprise_url, title=title, body=body, timeout=timeout)


# The worker's answer for a channel deleted meanwhile, stored English (the worker has no
# reader to write for) and said in the request's language by `channel_test_once`.
CHANNEL_GONE = gettext_noop("This channel no longer exists.")


def channel_test_once(*, channel: Channel) -> str | None:
    """Have a worker send the channel's test message (task `test_channel`, queue
    `interactive`: the web process never talks to a mail server or push service) and
    wait for the outcome at most NOTIFICATION_TEST_DEADLINE_SECONDS: the error, or None
    when it went out. Raises `QueueUnavailableError` when the task cannot be sent and
    `ChannelTestUnavailableError` when no answer came in time."""
    answer = interactive.request_answer(
        TEST_CHANNEL_TASK,
        {"channel_id": channel.pk},
        timeout=settings.NOTIFICATION_TEST_DEADLINE_SECONDS,
    )
    if answer is None:
        raise ChannelTestUnavailableError()
    error = answer.get("error")
    if error == CHANNEL_GONE:
        return _(CHANNEL_GONE)  # the worker knows no reader: said in the request's language
    return str(error) if error else None


def channel_test_execute(*, request: dict[str, Any], timeout: float) -> dict[str, Any]:
    """On the worker: send the test message of the channel `request` names, within
    `timeout` seconds, and answer the outcome for the web (JSON)."""
    channel_id = request.get("channel_id")
    channel = (
        Channel.objects.select_related("user").filter(pk=channel_id).first()
        if isinstance(channel_id, int)
        else None
    )
    if channel is None:
        return {"error": CHANNEL_GONE}
    return {"error": channel_test(channel=channel, timeout=timeout)}


def channel_test(*, channel: Channel, timeout: float | None = None) -> str | None:
    """Send a test message now (no retries), within `timeout` seconds when given; the
    error, or None when it went out. The outcome is also the channel's `last_error` /
    `last_delivered_at`. Written in the channel's user's language."""
    try:
        with in_language_of(channel.user):
            _send_through(
                channel,
                title=_("Omni-Stock test message"),
                body=_("This channel (%(name)s) works: you will be told here.")
                % {"name": channel.name},
                timeout=timeout,
            )
    except outbound.DeliveryError as error:
        _channel_outcome(channel.pk, error=str(error))
        return str(error)
    _channel_outcome(channel.pk, error="")
    return None


def _channel_outcome(channel_id: int, *, error: str) -> None:
    changes: dict[str, Any] = {"last_error": error}
    if not error:
        changes["last_delivered_at"] = timezone.now()
    Channel.objects.filter(pk=channel_id).update(**changes)


# --- the inbox ---------------------------------------------------------------------------


@transaction.atomic
def notification_mark_read(*, notification: Notification) -> Notification:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


@transaction.atomic
def notification_mark_all_read(*, user: User) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


# --- deliveries --------------------------------------------------------------------------


def _record(
    deliveries: list[Delivery], channel: Channel, error: outbound.DeliveryError | None
) -> None:
    now = timezone.now()
    for delivery in deliveries:
        delivery.attempts += 1
        if error is None:
            delivery.status, delivery.sent_at, delivery.last_error = DeliveryStatus.SENT, now, ""
        elif error.transient and delivery.attempts < settings.NOTIFICATION_MAX_ATTEMPTS:
            delivery.status, delivery.last_error = DeliveryStatus.RETRYING, str(error)
            delivery.next_attempt_at = now + rules.retry_delay(
                delivery.attempts,
                base=settings.NOTIFICATION_RETRY_BASE_SECONDS,
                cap=settings.NOTIFICATION_RETRY_MAX_SECONDS,
            )
        else:
            delivery.status, delivery.last_error = DeliveryStatus.FAILED, str(error)
    Delivery.objects.bulk_update(
        deliveries, ["attempts", "status", "sent_at", "last_error", "next_attempt_at"]
    )
    _channel_outcome(channel.pk, error="" if error is None else str(error))


def _disabled(channel: Channel) -> outbound.DeliveryError | None:
    if channel.enabled:
        return None
    return outbound.DeliveryError(_("The channel is disabled."), transient=False)


@transaction.atomic
def delivery_attempt(*, delivery_id: int) -> str | None:
    """Send one instant delivery if it is still open and due; its new status, or None
    when there was nothing to do (already sent, or claimed by another worker)."""
    delivery = (
        Delivery.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("notification", "channel__user")
        .filter(pk=delivery_id, status__in=OPEN, next_attempt_at__lte=timezone.now())
        .first()
    )
    if delivery is None:
        return None
    channel, notification = delivery.channel, delivery.notification
    with in_language_of(channel.user):  # its texts and errors, as the user reads them
        error = _disabled(channel)
        if error is None:
            title, body = notification_text(notification)
            try:
                _send_through(channel, title=title, body=f"{body}\n\n{notification.link}".strip())
            except outbound.DeliveryError as exc:
                error = exc
    _record([delivery], channel, error)
    return delivery.status


@transaction.atomic
def digest_send(*, channel_id: int) -> int:
    """Send one message with every due digest delivery of the channel; how many it held."""
    deliveries = list(
        Delivery.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("notification", "channel__user")
        .filter(
            channel_id=channel_id, via_digest=True, status__in=OPEN,
            next_attempt_at__lte=timezone.now(),
        )
        .order_by("notification__created_at", "pk")
    )  # fmt: skip
    if not deliveries:
        return 0
    channel = deliveries[0].channel
    with in_language_of(channel.user):
        error = _disabled(channel)
        if error is None:
            lines = []
            for delivery in deliveries:
                title, body = notification_text(delivery.notification)
                lines.append(f"• {title}" + (f"\n  {body}" if body else ""))
            count = len(deliveries)
            title = ngettext(
                "Omni-Stock: %(count)s notification today",
                "Omni-Stock: %(count)s notifications today",
                count,
            ) % {"count": count}
            try:
                _send_through(channel, title=title, body="\n".join(lines))
            except outbound.DeliveryError as exc:
                error = exc
    _record(deliveries, channel, error)
    return len(deliveries)
