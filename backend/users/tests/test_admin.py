import pytest
from django.test import Client
from django.urls import reverse

from users.factories import UserFactory
from users.models import User

pytestmark = pytest.mark.django_db


def test_user_search_matches_email_and_display_name(admin_client: Client) -> None:
    UserFactory(email="misty@example.com", display_name="Misty")
    UserFactory(email="brock@example.com", display_name="Brock Harrison")
    url = reverse("admin:users_user_changelist")

    by_email = admin_client.get(url, {"q": "misty@"}).content.decode()
    by_name = admin_client.get(url, {"q": "harrison"}).content.decode()

    assert "misty@example.com" in by_email
    assert "brock@example.com" not in by_email
    assert "brock@example.com" in by_name


def test_add_form_rejects_an_email_that_differs_only_in_case(admin_client: Client) -> None:
    UserFactory(email="red@example.com")

    response = admin_client.post(
        reverse("admin:users_user_add"),
        {
            "email": "RED@example.com",
            "usable_password": "true",
            "password1": "pallet-town-1996",
            "password2": "pallet-town-1996",
        },
    )

    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert User.objects.filter(email="red@example.com").count() == 1


def test_add_form_rejects_mismatched_passwords(admin_client: Client) -> None:
    response = admin_client.post(
        reverse("admin:users_user_add"),
        {
            "email": "blue@example.com",
            "usable_password": "true",
            "password1": "pallet-town-1996",
            "password2": "pallet-town-1997",
        },
    )

    assert response.status_code == 200
    assert not User.objects.filter(email="blue@example.com").exists()
