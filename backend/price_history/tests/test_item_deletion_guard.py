"""Deleting an item never silently drops its price history: single and bulk deletions of
items with recorded prices are refused (409) unless confirmed with `delete-history`.
And a duplicate starts without the original's trackers and prices."""

import pytest

from inventory.factories import CollectibleFactory
from inventory.models import Collectible
from price_history.factories import PriceHistoryFactory, TrackerFactory
from price_history.models import PriceHistory, Tracker
from vendors.selectors import personal_vendor_for_user

pytestmark = pytest.mark.django_db

URL = "/api/v1/collectibles/"
BULK_URL = "/api/v1/collectibles/bulk"


@pytest.fixture
def priced(user):
    item = CollectibleFactory(vendor=personal_vendor_for_user(user=user), name="Priced")
    PriceHistoryFactory.create_batch(2, collectible=item)
    return item


@pytest.fixture
def unpriced(user):
    return CollectibleFactory(vendor=personal_vendor_for_user(user=user), name="Unpriced")


def test_deleting_an_item_with_history_is_409_suggesting_to_mark_it_sold(auth_client, priced):
    response = auth_client.delete(f"{URL}{priced.id}/")

    assert response.status_code == 409
    assert response.json()["code"] == "has_price_history"
    assert "2 recorded prices" in response.json()["detail"]
    assert "Mark it sold" in response.json()["detail"]
    assert PriceHistory.objects.count() == 2


def test_confirmed_deletion_takes_the_history_with_it(auth_client, priced):
    response = auth_client.delete(f"{URL}{priced.id}/?confirm=delete-history")

    assert response.status_code == 204
    assert not Collectible.objects.exists()
    assert not PriceHistory.objects.exists()


def test_an_item_without_history_is_deleted_without_confirmation(auth_client, unpriced):
    assert auth_client.delete(f"{URL}{unpriced.id}/").status_code == 204


def test_an_unknown_confirmation_is_400(auth_client, priced):
    response = auth_client.delete(f"{URL}{priced.id}/?confirm=yes")

    assert response.status_code == 400
    assert "confirm" in response.json()["fields"]


def test_bulk_delete_with_any_history_is_refused_whole(auth_client, priced, unpriced):
    response = auth_client.post(BULK_URL, {"ids": [priced.id, unpriced.id], "action": "delete"})

    assert response.status_code == 409
    assert response.json()["code"] == "has_price_history"
    assert "2 recorded prices of this item" in response.json()["detail"]
    assert Collectible.objects.count() == 2


def test_bulk_delete_confirmed(auth_client, priced, unpriced):
    response = auth_client.post(
        BULK_URL,
        {"ids": [priced.id, unpriced.id], "action": "delete", "confirm": "delete-history"},
    )

    assert response.status_code == 200, response.json()
    assert response.json() == {"matched": 2, "changed": 2}
    assert not PriceHistory.objects.exists()


def test_a_duplicate_has_no_trackers_or_prices(auth_client, priced):
    TrackerFactory(collectible=priced)

    response = auth_client.post(f"{URL}{priced.id}/duplicate")

    assert response.status_code == 201
    copy_id = response.json()["id"]
    assert not Tracker.objects.filter(collectible_id=copy_id).exists()
    assert not PriceHistory.objects.filter(collectible_id=copy_id).exists()
    assert PriceHistory.objects.filter(collectible=priced).count() == 2
