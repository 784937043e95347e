"""Cached answers (core.response_cache) are never older than their data: every table the
cached reads read is versioned (core.read_versions), and a write to any of them, through
the API or straight to the database, gives the next request a new answer."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from conftest import client_for
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from core.read_versions import TABLE
from inventory.factories import CardDetailsFactory, CollectibleFactory
from inventory.models import Photo
from price_history.factories import TrackerFactory
from users.factories import UserFactory
from valuation.factories import ValueSnapshotFactory
from valuation.tests.conftest import price
from vendors.factories import MembershipFactory
from vendors.models import Membership

pytestmark = pytest.mark.django_db

_TABLE_NAME = re.compile(r'\b(?:FROM|JOIN|UPDATE|INTO)\s+"?([a-z_][a-z0-9_]*)"?', re.IGNORECASE)


def _versioned_tables() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE t.tgname LIKE %s",
            ["%_read_version_%"],
        )
        return {name for (name,) in cursor.fetchall()}


def _real_tables(names: set[str]) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname FROM pg_class WHERE relkind IN ('r', 'p', 'v', 'm') "
            "AND relname = ANY(%s)",
            [sorted(names)],
        )
        return {name for (name,) in cursor.fetchall()}


def _tables_read(client: Any, path: str) -> set[str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, response.content
    names = {
        name for query in captured.captured_queries for name in _TABLE_NAME.findall(query["sql"])
    }
    return _real_tables(names) - {TABLE}


@pytest.fixture
def everything(vendor: Any, collection: dict[str, Any], now: Any) -> dict[str, Any]:
    """The hand-checked collection, with card details, a wanted item with trackers and
    offers (its best offer), and a sold item."""
    CardDetailsFactory(collectible=collection["A"])
    wanted = CollectibleFactory(
        vendor=vendor, name="Wanted Pikachu", status="wanted",
        max_price=Decimal("50"), max_price_currency="EUR", purchase_price=None,
        purchase_currency="",
    )  # fmt: skip
    tracker = TrackerFactory(collectible=wanted)
    price(wanted, "40", "EUR", now, tracker=tracker)
    CollectibleFactory(
        vendor=vendor,
        name="Sold one",
        status="sold",
        sale_price=Decimal("30"),
        sale_currency="EUR",
        sale_date=now.date(),
    )
    return {**collection, "wanted": wanted}


def test_every_table_a_cached_answer_reads_is_versioned(owner_client, everything, settings):
    settings.RESPONSE_CACHE_SECONDS = 0  # each request does its whole work
    a, wanted = everything["A"], everything["wanted"]
    paths = [
        "/api/v1/collectibles/",
        "/api/v1/collectibles/?ordering=-value",
        "/api/v1/collectibles/?status=wanted",
        "/api/v1/collectibles/?priced=true&search=charizard",
        "/api/v1/collectibles/?cursor=&ordering=name",
        f"/api/v1/collectibles/{a.pk}/",
        f"/api/v1/collectibles/{wanted.pk}/",
        "/api/v1/dashboard",
        "/api/v1/dashboard/value-history?range=all",
    ]
    read = {path: _tables_read(owner_client, path) for path in paths}
    versioned = _versioned_tables()
    unversioned = {path: tables - versioned for path, tables in read.items() if tables - versioned}
    assert not unversioned, f"read without read-version triggers: {unversioned}"


HIT = "omni-stock; hit"


def _get(client: Any, path: str) -> tuple[bool, dict[str, Any]]:
    """(served from the cache, body)."""
    response = client.get(path)
    assert response.status_code == 200, response.content
    return response.headers.get("Cache-Status") == HIT, response.json()


def _warm(client: Any, path: str) -> dict[str, Any]:
    """Asked until the answer is a hit: the first request may value the new items (a
    write: the next one is computed again, and kept)."""
    for _ in range(3):
        hit, body = _get(client, path)
        if hit:
            return body
    raise AssertionError(f"{path} was never served from the cache")


def _names(body: dict[str, Any]) -> list[str]:
    return sorted(item["name"] for item in body["results"])


def test_the_same_request_again_is_a_hit_costing_three_small_statements(owner_client, collection):
    path = "/api/v1/collectibles/?ordering=-value"
    first = _warm(owner_client, path)
    with CaptureQueriesContext(connection) as captured:
        hit, again = _get(owner_client, path)

    assert hit
    assert again == first
    read = {
        name for query in captured.captured_queries for name in _TABLE_NAME.findall(query["sql"])
    }
    assert read == {"vendors_membership", TABLE}  # the caller's vendors, then their versions
    # Another order of the same parameters is the same request.
    assert _get(owner_client, "/api/v1/collectibles/?ordering=-value&page=1")[0] is False
    assert _get(owner_client, "/api/v1/collectibles/?page=1&ordering=-value")[0] is True
    assert (
        _get(owner_client, "/api/v1/collectibles/?page=1&ordering=-value&page_size=2")[0] is False
    )


def test_an_edit_through_the_api_is_in_the_next_answer(owner_client, collection):
    item = collection["A"]
    _warm(owner_client, "/api/v1/collectibles/")
    _warm(owner_client, f"/api/v1/collectibles/{item.pk}/")

    patched = owner_client.patch(
        f"/api/v1/collectibles/{item.pk}/", {"name": "Renamed"}, format="json"
    )
    assert patched.status_code == 200

    hit, body = _get(owner_client, "/api/v1/collectibles/")
    assert not hit
    assert "Renamed" in _names(body)
    hit, detail = _get(owner_client, f"/api/v1/collectibles/{item.pk}/")
    assert not hit
    assert detail["name"] == "Renamed"


@pytest.mark.parametrize(
    ("sql", "shown"),
    [
        ("UPDATE inventory_collectible SET name = 'Raw' WHERE id = %s", lambda body: body["name"] == "Raw"),
        ("UPDATE inventory_carddetails SET rarity = 'Raw' WHERE collectible_id = %s",
         lambda body: body["card_details"]["rarity"] == "Raw"),
        ("DELETE FROM inventory_photo WHERE collectible_id = %s", lambda body: body["cover_photo"] is None),
    ],
)  # fmt: skip
def test_a_write_straight_to_the_database_is_in_the_next_answer(
    owner_client, collection, sql, shown
):
    """As a worker, an import or the admin write: not through the API."""
    item = collection["A"]
    CardDetailsFactory(collectible=item, rarity="Rare")
    Photo.objects.create(
        collectible=item, image="p/a.jpg", thumbnail="p/a-t.jpg", position=0, is_cover=True,
        width=10, height=10, content_type="image/jpeg", byte_size=100,
    )  # fmt: skip
    path = f"/api/v1/collectibles/{item.pk}/"
    before = _warm(owner_client, path)
    assert not shown(before)

    with connection.cursor() as cursor:
        cursor.execute(sql, [item.pk])

    hit, body = _get(owner_client, path)
    assert not hit
    assert shown(body)


def test_a_new_price_moves_the_dashboard_and_the_item(owner_client, collection, now):
    item = collection["F"]  # valued on its 80 EUR price of five days ago
    dashboard = _warm(owner_client, "/api/v1/dashboard")
    assert (
        _get(owner_client, f"/api/v1/collectibles/{item.pk}/")[1]["valuation"]["value"] == "80.00"
    )

    price(item, "95", "EUR", now)

    hit, after = _get(owner_client, "/api/v1/dashboard")
    assert not hit
    assert Decimal(after["total_value"]) == Decimal(dashboard["total_value"]) + 15
    assert (
        _get(owner_client, f"/api/v1/collectibles/{item.pk}/")[1]["valuation"]["value"] == "95.00"
    )


def test_a_new_exchange_rate_moves_every_vendors_dashboard(owner_client, collection, now):
    before = _warm(owner_client, "/api/v1/dashboard")

    with connection.cursor() as cursor:  # as the daily FX load writes them
        cursor.execute(
            "UPDATE valuation_exchangerate SET rate = 2.5 WHERE currency = 'USD' AND date = %s",
            [now.date()],
        )

    hit, after = _get(owner_client, "/api/v1/dashboard")
    assert not hit
    assert after["total_value"] != before["total_value"]


def test_a_new_snapshot_is_in_the_next_value_history(owner_client, vendor, now):
    path = "/api/v1/dashboard/value-history?range=1m"
    assert _warm(owner_client, path)["points"] == []

    ValueSnapshotFactory(vendor=vendor, day=now.date(), currency=vendor.default_currency)

    hit, body = _get(owner_client, path)
    assert not hit
    assert [point["total_value"] for point in body["points"]] == ["100.00"]


def test_the_display_currency_is_part_of_the_answer(owner, owner_client, collection):
    _warm(owner_client, "/api/v1/dashboard")
    owner.display_currency = "USD"
    owner.save(update_fields=["display_currency"])

    hit, body = _get(owner_client, "/api/v1/dashboard")
    assert not hit
    assert body["display"]["currency"] == "USD"


def test_a_removed_member_no_longer_sees_the_items(owner, vendor, collection):
    friend = UserFactory()
    MembershipFactory(user=friend, vendor=vendor, role="viewer")
    friend_client = client_for(friend)
    assert "Charizard" in _names(_warm(friend_client, "/api/v1/collectibles/?page_size=100"))

    Membership.objects.filter(user=friend, vendor=vendor).delete()

    hit, body = _get(friend_client, "/api/v1/collectibles/?page_size=100")
    assert not hit
    assert "Charizard" not in _names(body)
    assert friend_client.get(f"/api/v1/collectibles/{collection['A'].pk}/").status_code == 404


def test_leaving_a_vendor_that_has_no_version_yet(owner, vendor, collection):
    """Data from before the triggers were installed has no version row."""
    friend = UserFactory()
    MembershipFactory(user=friend, vendor=vendor, role="viewer")
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608 - a constant
    friend_client = client_for(friend)
    assert "Charizard" in _names(_warm(friend_client, "/api/v1/collectibles/?page_size=100"))

    Membership.objects.filter(user=friend, vendor=vendor).delete()

    assert "Charizard" not in _names(_get(friend_client, "/api/v1/collectibles/?page_size=100")[1])


def test_another_vendors_write_keeps_this_answer(owner_client, collection):
    _warm(owner_client, "/api/v1/collectibles/")
    CollectibleFactory(name="Someone else's")  # a vendor of its own

    assert _get(owner_client, "/api/v1/collectibles/")[0]


def test_an_answer_given_inside_a_rolled_back_write_is_never_served(owner_client, collection):
    _warm(owner_client, "/api/v1/collectibles/")
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE inventory_collectible SET name = 'Gone' WHERE id = %s", [collection["A"].pk]
            )
        assert "Gone" in _names(_get(owner_client, "/api/v1/collectibles/")[1])
        transaction.set_rollback(True)

    hit, body = _get(owner_client, "/api/v1/collectibles/")
    assert hit
    assert "Gone" not in _names(body)
    assert "Charizard" in _names(body)


def test_off_when_the_setting_is_zero(owner_client, collection, settings):
    settings.RESPONSE_CACHE_SECONDS = 0
    _get(owner_client, "/api/v1/dashboard")
    response = owner_client.get("/api/v1/dashboard")
    assert "Cache-Status" not in response.headers
