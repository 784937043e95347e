"""Channels: own only, the push URL write-only (masked), refused when the SSRF guard would
refuse it, and "send test" (sent by a worker) answering the outcome."""

import pytest
from conftest import client_for

from core import interactive
from notifications import services
from notifications.factories import ChannelFactory
from notifications.models import Channel

URL = "/api/v1/notification-channels/"
pytestmark = pytest.mark.django_db


def test_a_push_channel_comes_back_masked_never_with_its_url(auth_client, webhook):
    secret = webhook.url("token-abc123")
    response = auth_client.post(URL, {"kind": "apprise", "name": "Hook", "apprise_url": secret})

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["apprise_url_masked"] == "json://•••"
    assert "apprise_url" not in body
    assert "token-abc123" not in str(auth_client.get(URL).json())
    assert Channel.objects.get(pk=body["id"]).apprise_url == secret


def test_an_email_channel_goes_to_the_account_address_by_default(auth_client, user):
    response = auth_client.post(URL, {"kind": "email", "name": "Mail"})

    assert response.status_code == 201
    assert response.json()["email_target"] == user.email


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("json://10.0.0.5/hook", "private"),
        ("json://127.0.0.1:9/hook", "loopback"),
        ("json://169.254.169.254/latest", "metadata"),
        ("not a url at all", "not an Apprise URL"),
    ],
)
def test_a_push_url_the_ssrf_guard_refuses_is_a_400_with_the_reason(auth_client, url, reason):
    response = auth_client.post(URL, {"kind": "apprise", "name": "Bad", "apprise_url": url})

    assert response.status_code == 400
    assert reason in response.json()["fields"]["apprise_url"][0]
    assert not Channel.objects.exists()


def test_a_cloud_service_url_needs_no_address_check(auth_client):
    response = auth_client.post(
        URL, {"kind": "apprise", "name": "Discord", "apprise_url": "discord://1234/abcd"}
    )

    assert response.status_code == 201
    assert response.json()["apprise_url_masked"] == "discord://•••"


@pytest.mark.parametrize(
    "payload",
    [
        {"kind": "apprise", "name": "No URL"},
        {"kind": "email", "name": "Mail", "apprise_url": "discord://1/2"},
        {"kind": "email", "name": "Mail", "quiet_start": "22:00"},
        {"kind": "email", "name": "Mail", "time_zone": "Mars/Olympus"},
        {"kind": "email", "name": "Mail", "digest_hour": 24},
        {"kind": "sms", "name": "Mail"},
    ],
)
def test_inconsistent_channels_are_refused(auth_client, payload):
    response = auth_client.post(URL, payload)

    assert response.status_code == 400
    assert "fields" in response.json()


def test_changing_a_channel_keeps_its_url_unless_a_new_one_is_sent(auth_client, user, webhook):
    channel = ChannelFactory(user=user, kind="apprise", apprise_url=webhook.url("one"))

    response = auth_client.patch(f"{URL}{channel.pk}/", {"mode": "digest", "digest_hour": 7})

    assert response.status_code == 200
    channel.refresh_from_db()
    assert (channel.mode, channel.digest_hour) == ("digest", 7)
    assert channel.apprise_url == webhook.url("one")
    assert auth_client.patch(f"{URL}{channel.pk}/", {"kind": "email"}).status_code == 400


def test_someone_elses_channel_is_a_404_for_every_operation(auth_client):
    other = ChannelFactory()
    detail = f"{URL}{other.pk}/"

    assert auth_client.get(detail).status_code == 404
    assert auth_client.patch(detail, {"name": "mine"}).status_code == 404
    assert auth_client.post(f"{detail}test/").status_code == 404
    assert auth_client.delete(detail).status_code == 404
    assert auth_client.get(URL).json() == []
    assert Channel.objects.filter(pk=other.pk).exists()


