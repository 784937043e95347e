"""Status (owned / sold), sale details, storage location, certificate number and purchase
costs on the collectibles API."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from inventory.factories import CollectibleFactory
from inventory.models import Collectible, CollectibleStatus
from vendors.factories import VendorFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/collectibles/"


def detail(item_id: int) -> str:
    return f"{URL}{item_id}/"


def sold(item: Collectible, **fields) -> Collectible:
    Collectible.objects.filter(pk=item.pk).update(
        status=CollectibleStatus.SOLD,
        sale_price=fields.get("sale_price", "90.00"),
        sale_currency=fields.get("sale_currency", "USD"),
        sale_date=fields.get("sale_date", date(2024, 5, 1)),
        sale_fees=fields.get("sale_fees"),
    )
    item.refresh_from_db()
    return item


class TestNewFields:
    def test_create_with_costs_location_and_certificate(self, auth_client):
        response = auth_client.post(
            URL,
            {
                "name": "Charizard",
                "category": "trading_card",
                "grader": "psa",
                "grade": "9.0",
                "cert_number": "12345678",
                "purchase_price": "300.00",
                "purchase_fees": "12.50",
                "purchase_shipping": "4.99",
                "location": "Binder 3 ",
            },
        )

        assert response.status_code == 201, response.json()
        body = response.json()
        assert body["status"] == "owned"
        assert body["cert_number"] == "12345678"
        assert body["purchase_fees"] == "12.50"
        assert body["purchase_shipping"] == "4.99"
        assert body["location"] == "Binder 3"
        assert body["sale_price"] is None
        assert body["sale_currency"] == ""

    def test_certificate_without_grader_names_the_field(self, auth_client):
        response = auth_client.post(URL, {"name": "X", "category": "coin", "cert_number": "1"})

        assert response.status_code == 400
        assert "grader" in response.json()["fields"]["cert_number"][0]

    @pytest.mark.parametrize(
        ("change", "field", "message_part"),
        [
            ({"purchase_fees": "-1"}, "purchase_fees", "greater than or equal to 0"),
            ({"purchase_shipping": "1.234"}, "purchase_shipping", "decimal places"),
            ({"location": "x" * 101}, "location", "no more than 100"),
            ({"status": "lost"}, "status", "not a valid choice"),
            ({"sale_price": "10.00"}, "sale_price", "Only a sold item"),
        ],
    )
    def test_invalid_values_name_the_field(self, auth_client, change, field, message_part):
        response = auth_client.post(URL, {"name": "X", "category": "coin", **change})

        assert response.status_code == 400
        assert message_part in " ".join(response.json()["fields"][field]), response.json()

    def test_list_rows_carry_the_new_fields(self, auth_client, personal):
        CollectibleFactory(vendor=personal, location="Shelf A", purchase_fees="1.00")

        row = auth_client.get(URL).json()["results"][0]

        assert row["location"] == "Shelf A"
        assert row["purchase_fees"] == "1.00"
        assert row["status"] == "owned"
        assert row["cert_number"] == ""


class TestMarkSold:
    def test_sold_with_a_price_defaults_date_to_today_and_currency_to_the_vendors(
        self, auth_client, item
    ):
        response = auth_client.patch(
            detail(item.id), {"status": "sold", "sale_price": "450.00", "sale_fees": "20.00"}
        )

        assert response.status_code == 200, response.json()
        body = response.json()
        assert body["status"] == "sold"
        assert body["sale_price"] == "450.00"
        assert body["sale_fees"] == "20.00"
        assert body["sale_date"] == timezone.localdate().isoformat()
        assert body["sale_currency"] == item.vendor.default_currency

    def test_sold_with_date_and_currency_keeps_them(self, auth_client, item):
        response = auth_client.patch(
            detail(item.id),
            {
                "status": "sold",
                "sale_price": "10",
                "sale_date": "2024-02-03",
                "sale_currency": "eur",
            },
        )

        assert response.json()["sale_date"] == "2024-02-03"
        assert response.json()["sale_currency"] == "EUR"

    def test_sold_without_a_price_says_it_needs_one(self, auth_client, item):
        response = auth_client.patch(detail(item.id), {"status": "sold"})

        assert response.status_code == 400
        assert response.json()["fields"]["sale_price"] == [
            "A sold item needs the price it sold for."
        ]
        item.refresh_from_db()
        assert item.status == "owned"

    @pytest.mark.parametrize(
        ("change", "message"),
        [
            ({"sale_date": "2999-01-01"}, "The sale date cannot be in the future."),
            ({"sale_date": "2000-01-01"}, "The sale date cannot be before the purchase date."),
            ({"sale_date": None}, "A sold item needs the date it sold."),
        ],
    )
    def test_bad_sale_dates_are_refused_clearly(self, auth_client, item, change, message):
        Collectible.objects.filter(pk=item.pk).update(purchase_date=date(2020, 1, 1))

        response = auth_client.patch(
            detail(item.id), {"status": "sold", "sale_price": "1", **change}
        )

        assert response.status_code == 400
        assert response.json()["fields"]["sale_date"] == [message]

    def test_back_to_owned_clears_the_sale(self, auth_client, item):
        sold(item, sale_fees="3.00")

        response = auth_client.patch(detail(item.id), {"status": "owned"})

        assert response.status_code == 200, response.json()
        item.refresh_from_db()
        assert (item.status, item.sale_price, item.sale_date, item.sale_fees) == (
            "owned",
            None,
            None,
            None,
        )
        assert item.sale_currency == ""

    def test_back_to_owned_with_a_sale_price_is_refused(self, auth_client, item):
        sold(item)

        response = auth_client.patch(detail(item.id), {"status": "owned", "sale_price": "5"})

        assert response.status_code == 400
        assert response.json()["fields"]["sale_price"] == ["Only a sold item has sale details."]

    def test_editing_a_sold_item_keeps_its_sale(self, auth_client, item):
        sold(item)

        response = auth_client.patch(detail(item.id), {"notes": "Sold at the fair"})

        assert response.status_code == 200
        assert response.json()["sale_date"] == "2024-05-01"
        assert response.json()["status"] == "sold"


class TestFilters:
    @pytest.fixture
    def shelf(self, personal):
        owned = CollectibleFactory(vendor=personal, name="Owned", location="Box 1")
        boxed = CollectibleFactory(vendor=personal, name="Other box", location="box 2")
        loose = CollectibleFactory(vendor=personal, name="Loose")
        gone = sold(CollectibleFactory(vendor=personal, name="Gone", location="BOX 1"))
        return owned, boxed, loose, gone

    def names(self, response) -> set[str]:
        assert response.status_code == 200, response.json()
        return {row["name"] for row in response.json()["results"]}

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("", {"Owned", "Other box", "Loose", "Gone"}),
            ("status=owned", {"Owned", "Other box", "Loose"}),
            ("status=sold", {"Gone"}),
            ("status=owned&status=sold", {"Owned", "Other box", "Loose", "Gone"}),
            ("location=box%201", {"Owned", "Gone"}),
            ("location=Box%201&status=owned", {"Owned"}),
            ("has_location=true", {"Owned", "Other box", "Gone"}),
            ("has_location=false", {"Loose"}),
        ],
    )
    def test_status_and_location_filters(self, auth_client, shelf, query, expected):
        assert self.names(auth_client.get(f"{URL}?{query}")) == expected

    @pytest.mark.parametrize("query", ["status=lost", "has_location=maybe"])
    def test_bad_values_are_400_naming_the_parameter(self, auth_client, shelf, query):
        response = auth_client.get(f"{URL}?{query}")

        assert response.status_code == 400
        assert query.split("=")[0] in response.json()["fields"]


def test_sold_item_of_another_vendor_is_not_found(auth_client):
    foreign = sold(CollectibleFactory(vendor=VendorFactory()))

    assert auth_client.patch(detail(foreign.id), {"status": "owned"}).status_code == 404


def test_sale_date_today_in_the_earliest_time_zone_is_accepted(auth_client, item):
    tomorrow_somewhere = (timezone.now() + timedelta(hours=14)).date()

    response = auth_client.patch(
        detail(item.id),
        {"status": "sold", "sale_price": "1", "sale_date": tomorrow_somewhere.isoformat()},
    )

    assert response.status_code == 200, response.json()
