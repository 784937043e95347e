"""Every response carries its request id, and so does every log line of the request."""

import io
import json
import logging
from collections.abc import Iterator

import pytest

from core import logging as core_logging
from core.request_id import VALID_ID, current_request_id


@pytest.fixture
def http_log() -> Iterator[io.StringIO]:
    """The request lines `core.http` writes, rendered by the production formatter."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(core_logging.formatter("json"))
    logger = logging.getLogger("core.http")
    logger.addHandler(handler)
    try:
        yield stream
    finally:
        logger.removeHandler(handler)


def lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_a_valid_incoming_request_id_is_kept_returned_and_logged(client, http_log, db):
    response = client.get("/api/v1/collectibles/", HTTP_X_REQUEST_ID="edge-7f3a:01")

    assert response["X-Request-ID"] == "edge-7f3a:01"
    (line,) = lines(http_log)
    assert line["request_id"] == "edge-7f3a:01"
    assert (line["method"], line["route"], line["status"]) == ("GET", "collectible-list", 401)
    assert line["duration_ms"] >= 0


def test_probes_are_logged_only_at_debug_level(client, http_log):
    assert client.get("/healthz").status_code == 200

    assert lines(http_log) == []


@pytest.mark.parametrize(
    "sent", ["", "has space", "x" * 65, "evil\\nline", "<script>", "ünïcode", "a;b"]
)
def test_an_unsafe_or_missing_request_id_is_replaced_by_a_fresh_one(client, http_log, sent, db):
    response = client.get("/api/v1/collectibles/", HTTP_X_REQUEST_ID=sent)

    generated = response["X-Request-ID"]
    assert generated != sent
    assert len(generated) == 32
    assert int(generated, 16) >= 0
    assert lines(http_log)[0]["request_id"] == generated


def test_each_request_gets_its_own_id_and_nothing_stays_bound_after_it(client, db):
    first = client.get("/api/v1/nowhere")["X-Request-ID"]
    second = client.get("/api/v1/nowhere")["X-Request-ID"]

    assert first != second
    assert VALID_ID.fullmatch(first)
    assert current_request_id() is None


def test_an_error_response_in_the_api_shape_carries_the_id_too(client, db):
    response = client.get("/api/v1/collectibles/", HTTP_X_REQUEST_ID="abc-123")

    assert response.status_code == 401
    assert response["X-Request-ID"] == "abc-123"
    assert response.json()["code"] == "not_authenticated"
