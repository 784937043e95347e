import pytest
from django.conf import settings
from rest_framework.test import APIClient

from users.factories import DEFAULT_PASSWORD, UserFactory

LOGIN = "/api/v1/auth/login"
REFRESH = "/api/v1/auth/refresh"
LOGOUT = "/api/v1/auth/logout"
ME = "/api/v1/auth/me"

pytestmark = pytest.mark.django_db


def login(client: APIClient, email: str, password: str = DEFAULT_PASSWORD):
    return client.post(LOGIN, {"email": email, "password": password})


class TestLogin:
    def test_returns_tokens_for_the_right_password_with_any_email_case(self, api_client, user):
        response = login(api_client, user.email.upper())

        assert response.status_code == 200
        assert response.json()["user"]["id"] == user.id
        me = APIClient(HTTP_AUTHORIZATION=f"Bearer {response.json()['access']}").get(ME)
        assert me.status_code == 200
        assert me.json()["email"] == user.email

    def test_wrong_password_is_401_in_the_error_shape(self, api_client, user):
        response = login(api_client, user.email, "not-the-password")

        assert response.status_code == 401
        assert response.json()["code"] == "no_active_account"
        assert "detail" in response.json()

    def test_inactive_user_cannot_log_in(self, api_client):
        inactive = UserFactory(is_active=False)

        assert login(api_client, inactive.email).status_code == 401

    def test_is_throttled_after_five_attempts(self, api_client, user):
        for _ in range(5):
            login(api_client, user.email, "wrong")

        response = login(api_client, user.email)

        assert response.status_code == 429
        assert "Retry-After" in response


class TestRefresh:
    def test_rotates_the_refresh_token_and_rejects_the_used_one(self, api_client, user):
        first = login(api_client, user.email).json()["refresh"]

        rotated = api_client.post(REFRESH, {"refresh": first})
        reused = APIClient().post(REFRESH, {"refresh": first})

        assert rotated.status_code == 200
        assert rotated.json()["refresh"] != first
        assert rotated.json()["access"]
        assert reused.status_code == 401
        assert reused.json()["code"] == "token_not_valid"

    def test_accepts_the_httponly_cookie_instead_of_the_body(self, user):
        browser = APIClient()
        login(browser, user.email)  # sets the cookie on the client

        response = browser.post(REFRESH, {})

        assert response.status_code == 200
        assert response.cookies[settings.REFRESH_COOKIE_NAME].value == response.json()["refresh"]
        assert response.cookies[settings.REFRESH_COOKIE_NAME]["path"] == "/api/v1/auth/"

    def test_without_any_token_is_401(self, api_client):
        assert api_client.post(REFRESH, {}).status_code == 401

    def test_garbage_token_is_401(self, api_client):
        assert api_client.post(REFRESH, {"refresh": "not-a-jwt"}).status_code == 401


class TestLogout:
    def test_blacklists_the_refresh_token_and_clears_the_cookie(self, api_client, user):
        refresh = login(api_client, user.email).json()["refresh"]

        response = api_client.post(LOGOUT, {"refresh": refresh})

        assert response.status_code == 204
        assert response.cookies[settings.REFRESH_COOKIE_NAME].value == ""
        assert APIClient().post(REFRESH, {"refresh": refresh}).status_code == 401

    def test_with_the_cookie_revokes_it(self, user):
        browser = APIClient()
        refresh = login(browser, user.email).json()["refresh"]

        assert browser.post(LOGOUT, {}).status_code == 204
        assert APIClient().post(REFRESH, {"refresh": refresh}).status_code == 401

    def test_with_an_already_revoked_token_still_succeeds(self, api_client, user):
        refresh = login(api_client, user.email).json()["refresh"]
        api_client.post(LOGOUT, {"refresh": refresh})

        assert api_client.post(LOGOUT, {"refresh": refresh}).status_code == 204


class TestMe:
    def test_requires_authentication(self, api_client):
        response = api_client.get(ME)

        assert response.status_code == 401
        assert response.json()["code"] == "not_authenticated"

    def test_returns_the_profile(self, auth_client, user):
        assert auth_client.get(ME).json() == {
            "id": user.id,
            "email": user.email,
            "display_name": user.display_name,
            "display_currency": "",
            "language": "",
            "email_verified": False,
            "date_joined": user.date_joined.isoformat().replace("+00:00", "Z"),
        }

    def test_patch_changes_display_name_but_never_email(self, auth_client, user):
        response = auth_client.patch(ME, {"display_name": "  Gary Oak ", "email": "x@example.com"})

        assert response.status_code == 200
        user.refresh_from_db()
        assert user.display_name == "Gary Oak"
        assert user.email != "x@example.com"

    def test_patch_validates_length(self, auth_client):
        response = auth_client.patch(ME, {"display_name": "x" * 101})

        assert response.status_code == 400
        assert "display_name" in response.json()["fields"]
