from typing import Any

from rest_framework.request import Request

from users.models import User


def authenticated_user(request: Request | Any) -> User:
    """The request's user, typed as a real User (views behind IsAuthenticated only)."""
    user = request.user
    assert isinstance(user, User), "only for views that require authentication"
    return user
