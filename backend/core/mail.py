"""Mails to one person (account mails, invitations) leave through the Celery worker.

Sent in the request, an SMTP round trip made "this address has an account" answer slower
than "no such account" (password reset, sign-up): queued, every answer costs the same, and
a slow or down mail server holds no request. If the broker cannot take the task, the mail
is sent in the request after all (best effort, as before), never lost for that.
"""

from __future__ import annotations

import logging

from celery import current_app
from django.conf import settings
from django.core.mail import send_mail

logger = logging.getLogger(__name__)

#: The worker's task (core/tasks.py), on the default `celery` queue.
SEND_MAIL_TASK = "core.send_mail"


def mail_send(*, subject: str, body: str, to: str, what: str) -> None:
    """Queue one plain-text mail to `to`; `what` names it in the logs, never the address."""
    if settings.MAIL_VIA_WORKER:
        try:
            current_app.send_task(SEND_MAIL_TASK, args=(subject, body, [to], what))
            return
        except Exception:
            logger.warning("The task queue refused %s: sending it in the request", what)
    try:
        mail_deliver(subject=subject, body=body, recipients=[to])
    except Exception:
        logger.exception("Could not send %s", what)


def mail_deliver(*, subject: str, body: str, recipients: list[str]) -> None:
    """Hand the mail to the configured backend now (raises what the backend raises)."""
    send_mail(subject, body, None, recipients)
