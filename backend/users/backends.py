from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from users import lockout
from users.models import User


class LockoutModelBackend(ModelBackend):
    """Django's email + password check, counted by the per-account lockout
    (users.lockout), so the API's login and the admin's share one limit.

    A locked account raises PermissionDenied, which makes `authenticate()` answer None
    without trying the password; the lockout is also left on the request
    (`request.account_locked`) for the API to answer 429 with `Retry-After`.
    """

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        email = username if username is not None else kwargs.get(User.USERNAME_FIELD)
        if not isinstance(email, str) or password is None:
            return None
        try:
            number = lockout.attempt_begin(email)
        except lockout.AccountLocked as locked:
            if request is not None:
                request.account_locked = locked  # type: ignore[attr-defined]
            raise PermissionDenied(str(locked)) from locked
        user = super().authenticate(request, username=email, password=password, **kwargs)
        if user is None:
            lockout.attempt_failed(email, number)
        else:
            lockout.attempt_succeeded(email)
        return user if isinstance(user, User) else None
