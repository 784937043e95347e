from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from users.models import User, normalize_email
from users.signals import user_created


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


@transaction.atomic
def user_update(*, user: User, **changes: Any) -> User:
    for field in ("display_name",):
        if field in changes:
            setattr(user, field, changes[field].strip())
    user.save(update_fields=["display_name"])
    return user
