"""GET /api/v1/collectibles/export: the list, every page, as CSV, XLSX or JSON."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import openpyxl
import pytest
from conftest import client_for
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from imports import exports
from inventory.factories import CardDetailsFactory, CollectibleFactory
from price_history.factories import PriceHistoryFactory, TrackerFactory
from users.factories import UserFactory
from vendors.factories import MembershipFactory, VendorFactory
from vendors.models import Role
from vendors.selectors import personal_vendor_for_user

URL = "/api/v1/collectibles/export"
HYPERLINK = '=HYPERLINK("http://x","y")'


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _csv(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(_body(response).decode("utf-8-sig"))))


def _xlsx(response) -> list[dict[str, object]]:
    sheet = openpyxl.load_workbook(io.BytesIO(_body(response))).active
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.fixture
def owner(db):
    return UserFactory()


@pytest.fixture
def vendor(owner):
    return personal_vendor_for_user(user=owner)


@pytest.fixture
def client(owner):
    return client_for(owner)


def test_csv_has_every_item_of_every_page_with_card_details_tags_and_ids(client, vendor):
    items = CollectibleFactory.create_batch(30, vendor=vendor, tags=["holo", "base set"])
    CardDetailsFactory(collectible=items[0], set_code="BS")
    CollectibleFactory(
        vendor=vendor,
        name="Sold one",
        status="sold",
        sale_price=Decimal("200.00"),
        sale_date="2024-05-01",
        location="Binder 2",
        purchase_fees=Decimal("1.50"),
        purchase_shipping=Decimal("4.00"),
        external_ids={"pricecharting": "6910"},
    )

    response = client.get(URL, {"format": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="omni-stock-collectibles-' in response["Content-Disposition"]
    rows = _csv(response)
    assert len(rows) == 31  # more than a page of the list
    sold = next(row for row in rows if row["name"] == "Sold one")
    assert sold["status"] == "sold"
    assert sold["sale_price"] == "200.00"
    assert sold["sale_date"] == "2024-05-01"
    assert sold["location"] == "Binder 2"
    assert sold["purchase_fees"] == "1.50"
    assert sold["purchase_shipping"] == "4.00"
    assert json.loads(sold["external_ids"]) == {"pricecharting": "6910"}
    first = next(row for row in rows if row["id"] == str(items[0].pk))
    assert first["tags"] == "holo, base set"
    assert first["card_set_code"] == "BS"
    assert first["card_game"] == "Pokémon"
    assert first["purchase_price"] == "120.00"
    assert {"value", "value_currency", "cost", "value_basis"} <= set(first)
    assert first["value_currency"] == "USD"  # valued like the list values it
    assert first["value"] == "120.00"  # no market price: the purchase price


def test_formula_cells_are_escaped_in_csv_and_xlsx_but_not_json(client, vendor):
    CollectibleFactory(vendor=vendor, name=HYPERLINK, notes="@SUM(A1)", set_name="-2+3")

    csv_row = _csv(client.get(URL, {"format": "csv"}))[0]
    xlsx_row = _xlsx(client.get(URL, {"format": "xlsx"}))[0]
    json_row = json.loads(_body(client.get(URL, {"format": "json"})))[0]

    for row in (csv_row, xlsx_row):
        assert row["name"] == "'" + HYPERLINK
        assert row["notes"] == "'@SUM(A1)"
        assert row["set_name"] == "'-2+3"
    assert json_row["name"] == HYPERLINK
    assert json_row["notes"] == "@SUM(A1)"


def test_xlsx_is_a_workbook_with_typed_numbers(client, vendor):
    CollectibleFactory(vendor=vendor, name="Pikachu", purchase_price=Decimal("12.50"))

    response = client.get(URL, {"format": "xlsx"})

    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"].endswith('.xlsx"')
    (row,) = _xlsx(response)
    assert row["name"] == "Pikachu"
    assert row["purchase_price"] == 12.5


def test_json_is_an_array_of_items_keyed_like_the_csv(client, vendor):
    CollectibleFactory(vendor=vendor, name="Mew", tags=["promo"], external_ids={"tcg": "1"})

    response = client.get(URL, {"format": "json"})

    assert response["Content-Type"] == "application/json"
    (row,) = json.loads(_body(response))
    assert row["name"] == "Mew"
    assert row["tags"] == ["promo"]
    assert row["external_ids"] == {"tcg": "1"}
    assert row["purchase_price"] == "120.00"
    assert list(row) == list(_csv(client.get(URL))[0])


def test_the_list_filters_search_and_ordering_are_honoured(client, vendor):
    CollectibleFactory(vendor=vendor, name="Charizard", category="trading_card", tags=["fire"])
    CollectibleFactory(vendor=vendor, name="Blastoise", category="trading_card")
    CollectibleFactory(vendor=vendor, name="Zelda", category="video_game", tags=["fire"])

    by_category = _csv(client.get(URL, {"category": "trading_card", "ordering": "name"}))
    by_tag = _csv(client.get(URL, {"tag": "fire", "ordering": "-name"}))
    by_search = _csv(client.get(URL, {"search": "chariz"}))

    assert [row["name"] for row in by_category] == ["Blastoise", "Charizard"]
    assert [row["name"] for row in by_tag] == ["Zelda", "Charizard"]
    assert [row["name"] for row in by_search] == ["Charizard"]


def test_unknown_parameters_formats_and_orderings_are_400(client):
    assert client.get(URL, {"format": "pdf"}).status_code == 400
    assert client.get(URL, {"categroy": "coin"}).status_code == 400
    response = client.get(URL, {"ordering": "secret"})
    assert response.status_code == 400
    assert response.json()["fields"]["ordering"]


def test_only_the_callers_vendors_are_exported(client, vendor):
    CollectibleFactory(vendor=vendor, name="Mine")
    foreign = VendorFactory()
    CollectibleFactory(vendor=foreign, name="Theirs")

    assert [row["name"] for row in _csv(client.get(URL))] == ["Mine"]
    assert client.get(URL, {"vendor": foreign.pk}).status_code == 400  # not one of yours


def test_a_viewer_can_export_the_vendors_list(vendor):
    CollectibleFactory(vendor=vendor, name="Shared")
    viewer = UserFactory()
    MembershipFactory(user=viewer, vendor=vendor, role=Role.VIEWER)

    rows = _csv(client_for(viewer).get(URL, {"vendor": vendor.pk}))

    assert [row["name"] for row in rows] == ["Shared"]


def test_an_empty_list_is_a_header_only_csv_and_an_empty_array(client):
    csv_body = _body(client.get(URL, {"format": "csv"})).decode("utf-8-sig")
    assert csv_body.splitlines()[0].startswith("id,")
    assert len(csv_body.splitlines()) == 1
    assert json.loads(_body(client.get(URL, {"format": "json"}))) == []
    assert _xlsx(client.get(URL, {"format": "xlsx"})) == []


@override_settings(EXPORT_XLSX_MAX_ROWS=2)
def test_xlsx_past_its_row_limit_is_a_400_that_says_what_to_do(client, vendor):
    CollectibleFactory.create_batch(3, vendor=vendor)

    response = client.get(URL, {"format": "xlsx"})

    assert response.status_code == 400
    assert "export CSV or JSON" in response.json()["fields"]["format"][0]
    assert client.get(URL, {"format": "csv"}).status_code == 200


def test_anonymous_callers_are_refused(api_client):
    assert api_client.get(URL).status_code == 401


def test_export_is_not_read_as_an_item_id(client):
    # The route is included before inventory's router (`collectibles/{id}/`).
    assert client.get(URL + "/").status_code == 404
    assert client.get(URL).status_code == 200


def test_the_lists_value_ordering_is_honoured(client, vendor):
    for name, price in (("Cheap", "10.00"), ("Dear", "30.00"), ("Middle", "20.00")):
        CollectibleFactory(vendor=vendor, name=name, purchase_price=Decimal(price))

    rows = _csv(client.get(URL, {"ordering": "-value"}))

    assert [row["name"] for row in rows] == ["Dear", "Middle", "Cheap"]


def test_an_export_does_not_look_up_wanted_items_best_offers(client, vendor):
    # The list shows a wanted item's `best_offer`; the file has no such column, so the
    # export does not read the price history for it (one query more per chunk).
    for name in ("Want A", "Want B", "Want C"):
        item = CollectibleFactory(
            vendor=vendor, name=name, status="wanted", purchase_price=None, purchase_currency=""
        )
        tracker = TrackerFactory(collectible=item)
        PriceHistoryFactory(
            collectible=item,
            tracker=tracker,
            price=Decimal("9.00"),
            observed_at=timezone.now(),
            source=tracker.source,
            condition="",
        )
    listed = client.get("/api/v1/collectibles/", {"status": "wanted"}).json()["results"]
    assert all(row["best_offer"]["price"] == "9.00" for row in listed)  # the list has them
    assert "best_offer" not in {column.key for column in exports.export_columns()}

    with CaptureQueriesContext(connection) as queries:
        rows = _csv(client.get(URL, {"format": "csv"}))

    price_reads = [q["sql"] for q in queries if "price_history_pricehistory" in q["sql"]]
    assert price_reads == []
    assert sorted(row["name"] for row in rows) == ["Want A", "Want B", "Want C"]
    assert "best_offer" not in rows[0]
    assert {row["value_basis"] for row in rows} == {"wanted"}  # still valued as the list is
