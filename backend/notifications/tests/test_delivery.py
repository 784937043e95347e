"""notification_send and delivery: deduplication, instant sends to a real local SMTP server
and web hook, retries with backoff, quiet hours, the daily digest, the guard at send time."""

from datetime import UTC, datetime, time, timedelta

import pytest
from django.utils import timezone

from notifications import rules, services, tasks
from notifications.factories import ChannelFactory
from notifications.models import Delivery, Notification

pytestmark = pytest.mark.django_db


def send(user, **extra):
    return services.notification_send(
        user=user, kind="price_drop", title="Price drop", body="Now 9.99", **extra
    )


def test_a_repeated_dedupe_key_creates_nothing(user, sent_tasks):
    assert send(user, dedupe_key="rule-1:crossing-1") is not None
    assert send(user, dedupe_key="rule-1:crossing-1") is None
    assert send(user) is not None
    assert Notification.objects.filter(user=user).count() == 2


def test_instant_channels_are_queued_on_commit_digests_wait(
    user, sent_tasks, django_capture_on_commit_callbacks
):
    instant = ChannelFactory(user=user)
    ChannelFactory(user=user, mode="digest")
    ChannelFactory(user=user, enabled=False)

    with django_capture_on_commit_callbacks(execute=True):
        send(user)

    delivery = Delivery.objects.get(channel=instant)
    assert sent_tasks == [(services.DELIVER_BATCH_TASK, ([delivery.pk],))]
    assert Delivery.objects.count() == 2


def test_many_notifications_at_once_queue_one_task_and_skip_used_keys(
    user, sent_tasks, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    from users.factories import UserFactory

    other = UserFactory()
    ChannelFactory(user=user)
    ChannelFactory(user=other)
    send(user, dedupe_key="rule-1:a")
    messages = [
        services.Message(user_id=user.pk, kind="k", title="used", body="", dedupe_key="rule-1:a"),
        services.Message(user_id=user.pk, kind="k", title="one", body="", dedupe_key="rule-1:b"),
        services.Message(user_id=other.pk, kind="k", title="two", body="", dedupe_key="rule-1:b"),
        services.Message(user_id=other.pk, kind="k", title="twice", body="", dedupe_key="rule-1:b"),
    ]

    # The count does not grow with the messages: the rows (with the channels), deliveries.
    with django_capture_on_commit_callbacks(execute=True), django_assert_max_num_queries(2):
        sent = services.notifications_send(messages=messages)

    assert [n and n.title for n in sent] == [None, "one", "two", None]
    assert all(n.pk for n in sent if n is not None)
    new = Delivery.objects.filter(notification__in=[n for n in sent if n is not None])
    assert len(sent_tasks) == 1  # one task for the whole batch
    assert sorted(sent_tasks[0][1][0]) == sorted(new.values_list("pk", flat=True))
    assert tasks.deliver_batch([]) == []


def test_an_instant_email_reaches_the_local_mail_server(user, smtp_server, sent_tasks):
    channel = ChannelFactory(user=user, kind="email")
    send(user, link="/collectibles/1")
    delivery = Delivery.objects.get(channel=channel)

    assert tasks.deliver(delivery.pk) == "sent"

    assert smtp_server.messages[0]["to"] == [user.email]
    assert "Subject: Price drop" in smtp_server.messages[0]["content"]
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("sent", 1)
    assert tasks.deliver(delivery.pk) is None  # delivered twice: sent once
    assert len(smtp_server.messages) == 1


def test_a_push_reaches_the_local_web_hook(user, webhook, sent_tasks):
    channel = ChannelFactory(user=user, kind="apprise", apprise_url=webhook.url())
    send(user)

    assert tasks.deliver(Delivery.objects.get(channel=channel).pk) == "sent"
    assert webhook.received[0]["title"] == "Price drop"
    assert "Now 9.99" in webhook.received[0]["message"]


def test_a_server_error_is_retried_with_doubling_waits_then_fails(
    user, webhook, sent_tasks, settings
):
    settings.NOTIFICATION_MAX_ATTEMPTS = 3
    settings.NOTIFICATION_RETRY_BASE_SECONDS = 60
    webhook.answer_status = 500
    channel = ChannelFactory(user=user, kind="apprise", apprise_url=webhook.url())
    send(user)
    delivery = Delivery.objects.get(channel=channel)

    waits = []
    for _ in range(3):
        before = timezone.now()
        status = tasks.deliver(delivery.pk)
        delivery.refresh_from_db()
        waits.append(round((delivery.next_attempt_at - before).total_seconds() / 60))
        Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=before)

    assert status == "failed"
    assert waits[:2] == [1, 2]
    assert delivery.attempts == 3
    channel.refresh_from_db()
    assert channel.last_error == delivery.last_error != ""


