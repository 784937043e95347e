"""Mails leave through the worker: the request only queues them (core/mail.py)."""

from __future__ import annotations

from typing import Any

import pytest
from celery import current_app
from django.core import mail

from core import tasks
from core.mail import SEND_MAIL_TASK, mail_send


@pytest.fixture
def via_worker(settings: Any) -> None:
    settings.MAIL_VIA_WORKER = True


@pytest.fixture
def queued(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, tuple[Any, ...]]]:
    sent: list[tuple[str, tuple[Any, ...]]] = []
    monkeypatch.setattr(
        current_app, "send_task", lambda name, args=(), **kw: sent.append((name, tuple(args)))
    )
    return sent


@pytest.mark.usefixtures("via_worker")
def test_the_request_queues_the_mail_and_sends_nothing_itself(queued: list[Any]) -> None:
    mail_send(subject="Reset", body="Open this link", to="misty@example.com", what="a reset")

    assert mail.outbox == []
    assert queued == [
        (SEND_MAIL_TASK, ("Reset", "Open this link", ["misty@example.com"], "a reset"))
    ]


def test_the_worker_task_sends_what_was_queued() -> None:
    tasks.send_mail.run("Reset", "Open this link", ["misty@example.com"], "a reset")

    assert [(m.subject, m.body, m.to) for m in mail.outbox] == [
        ("Reset", "Open this link", ["misty@example.com"])
    ]


def test_the_worker_tries_again_while_the_mail_server_refuses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    attempts: list[str] = []

    def flaky(*, subject: str, body: str, recipients: list[str]) -> None:
        attempts.append(subject)
        if len(attempts) < 3:
            raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr(tasks, "mail_deliver", flaky)
    # Eager: the retries run at once instead of after their backoff.
    result = tasks.send_mail.apply(args=("Reset", "Open this link", ["misty@example.com"]))

    assert result.state == "SUCCESS"
    assert attempts == ["Reset"] * 3


@pytest.mark.usefixtures("via_worker")
def test_a_broker_that_refuses_the_task_does_not_lose_the_mail(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(current_app, "send_task", refuse)
    mail_send(subject="Welcome", body="Hello", to="brock@example.com", what="a welcome")

    assert [m.to for m in mail.outbox] == [["brock@example.com"]]


@pytest.mark.usefixtures("via_worker")
def test_neither_queue_nor_mail_server_is_an_error(
    monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(current_app, "send_task", refuse)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = (
        "127.0.0.1",
        9,
        1,
    )  # nothing listens

    mail_send(
        subject="Welcome", body="Hello", to="brock@example.com", what="a welcome"
    )  # no exception
