"""Account self-service: profile settings, address verification, password change,
signing out everywhere, deleting the account."""

import re
import time
from urllib.parse import parse_qs, urlparse

import pytest
from django.core import signing
from rest_framework.test import APIClient

from users import account
from users.factories import DEFAULT_PASSWORD, UserFactory
from users.models import User

ME = "/api/v1/auth/me"
LOGIN = "/api/v1/auth/login"
REFRESH = "/api/v1/auth/refresh"
VERIFY = "/api/v1/auth/verify-email"
RESEND = "/api/v1/auth/verify-email/resend"
PASSWORD = "/api/v1/auth/password"
REVOKE_ALL = "/api/v1/auth/sessions/revoke-all"
DELETE = "/api/v1/auth/delete-account"
NEW_PASSWORD = "viridian-forest-1998"

pytestmark = pytest.mark.django_db


def start_session(user: User, password: str = DEFAULT_PASSWORD) -> dict:
    response = APIClient().post(LOGIN, {"email": user.email, "password": password})
    assert response.status_code == 200
    return response.json()


def bearer(session: dict) -> APIClient:
    return APIClient(HTTP_AUTHORIZATION=f"Bearer {session['access']}")


def session_alive(session: dict) -> bool:
    return bearer(session).get(ME).status_code == 200


def verify_token_in(mail) -> str:
    url = re.search(r"https?://\S+/verify-email\?\S+", mail.body).group(0)
    return parse_qs(urlparse(url).query)["token"][0]


class TestProfile:
    def test_me_returns_the_settings(self, auth_client, user):
        body = auth_client.get(ME).json()

        assert body["display_currency"] == ""
        assert body["email_verified"] is False

    def test_sets_the_display_currency_in_any_case(self, auth_client, user):
        response = auth_client.patch(ME, {"display_currency": "eur", "display_name": " Misty "})

        assert response.status_code == 200
        assert response.json()["display_currency"] == "EUR"
        user.refresh_from_db()
        assert (user.display_currency, user.display_name) == ("EUR", "Misty")

    def test_an_empty_display_currency_means_each_collections_own(self, auth_client, user):
        auth_client.patch(ME, {"display_currency": "JPY"})

        assert auth_client.patch(ME, {"display_currency": ""}).json()["display_currency"] == ""

    @pytest.mark.parametrize("value", ["EURO", "ABC", "XAU", 12])
    def test_refuses_a_code_that_is_not_money(self, auth_client, value):
        response = auth_client.patch(ME, {"display_currency": value})

        assert response.status_code == 400
        assert "display_currency" in response.json()["fields"]

    def test_email_and_verification_are_read_only(self, auth_client, user):
        auth_client.patch(ME, {"email": "other@example.com", "email_verified": True})

        user.refresh_from_db()
        assert user.email != "other@example.com"
        assert not user.email_verified


class TestVerification:
    def test_sign_up_mails_the_link_and_it_verifies(self, api_client, mailoutbox):
        api_client.post(
            "/api/v1/auth/register", {"email": "brock@example.com", "password": NEW_PASSWORD}
        )
        token = verify_token_in(mailoutbox[0])
        assert "http://testserver/verify-email?token=" in mailoutbox[0].body

        response = APIClient().post(VERIFY, {"token": token})

        assert response.status_code == 200
        assert response.json()["email_verified"] is True
        assert User.objects.get(email="brock@example.com").email_verified

    def test_the_link_works_once(self, user):
        token = account.email_verification_token(user)
        assert APIClient().post(VERIFY, {"token": token}).status_code == 200

        again = APIClient().post(VERIFY, {"token": token})

        assert again.status_code == 400
        assert again.json()["code"] == "already_verified"

    def test_an_expired_link_is_refused(self, user, settings):
        class SignedLongAgo(signing.TimestampSigner):
            def timestamp(self) -> str:
                age = settings.EMAIL_VERIFICATION_MAX_AGE + 5
                return signing.b62_encode(int(time.time()) - age)

        token = SignedLongAgo(salt=account.VERIFY_SALT).sign_object(
            {"u": user.pk, "e": user.email}, compress=True
        )

        response = APIClient().post(VERIFY, {"token": token})

        assert response.status_code == 400
        assert response.json()["code"] == "token_expired"
        user.refresh_from_db()
        assert not user.email_verified

    def test_a_forged_or_stale_link_is_refused(self, user):
        forged = signing.dumps({"u": user.pk, "e": user.email}, salt="another-purpose")
        stale = account.email_verification_token(user)
        User.objects.filter(pk=user.pk).update(email="new@example.com")

        for token in (forged, stale, "garbage", ""):
            response = APIClient().post(VERIFY, {"token": token})
            assert response.status_code == 400
            assert response.json()["code"] in {"token_invalid", "invalid"}

    def test_resend_mails_a_new_link(self, auth_client, user, mailoutbox):
        response = auth_client.post(RESEND)

        assert response.status_code == 202
        assert mailoutbox[0].to == [user.email]
        assert mailoutbox[0].subject == "Confirm your email address"
        assert (
            APIClient().post(VERIFY, {"token": verify_token_in(mailoutbox[0])}).status_code == 200
        )

    def test_resend_refuses_a_verified_address(self, user, mailoutbox):
        account.email_verify(token=account.email_verification_token(user))

        response = bearer(start_session(user)).post(RESEND)

        assert response.status_code == 400
        assert response.json()["code"] == "already_verified"
        assert mailoutbox == []

    def test_resend_is_throttled_per_user(self, auth_client, mailoutbox):
        answers = [auth_client.post(RESEND).status_code for _ in range(6)]

        assert answers == [202] * 5 + [429]
        assert client_of_another_user().post(RESEND).status_code == 202

    def test_resend_needs_a_sign_in(self, api_client):
        assert api_client.post(RESEND).status_code == 401


