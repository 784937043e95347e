import time
from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from inventory.factories import CollectibleFactory
from price_history import queue
from price_history.factories import TrackerFactory
from price_history.models import PriceHistory, Tracker

pytestmark = pytest.mark.django_db


def trackers_url(item_id: int) -> str:
    return f"/api/v1/collectibles/{item_id}/trackers/"


def tracker_url(tracker: Tracker, action: str = "") -> str:
    base = f"{trackers_url(tracker.collectible_id)}{tracker.pk}/"
    return f"{base}{action}/" if action else base


PUBLIC_PAGE = "http://93.184.215.14/charizard"  # a literal public address: no DNS needed


class TestCreate:
    def test_owner_adds_a_tracker(self, owner_client, item):
        response = owner_client.post(
            trackers_url(item.pk),
            {"url": PUBLIC_PAGE, "condition": "near_mint", "interval_minutes": 120},
        )

        assert response.status_code == 201, response.json()
        body = response.json()
        assert body["collectible"] == item.pk
        assert body["source"] == "structured"
        assert body["status"] == "new"
        assert body["is_active"] is True
        assert body["interval_minutes"] == 120
        assert body["next_run_at"] is not None
        assert Tracker.objects.get().created_by is not None

    def test_an_editor_may_add_trackers(self, editor_client, item):
        response = editor_client.post(trackers_url(item.pk), {"url": PUBLIC_PAGE})

        assert response.status_code == 201

    @pytest.mark.parametrize(
        ("url", "message"),
        [
            ("http://10.1.2.3/price", "private network"),
            ("http://169.254.169.254/latest/meta-data", "metadata"),
            ("http://127.0.0.1:9/price", "loopback"),
            ("ftp://93.184.215.14/price", "Only http and https"),
            ("http://2130706433/price", "loopback"),
            ("http://0x7f000001/price", "loopback"),
            ("http://0177.0.0.1/price", "loopback"),
        ],
    )
    def test_unsafe_urls_are_refused_on_the_url_field(self, owner_client, item, url, message):
        response = owner_client.post(trackers_url(item.pk), {"url": url})

        assert response.status_code == 400
        body = response.json()
        assert body["code"] == "invalid"
        assert message in body["fields"]["url"][0]

    def test_the_allow_listed_demo_host_is_accepted(self, owner_client, item, settings):
        settings.SCRAPER_ALLOWED_HOSTS = ["127.0.0.1:8765"]

        response = owner_client.post(trackers_url(item.pk), {"url": "http://127.0.0.1:8765/x"})

        assert response.status_code == 201

    def test_interval_below_one_hour_is_refused(self, owner_client, item):
        response = owner_client.post(
            trackers_url(item.pk), {"url": PUBLIC_PAGE, "interval_minutes": 59}
        )

        assert response.status_code == 400
        assert "60 minutes" in response.json()["fields"]["interval_minutes"][0]

    def test_css_needs_a_selector_and_only_css_takes_one(self, owner_client, item):
        css = owner_client.post(trackers_url(item.pk), {"url": PUBLIC_PAGE, "source": "css"})
        structured = owner_client.post(
            trackers_url(item.pk),
            {"url": PUBLIC_PAGE, "source": "structured", "selector": ".price"},
        )

        assert css.status_code == 400
        assert "selector" in css.json()["fields"]
        assert structured.status_code == 400
        assert "selector" in structured.json()["fields"]

    def test_unknown_source_condition_and_currency_are_refused(self, owner_client, item):
        response = owner_client.post(
            trackers_url(item.pk),
            {"url": PUBLIC_PAGE, "source": "nope", "condition": "shiny", "currency": "ZZZ"},
        )

        assert response.status_code == 400
        assert set(response.json()["fields"]) == {"source", "condition", "currency"}

    def test_a_viewer_cannot_add_trackers(self, viewer_client, item):
        response = viewer_client.post(trackers_url(item.pk), {"url": PUBLIC_PAGE})

        assert response.status_code == 403
        assert response.json()["code"] == "permission_denied"

    def test_another_vendors_item_is_not_found(self, stranger_client, item):
        response = stranger_client.post(trackers_url(item.pk), {"url": PUBLIC_PAGE})

        assert response.status_code == 404
        assert response.json() == {"detail": "Not found.", "code": "not_found"}

    def test_requires_authentication(self, item):
        response = APIClient().post(trackers_url(item.pk), {"url": PUBLIC_PAGE})

        assert response.status_code == 401
        assert response.json()["code"] == "not_authenticated"


