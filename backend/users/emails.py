"""The mails sign-up sends. Sending is best effort: a mail server that is down or slow
(EMAIL_TIMEOUT) is logged, and never turns a sign-up into an error."""

import logging

from django.core.mail import send_mail

from users.models import User

logger = logging.getLogger(__name__)

WELCOME_SUBJECT = "Welcome to Omni-Stock"
WELCOME_BODY = """Hello {name},

Your Omni-Stock account for {email} is ready. Sign in with this address and the password
you chose:

    {sign_in_url}

If you did not create this account, you can ignore this mail.
"""

ALREADY_REGISTERED_SUBJECT = "Someone tried to register with your address"
ALREADY_REGISTERED_BODY = """Hello {name},

Someone (maybe you) just tried to create an Omni-Stock account with {email}. This address
already has an account, so nothing was created or changed.

If it was you, sign in with your existing password:

    {sign_in_url}

If you forgot your password, ask the administrator of this Omni-Stock server to reset it.
If it was not you, you can ignore this mail: your account is safe.
"""


def _send(user: User, subject: str, body: str, sign_in_url: str) -> None:
    text = body.format(name=user.get_short_name(), email=user.email, sign_in_url=sign_in_url)
    try:
        send_mail(subject, text, None, [user.email])
    except Exception:
        logger.exception("Could not send %r to user %s", subject, user.pk)


def send_welcome(user: User, *, sign_in_url: str) -> None:
    _send(user, WELCOME_SUBJECT, WELCOME_BODY, sign_in_url)


def send_already_registered(user: User, *, sign_in_url: str) -> None:
    _send(user, ALREADY_REGISTERED_SUBJECT, ALREADY_REGISTERED_BODY, sign_in_url)
