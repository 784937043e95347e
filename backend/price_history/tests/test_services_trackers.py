from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from price_history import services
from price_history.factories import TrackerFactory
from price_history.tests.conftest import close_to

pytestmark = pytest.mark.django_db


class TestTrackerWrites:
    def test_create_is_due_at_once_and_checks_css_needs(self, item, owner):
        tracker = services.tracker_create(
            collectible=item, created_by=owner, data={"url": "https://shop.example/a"}
        )
        assert close_to(tracker.next_run_at, timezone.now())

        with pytest.raises(ValidationError) as error:
            services.tracker_create(
                collectible=item,
                created_by=owner,
                data={"url": "https://shop.example/a", "source": "css"},
            )
        assert "selector" in error.value.message_dict

    def test_changing_the_url_forgets_validators_and_failures(self, item):
        tracker = TrackerFactory(
            collectible=item, etag='"x"', consecutive_failures=2, last_error_kind="timeout"
        )

        services.tracker_update(tracker=tracker, data={"url": "https://shop.example/new"})

        assert (tracker.etag, tracker.consecutive_failures, tracker.last_error_kind) == ("", 0, "")

    def test_pause_and_resume(self, item):
        tracker = TrackerFactory(collectible=item, consecutive_failures=6)

        services.tracker_pause(tracker=tracker, reason="Holiday")
        assert (tracker.is_active, tracker.paused_reason) == (False, "Holiday")
        services.tracker_resume(tracker=tracker)

        tracker.refresh_from_db()
        assert (tracker.is_active, tracker.paused_reason, tracker.consecutive_failures) == (
            True,
            "",
            0,
        )
        assert close_to(tracker.next_run_at, timezone.now())


class TestTrackersPerItem:
    def test_creating_past_the_cap_is_a_clear_validation_error(self, settings, item, owner):
        settings.TRACKER_MAX_PER_ITEM = 3
        TrackerFactory.create_batch(2, collectible=item)
        TrackerFactory(collectible=item, is_active=False)  # paused ones count too

        with pytest.raises(ValidationError) as error:
            services.tracker_create(
                collectible=item, created_by=owner, data={"url": "https://shop.example/a"}
            )

        assert error.value.code == "too_many_trackers"
        assert "already has 3 trackers" in error.value.messages[0]
        assert item.trackers.count() == 3

    def test_deleting_one_makes_room(self, settings, item, owner):
        settings.TRACKER_MAX_PER_ITEM = 1
        services.tracker_delete(tracker=TrackerFactory(collectible=item))

        services.tracker_create(
            collectible=item, created_by=owner, data={"url": "https://shop.example/a"}
        )

        assert item.trackers.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_creations_at_once_cannot_both_take_the_last_place(settings, item, owner):
    import threading

    from django.db import connection

    settings.TRACKER_MAX_PER_ITEM = 1
    outcomes: list[str] = []
    start = threading.Barrier(2)

    def create() -> None:
        try:
            start.wait()
            services.tracker_create(
                collectible=item, created_by=owner, data={"url": "https://shop.example/a"}
            )
            outcomes.append("created")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=create) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["created", "refused"]
    assert item.trackers.count() == 1


def test_manual_price_defaults_to_the_vendor_currency_and_now(item, owner):
    entry = services.price_record_manual(collectible=item, recorded_by=owner, price=Decimal("12.5"))

    assert (entry.source, entry.currency, entry.recorded_by) == ("manual", "USD", owner)
    assert close_to(entry.observed_at, timezone.now())
    assert entry.dedupe_key is None
