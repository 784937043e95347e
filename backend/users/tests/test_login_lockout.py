"""Failed logins are limited per account, whatever address they come from."""

import time

import pytest
from django.test import Client
from rest_framework.test import APIClient

from users.factories import DEFAULT_PASSWORD, UserFactory

LOGIN = "/api/v1/auth/login"

pytestmark = pytest.mark.django_db


def from_address(n: int) -> APIClient:
    """A client at its own address: the per-client throttle never sees more than a few."""
    return APIClient(REMOTE_ADDR=f"198.51.100.{n}")


def login(client: APIClient, email: str, password: str):
    return client.post(LOGIN, {"email": email, "password": password})


@pytest.fixture
def victim(db):
    return UserFactory(email="misty@example.com")


def test_guesses_from_many_addresses_lock_the_account(victim):
    answers = [
        login(from_address(address), victim.email, f"guess-{address}-{n}").status_code
        for address in range(12)
        for n in range(4)
    ]

    assert answers[:5] == [401] * 5
    assert set(answers[5:]) == {429}


def test_the_right_password_is_refused_while_locked(victim):
    for n in range(5):
        login(from_address(n), victim.email, "wrong-password")

    response = login(from_address(99), victim.email, DEFAULT_PASSWORD)

    assert response.status_code == 429
    assert "access" not in response.json()


def test_lockout_answers_in_the_error_shape_with_retry_after(victim):
    for n in range(5):
        login(from_address(n), victim.email, "wrong-password")

    response = login(from_address(99), victim.email, DEFAULT_PASSWORD)

    body = response.json()
    assert body["code"] == "throttled"
    assert body["detail"] == ("Too many failed logins for this account. Try again in 60 seconds.")
    assert set(body) == {"detail", "code"}
    assert response["Retry-After"] == "60"


def test_the_owner_logs_in_once_the_short_lockout_is_over(victim, settings):
    settings.LOGIN_LOCKOUT_SECONDS = 1
    for n in range(5):
        login(from_address(n), victim.email, "wrong-password")

    time.sleep(1.2)
    response = login(from_address(99), victim.email, DEFAULT_PASSWORD)

    assert response.status_code == 200


def test_each_further_series_of_failures_doubles_the_wait_up_to_the_cap(victim, settings):
    settings.LOGIN_LOCKOUT_SECONDS, settings.LOGIN_LOCKOUT_MAX_SECONDS = 1, 2
    waits = []
    for series in range(3):
        for n in range(5):
            login(from_address(series * 10 + n), victim.email, "wrong-password")
        locked = login(from_address(99), victim.email, "wrong-password")
        waits.append(int(locked["Retry-After"]))
        time.sleep(waits[-1] + 0.2)

    assert waits == [1, 2, 2]


def test_a_successful_login_starts_the_count_over(victim):
    for n in range(4):
        login(from_address(n), victim.email, "wrong-password")
    assert login(from_address(50), victim.email, DEFAULT_PASSWORD).status_code == 200

    answers = [login(from_address(60 + n), victim.email, "wrong").status_code for n in range(4)]

    assert answers == [401] * 4


def test_other_accounts_are_not_affected(victim):
    bystander = UserFactory(email="brock@example.com")
    for n in range(5):
        login(from_address(n), victim.email, "wrong-password")

    assert login(from_address(99), bystander.email, DEFAULT_PASSWORD).status_code == 200


def test_an_address_without_account_locks_the_same_way(db):
    answers = [
        login(from_address(n), "nobody@example.com", "wrong-password").status_code for n in range(7)
    ]

    assert answers == [401] * 5 + [429] * 2


def test_the_email_case_does_not_give_more_guesses(victim):
    for n, email in enumerate(["MISTY@example.com", "Misty@Example.com", " misty@example.com"]):
        login(from_address(n), email, "wrong")
        login(from_address(n + 10), email, "wrong")

    assert login(from_address(99), victim.email, DEFAULT_PASSWORD).status_code == 429


def admin_login(client: Client, email: str, password: str):
    return client.post("/admin/login/?next=/admin/", {"username": email, "password": password})


def test_the_admin_login_obeys_the_same_limit(victim):
    victim.is_staff = True
    victim.save()
    for n in range(5):
        login(from_address(n), victim.email, "wrong-password")
    browser = Client()

    response = admin_login(browser, victim.email, DEFAULT_PASSWORD)

    assert response.status_code == 200  # the form again, not the redirect after a login
    assert "_auth_user_id" not in browser.session


def test_failures_at_the_admin_login_count_for_the_api_too(victim):
    for _ in range(5):
        admin_login(Client(), victim.email, "wrong-password")

    assert login(from_address(99), victim.email, DEFAULT_PASSWORD).status_code == 429