class TestRead:
    def test_members_list_the_trackers_of_an_item(self, viewer_client, item):
        tracker = TrackerFactory(collectible=item)
        TrackerFactory()  # another item's

        response = viewer_client.get(trackers_url(item.pk))

        assert response.status_code == 200
        assert [t["id"] for t in response.json()["results"]] == [tracker.pk]

    def test_a_paused_tracker_shows_why(self, viewer_client, item):
        tracker = TrackerFactory(collectible=item, is_active=False, paused_reason="Paused after 6")

        body = viewer_client.get(tracker_url(tracker)).json()

        assert (body["status"], body["paused_reason"]) == ("paused", "Paused after 6")

    def test_unknown_query_parameters_are_refused(self, owner_client, item):
        response = owner_client.get(trackers_url(item.pk), {"sorce": "css"})

        assert response.status_code == 400
        assert "sorce" in response.json()["fields"]

    def test_another_vendors_trackers_are_not_found(self, stranger_client, item):
        tracker = TrackerFactory(collectible=item)

        assert stranger_client.get(trackers_url(item.pk)).status_code == 404
        assert stranger_client.get(tracker_url(tracker)).status_code == 404

    def test_a_tracker_of_another_item_is_not_found_under_mine(self, owner_client, item, vendor):
        other = TrackerFactory(collectible=CollectibleFactory(vendor=vendor))

        url = f"{trackers_url(item.pk)}{other.pk}/"

        assert owner_client.get(url).status_code == 404

    def test_requires_authentication(self, item):
        assert APIClient().get(trackers_url(item.pk)).status_code == 401


class TestChange:
    def test_owner_changes_the_url_and_the_schedule_restarts(self, owner_client, item):
        tracker = TrackerFactory(collectible=item, etag='"x"', consecutive_failures=2)

        response = owner_client.patch(tracker_url(tracker), {"url": "http://93.184.215.14/other"})

        assert response.status_code == 200
        tracker.refresh_from_db()
        assert (tracker.url, tracker.etag, tracker.consecutive_failures) == (
            "http://93.184.215.14/other",
            "",
            0,
        )

    def test_read_only_state_cannot_be_written(self, owner_client, item):
        tracker = TrackerFactory(collectible=item)

        owner_client.patch(tracker_url(tracker), {"consecutive_failures": 9, "is_active": False})

        tracker.refresh_from_db()
        assert (tracker.consecutive_failures, tracker.is_active) == (0, True)

    def test_switching_to_css_without_selector_is_refused(self, owner_client, item):
        tracker = TrackerFactory(collectible=item)

        response = owner_client.patch(tracker_url(tracker), {"source": "css"})

        assert response.status_code == 400
        assert "selector" in response.json()["fields"]

    def test_viewer_cannot_change_or_delete(self, viewer_client, item):
        tracker = TrackerFactory(collectible=item)

        assert viewer_client.patch(tracker_url(tracker), {"condition": "mint"}).status_code == 403
        assert viewer_client.delete(tracker_url(tracker)).status_code == 403
        assert viewer_client.post(tracker_url(tracker, "pause")).status_code == 403

    def test_owner_deletes_and_the_prices_stay(self, owner_client, item):
        tracker = TrackerFactory(collectible=item)
        PriceHistory.objects.create(
            collectible=item,
            tracker=tracker,
            source="structured",
            price=Decimal("1"),
            currency="USD",
            observed_at="2024-01-01T00:00:00Z",
        )

        assert owner_client.delete(tracker_url(tracker)).status_code == 204
        assert not Tracker.objects.exists()
        assert PriceHistory.objects.get().tracker is None

    def test_another_vendor_cannot_change_or_delete(self, stranger_client, item):
        tracker = TrackerFactory(collectible=item)

        assert stranger_client.patch(tracker_url(tracker), {"condition": "mint"}).status_code == 404
        assert stranger_client.delete(tracker_url(tracker)).status_code == 404

    def test_pause_then_resume(self, owner_client, item):
        tracker = TrackerFactory(collectible=item, consecutive_failures=6, is_active=False)

        paused = owner_client.post(tracker_url(tracker, "pause"))
        resumed = owner_client.post(tracker_url(tracker, "resume"))

        assert paused.status_code == 200
        assert paused.json()["status"] == "paused"
        assert resumed.status_code == 200
        assert (resumed.json()["status"], resumed.json()["consecutive_failures"]) == ("new", 0)


