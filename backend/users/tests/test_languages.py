"""The account's `language`: set through the profile, validated, and what the account's
mails are written in (else the request's language)."""

import re

import pytest
from django.utils import translation
from rest_framework.test import APIClient

from users.factories import UserFactory
from users.languages import in_language_of, language_of

ME = "/api/v1/auth/me"
RESET = "/api/v1/auth/password-reset"
REGISTER = "/api/v1/auth/register"

pytestmark = pytest.mark.django_db


class TestProfileLanguage:
    def test_round_trips_through_the_profile(self, auth_client, user):
        assert auth_client.get(ME).json()["language"] == ""

        assert auth_client.patch(ME, {"language": "de"}).json()["language"] == "de"
        assert auth_client.get(ME).json()["language"] == "de"
        user.refresh_from_db()
        assert user.language == "de"

        assert auth_client.patch(ME, {"language": ""}).json()["language"] == ""  # not chosen

    @pytest.mark.parametrize("value", ["fr", "DE", "de-DE", 1])
    def test_refuses_a_language_the_server_does_not_write(self, auth_client, user, value):
        response = auth_client.patch(ME, {"language": value}, HTTP_ACCEPT_LANGUAGE="en")

        assert response.status_code == 400
        body = response.json()
        assert (body["code"], body["detail"]) == ("invalid", "Some fields are not valid.")
        assert list(body["fields"]) == ["language"]
        user.refresh_from_db()
        assert user.language == ""


class TestLanguageOf:
    def test_the_choice_else_the_active_language(self):
        assert language_of(UserFactory.build(language="de")) == "de"
        with translation.override("de"):
            assert language_of(UserFactory.build(language="")) == "de"
            assert language_of(None) == "de"
            with in_language_of(UserFactory.build(language="en")):
                assert translation.get_language() == "en"
            assert translation.get_language() == "de"
        with translation.override(None):  # a worker: no language active
            assert language_of(UserFactory.build(language="")) == "en-us"  # LANGUAGE_CODE


class TestMails:
    def test_a_german_account_gets_its_reset_mail_in_german(self, mailoutbox):
        german = UserFactory(language="de")

        APIClient().post(RESET, {"email": german.email}, HTTP_ACCEPT_LANGUAGE="en")

        (mail,) = mailoutbox
        assert mail.subject == "Setzen Sie Ihr Omni-Stock-Passwort zurück"
        assert re.search(r"\(der Link gilt \d+ Stunden?, und nur einmal\)", mail.body)

    def test_an_english_account_gets_it_in_english_whatever_the_request(self, mailoutbox):
        english = UserFactory(language="en")

        APIClient().post(RESET, {"email": english.email}, HTTP_ACCEPT_LANGUAGE="de")

        (mail,) = mailoutbox
        assert mail.subject == "Reset your Omni-Stock password"
        assert "the link works for" in mail.body

    def test_without_a_choice_the_mail_follows_the_request(self, mailoutbox):
        response = APIClient().post(
            REGISTER,
            {"email": "neu@example.com", "password": "viridian-forest-1998"},
            HTTP_ACCEPT_LANGUAGE="de",
        )

        assert response.status_code == 202
        (mail,) = mailoutbox
        assert mail.subject == "Willkommen bei Omni-Stock"
        assert mail.body.startswith("Hallo neu,\n\nIhr Omni-Stock-Konto für neu@example.com")
