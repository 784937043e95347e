"""The want list: wanted items (status `wanted`, maximum price, priority) on the
collectibles API, and acquiring one ("I bought it") into the collection."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from conftest import client_for
from django.db import IntegrityError, transaction
from django.utils import timezone

from inventory.factories import CollectibleFactory
from inventory.models import Collectible, CollectibleStatus
from users.factories import UserFactory
from vendors.factories import MembershipFactory, VendorFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/collectibles/"


def acquire_url(item_id: int) -> str:
    return f"{URL}{item_id}/acquire"


def wanted(vendor, **fields) -> Collectible:
    defaults = {
        "purchase_price": None,
        "purchase_currency": "",
        "status": CollectibleStatus.WANTED,
        "max_price": Decimal("50.00"),
        "max_price_currency": "USD",
    }
    return CollectibleFactory(vendor=vendor, **{**defaults, **fields})


class TestWantedItems:
    def test_a_wanted_item_gets_the_vendors_currency_and_a_normal_priority(
        self, auth_client, personal
    ):
        response = auth_client.post(
            URL,
            {
                "name": "Blue-Eyes",
                "category": "trading_card",
                "status": "wanted",
                "condition": "excellent",
                "max_price": "80.00",
            },
            format="json",
        )

        assert response.status_code == 201, response.json()
        body = response.json()
        assert body["status"] == "wanted"
        assert (body["max_price"], body["max_price_currency"]) == ("80.00", "USD")
        assert body["priority"] == 3
        assert body["purchase_price"] is None
        assert body["purchase_currency"] == ""

    @pytest.mark.parametrize(
        ("change", "field", "message_part"),
        [
            ({"purchase_price": "10.00"}, "purchase_price", "acquire it"),
            ({"purchase_date": "2024-01-01"}, "purchase_date", "acquire it"),
            ({"priority": 0}, "priority", "not a valid choice"),
            ({"priority": 6}, "priority", "not a valid choice"),
            ({"max_price": "-1"}, "max_price", "greater than or equal to 0"),
            ({"max_price_currency": "XYZ"}, "max_price_currency", ""),
        ],
    )
    def test_invalid_wanted_items_name_the_field(self, auth_client, change, field, message_part):
        body = {"name": "X", "category": "coin", "status": "wanted", **change}

        response = auth_client.post(URL, body, format="json")

        assert response.status_code == 400, response.json()
        assert message_part in response.json()["fields"][field][0]

    def test_only_a_wanted_item_has_a_maximum_price(self, auth_client):
        response = auth_client.post(
            URL, {"name": "X", "category": "coin", "max_price": "5.00"}, format="json"
        )

        assert response.status_code == 400
        assert "Only a wanted item" in response.json()["fields"]["max_price"][0]

    def test_the_want_list_is_the_status_filter(self, auth_client, personal):
        wanted(personal, name="Wanted one")
        CollectibleFactory(vendor=personal, name="Owned one")

        results = auth_client.get(f"{URL}?status=wanted").json()["results"]
        owned = auth_client.get(f"{URL}?status=owned").json()["results"]

        assert [row["name"] for row in results] == ["Wanted one"]
        assert [row["name"] for row in owned] == ["Owned one"]

    def test_list_and_detail_show_the_same_wanted_item(self, auth_client, personal):
        item = wanted(personal, priority=1, notes="any edition")

        row = auth_client.get(f"{URL}?status=wanted").json()["results"][0]
        detail = auth_client.get(f"{URL}{item.pk}/").json()

        assert row == detail
        assert (detail["priority"], detail["max_price"]) == (1, "50.00")

    def test_leaving_the_want_list_forgets_the_maximum_price(self, auth_client, personal):
        item = wanted(personal)

        response = auth_client.patch(f"{URL}{item.pk}/", {"status": "owned"}, format="json")

        assert response.status_code == 200, response.json()
        assert (response.json()["max_price"], response.json()["max_price_currency"]) == (
            None,
            "",
        )

    def test_the_database_refuses_a_wanted_item_with_a_purchase(self, personal):
        item = wanted(personal)

        with pytest.raises(IntegrityError), transaction.atomic():
            Collectible.objects.filter(pk=item.pk).update(purchase_price=Decimal("1"))

    def test_the_database_refuses_a_maximum_price_on_an_owned_item(self, personal):
        item = CollectibleFactory(vendor=personal)

        with pytest.raises(IntegrityError), transaction.atomic():
            Collectible.objects.filter(pk=item.pk).update(max_price=Decimal("1"))

    def test_a_duplicate_of_a_wanted_item_is_owned_without_its_maximum_price(
        self, auth_client, personal
    ):
        item = wanted(personal)

        response = auth_client.post(f"{URL}{item.pk}/duplicate", {}, format="json")

        assert response.status_code == 201, response.json()
        assert (response.json()["status"], response.json()["max_price"]) == ("owned", None)


class TestAcquire:
    def test_acquiring_makes_it_owned_with_its_purchase(self, auth_client, personal):
        item = wanted(personal, quantity=1)

        response = auth_client.post(
            acquire_url(item.pk),
            {"purchase_price": "45.00", "purchase_fees": "1.50", "quantity": 2},
            format="json",
        )

        assert response.status_code == 200, response.json()
        body = response.json()
        assert body["id"] == item.pk
        assert body["status"] == "owned"
        assert (body["purchase_price"], body["purchase_currency"]) == ("45.00", "USD")
        assert body["purchase_date"] == timezone.localdate().isoformat()
        assert (body["purchase_fees"], body["quantity"]) == ("1.50", 2)
        assert (body["max_price"], body["max_price_currency"]) == (None, "")

    def test_acquiring_takes_the_given_date_and_currency(self, auth_client, personal):
        item = wanted(personal)

        response = auth_client.post(
            acquire_url(item.pk),
            {"purchase_price": "40", "purchase_currency": "eur", "purchase_date": "2024-02-29"},
            format="json",
        )

        assert response.status_code == 200, response.json()
        assert response.json()["purchase_currency"] == "EUR"
        assert response.json()["purchase_date"] == "2024-02-29"

    def test_an_item_that_is_not_wanted_cannot_be_acquired(self, auth_client, personal):
        item = CollectibleFactory(vendor=personal)

        response = auth_client.post(acquire_url(item.pk), {"purchase_price": "1"}, format="json")

        assert response.status_code == 400
        assert response.json()["code"] == "not_wanted"
        item.refresh_from_db()
        assert item.purchase_price == Decimal("120.00")

    @pytest.mark.parametrize(
        ("body", "field"),
        [
            ({}, "purchase_price"),
            ({"purchase_price": "-1"}, "purchase_price"),
            ({"purchase_price": "1", "quantity": 0}, "quantity"),
            ({"purchase_price": "1", "purchase_date": "2999-01-01"}, "purchase_date"),
            ({"purchase_price": "1", "purchase_currency": "ABC"}, "purchase_currency"),
        ],
    )
    def test_a_bad_purchase_is_refused_and_nothing_changes(
        self, auth_client, personal, body, field
    ):
        item = wanted(personal)

        response = auth_client.post(acquire_url(item.pk), body, format="json")

        assert response.status_code == 400
        assert field in response.json()["fields"]
        item.refresh_from_db()
        assert item.status == CollectibleStatus.WANTED

    def test_viewers_cannot_acquire(self, personal):
        item = wanted(personal)
        viewer = UserFactory()
        MembershipFactory(user=viewer, vendor=personal, role="viewer")

        response = client_for(viewer).post(
            acquire_url(item.pk), {"purchase_price": "1"}, format="json"
        )

        assert response.status_code == 403
        item.refresh_from_db()
        assert item.status == CollectibleStatus.WANTED

    def test_another_vendors_item_is_not_found(self, auth_client):
        item = wanted(VendorFactory())

        response = auth_client.post(acquire_url(item.pk), {"purchase_price": "1"}, format="json")

        assert response.status_code == 404

    def test_an_acquired_item_keeps_its_date_before_today(self, auth_client, personal):
        item = wanted(personal)
        yesterday = timezone.localdate() - timedelta(days=1)

        auth_client.post(
            acquire_url(item.pk),
            {"purchase_price": "1", "purchase_date": yesterday.isoformat()},
            format="json",
        )

        item.refresh_from_db()
        assert item.purchase_date == yesterday
        assert isinstance(item.purchase_date, date)
