"""Account self-service: address verification, password change and reset, signing out
everywhere, deleting the account. Links in mails point to the SPA at `site_url`."""

from __future__ import annotations

import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from users import emails, lockout, tokens
from users.models import RevokedSession, User, normalize_email
from users.signals import user_deleting

VERIFY_SALT = "users.verify-email"
#: One reset mail per address per this many seconds, so the form cannot flood an inbox.
RESET_MAIL_INTERVAL = 60


def _link(site_url: str, path: str, **query: str) -> str:
    return f"{site_url.rstrip('/')}{path}?{urlencode(query)}"


def _password_errors(password: str, user: User) -> list[str]:
    try:
        validate_password(password, user=user)
    except Exception as exc:  # Django's ValidationError, a list of sentences
        return list(getattr(exc, "messages", [str(exc)]))
    return []


# --- Address verification ---------------------------------------------------------------


def email_verification_token(user: User) -> str:
    """Signed and timestamped; names the address, so it stops working if the address
    changes."""
    return signing.dumps({"u": user.pk, "e": user.email}, salt=VERIFY_SALT, compress=True)


def email_verification_link(*, user: User, site_url: str) -> str:
    return _link(site_url, "/verify-email", token=email_verification_token(user))


def email_verification_send(*, user: User, site_url: str) -> None:
    if user.email_verified:
        raise ValidationError(_("Your email address is already verified."), code="already_verified")
    link = email_verification_link(user=user, site_url=site_url)
    emails.send_verification(user, link=link, max_age=settings.EMAIL_VERIFICATION_MAX_AGE)


@transaction.atomic
def email_verify(*, token: str) -> User:
    """Mark the address of the token verified. An expired, forged or used token (the
    address is verified already, or changed since) is refused."""
    refused = _("This verification link is invalid or has expired: ask for a new one.")
    try:
        claims = signing.loads(token, salt=VERIFY_SALT, max_age=settings.EMAIL_VERIFICATION_MAX_AGE)
    except signing.SignatureExpired as exc:
        raise ValidationError(refused, code="token_expired") from exc
    except signing.BadSignature as exc:
        raise ValidationError(refused, code="token_invalid") from exc
    user = (
        User.objects.select_for_update()
        .filter(pk=claims.get("u"), email=claims.get("e"), is_active=True)
        .first()
    )
    if user is None:
        raise ValidationError(refused, code="token_invalid")
    if user.email_verified:
        raise ValidationError(
            _("This link was already used: your address is verified."), code="already_verified"
        )
    user.email_verified_at = timezone.now()
    user.save(update_fields=["email_verified_at"])
    return user


# --- Passwords --------------------------------------------------------------------------


@transaction.atomic
def password_change(
    *, user: User, current_password: str, new_password: str, keep_sid: str | None
) -> None:
    """Set a new password; every other session of the user ends, the asking one stays."""
    if not user.check_password(current_password):
        raise ValidationError({"current_password": [_("This is not your current password.")]})
    if errors := _password_errors(new_password, user):
        raise ValidationError({"new_password": errors})
    user.set_password(new_password)
    user.save(update_fields=["password"])
    tokens.sessions_end_all(user, reason=RevokedSession.Reason.PASSWORD_CHANGED, keep_sid=keep_sid)


def _reset_mail_due(email: str) -> bool:
    digest = hashlib.sha256(email.encode()).hexdigest()[:40]
    return cache.add(f"password-reset-mail:{digest}", 1, RESET_MAIL_INTERVAL)


def password_reset_request(*, email: str, site_url: str) -> None:
    """Mail a reset link if an active account has this address; say nothing either way."""
    email = normalize_email(email)
    user = User.objects.filter(email=email, is_active=True).first()
    if user is None or not user.has_usable_password() or not _reset_mail_due(email):
        return
    link = _link(
        site_url,
        "/reset-password",
        uid=urlsafe_base64_encode(force_bytes(user.pk)),
        token=default_token_generator.make_token(user),
    )
    emails.send_password_reset(user, link=link, max_age=settings.PASSWORD_RESET_TIMEOUT)


@transaction.atomic
def password_reset_confirm(*, uid: str, token: str, new_password: str) -> User:
    """Set the password of a reset link. The token is Django's: it expires after
    PASSWORD_RESET_TIMEOUT and dies with the password it was made for (so it works once).
    Every session of the user ends; the login lockout of the address is lifted."""
    refused = _("This reset link is invalid, expired or already used: ask for a new one.")
    try:
        pk = int(force_str(urlsafe_base64_decode(uid)))
    except (TypeError, ValueError, OverflowError, UnicodeDecodeError):
        pk = None
    user = User.objects.select_for_update().filter(pk=pk, is_active=True).first() if pk else None
    if user is None or not default_token_generator.check_token(user, token):
        raise ValidationError(refused, code="token_invalid")
    if errors := _password_errors(new_password, user):
        raise ValidationError({"new_password": errors})
    user.set_password(new_password)
    if not user.email_verified:  # the mail reached its owner: that proves the address
        user.email_verified_at = timezone.now()
    user.save(update_fields=["password", "email_verified_at"])
    tokens.sessions_end_all(user, reason=RevokedSession.Reason.PASSWORD_CHANGED)
    lockout.attempt_succeeded(user.email)
    return user


# --- Sessions and deletion --------------------------------------------------------------


def sessions_end_everywhere(*, user: User) -> int:
    return tokens.sessions_end_all(user, reason=RevokedSession.Reason.ALL_SESSIONS)


@transaction.atomic
def user_delete(*, user: User, password: str) -> None:
    """Delete the account after checking its password. Collections nobody else owns go
    with it (`user_deleting` receivers); shared ones stay with their other owners."""
    if not user.check_password(password):
        raise ValidationError({"password": [_("This is not your password.")]})
    tokens.sessions_end_all(user, reason=RevokedSession.Reason.ALL_SESSIONS)
    user_deleting.send(sender=User, user=user)
    user.delete()
