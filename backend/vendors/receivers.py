"""How vendors answer the signals of the apps below them (connected in `VendorsConfig`)."""

from typing import Any

from users.models import User
from vendors.services import vendor_create_personal


def create_personal_collection(*, user: User, **kwargs: Any) -> None:
    """Every new account gets its personal collection, owned by it."""
    vendor_create_personal(user=user)
