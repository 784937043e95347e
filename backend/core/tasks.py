"""Celery tasks of core: the outgoing mail (core/mail.py)."""

from __future__ import annotations

import logging
import smtplib

from celery import shared_task

from core.mail import SEND_MAIL_TASK, mail_deliver

logger = logging.getLogger(__name__)


@shared_task(
    name=SEND_MAIL_TASK,
    acks_late=True,
    reject_on_worker_lost=True,
    ignore_result=True,
    # A mail server that is down or refuses for a moment: tried again for about an hour.
    autoretry_for=(OSError, smtplib.SMTPException),
    retry_backoff=30,
    retry_backoff_max=900,
    retry_jitter=True,
    max_retries=6,
)
def send_mail(subject: str, body: str, recipients: list[str], what: str = "a mail") -> None:
    logger.info("Sending %s", what)
    mail_deliver(subject=subject, body=body, recipients=recipients)
