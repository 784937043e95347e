"""Forgot password: a mailed link (Django's token generator) that works once, for a while,
and ends every session; the request never tells whether an address has an account."""

import re
from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.test import override_settings
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from rest_framework.test import APIClient

from users.factories import DEFAULT_PASSWORD
from users.models import User

RESET = "/api/v1/auth/password-reset"
CONFIRM = "/api/v1/auth/password-reset/confirm"
LOGIN = "/api/v1/auth/login"
ME = "/api/v1/auth/me"
NEW_PASSWORD = "viridian-forest-1998"

pytestmark = pytest.mark.django_db


def ask(email: str, client: APIClient | None = None):
    return (client or APIClient()).post(RESET, {"email": email})


def link_in(mail) -> dict[str, str]:
    url = re.search(r"https?://\S+/reset-password\?\S+", mail.body).group(0)
    query = parse_qs(urlparse(url).query)
    return {"uid": query["uid"][0], "token": query["token"][0], "url": url}


def login(email: str, password: str):
    return APIClient().post(LOGIN, {"email": email, "password": password})


class TestRequest:
    def test_mails_a_link_to_the_spa(self, user, mailoutbox):
        response = ask(user.email.upper())

        assert response.status_code == 202
        assert len(mailoutbox) == 1
        mail = mailoutbox[0]
        assert mail.to == [user.email]
        assert mail.subject == "Reset your Omni-Stock password"
        assert link_in(mail)["url"].startswith("http://testserver/reset-password?uid=")

    @override_settings(SITE_URL="https://stock.example.com")
    def test_the_link_origin_is_site_url_whatever_the_host_header(self, user, mailoutbox):
        APIClient().post(RESET, {"email": user.email}, HTTP_HOST="localhost")

        assert link_in(mailoutbox[0])["url"].startswith("https://stock.example.com/reset-password")

    def test_an_unknown_address_gets_the_same_answer_and_no_mail(self, user, mailoutbox):
        known, unknown = ask(user.email), ask("nobody@example.com")

        assert unknown.status_code == known.status_code == 202
        assert unknown.json() == known.json()
        assert len(mailoutbox) == 1

    def test_an_inactive_account_gets_no_mail(self, user, mailoutbox):
        User.objects.filter(pk=user.pk).update(is_active=False)

        assert ask(user.email).status_code == 202
        assert mailoutbox == []

    def test_an_address_gets_one_mail_a_minute(self, user, mailoutbox):
        ask(user.email)
        ask(user.email)

        assert len(mailoutbox) == 1

    def test_a_bad_address_is_a_validation_error(self):
        response = ask("not-an-address")

        assert response.status_code == 400
        assert response.json()["code"] == "invalid"
        assert "email" in response.json()["fields"]

    def test_is_throttled_per_client(self, user):
        answers = [ask(f"x{n}@example.com").status_code for n in range(6)]

        assert answers == [202] * 5 + [429]


class TestConfirm:
    def test_sets_the_password_and_ends_every_session(self, user, mailoutbox):
        session = login(user.email, DEFAULT_PASSWORD).json()
        ask(user.email)
        link = link_in(mailoutbox[0])

        response = APIClient().post(
            CONFIRM, {"uid": link["uid"], "token": link["token"], "new_password": NEW_PASSWORD}
        )

        assert response.status_code == 204
        assert login(user.email, NEW_PASSWORD).status_code == 200
        assert login(user.email, DEFAULT_PASSWORD).status_code == 401
        me = APIClient(HTTP_AUTHORIZATION=f"Bearer {session['access']}").get(ME)
        assert me.status_code == 401
        refresh = APIClient().post("/api/v1/auth/refresh", {"refresh": session["refresh"]})
        assert refresh.status_code == 401
        user.refresh_from_db()
        assert user.email_verified  # the mail reached its owner

    def test_the_link_works_once(self, user, mailoutbox):
        ask(user.email)
        link = link_in(mailoutbox[0])
        body = {"uid": link["uid"], "token": link["token"], "new_password": NEW_PASSWORD}
        assert APIClient().post(CONFIRM, body).status_code == 204

        again = APIClient().post(CONFIRM, body | {"new_password": "pallet-town-1996"})

        assert again.status_code == 400
        assert again.json()["code"] == "token_invalid"
        assert login(user.email, NEW_PASSWORD).status_code == 200

    def test_an_expired_link_is_refused(self, user, settings):
        lifetime = timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 5)

        class MadeLongAgo(PasswordResetTokenGenerator):
            def _now(self) -> datetime:
                return datetime.now() - lifetime

        uid = urlsafe_base64_encode(force_bytes(user.pk))
        token = MadeLongAgo().make_token(user)
        response = APIClient().post(
            CONFIRM, {"uid": uid, "token": token, "new_password": NEW_PASSWORD}
        )

        assert response.status_code == 400
        assert "expired" in response.json()["detail"]
        assert login(user.email, DEFAULT_PASSWORD).status_code == 200

    @pytest.mark.parametrize("uid", ["", "!!!", "MTIzNDU2Nzg5", "x" * 64])
    def test_a_bad_uid_is_refused(self, user, mailoutbox, uid):
        ask(user.email)
        token = link_in(mailoutbox[0])["token"]

        response = APIClient().post(
            CONFIRM, {"uid": uid, "token": token, "new_password": NEW_PASSWORD}
        )

        assert response.status_code == 400
        assert response.json()["code"] in {"token_invalid", "invalid"}

    def test_the_password_rules_apply(self, user, mailoutbox):
        ask(user.email)
        link = link_in(mailoutbox[0])

        response = APIClient().post(
            CONFIRM, {"uid": link["uid"], "token": link["token"], "new_password": "12345678"}
        )

        assert response.status_code == 400
        assert "new_password" in response.json()["fields"]
        # The token was not spent on a refused password.
        retry = APIClient().post(
            CONFIRM, {"uid": link["uid"], "token": link["token"], "new_password": NEW_PASSWORD}
        )
        assert retry.status_code == 204