def test_an_unreachable_mail_server_is_a_transient_failure(user, settings, sent_tasks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    channel = ChannelFactory(user=user, kind="email")
    send(user)

    assert tasks.deliver(Delivery.objects.get(channel=channel).pk) == "retrying"


def test_a_url_the_guard_refuses_at_send_time_is_not_sent(user, webhook, settings, sent_tasks):
    channel = ChannelFactory(user=user, kind="apprise", apprise_url=webhook.url())
    send(user)
    settings.SCRAPER_ALLOWED_HOSTS = []  # the address is no longer allowed

    assert tasks.deliver(Delivery.objects.get(channel=channel).pk) == "failed"
    assert webhook.received == []
    assert "loopback" in Delivery.objects.get(channel=channel).last_error


def test_quiet_hours_hold_an_instant_delivery_until_they_end(user, sent_tasks, smtp_server):
    now = timezone.now()
    start = (now - timedelta(hours=1)).time().replace(second=0, microsecond=0)
    end = (now + timedelta(hours=2)).time().replace(second=0, microsecond=0)
    channel = ChannelFactory(user=user, quiet_start=start, quiet_end=end)
    send(user)
    delivery = Delivery.objects.get(channel=channel)

    assert delivery.next_attempt_at > now + timedelta(hours=1)
    assert tasks.deliver_due() == 0
    assert tasks.deliver(delivery.pk) is None  # not due yet: nothing sent
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=now)
    assert tasks.deliver_due() == 1
    assert sent_tasks[-1] == (services.DELIVER_TASK, (delivery.pk,))


def test_the_daily_digest_groups_a_channels_notifications_into_one_message(
    user, webhook, sent_tasks
):
    channel = ChannelFactory(user=user, kind="apprise", apprise_url=webhook.url(), mode="digest")
    for title in ("First", "Second", "Third"):
        services.notification_send(user=user, kind="k", title=title, body="")
    assert tasks.send_digests() == 0  # the digest hour has not come
    Delivery.objects.update(next_attempt_at=timezone.now())

    assert tasks.send_digests() == 3

    assert len(webhook.received) == 1
    message = webhook.received[0]["message"]
    assert all(title in message for title in ("First", "Second", "Third"))
    assert set(Delivery.objects.filter(channel=channel).values_list("status", flat=True)) == {
        "sent"
    }
    assert tasks.send_digests() == 0


def test_quiet_hours_over_midnight():
    at = datetime(2026, 1, 10, 23, 30, tzinfo=UTC)
    assert rules.quiet_until(at, time(22), time(7), "UTC") == datetime(2026, 1, 11, 7, tzinfo=UTC)
    assert rules.quiet_until(at.replace(hour=12), time(22), time(7), "UTC") is None
    # 23:30 UTC is 00:30 in Berlin (winter): inside 00:00-06:00 there.
    assert rules.quiet_until(at, time(0), time(6), "Europe/Berlin") == datetime(
        2026, 1, 11, 5, tzinfo=UTC
    )


def test_the_next_digest_is_the_next_digest_hour_in_the_channels_zone():
    at = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)
    assert rules.next_digest_at(at, 8, "UTC") == datetime(2026, 1, 11, 8, tzinfo=UTC)
    assert rules.next_digest_at(at, 18, "Europe/Berlin") == datetime(2026, 1, 10, 17, tzinfo=UTC)
