from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from inventory.factories import CollectibleFactory
from price_history import gateway
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
            trackers_url(item.pk), {"url": PUBLIC_PAGE, "selector": ".price"}
        )

        assert css.status_code == 400
        assert "selector" in css.json()["fields"]
        assert structured.status_code == 400
        assert "selector" in structured.json()["fields"]

    def test_unknown_source_condition_and_currency_are_refused(self, owner_client, item):
        response = owner_client.post(
            trackers_url(item.pk),
            {"url": PUBLIC_PAGE, "source": "ebay", "condition": "shiny", "currency": "ZZZ"},
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


class TestTestAction:
    def test_shows_what_would_be_recorded_without_storing(
        self, owner_client, item, scraper_settings, pages
    ):
        tracker = TrackerFactory(
            collectible=item,
            source="pricecharting",
            url=pages.url("/pc/maniac-mansion"),
            condition="loose",
            etag='"old"',
        )

        response = owner_client.post(tracker_url(tracker, "test"))

        assert response.status_code == 200
        body = response.json()
        assert body["ok"] is True
        assert body["failure"] is None
        assert [(o["price"], o["currency"], o["condition"]) for o in body["observations"]] == [
            ("99.00", "USD", "loose")
        ]
        assert not PriceHistory.objects.exists()
        tracker.refresh_from_db()
        assert tracker.last_checked_at is None
        assert "if-none-match" not in pages.hits[-1][1]  # always a full fetch

    def test_returns_the_failure(self, owner_client, item, scraper_settings, pages):
        tracker = TrackerFactory(collectible=item, url=pages.url("/empty"))

        body = owner_client.post(tracker_url(tracker, "test")).json()

        assert body["ok"] is False
        assert body["observations"] == []
        assert body["failure"]["kind"] == "no_price_found"
        assert body["failure"]["message"]

    def test_redis_down_is_503(self, owner_client, item, monkeypatch):
        import redis

        tracker = TrackerFactory(collectible=item)

        def down(target):
            raise redis.exceptions.ConnectionError("refused")

        monkeypatch.setattr(gateway, "fetch", down)
        response = owner_client.post(tracker_url(tracker, "test"))

        assert response.status_code == 503
        assert response.json()["code"] == "queue_unavailable"

    def test_viewer_and_stranger(self, viewer_client, stranger_client, item):
        tracker = TrackerFactory(collectible=item)

        assert viewer_client.post(tracker_url(tracker, "test")).status_code == 403
        assert stranger_client.post(tracker_url(tracker, "test")).status_code == 404
        assert APIClient().post(tracker_url(tracker, "test")).status_code == 401


class TestTestBeforeSaving:
    def url(self, item) -> str:
        return f"/api/v1/collectibles/{item.pk}/trackers/test/"

    def test_checks_an_unsaved_tracker_and_stores_nothing(
        self, owner_client, item, scraper_settings, pages
    ):
        body = {
            "source": "pricecharting",
            "url": pages.url("/pc/maniac-mansion"),
            "condition": "cib",
        }

        response = owner_client.post(self.url(item), body)

        assert response.status_code == 200, response.json()
        assert response.json()["ok"] is True
        assert [o["condition"] for o in response.json()["observations"]] == ["cib"]
        assert not Tracker.objects.exists()
        assert not PriceHistory.objects.exists()

    def test_explains_a_failing_page(self, owner_client, item, scraper_settings, pages):
        response = owner_client.post(
            self.url(item), {"source": "css", "url": pages.url("/css/item"), "selector": ".nope"}
        )

        assert response.status_code == 200
        assert response.json()["failure"]["kind"] == "selector_not_found"

    def test_validates_like_saving(self, owner_client, item, scraper_settings, pages):
        missing_selector = owner_client.post(
            self.url(item), {"source": "css", "url": pages.url("/css/item")}
        )
        unsafe = owner_client.post(
            self.url(item), {"source": "structured", "url": "http://169.254.169.254/latest"}
        )

        assert missing_selector.status_code == 400
        assert "selector" in missing_selector.json()["fields"]
        assert unsafe.status_code == 400
        assert "url" in unsafe.json()["fields"]
        assert not Tracker.objects.exists()

    def test_viewer_stranger_and_anonymous(self, viewer_client, stranger_client, item, pages):
        body = {"source": "structured", "url": pages.url("/shop/charizard")}
        assert viewer_client.post(self.url(item), body).status_code == 403
        assert stranger_client.post(self.url(item), body).status_code == 404
        assert APIClient().post(self.url(item), body).status_code == 401
