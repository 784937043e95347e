"""Sign-up answers the same whether or not the address already has an account."""

import time

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from users.factories import DEFAULT_PASSWORD, UserFactory
from users.models import User
from users.services import user_sign_up

REGISTER = "/api/v1/auth/register"
LOGIN = "/api/v1/auth/login"

pytestmark = pytest.mark.django_db


def sign_up(client: APIClient, email: str, password: str = "cerulean-city-1996", **extra: str):
    return client.post(REGISTER, {"email": email, "password": password, **extra})


class TestNewAddress:
    def test_creates_the_account_without_logging_anyone_in(self, api_client):
        response = sign_up(api_client, "Brock@Example.com", display_name="Brock")

        assert response.status_code == 202
        assert set(response.json()) == {"detail"}
        assert "check your inbox" in response.json()["detail"].lower()
        assert settings.REFRESH_COOKIE_NAME not in response.cookies
        user = User.objects.get(email="brock@example.com")
        assert user.display_name == "Brock"
        assert user.check_password("cerulean-city-1996")

    def test_mails_a_welcome_with_the_sign_in_link(self, api_client, mailoutbox):
        sign_up(api_client, "brock@example.com")

        assert len(mailoutbox) == 1
        mail = mailoutbox[0]
        assert mail.to == ["brock@example.com"]
        assert mail.subject == "Welcome to Omni-Stock"
        assert "http://testserver/login" in mail.body

    def test_the_new_user_then_logs_in_with_the_password(self, api_client):
        sign_up(api_client, "brock@example.com")

        response = APIClient().post(
            LOGIN, {"email": "brock@example.com", "password": "cerulean-city-1996"}
        )

        assert response.status_code == 200
        assert response.json()["user"]["email"] == "brock@example.com"


class TestRegisteredAddress:
    def test_answers_exactly_like_a_new_address(self, api_client):
        UserFactory(email="misty@example.com")

        taken = sign_up(api_client, "MISTY@example.com")
        new = sign_up(APIClient(), "someone-new@example.com")

        assert taken.status_code == new.status_code == 202
        assert taken.json() == new.json()
        assert taken.cookies.keys() == new.cookies.keys()
        assert set(taken.headers) == set(new.headers)

    def test_changes_nothing_and_logs_no_one_in(self, api_client):
        owner = UserFactory(email="misty@example.com", display_name="Misty")

        response = sign_up(api_client, "misty@example.com", "attacker-chosen-9", display_name="X")

        assert "access" not in response.json()
        assert settings.REFRESH_COOKIE_NAME not in response.cookies
        assert User.objects.filter(email="misty@example.com").count() == 1
        owner.refresh_from_db()
        assert owner.display_name == "Misty"
        assert owner.check_password(DEFAULT_PASSWORD)
        login = APIClient().post(
            LOGIN, {"email": "misty@example.com", "password": "attacker-chosen-9"}
        )
        assert login.status_code == 401

    def test_mails_the_owner_to_sign_in_instead(self, api_client, mailoutbox):
        UserFactory(email="misty@example.com")

        sign_up(api_client, "misty@example.com")

        assert len(mailoutbox) == 1
        mail = mailoutbox[0]
        assert mail.to == ["misty@example.com"]
        assert mail.subject == "Someone tried to register with your address"
        assert "already has an account" in mail.body
        assert "http://testserver/login" in mail.body

    def test_mails_the_owner_at_most_once_an_hour(self, mailoutbox):
        UserFactory(email="misty@example.com")

        for n in range(3):
            sign_up(APIClient(REMOTE_ADDR=f"10.0.0.{n}"), "misty@example.com")

        assert len(mailoutbox) == 1

    def test_still_pays_for_the_password_hash(self):
        """Timing: both answers hash the password once (the bulk of the work)."""
        UserFactory(email="misty@example.com")

        def duration(email: str) -> float:
            started = time.perf_counter()
            user_sign_up(email=email, password="cerulean-city-1996", site_url="")
            return time.perf_counter() - started

        new = min(duration(f"new{n}@example.com") for n in range(3))
        taken = min(duration("misty@example.com") for _ in range(3))

        assert taken > new * 0.5

    def test_weak_password_is_rejected_the_same_way(self, api_client):
        UserFactory(email="misty@example.com")

        taken = sign_up(api_client, "misty@example.com", "12345")
        new = sign_up(APIClient(), "nobody@example.com", "12345")

        assert taken.status_code == new.status_code == 400
        assert taken.json()["fields"] == new.json()["fields"]


class TestValidation:
    def test_weak_password_is_rejected_by_djangos_validators(self, api_client):
        response = sign_up(api_client, "brock@example.com", "12345")

        assert response.status_code == 400
        body = response.json()
        assert body["code"] == "invalid"
        assert any("too short" in message for message in body["fields"]["password"])
        assert not User.objects.filter(email="brock@example.com").exists()

    def test_missing_fields_are_named(self, api_client):
        response = api_client.post(REGISTER, {})

        assert response.status_code == 400
        assert set(response.json()["fields"]) == {"email", "password"}

    def test_is_throttled_per_client_with_retry_after(self, api_client):
        for n in range(5):
            api_client.post(REGISTER, {"email": f"spam{n}@example.com", "password": "x"})

        response = api_client.post(REGISTER, {"email": "spam9@example.com", "password": "x"})

        assert response.status_code == 429
        assert response.json()["code"] == "throttled"
        assert int(response["Retry-After"]) > 0


def test_a_mail_server_that_fails_does_not_fail_the_sign_up(api_client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 1

    response = sign_up(api_client, "brock@example.com")

    assert response.status_code == 202
    assert User.objects.filter(email="brock@example.com").exists()
