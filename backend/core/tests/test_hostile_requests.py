"""Requests no client should send, and data stores that are down: a clear 4xx or a 503 in
the one error shape, never a 500."""

import json
import socket
import threading
import time

import pytest
from django.core.cache import caches
from django.db import connection
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

from core.parsers import MAX_JSON_DEPTH, json_depth

REFRESH = "/api/v1/auth/refresh"
LOGIN = "/api/v1/auth/login"


def post_json(client: APIClient, url: str, body: str):
    return client.generic("POST", url, body, content_type="application/json")


def test_json_depth_counts_nested_lists_and_objects():
    assert json_depth(1) == 0
    assert json_depth([]) == 1
    assert json_depth({"a": [1, {"b": []}]}) == 4


@pytest.mark.parametrize("levels", [1000, MAX_JSON_DEPTH + 1])
def test_deeply_nested_json_is_a_400_even_without_a_login(api_client, levels):
    response = post_json(api_client, REFRESH, "[" * levels + "]" * levels)

    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"
    assert f"more than {MAX_JSON_DEPTH} levels" in response.json()["detail"]


@pytest.mark.django_db
def test_json_nested_as_deep_as_allowed_is_parsed(api_client):
    body = {"refresh": "not-a-token", "extra": json.loads("[" * 30 + "]" * 30)}

    response = post_json(api_client, REFRESH, json.dumps(body))

    assert response.status_code == 401  # parsed, then refused as a bad token


def test_a_body_over_the_upload_limit_is_a_413(api_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000

    response = post_json(api_client, REFRESH, json.dumps({"refresh": "x" * 20_000}))

    assert response.status_code == 413
    assert response.json() == {
        "detail": "The request body is larger than 10000 bytes.",
        "code": "payload_too_large",
    }


@pytest.fixture
def redis_down(settings):
    """The cache (throttle counters) pointing at a port nothing listens on."""
    settings.CACHES = {
        "default": dict(settings.CACHES["default"], LOCATION="redis://127.0.0.1:1/0")
    }
    assert caches["default"]._servers == ["redis://127.0.0.1:1/0"]


@pytest.fixture
def frozen_redis(settings):
    """A Redis that accepts connections and never answers (a SIGSTOPped server, a dead
    network path): the cache points at it, with a 1-second socket timeout."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted: list[socket.socket] = []

    def accept_and_stay_silent() -> None:
        while True:
            try:
                accepted.append(listener.accept()[0])
            except OSError:  # the listener closed: the test is over
                return

    threading.Thread(target=accept_and_stay_silent, daemon=True).start()
    port = listener.getsockname()[1]
    options = {"socket_connect_timeout": 1, "socket_timeout": 1}
    settings.CACHES = {
        "default": dict(
            settings.CACHES["default"], LOCATION=f"redis://127.0.0.1:{port}/0", OPTIONS=options
        )
    }
    yield
    listener.close()
    for connection_ in accepted:
        connection_.close()


@pytest.mark.django_db
@pytest.mark.usefixtures("frozen_redis")
def test_a_frozen_redis_is_a_quick_503_not_a_hung_request(api_client):
    started = time.monotonic()
    response = api_client.post(LOGIN, {"email": "ash@example.com", "password": "pallet-town"})

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert time.monotonic() - started < 10  # the socket timeout, not forever


@pytest.mark.django_db
@pytest.mark.usefixtures("redis_down")
@pytest.mark.parametrize("url", [LOGIN, "/api/v1/auth/register"])
def test_redis_down_makes_the_throttled_auth_endpoints_503_with_retry_after(api_client, url):
    response = api_client.post(url, {"email": "ash@example.com", "password": "pallet-town-1996"})

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json()["code"] == "service_unavailable"
    assert "Redis" in response.json()["detail"]


def test_database_down_makes_an_api_read_503_with_retry_after(django_db_blocker):
    token = AccessToken()
    token["user_id"] = 1
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    with django_db_blocker.unblock():
        original = dict(connection.settings_dict)
        connection.close()
        connection.settings_dict.update(HOST="127.0.0.1", PORT="1")
        try:
            response = client.get("/api/v1/collectibles/")
        finally:
            connection.close()
            connection.settings_dict.clear()
            connection.settings_dict.update(original)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json() == {
        "detail": "The database is unavailable; try again in a minute.",
        "code": "service_unavailable",
    }
