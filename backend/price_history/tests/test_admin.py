import pytest
from django.test import Client
from django.urls import reverse

from inventory.factories import CollectibleFactory
from price_history import services
from price_history.factories import PriceHistoryFactory, TrackerFactory
from price_history.models import JobKind, ScrapeJob, Tracker
from price_history.services import runs as runs_service
from users.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client() -> Client:
    admin = UserFactory(is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(admin)
    return client


def test_tracker_list_shows_status_and_last_error(admin_client):
    TrackerFactory(is_active=False, paused_reason="Paused after 6", last_error_kind="timeout")

    response = admin_client.get(reverse("admin:price_history_tracker_changelist"))

    assert response.status_code == 200
    assert b"paused" in response.content
    assert b"timeout" in response.content


def test_tracker_change_page_renders(admin_client):
    tracker = TrackerFactory()

    response = admin_client.get(reverse("admin:price_history_tracker_change", args=[tracker.pk]))

    assert response.status_code == 200


def test_scrape_now_action_queues_a_job(
    admin_client, published, django_capture_on_commit_callbacks
):
    tracker = TrackerFactory()

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:price_history_tracker_changelist"),
            {"action": "scrape_now", "_selected_action": [tracker.pk]},
            follow=True,
        )

    job = ScrapeJob.objects.get()
    assert f"Queued scrape job {job.pk}".encode() in response.content
    assert published == [job.runs.get().pk]


def test_scrape_now_reports_a_dead_queue(admin_client, monkeypatch):
    from price_history import queue

    monkeypatch.setattr(queue, "broker_available", lambda: False)
    tracker = TrackerFactory()
    response = admin_client.post(
        reverse("admin:price_history_tracker_changelist"),
        {"action": "scrape_now", "_selected_action": [tracker.pk]},
        follow=True,
    )

    assert b"task queue is unavailable" in response.content
    assert not ScrapeJob.objects.exists()


def test_resume_action(admin_client):
    tracker = TrackerFactory(is_active=False, consecutive_failures=6, paused_reason="x")

    admin_client.post(
        reverse("admin:price_history_tracker_changelist"),
        {"action": "resume", "_selected_action": [tracker.pk]},
    )

    tracker.refresh_from_db()
    assert (tracker.is_active, tracker.consecutive_failures) == (True, 0)


def test_price_history_is_read_only_with_filters(admin_client):
    row = PriceHistoryFactory()

    listing = admin_client.get(
        reverse("admin:price_history_pricehistory_changelist"), {"source__exact": "structured"}
    )
    detail = admin_client.get(reverse("admin:price_history_pricehistory_change", args=[row.pk]))
    add = admin_client.get(reverse("admin:price_history_pricehistory_add"))

    assert listing.status_code == 200
    assert detail.status_code == 200
    assert b'name="_save"' not in detail.content
    assert add.status_code == 403


def test_scrape_job_shows_its_runs(admin_client):
    tracker = TrackerFactory()
    job = services.scrape_job_create(kind=JobKind.MANUAL, trackers=[tracker], publish=False)
    runs_service._run_finish(run_id=job.runs.get().pk, kind="timeout", message="Too slow.")

    listing = admin_client.get(reverse("admin:price_history_scrapejob_changelist"))
    detail = admin_client.get(reverse("admin:price_history_scrapejob_change", args=[job.pk]))

    assert listing.status_code == 200
    assert detail.status_code == 200
    assert b"Too slow." in detail.content


def _add_tracker(admin_client, **fields):
    item = CollectibleFactory()
    data = {
        "collectible": item.pk,
        "source": "structured",
        "url": "http://93.184.215.14/page",
        "external_id": "",
        "selector": "",
        "attribute": "",
        "condition": "",
        "currency": "",
        "interval_minutes": 1440,
        "is_active": "on",
        **fields,
    }
    return admin_client.post(reverse("admin:price_history_tracker_add"), data)


@pytest.mark.parametrize(
    ("url", "reason"),
    [("http://10.0.0.5/price", "private network"), ("http://2130706433/", "loopback")],
)
def test_admin_refuses_internal_urls_with_the_apis_reason(admin_client, url, reason):
    response = _add_tracker(admin_client, url=url)

    assert response.status_code == 200  # the form again, with the error
    assert reason in response.content.decode()
    assert not Tracker.objects.exists()


def test_admin_refuses_a_selector_that_cannot_parse(admin_client):
    response = _add_tracker(admin_client, source="css", selector="div[[price")

    assert response.status_code == 200
    assert "is not valid CSS" in response.content.decode()
    assert not Tracker.objects.exists()


def test_admin_saves_a_valid_css_tracker(admin_client):
    response = _add_tracker(admin_client, source="css", selector=".price")

    assert response.status_code == 302, response.content.decode()[:2000]
    assert Tracker.objects.get().selector == ".price"
