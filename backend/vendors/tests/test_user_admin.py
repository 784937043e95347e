"""The user admin as the vendors app extends it: memberships inline, personal collection."""

import pytest
from django.test import Client
from django.urls import reverse

from users.factories import UserFactory
from users.models import User
from vendors.models import Membership, Role

pytestmark = pytest.mark.django_db


def test_superuser_opens_user_changelist_add_and_change_pages(admin_client: Client) -> None:
    user = UserFactory(display_name="Ash Ketchum")

    assert admin_client.get(reverse("admin:users_user_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:users_user_add")).status_code == 200
    response = admin_client.get(reverse("admin:users_user_change", args=[user.pk]))
    assert response.status_code == 200
    # The memberships inline lists the user's personal collection.
    assert "collection" in response.content.decode()


def test_add_form_creates_user_with_lowercased_email_and_personal_collection(
    admin_client: Client,
) -> None:
    response = admin_client.post(
        reverse("admin:users_user_add"),
        {
            "email": "  Gary.Oak@Example.COM ",
            "display_name": "Gary",
            "usable_password": "true",
            "password1": "smell-ya-later-1999",
            "password2": "smell-ya-later-1999",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    user = User.objects.get(email="gary.oak@example.com")
    assert user.check_password("smell-ya-later-1999")
    membership = Membership.objects.get(user=user)
    assert membership.role == Role.OWNER
    assert membership.vendor.is_personal


def test_change_form_saves_profile(admin_client: Client) -> None:
    user = UserFactory(email="oak@example.com")
    url = reverse("admin:users_user_change", args=[user.pk])
    membership = Membership.objects.get(user=user)

    response = admin_client.post(
        url,
        {
            "email": "Prof.Oak@Example.com",
            "display_name": "Professor Oak",
            "is_active": "on",
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "1",
            "memberships-MIN_NUM_FORMS": "0",
            "memberships-MAX_NUM_FORMS": "1000",
            "memberships-0-id": str(membership.pk),
            "memberships-0-user": str(user.pk),
            "memberships-0-vendor": str(membership.vendor_id),
            "memberships-0-role": Role.OWNER,
        },
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    user.refresh_from_db()
    assert user.email == "prof.oak@example.com"
    assert user.display_name == "Professor Oak"
