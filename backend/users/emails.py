"""The mails of the accounts app (sign-up, verification, password reset). They leave
through the worker (core.mail): a mail server that is down or slow never turns a sign-up
into an error, and no answer is slower because an account exists. Each is written in its
reader's language (users.languages: their choice, else the request's)."""

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.mail import mail_send
from users.languages import in_language_of
from users.models import User

StrOrPromise = str | Promise  # a text marked with gettext_lazy

WELCOME_SUBJECT = _("Welcome to Omni-Stock")
WELCOME_BODY = _("""Hello {name},

Your Omni-Stock account for {email} is ready. Sign in with this address and the password
you chose:

    {sign_in_url}

Please also confirm that this address is yours (the link works for {hours}):

    {verify_url}

If you did not create this account, you can ignore this mail.
""")

ALREADY_REGISTERED_SUBJECT = _("Someone tried to register with your address")
ALREADY_REGISTERED_BODY = _("""Hello {name},

Someone (maybe you) just tried to create an Omni-Stock account with {email}. This address
already has an account, so nothing was created or changed.

If it was you, sign in with your existing password:

    {sign_in_url}

If you forgot your password, choose "Forgot your password?" on the sign-in page.
If it was not you, you can ignore this mail: your account is safe.
""")


VERIFY_SUBJECT = _("Confirm your email address")
VERIFY_BODY = _("""Hello {name},

Please confirm that {email} is your address for Omni-Stock by opening this link
(it works for {hours}):

    {link}

If you did not create an Omni-Stock account, you can ignore this mail.
""")

RESET_SUBJECT = _("Reset your Omni-Stock password")
RESET_BODY = _("""Hello {name},

Someone (maybe you) asked to reset the password of the Omni-Stock account {email}.
Choose a new password here (the link works for {hours}, and only once):

    {link}

Setting a new password signs you out everywhere. If you did not ask for this, ignore
this mail: your password stays as it is.
""")


def _lifetime(seconds: int) -> str:
    hours = max(1, seconds // 3600)
    return ngettext("%(count)s hour", "%(count)s hours", hours) % {"count": hours}


def _send(
    user: User,
    subject: StrOrPromise,
    body: StrOrPromise,
    *,
    what: str,
    sign_in_url: str = "",
    lifetime: int = 0,
    **extra: str,
) -> None:
    """`lifetime`: how long the mailed link works, in seconds (said as `{hours}`); `what`
    names the mail in the logs (English, as every log line)."""
    with in_language_of(user):
        hours = {"hours": _lifetime(lifetime)} if lifetime else {}
        title = str(subject)
        text = str(body).format(
            name=user.get_short_name(),
            email=user.email,
            sign_in_url=sign_in_url,
            **hours,
            **extra,
        )
    mail_send(subject=title, body=text, to=user.email, what=f"the {what} mail to user {user.pk}")


def send_welcome(user: User, *, sign_in_url: str, verify_url: str) -> None:
    _send(
        user,
        WELCOME_SUBJECT,
        WELCOME_BODY,
        what="welcome",
        sign_in_url=sign_in_url,
        verify_url=verify_url,
        lifetime=settings.EMAIL_VERIFICATION_MAX_AGE,
    )


def send_already_registered(user: User, *, sign_in_url: str) -> None:
    _send(
        user,
        ALREADY_REGISTERED_SUBJECT,
        ALREADY_REGISTERED_BODY,
        what="already registered",
        sign_in_url=sign_in_url,
    )


def send_verification(user: User, *, link: str, max_age: int) -> None:
    _send(user, VERIFY_SUBJECT, VERIFY_BODY, what="verification", link=link, lifetime=max_age)


def send_password_reset(user: User, *, link: str, max_age: int) -> None:
    _send(user, RESET_SUBJECT, RESET_BODY, what="password reset", link=link, lifetime=max_age)
