"""The seam between notifications and the outside: mail through Django's email backend,
pushes through Apprise, and the scraper's SSRF guard for user-supplied push URLs.

The second importer of `scraper` (after price_history.gateway): a push URL is as much a
user-chosen address as a tracker URL, and must meet the very same guard and development
allow-list (SCRAPER_ALLOWED_HOSTS) rather than a copy of it. Only the guard is used.
"""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass

import apprise
from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.utils.translation import gettext as _

from scraper import ScrapeFailure, check_url_allowed

__all__ = ["DeliveryError", "push_url_problem", "send_email", "send_push"]

#: Services whose URL names an account or token, not a server: Apprise always talks to
#: the vendor's own public endpoint. Every other scheme's host is checked by the guard.
FIXED_ENDPOINT_SCHEMES = frozenset(
    {"discord", "tgram", "slack", "pover", "pbul", "msteams", "pushed", "join", "ifttt",
     "line", "twist", "zulip", "gchat", "flock", "opsgenie", "pagerduty", "pushplus"}
)  # fmt: skip


# Apprise logs the URLs it handles (an unsupported one in full): they are secrets, so its
# records stay out of the application's logs; send_push captures what it needs.
_apprise_log = logging.getLogger("apprise")
_apprise_log.addHandler(logging.NullHandler())
_apprise_log.propagate = False


@dataclass(frozen=True)
class DeliveryError(Exception):
    """A delivery that did not go out; `transient` ones are retried with backoff."""

    message: str
    transient: bool

    def __str__(self) -> str:
        return self.message


def _plugin(url: str) -> apprise.NotifyBase | None:
    return apprise.Apprise.instantiate(url, suppress_exceptions=True)


def push_url_problem(url: str) -> str | None:
    """Why `url` may not be used as a push channel (unknown service, a forbidden address
    by the scraper's SSRF guard), or None. Checked on save and again before each send."""
    plugin = _plugin(url)
    if plugin is None:
        return _("This is not an Apprise URL of a supported service (see the Apprise wiki).")
    scheme = url.partition("://")[0].lower()
    host = getattr(plugin, "host", None)
    if scheme in FIXED_ENDPOINT_SCHEMES or not host:
        return None
    web = "https" if getattr(plugin, "secure", False) else "http"
    port = getattr(plugin, "port", None)
    address = f"[{host}]" if ":" in host else host
    try:
        check_url_allowed(
            f"{web}://{address}{f':{port}' if port else ''}/", settings.SCRAPER_ALLOWED_HOSTS
        )
    except ScrapeFailure as failure:
        return failure.message
    return None


def send_push(url: str, *, title: str, body: str, timeout: float | None = None) -> None:
    """Send one message through Apprise (within `timeout` seconds, default
    NOTIFICATION_PUSH_TIMEOUT_SECONDS); raises DeliveryError."""
    problem = push_url_problem(url)
    if problem:
        raise DeliveryError(problem, transient=False)
    plugin = _plugin(url)
    assert plugin is not None  # push_url_problem refused anything else
    timeout = min(
        timeout or settings.NOTIFICATION_PUSH_TIMEOUT_SECONDS,
        settings.NOTIFICATION_PUSH_TIMEOUT_SECONDS,
    )
    plugin.socket_connect_timeout = plugin.socket_read_timeout = timeout
    with apprise.LogCapture(level=logging.WARNING) as log:
        sent = plugin.notify(body=body or title, title=title)
    if not sent:
        # Apprise tells only "not sent": a refusing server, a 5xx, a timeout. Retried.
        lines = [line.strip() for line in log.getvalue().splitlines() if line.strip()]
        raise DeliveryError(
            lines[-1][:500] if lines else _("The push service refused the message."),
            transient=True,
        )


def send_email(to: str, *, subject: str, body: str, timeout: float | None = None) -> None:
    """Send one mail through Django's email backend (its connection within `timeout`
    seconds when given, else EMAIL_TIMEOUT); raises DeliveryError."""
    connection = None
    if timeout:  # never longer than the configured timeout
        limit = getattr(settings, "EMAIL_TIMEOUT", None) or timeout
        connection = get_connection(timeout=min(timeout, limit))
    message = EmailMessage(subject=subject[:200], body=body, to=[to], connection=connection)
    try:
        message.send(fail_silently=False)
    except smtplib.SMTPRecipientsRefused as exc:
        raise DeliveryError(
            _("The mail server refused the address %(address)s.") % {"address": to},
            transient=False,
        ) from exc
    except (TimeoutError, smtplib.SMTPException, OSError) as exc:
        raise DeliveryError(
            _("The mail server could not be reached: %(error)s") % {"error": exc},
            transient=True,
        ) from exc
