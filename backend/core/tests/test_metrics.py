"""GET /metrics: Prometheus text, protected, with HTTP counters and real queue lengths."""

import pytest
import redis
from celery import current_app
from django.conf import settings as django_settings
from prometheus_client.parser import text_string_to_metric_families

from core.tests.workers import BROKER_KEYS, broker_or_skip

TOKEN = "metrics-token-" + "x" * 40


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


@pytest.fixture
def protected(settings):
    settings.DEBUG = False
    settings.METRICS_TOKEN = TOKEN


@pytest.fixture
def broker() -> redis.Redis:
    client = broker_or_skip()
    yield client
    client.delete(*BROKER_KEYS)


def scrape(client, **headers):
    return client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}", **headers)


@pytest.mark.django_db
def test_the_token_opens_the_metrics_in_prometheus_text_format(client, protected):
    response = scrape(client)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=0.0.4")
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    names = {family.name for family in text_string_to_metric_families(response.text)}
    assert {"omni_http_requests", "omni_http_request_duration_seconds", "omni_trackers"} <= names


@pytest.mark.django_db
@pytest.mark.parametrize(
    "authorization", ["", "Bearer wrong", f"Basic {TOKEN}", f"Bearer {TOKEN}x", "Bearer "]
)
def test_without_the_right_token_the_answer_is_401_in_the_error_shape(
    client, protected, authorization
):
    response = client.get("/metrics", HTTP_AUTHORIZATION=authorization)

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.django_db
def test_a_staff_session_may_read_them_and_a_plain_user_may_not(
    client, protected, django_user_model
):
    client.force_login(django_user_model.objects.create_user("someone@example.com"))
    assert client.get("/metrics").status_code == 401

    staff = django_user_model.objects.create_user("ops@example.com", is_staff=True)
    client.force_login(staff)
    assert client.get("/metrics").status_code == 200


@pytest.mark.django_db
def test_in_production_without_a_token_the_endpoint_is_off_but_for_staff(
    client, settings, django_user_model
):
    settings.DEBUG = False
    settings.METRICS_TOKEN = ""

    response = client.get("/metrics", HTTP_AUTHORIZATION="Bearer anything")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"

    client.force_login(django_user_model.objects.create_user("ops@example.com", is_staff=True))
    assert client.get("/metrics").status_code == 200


@pytest.mark.django_db
def test_other_methods_are_refused(client, protected):
    assert client.post("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}").status_code == 405


@pytest.mark.django_db
def test_requests_are_counted_by_method_and_status_class_and_timed_by_route_name(client, protected):
    before = samples(scrape(client).text)
    client.get("/healthz")
    client.get("/healthz")
    client.get("/api/v1/collectibles/99/")  # 401, the route's name, not the path
    client.generic("BREW", "/healthz")  # an unknown method is "other"
    after = samples(scrape(client).text)

    def delta(name, **labels):
        key = (name, tuple(sorted(labels.items())))
        return after.get(key, 0) - before.get(key, 0)

    # Each scrape counts too: the first one is in `after` as a 2xx GET.
    assert delta("omni_http_requests_total", method="GET", status="2xx") == 3
    assert delta("omni_http_requests_total", method="GET", status="4xx") == 1
    assert delta("omni_http_requests_total", method="other", status="4xx") == 1
    assert delta("omni_http_request_duration_seconds_count", route="healthz") == 3
    assert delta("omni_http_request_duration_seconds_count", route="collectible-detail") == 1
    routes = {labels for name, labels in after if name.startswith("omni_http_request_duration")}
    assert not any("99" in value for labels in routes for _, value in labels)


@pytest.mark.django_db
def test_queue_lengths_are_read_from_the_broker(client, protected, broker):
    for _ in range(3):
        current_app.send_task("core.tests.never_run", queue="scrape")
    current_app.send_task("core.tests.never_run", queue="interactive")

    metrics = samples(scrape(client).text)

    assert metrics[("omni_celery_queue_length", (("queue", "scrape"),))] == 3
    assert metrics[("omni_celery_queue_length", (("queue", "interactive"),))] == 1
    assert metrics[("omni_celery_queue_length", (("queue", "celery"),))] == 0
    assert metrics[("omni_broker_up", ())] == 1


@pytest.mark.django_db
def test_a_broker_that_does_not_answer_is_reported_not_a_500(client, protected, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1

    response = scrape(client)

    assert response.status_code == 200
    assert samples(response.text)[("omni_broker_up", ())] == 0


def test_the_broker_is_the_redis_the_metrics_read():
    assert django_settings.CELERY_BROKER_URL == django_settings.REDIS_URL
