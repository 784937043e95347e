"""The request id travels in the task messages (real Redis broker) and binds in the task."""

import json

import pytest
import redis
import structlog
from celery import current_app, shared_task

from core.tests.workers import BROKER_KEYS, broker_or_skip


@shared_task(name="omni_stock.tests.log_context")
def log_context() -> dict:
    return dict(structlog.contextvars.get_contextvars())


@pytest.fixture
def broker() -> redis.Redis:
    client = broker_or_skip()
    yield client
    client.delete(*BROKER_KEYS)
    structlog.contextvars.clear_contextvars()


def published_headers(broker: redis.Redis) -> dict:
    (raw,) = broker.lrange("celery", 0, -1)
    return json.loads(raw)["headers"]


def test_a_task_sent_during_a_request_carries_its_request_id(broker):
    structlog.contextvars.bind_contextvars(request_id="req-abc")

    current_app.send_task("omni_stock.tests.log_context", queue="celery")

    headers = published_headers(broker)
    assert headers["request_id"] == "req-abc"
    assert headers["task"] == "omni_stock.tests.log_context"


def test_a_task_sent_with_no_id_bound_carries_none(broker):
    current_app.send_task("omni_stock.tests.log_context", queue="celery")

    assert "request_id" not in published_headers(broker)


def test_a_task_binds_its_name_and_id_and_gives_the_callers_context_back(broker):
    structlog.contextvars.bind_contextvars(request_id="req-eager", user="u1")

    inside = log_context.apply(task_id="t-1").get()

    assert inside == {
        "request_id": "req-eager",
        "task_name": "omni_stock.tests.log_context",
        "task_id": "t-1",
    }
    assert structlog.contextvars.get_contextvars() == {"request_id": "req-eager", "user": "u1"}


def test_a_task_with_no_id_anywhere_gets_a_fresh_one(broker):
    first = log_context.apply().get()["request_id"]
    second = log_context.apply().get()["request_id"]

    assert len(first) == 32
    assert first != second
    assert structlog.contextvars.get_contextvars() == {}