def test_deleting_a_channel(auth_client, user):
    channel = ChannelFactory(user=user)

    assert auth_client.delete(f"{URL}{channel.pk}/").status_code == 204
    assert not Channel.objects.exists()


# What the worker runs for "send test" (the API's side, with a real worker: test_send_test.py).


def test_send_test_delivers_to_the_web_hook_and_says_so(user, webhook):
    channel = ChannelFactory(user=user, kind="apprise", apprise_url=webhook.url())

    answer = services.channel_test_execute(request={"channel_id": channel.pk}, timeout=5)

    assert answer == {"error": None}
    assert webhook.received[0]["title"] == "Omni-Stock test message"
    channel.refresh_from_db()
    assert channel.last_delivered_at is not None
    assert channel.last_error == ""


def test_a_failed_test_send_is_shown_on_the_channel(user, webhook):
    webhook.answer_status = 503
    channel = ChannelFactory(user=user, kind="apprise", apprise_url=webhook.url())

    answer = services.channel_test_execute(request={"channel_id": channel.pk}, timeout=5)

    channel.refresh_from_db()
    assert channel.last_error == answer["error"] != ""


def test_send_test_by_email_reaches_the_mail_server(user, smtp_server):
    channel = ChannelFactory(user=user, kind="email")

    assert services.channel_test_execute(request={"channel_id": channel.pk}, timeout=5) == {
        "error": None
    }
    assert smtp_server.messages[0]["to"] == [user.email]


def test_a_channel_deleted_before_the_worker_got_to_it_is_told(user):
    answer = services.channel_test_execute(request={"channel_id": 10**9}, timeout=5)
    assert answer == {"error": "This channel no longer exists."}
    assert services.channel_test_execute(request={"channel_id": "1"}, timeout=5)["error"]


def test_a_channel_deleted_before_the_worker_got_to_it_reads_in_the_requests_language(
    auth_client, user, monkeypatch
):
    channel = ChannelFactory(user=user, kind="email")
    gone = services.channel_test_execute(request={"channel_id": 10**9}, timeout=5)
    monkeypatch.setattr(interactive, "request_answer", lambda task, request, timeout: gone)

    response = auth_client.post(f"{URL}{channel.pk}/test/", HTTP_ACCEPT_LANGUAGE="de")

    assert response.json()["detail"] == "Dieser Kanal existiert nicht mehr."


def test_send_test_is_answered_503_when_no_worker_answers_in_time(auth_client, user, settings):
    settings.NOTIFICATION_TEST_DEADLINE_SECONDS = 1  # no worker consumes `interactive` here
    channel = ChannelFactory(user=user, kind="email")

    response = auth_client.post(f"{URL}{channel.pk}/test/")

    assert response.status_code == 503
    assert response.json()["code"] == "check_unavailable"
    assert "within 1 seconds" in response.json()["detail"]


def test_send_test_is_answered_503_when_the_queue_is_down(auth_client, user, monkeypatch):
    monkeypatch.setattr(interactive, "broker_available", lambda timeout=3: False)
    channel = ChannelFactory(user=user, kind="email")

    response = auth_client.post(f"{URL}{channel.pk}/test/")

    assert response.status_code == 503
    assert response.json()["code"] == "queue_unavailable"


def test_send_test_is_throttled_per_user(user, settings, monkeypatch):
    settings.NOTIFICATION_TEST_THROTTLE_RATE = "2/min"
    monkeypatch.setattr(services, "channel_test_once", lambda channel: None)
    channel = ChannelFactory(user=user, kind="email")
    client = client_for(user)

    answers = [client.post(f"{URL}{channel.pk}/test/").status_code for _ in range(3)]

    assert answers == [200, 200, 429]


def test_the_number_of_channels_is_capped(auth_client, user, settings):
    settings.NOTIFICATION_MAX_CHANNELS_PER_USER = 1
    ChannelFactory(user=user)

    response = auth_client.post(URL, {"kind": "email", "name": "Second"})

    assert response.status_code == 400
