import hashlib
from typing import Any

from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.cache import cache
from django.db import IntegrityError, transaction

from users import account, emails
from users.models import User, normalize_email
from users.signals import user_created

#: An address that already has an account hears about sign-up attempts at most this often,
#: so sign-up cannot be used to flood someone's inbox.
ALREADY_REGISTERED_NOTICE_INTERVAL = 3600


@transaction.atomic
def user_register(*, email: str, password: str, display_name: str = "") -> User:
    """Create the account; `user_created` receivers (the personal collection) run in the
    same transaction."""
    candidate = User(email=normalize_email(email), display_name=display_name.strip())
    validate_password(password, user=candidate)
    user = User.objects.create_user(
        email=candidate.email, password=password, display_name=candidate.display_name
    )
    user_created.send(sender=User, user=user)
    return user


def user_sign_up(
    *, email: str, password: str, display_name: str = "", site_url: str
) -> User | None:
    """Public sign-up, which must not tell whether an address has an account.

    A new address gets its account (and personal collection) and a welcome mail. An
    address that already has an account gets nothing created or changed; its owner gets a
    mail instead ("someone tried to register with your address"). Both ways the password is
    validated and hashed once, so the answer takes about as long. Returns the new user, or
    None when the address was taken (also when a concurrent sign-up took it first).
    The welcome carries the link that verifies the address (`users.account`)."""
    sign_in_url = f"{site_url}/login"
    email = normalize_email(email)
    existing = User.objects.filter(email=email).first()
    if existing is None:
        try:
            user = user_register(email=email, password=password, display_name=display_name)
        except IntegrityError:  # another sign-up created it meanwhile
            existing = User.objects.filter(email=email).first()
        else:
            verify_url = account.email_verification_link(user=user, site_url=site_url)
            emails.send_welcome(user, sign_in_url=sign_in_url, verify_url=verify_url)
            return user
    else:
        validate_password(password, user=User(email=email, display_name=display_name.strip()))
        make_password(password)  # the cost of creating an account, spent for nothing
    if existing is not None and _notice_due(email):
        emails.send_already_registered(existing, sign_in_url=sign_in_url)
    return None


def _notice_due(email: str) -> bool:
    digest = hashlib.sha256(email.encode()).hexdigest()[:40]
    return cache.add(f"signup-notice:{digest}", 1, ALREADY_REGISTERED_NOTICE_INTERVAL)


@transaction.atomic
def user_update(*, user: User, **changes: Any) -> User:
    fields = [
        field for field in ("display_name", "display_currency", "language") if field in changes
    ]
    for field in fields:
        setattr(user, field, changes[field].strip())
    if fields:
        user.full_clean(exclude=["password", "email"], validate_unique=False)
        user.save(update_fields=fields)
    return user
