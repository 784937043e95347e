"""A session ends for good: replayed refresh tokens end the whole chain, logout ends the
access token too."""

import threading

import pytest
from django.db import connection
from rest_framework.test import APIClient

from users.factories import DEFAULT_PASSWORD
from users.models import RevokedSession

LOGIN = "/api/v1/auth/login"
REFRESH = "/api/v1/auth/refresh"
LOGOUT = "/api/v1/auth/logout"
ME = "/api/v1/auth/me"

pytestmark = pytest.mark.django_db


def start_session(user) -> dict:
    response = APIClient().post(LOGIN, {"email": user.email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 200
    return response.json()


def refresh(token: str):
    return APIClient().post(REFRESH, {"refresh": token})


def me(access: str):
    return APIClient(HTTP_AUTHORIZATION=f"Bearer {access}").get(ME)


class TestReplayedRefreshToken:
    def test_is_refused_and_so_is_the_token_that_replaced_it(self, user):
        stolen = start_session(user)["refresh"]
        replacement = refresh(stolen).json()["refresh"]

        replay = refresh(stolen)

        assert replay.status_code == 401
        assert replay.json()["code"] == "token_not_valid"
        assert "already used" in replay.json()["detail"]
        assert refresh(replacement).status_code == 401

    def test_ends_the_access_tokens_of_the_session(self, user):
        session = start_session(user)
        rotated = refresh(session["refresh"]).json()
        assert me(rotated["access"]).status_code == 200

        refresh(session["refresh"])

        assert me(session["access"]).status_code == 401
        assert me(rotated["access"]).status_code == 401
        assert me(rotated["access"]).json()["detail"] == "This session has ended: log in again."

    def test_leaves_the_users_other_sessions_alone(self, user):
        phone, laptop = start_session(user), start_session(user)
        refresh(phone["refresh"])

        refresh(phone["refresh"])

        assert me(laptop["access"]).status_code == 200
        assert refresh(laptop["refresh"]).status_code == 200

    def test_is_recorded_for_operators(self, user):
        session = start_session(user)
        refresh(session["refresh"])

        refresh(session["refresh"])

        revoked = RevokedSession.objects.get()
        assert revoked.user == user
        assert revoked.reason == RevokedSession.Reason.REFRESH_REUSED

    def test_a_rotated_chain_keeps_working_until_a_replay(self, user):
        token = start_session(user)["refresh"]
        for _ in range(3):
            response = refresh(token)
            assert response.status_code == 200
            token = response.json()["refresh"]

        assert me(response.json()["access"]).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_two_requests_racing_with_one_token_cannot_both_rotate_it(user):
    token = start_session(user)["refresh"]
    barrier = threading.Barrier(4)
    answers: list[int] = []

    def use_it() -> None:
        barrier.wait()
        try:
            answers.append(refresh(token).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=use_it) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(answers) == [200, 401, 401, 401]


class TestLogout:
    def test_ends_the_access_token_early(self, user):
        session = start_session(user)
        assert me(session["access"]).status_code == 200

        APIClient().post(LOGOUT, {"refresh": session["refresh"]})

        response = me(session["access"])
        assert response.status_code == 401
        assert response.json() == {
            "detail": "This session has ended: log in again.",
            "code": "token_not_valid",
        }

    def test_with_only_the_access_token_ends_the_session(self, user):
        session = start_session(user)

        response = APIClient(HTTP_AUTHORIZATION=f"Bearer {session['access']}").post(LOGOUT, {})

        assert response.status_code == 204
        assert me(session["access"]).status_code == 401
        assert refresh(session["refresh"]).status_code == 401

    def test_ends_every_token_of_the_session(self, user):
        session = start_session(user)
        rotated = refresh(session["refresh"]).json()

        APIClient().post(LOGOUT, {"refresh": rotated["refresh"]})

        assert me(session["access"]).status_code == 401
        assert me(rotated["access"]).status_code == 401
        assert refresh(rotated["refresh"]).status_code == 401

    def test_leaves_other_sessions_logged_in(self, user):
        phone, laptop = start_session(user), start_session(user)

        APIClient().post(LOGOUT, {"refresh": phone["refresh"]})

        assert me(laptop["access"]).status_code == 200

    @pytest.mark.parametrize("authorization", ["Bearer not-a-jwt", "Bearer two parts", "Basic"])
    def test_with_garbage_tokens_still_succeeds(self, authorization):
        response = APIClient(HTTP_AUTHORIZATION=authorization).post(
            LOGOUT, {"refresh": "not-a-jwt"}
        )

        assert response.status_code == 204


class TestRefreshRefusals:
    def test_an_inactive_users_token_is_refused(self, user):
        token = start_session(user)["refresh"]
        user.is_active = False
        user.save()

        response = refresh(token)

        assert response.status_code == 401
        assert response.json()["code"] == "no_active_account"

    def test_a_deleted_users_token_is_a_401_not_a_500(self, user):
        token = start_session(user)["refresh"]
        user.delete()

        assert refresh(token).status_code == 401

    def test_an_access_token_is_not_a_refresh_token(self, user):
        access = start_session(user)["access"]

        assert refresh(access).status_code == 401

    def test_an_invalid_access_token_gets_one_clear_sentence(self, api_client):
        response = me("abc.def.ghi")

        assert response.status_code == 401
        assert response.json() == {
            "detail": "The access token is invalid or expired: refresh it or log in again.",
            "code": "token_not_valid",
        }