class TestTestEndpoints:
    """What the web answers before and around the worker's check; the checks themselves,
    done by a real worker, are in test_checks_api.py."""

    def unsaved(self, item) -> str:
        return f"{trackers_url(item.pk)}test/"

    def test_the_unsaved_check_validates_like_saving(
        self, owner_client, item, scraper_settings, pages
    ):
        missing_selector = owner_client.post(
            self.unsaved(item), {"source": "css", "url": pages.url("/css/item")}
        )
        unsafe = owner_client.post(
            self.unsaved(item), {"source": "structured", "url": "http://169.254.169.254/latest"}
        )

        assert missing_selector.status_code == 400
        assert "selector" in missing_selector.json()["fields"]
        assert unsafe.status_code == 400
        assert "url" in unsafe.json()["fields"]
        assert not Tracker.objects.exists()

    def test_viewer_stranger_and_anonymous(self, viewer_client, stranger_client, item, pages):
        tracker = TrackerFactory(collectible=item)
        body = {"source": "structured", "url": pages.url("/shop/charizard")}

        for url, data in ((tracker_url(tracker, "test"), None), (self.unsaved(item), body)):
            assert viewer_client.post(url, data).status_code == 403
            assert stranger_client.post(url, data).status_code == 404
            assert APIClient().post(url, data).status_code == 401

    def test_no_worker_answering_within_the_deadline_is_a_503(
        self, owner_client, item, scraper_settings, pages
    ):
        """Nobody consumes `interactive` here: the web gives up at the deadline."""
        scraper_settings.SCRAPER_CHECK_DEADLINE_SECONDS = 1
        tracker = TrackerFactory(collectible=item, url=pages.url("/shop/charizard"))

        started = time.monotonic()
        response = owner_client.post(tracker_url(tracker, "test"))

        assert time.monotonic() - started < 1 + queue.REPLY_GRACE_SECONDS + 1
        assert response.status_code == 503
        assert response.json()["code"] == "check_unavailable"
        assert "within 1 seconds" in response.json()["detail"]
        assert response["Retry-After"]
        assert pages.hits == []  # the web process never fetches

    def test_a_dead_broker_is_a_503_queue_unavailable(
        self, settings, owner_client, item, monkeypatch
    ):
        from celery import current_app

        settings.SCRAPER_CHECK_DEADLINE_SECONDS = 1
        monkeypatch.setitem(current_app.conf, "broker_url", "redis://127.0.0.1:1/0")
        tracker = TrackerFactory(collectible=item)

        response = owner_client.post(tracker_url(tracker, "test"))

        assert response.status_code == 503
        assert response.json()["code"] == "queue_unavailable"

    def test_a_worker_without_its_host_limiter_is_a_503(self, owner_client, item, monkeypatch):
        """The worker's answer when it cannot reach Redis for the host lock (its side is
        in test_services_checks.py)."""
        monkeypatch.setattr(
            queue, "request_check", lambda request, timeout: {"error": "limiter_unavailable"}
        )
        tracker = TrackerFactory(collectible=item)

        response = owner_client.post(tracker_url(tracker, "test"))

        assert response.status_code == 503
        assert response.json()["code"] == "queue_unavailable"


class TestCheckThrottle:
    """Per user, both test endpoints together, counted before anything is checked."""

    def test_past_the_rate_a_user_gets_429_with_retry_after(self, settings, owner_client, item):
        settings.TRACKER_CHECK_THROTTLE_RATE = "2/min"
        tracker = TrackerFactory(collectible=item)
        invalid = {"source": "css", "url": PUBLIC_PAGE}  # a 400: nothing is fetched
        unsaved = f"{trackers_url(item.pk)}test/"

        answers = [owner_client.post(unsaved, invalid).status_code for _ in range(2)]
        throttled = owner_client.post(tracker_url(tracker, "test"))

        assert answers == [400, 400]
        assert throttled.status_code == 429
        assert throttled.json()["code"] == "throttled"
        assert "Too many page checks" in throttled.json()["detail"]
        assert 0 < int(throttled["Retry-After"]) <= 60
        assert owner_client.post(unsaved, invalid).status_code == 429

    def test_other_users_and_other_endpoints_are_not_throttled(
        self, settings, owner_client, editor_client, item
    ):
        settings.TRACKER_CHECK_THROTTLE_RATE = "1/min"
        unsaved = f"{trackers_url(item.pk)}test/"
        invalid = {"source": "css", "url": PUBLIC_PAGE}

        assert owner_client.post(unsaved, invalid).status_code == 400
        assert owner_client.post(unsaved, invalid).status_code == 429
        assert editor_client.post(unsaved, invalid).status_code == 400
        assert owner_client.get(trackers_url(item.pk)).status_code == 200
        assert owner_client.post(trackers_url(item.pk), invalid).status_code == 400


class TestTrackersPerItem:
    def test_an_item_holds_at_most_the_configured_number_of_trackers(
        self, settings, owner_client, item
    ):
        settings.TRACKER_MAX_PER_ITEM = 2
        TrackerFactory.create_batch(2, collectible=item)

        response = owner_client.post(trackers_url(item.pk), {"url": PUBLIC_PAGE})

        assert response.status_code == 400
        assert "already has 2 trackers, the most it can have" in response.json()["detail"]
        assert Tracker.objects.filter(collectible=item).count() == 2

    def test_the_cap_is_per_item(self, settings, owner_client, item, vendor):
        settings.TRACKER_MAX_PER_ITEM = 1
        TrackerFactory(collectible=item)
        other = CollectibleFactory(vendor=vendor)

        assert owner_client.post(trackers_url(other.pk), {"url": PUBLIC_PAGE}).status_code == 201


@pytest.mark.parametrize("selector", ["div[[price", "::::", "span >"])
def test_a_selector_that_cannot_parse_is_refused_when_saved(owner_client, item, selector):
    response = owner_client.post(
        trackers_url(item.pk), {"url": PUBLIC_PAGE, "source": "css", "selector": selector}
    )

    assert response.status_code == 400
    assert "is not valid CSS" in response.json()["fields"]["selector"][0]
    assert not Tracker.objects.exists()


def test_a_selector_edited_into_invalid_css_is_refused(owner_client, item):
    tracker = TrackerFactory(collectible=item, source="css", selector=".price")

    response = owner_client.patch(tracker_url(tracker), {"selector": "div[[price"})

    assert response.status_code == 400
    tracker.refresh_from_db()
    assert tracker.selector == ".price"
