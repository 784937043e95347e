"""Local servers the delivery tests talk to: an SMTP server (aiosmtpd) and a web hook
receiver, both on loopback with a free port. Nothing reaches the internet."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from aiosmtpd.controller import Controller
from celery import current_app


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Mailbox:
    messages: list[dict] = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope) -> str:
        self.messages.append(
            {"to": envelope.rcpt_tos, "content": envelope.content.decode("utf-8", "replace")}
        )
        return "250 Message accepted"


@pytest.fixture
def smtp_server(settings) -> Iterator[Mailbox]:
    mailbox = Mailbox()
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield mailbox
    controller.stop()


@dataclass
class Webhook:
    port: int
    received: list[dict] = field(default_factory=list)
    answer_status: int = 200

    def url(self, path: str = "hook") -> str:
        return f"json://127.0.0.1:{self.port}/{path}"


@pytest.fixture
def webhook(settings) -> Iterator[Webhook]:
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
    # The same development allow-list scraping uses lets this one local host through.
    settings.SCRAPER_ALLOWED_HOSTS = [f"127.0.0.1:{hook.port}"]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield hook
    server.shutdown()
    server.server_close()


@pytest.fixture
def sent_tasks(monkeypatch) -> list[tuple[str, tuple]]:
    """Tasks published by name, recorded instead of sent to a broker."""
    sent: list[tuple[str, tuple]] = []
    monkeypatch.setattr(
        current_app, "send_task", lambda name, args=(), **kw: sent.append((name, tuple(args)))
    )
    return sent