def client_of_another_user() -> APIClient:
    client = APIClient()
    client.force_authenticate(UserFactory())
    return client


class TestPasswordChange:
    def test_keeps_this_session_and_ends_the_others(self, user):
        this, other = start_session(user), start_session(user)

        response = bearer(this).post(
            PASSWORD, {"current_password": DEFAULT_PASSWORD, "new_password": NEW_PASSWORD}
        )

        assert response.status_code == 204
        assert session_alive(this)
        assert APIClient().post(REFRESH, {"refresh": this["refresh"]}).status_code == 200
        assert not session_alive(other)
        assert APIClient().post(REFRESH, {"refresh": other["refresh"]}).status_code == 401
        start_session(user, NEW_PASSWORD)

    def test_needs_the_current_password(self, user):
        session = start_session(user)

        response = bearer(session).post(
            PASSWORD, {"current_password": "wrong", "new_password": NEW_PASSWORD}
        )

        assert response.status_code == 400
        assert "current_password" in response.json()["fields"]
        user.refresh_from_db()
        assert user.check_password(DEFAULT_PASSWORD)

    @pytest.mark.parametrize("new", ["12345678", "short", "collector"])
    def test_the_password_rules_apply(self, user, new):
        response = bearer(start_session(user)).post(
            PASSWORD, {"current_password": DEFAULT_PASSWORD, "new_password": new}
        )

        assert response.status_code == 400
        assert response.json()["fields"]["new_password"]

    def test_missing_fields_are_named(self, auth_client):
        response = auth_client.post(PASSWORD, {})

        assert response.status_code == 400
        assert set(response.json()["fields"]) == {"current_password", "new_password"}

    def test_guessing_the_current_password_is_throttled(self, auth_client):
        answers = [
            auth_client.post(
                PASSWORD, {"current_password": f"guess{n}", "new_password": NEW_PASSWORD}
            ).status_code
            for n in range(6)
        ]

        assert answers == [400] * 5 + [429]


class TestSignOutEverywhere:
    def test_ends_every_session_this_one_included(self, user):
        phone, laptop = start_session(user), start_session(user)
        rotated = APIClient().post(REFRESH, {"refresh": laptop["refresh"]}).json()
        bystander = start_session(UserFactory())

        response = bearer(phone).post(REVOKE_ALL)

        assert response.status_code == 204
        for session in (phone, rotated):
            assert not session_alive(session)
            assert APIClient().post(REFRESH, {"refresh": session["refresh"]}).status_code == 401
        assert session_alive(bystander)
        assert session_alive(start_session(user))  # signing in again works

    def test_needs_a_sign_in(self, api_client):
        assert api_client.post(REVOKE_ALL).status_code == 401


class TestDeleteAccount:
    def test_needs_the_password(self, user):
        session = start_session(user)

        response = bearer(session).post(DELETE, {"password": "wrong"})

        assert response.status_code == 400
        assert "password" in response.json()["fields"]
        assert User.objects.filter(pk=user.pk).exists()

    def test_deletes_the_account_and_ends_its_sessions(self, user):
        session = start_session(user)

        response = bearer(session).post(DELETE, {"password": DEFAULT_PASSWORD})

        assert response.status_code == 204
        assert not User.objects.filter(pk=user.pk).exists()
        assert not session_alive(session)
        assert APIClient().post(REFRESH, {"refresh": session["refresh"]}).status_code == 401
        login = APIClient().post(LOGIN, {"email": user.email, "password": DEFAULT_PASSWORD})
        assert login.status_code == 401

    def test_a_missing_password_is_a_validation_error(self, auth_client):
        response = auth_client.post(DELETE, {})

        assert response.status_code == 400
        assert "password" in response.json()["fields"]
