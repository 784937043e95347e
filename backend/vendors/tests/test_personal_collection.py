"""Every new account gets its personal collection (the vendors app's receiver)."""

import pytest

from users.models import User
from vendors.models import Membership, Role

REGISTER = "/api/v1/auth/register"

pytestmark = pytest.mark.django_db


def test_sign_up_creates_the_personal_vendor_they_own(api_client):
    response = api_client.post(
        REGISTER,
        {"email": "Ash@Example.com", "password": "pallet-town-1996", "display_name": "Ash"},
    )

    assert response.status_code == 202
    user = User.objects.get(email="ash@example.com")
    assert user.display_name == "Ash"
    membership = Membership.objects.get(user=user)
    assert membership.role == Role.OWNER
    assert membership.vendor.is_personal
