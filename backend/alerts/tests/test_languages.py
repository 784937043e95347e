"""An alert reaches its owner in their language: the mail (through a real local SMTP
server) in the account's `language`, the inbox row and the event list in the request's;
the stored texts stay English."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from email import message_from_bytes
from email.header import decode_header, make_header

import pytest
from django.utils import timezone

from alerts.factories import AlertRuleFactory
from alerts.models import AlertEvent, AlertKind
from notifications import services as notification_services
from notifications.factories import ChannelFactory
from notifications.models import Delivery, Notification
from notifications.tests.conftest import smtp_server  # noqa: F401  (fixture)
from notifications.texts import notification_text
from users.factories import UserFactory

pytestmark = pytest.mark.django_db

INBOX = "/api/v1/notifications/"
EVENTS = "/api/v1/alert-events/"


def mail_of(mailbox) -> tuple[str, str]:
    """(subject, body) of the one mail the server received."""
    (received,) = mailbox.messages
    mail = message_from_bytes(received["content"].encode("utf-8"))
    body = mail.get_payload(decode=True).decode(mail.get_content_charset() or "utf-8")
    return str(make_header(decode_header(mail["Subject"]))), body


def fire_low_price(shop, item, owner, price: str = "1234.50") -> Notification:
    AlertRuleFactory(
        owner=owner, collectible=item, kind=AlertKind.PRICE_AT_OR_BELOW,
        target_amount=Decimal("2000.00"), target_currency="EUR",
    )  # fmt: skip
    shop.offer(price)
    shop.check()
    return Notification.objects.get(user=owner)


def deliver_all() -> None:
    for delivery in Delivery.objects.all():
        notification_services.delivery_attempt(delivery_id=delivery.pk)


@pytest.mark.parametrize(
    ("language", "subject", "body"),
    [
        (
            "de",
            "Charizard: 1.234,50 EUR, höchstens Ihr Zielpreis von 2.000,00 EUR",
            "Gesehen bei structured (127.0.0.1) am ",
        ),
        ("en", "Charizard: 1,234.50 EUR, at or below your 2,000.00 EUR", "Seen on structured"),
        ("", "Charizard: 1,234.50 EUR, at or below your 2,000.00 EUR", "Seen on structured"),
    ],
)
def test_the_alert_mail_is_in_the_owners_language(
    shop,
    item,
    owner,
    smtp_server,  # noqa: F811
    language,
    subject,
    body,
):
    owner.language = language
    owner.save(update_fields=["language"])
    ChannelFactory(user=owner, kind="email")

    notification = fire_low_price(shop, item, owner)
    deliver_all()

    sent_subject, sent_body = mail_of(smtp_server)
    assert sent_subject == subject
    assert sent_body.startswith(body)
    assert f"/collection/{item.pk}" in sent_body
    # What is stored stays English: the admin's, and the fallback of a text nobody knows.
    assert notification.title == "Charizard: 1,234.50 EUR, at or below your 2,000.00 EUR"


def test_the_daily_digest_is_in_the_owners_language(shop, item, owner, smtp_server):  # noqa: F811
    owner.language = "de"
    owner.save(update_fields=["language"])
    channel = ChannelFactory(user=owner, kind="email", mode="digest")
    fire_low_price(shop, item, owner)
    Delivery.objects.update(next_attempt_at=timezone.now() - timedelta(minutes=1))

    assert notification_services.digest_send(channel_id=channel.pk) == 1

    subject, body = mail_of(smtp_server)
    assert subject == "Omni-Stock: 1 Benachrichtigung heute"
    assert body.startswith("• Charizard: 1.234,50 EUR, höchstens Ihr Zielpreis von 2.000,00 EUR")


def test_the_inbox_and_the_events_follow_the_requests_language(shop, item, owner, owner_client):
    fire_low_price(shop, item, owner, price="9.50")

    german = owner_client.get(INBOX, HTTP_ACCEPT_LANGUAGE="de").json()["results"][0]
    english = owner_client.get(INBOX, HTTP_ACCEPT_LANGUAGE="en").json()["results"][0]
    event = owner_client.get(EVENTS, HTTP_ACCEPT_LANGUAGE="de").json()["results"][0]
    one = owner_client.get(f"{EVENTS}{event['id']}/", HTTP_ACCEPT_LANGUAGE="de").json()

    assert german["title"] == "Charizard: 9,50 EUR, höchstens Ihr Zielpreis von 2.000,00 EUR"
    assert german["body"].startswith("Gesehen bei structured (127.0.0.1) am ")
    assert english["title"] == "Charizard: 9.50 EUR, at or below your 2,000.00 EUR"
    assert english["body"].startswith("Seen on structured (127.0.0.1) at ")
    assert "text" not in german["data"]  # the stored code is no part of the API
    assert german["data"]["alert_kind"] == "price_at_or_below"
    assert event["message"].startswith(german["title"] + "\nGesehen bei")
    assert one["message"] == event["message"]
    assert AlertEvent.objects.get().message.startswith(english["title"])


def test_a_paused_tracker_reads_in_german(shop, item, owner, owner_client, settings):
    settings.SCRAPER_PAUSE_AFTER_FAILURES = 2
    AlertRuleFactory(owner=owner, collectible=item, kind=AlertKind.TRACKER_PAUSED)
    shop.broken()
    shop.check()
    shop.check()  # the second failure in a row: paused

    (german,) = owner_client.get(INBOX, HTTP_ACCEPT_LANGUAGE="de").json()["results"]

    assert german["title"] == "Charizard: ein Tracker wurde angehalten (127.0.0.1)"
    assert german["body"] == (
        "Angehalten nach 2 fehlgeschlagenen Prüfungen in Folge. Letzter Fehler: Die Seite bei "
        "127.0.0.1 antwortete mit HTTP 500 Internal Server Error."
    )


def test_an_unknown_code_reads_as_the_stored_text(owner, owner_client):
    other = UserFactory()
    notification_services.notification_send(
        user=owner, kind="alert", title="Stored title", body="Stored body",
        data={"text": {"code": "alert.no_such_code", "params": {}}},
    )  # fmt: skip
    notification_services.notification_send(
        user=other, kind="alert", title="Broken", body="",
        data={"text": {"code": "alert.price", "params": {"kind": "all_time_low"}}},
    )  # fmt: skip

    (row,) = owner_client.get(INBOX, HTTP_ACCEPT_LANGUAGE="de").json()["results"]
    broken = Notification.objects.get(user=other)

    assert (row["title"], row["body"]) == ("Stored title", "Stored body")
    assert notification_text(broken) == ("Broken", "")
