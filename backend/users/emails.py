"""The mails of the accounts app (sign-up, verification, password reset). They leave
through the worker (core.mail): a mail server that is down or slow never turns a sign-up
into an error, and no answer is slower because an account exists."""

from django.conf import settings

from core.mail import mail_send
from users.models import User

WELCOME_SUBJECT = "Welcome to Omni-Stock"
WELCOME_BODY = """Hello {name},

Your Omni-Stock account for {email} is ready. Sign in with this address and the password
you chose:

    {sign_in_url}

Please also confirm that this address is yours (the link works for {hours}):

    {verify_url}

If you did not create this account, you can ignore this mail.
"""

ALREADY_REGISTERED_SUBJECT = "Someone tried to register with your address"
ALREADY_REGISTERED_BODY = """Hello {name},

Someone (maybe you) just tried to create an Omni-Stock account with {email}. This address
already has an account, so nothing was created or changed.

If it was you, sign in with your existing password:

    {sign_in_url}

If you forgot your password, choose "Forgot your password?" on the sign-in page.
If it was not you, you can ignore this mail: your account is safe.
"""


VERIFY_SUBJECT = "Confirm your email address"
VERIFY_BODY = """Hello {name},

Please confirm that {email} is your address for Omni-Stock by opening this link
(it works for {hours}):

    {link}

If you did not create an Omni-Stock account, you can ignore this mail.
"""

RESET_SUBJECT = "Reset your Omni-Stock password"
RESET_BODY = """Hello {name},

Someone (maybe you) asked to reset the password of the Omni-Stock account {email}.
Choose a new password here (the link works for {hours}, and only once):

    {link}

Setting a new password signs you out everywhere. If you did not ask for this, ignore
this mail: your password stays as it is.
"""


def _lifetime(seconds: int) -> str:
    hours = max(1, seconds // 3600)
    return "1 hour" if hours == 1 else f"{hours} hours"


def _send(user: User, subject: str, body: str, sign_in_url: str = "", **extra: object) -> None:
    text = body.format(
        name=user.get_short_name(), email=user.email, sign_in_url=sign_in_url, **extra
    )
    mail_send(subject=subject, body=text, to=user.email, what=f"{subject!r} to user {user.pk}")


def send_welcome(user: User, *, sign_in_url: str, verify_url: str) -> None:
    hours = _lifetime(settings.EMAIL_VERIFICATION_MAX_AGE)
    _send(user, WELCOME_SUBJECT, WELCOME_BODY, sign_in_url, verify_url=verify_url, hours=hours)


def send_already_registered(user: User, *, sign_in_url: str) -> None:
    _send(user, ALREADY_REGISTERED_SUBJECT, ALREADY_REGISTERED_BODY, sign_in_url)


def send_verification(user: User, *, link: str, max_age: int) -> None:
    _send(user, VERIFY_SUBJECT, VERIFY_BODY, link=link, hours=_lifetime(max_age))


def send_password_reset(user: User, *, link: str, max_age: int) -> None:
    _send(user, RESET_SUBJECT, RESET_BODY, link=link, hours=_lifetime(max_age))
