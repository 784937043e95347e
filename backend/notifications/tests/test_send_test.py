"""`POST /notification-channels/{id}/test/` sent by a real Celery worker on the
`interactive` queue (real Redis, a local web hook receiver), answered within the test's
deadline; the web process itself sends nothing."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.conf import settings

from core.tests.workers import Worker, broker_or_skip
from notifications import outbound
from notifications.factories import ChannelFactory
from notifications.tests.conftest import Webhook

URL = "/api/v1/notification-channels/"
pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def receiver() -> Iterator[Webhook]:
    """A web hook receiver for the whole module (the worker is told its host once)."""
    hook = Webhook(port=0)

    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            hook.received.append(json.loads(self.rfile.read(length) or b"{}"))
            self.send_response(hook.answer_status)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    hook.port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield hook
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def send_worker(django_db_setup, tmp_path_factory, receiver) -> Iterator[Worker]:
    broker_or_skip()
    worker = Worker(
        tmp_path_factory.mktemp("channel-tests") / "worker.log",
        allowed_hosts=f"127.0.0.1:{receiver.port}",
        queues="interactive",
        FIELD_ENCRYPTION_KEYS=",".join(settings.FIELD_ENCRYPTION_KEYS),
    )
    try:
        yield worker
    finally:
        worker.stop()


@pytest.fixture
def hook(receiver, settings) -> Webhook:
    settings.SCRAPER_ALLOWED_HOSTS = [f"127.0.0.1:{receiver.port}"]  # to save the channel
    receiver.received.clear()
    receiver.answer_status = 200
    return receiver


def test_the_worker_sends_it_and_the_answer_says_so(
    send_worker, auth_client, user, hook, monkeypatch
):
    def never_here(*args, **kwargs):
        raise AssertionError("the web process sent the test message itself")

    monkeypatch.setattr(outbound, "send_push", never_here)
    channel = ChannelFactory(user=user, kind="apprise", apprise_url=hook.url())

    response = auth_client.post(f"{URL}{channel.pk}/test/")

    assert response.status_code == 200, response.json()
    assert response.json() == {
        "sent": True,
        "status": "sent",
        "detail": "The test message was sent.",
    }
    assert hook.received[0]["title"] == "Omni-Stock test message"
    channel.refresh_from_db()
    assert (channel.last_error, channel.last_delivered_at is not None) == ("", True)
    assert "test_channel[" in send_worker.log.read_text()


def test_a_refused_test_message_answers_why(send_worker, auth_client, user, hook):
    hook.answer_status = 503
    channel = ChannelFactory(user=user, kind="apprise", apprise_url=hook.url())

    response = auth_client.post(f"{URL}{channel.pk}/test/")

    assert response.status_code == 200
    body = response.json()
    assert (body["sent"], body["status"]) == (False, "failed")
    channel.refresh_from_db()
    assert channel.last_error == body["detail"] != ""
