"""Every new account gets its personal collection (the vendors app's receiver)."""

import pytest
from django.conf import settings

from users.models import User
from vendors.models import Membership, Role

REGISTER = "/api/v1/auth/register"

pytestmark = pytest.mark.django_db


def test_sign_up_creates_the_personal_vendor_they_own_and_logs_them_in(api_client):
    response = api_client.post(
        REGISTER,
        {"email": "Ash@Example.com", "password": "pallet-town-1996", "display_name": "Ash"},
    )

    assert response.status_code == 201
    body = response.json()
    assert body["user"]["email"] == "ash@example.com"
    assert body["user"]["display_name"] == "Ash"
    assert body["access"]
    assert body["refresh"]
    user = User.objects.get(email="ash@example.com")
    membership = Membership.objects.get(user=user)
    assert membership.role == Role.OWNER
    assert membership.vendor.is_personal
    assert response.cookies[settings.REFRESH_COOKIE_NAME]["httponly"]
