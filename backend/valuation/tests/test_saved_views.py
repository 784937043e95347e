"""`/api/v1/saved-views/`: count and value follow the data, scoping, writes."""

from typing import Any

import pytest
from conftest import client_for
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inventory.factories import CollectibleFactory
from inventory.models import SavedView
from users.factories import UserFactory
from vendors.factories import MembershipFactory, VendorFactory
from vendors.models import Role

pytestmark = pytest.mark.django_db

URL = "/api/v1/saved-views/"


def stranger() -> Any:
    return UserFactory()


def save(client: Any, name: str, **query: Any) -> Any:
    return client.post(URL, {"name": name, "query": query}, format="json")


def test_a_view_counts_and_values_what_the_list_and_dashboard_show(owner_client, collection):
    created = save(owner_client, "Owned", status="owned", ordering="-value")
    assert created.status_code == 201, created.json()

    dashboard = owner_client.get("/api/v1/dashboard").json()
    listed = owner_client.get("/api/v1/collectibles/", {"status": "owned"}).json()
    (view,) = owner_client.get(URL).json()
    assert (view["name"], view["count"]) == ("Owned", listed["count"])
    assert (view["value"], view["currency"]) == (dashboard["total_value"], "EUR")
    assert view["query"] == {"status": "owned", "ordering": "-value"}


def test_the_count_and_value_follow_the_data(owner_client, collection, vendor):
    save(owner_client, "Figures", category=["figure"])
    before = owner_client.get(URL).json()[0]
    assert (before["count"], before["value"]) == (2, "80.00")  # Mystery (unpriced), Boba Fett

    CollectibleFactory(
        vendor=vendor, name="Yoda", category="figure", purchase_price=20, purchase_currency="EUR"
    )
    collection["F"].delete()
    after = owner_client.get(URL).json()[0]
    assert (after["count"], after["value"]) == (2, "20.00")


def test_listing_many_views_costs_one_aggregate_each(owner_client, collection):
    for n in range(5):
        save(owner_client, f"View {n}", category=["figure"])
    owner_client.get(URL)  # valuations are fresh from here on
    with CaptureQueriesContext(connection) as few:
        owner_client.get(URL)
    for n in range(5, 10):
        save(owner_client, f"View {n}", search="saga")
    with CaptureQueriesContext(connection) as more:
        assert len(owner_client.get(URL).json()) == 10
    assert len(more) - len(few) == 5


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"colour": "red"}, "colour"),
        ({"category": ["spaceship"]}, "category"),
        ({"ordering": "-shoe_size"}, "ordering"),
        ({"purchase_date_after": "yesterday"}, "purchase_date_after"),
        ({"status": {"nested": True}}, "status"),
        ({"page": "2"}, "page"),
    ],
)
def test_a_bad_query_is_a_400_naming_the_parameter(owner_client, query, field):
    response = owner_client.post(URL, {"name": "Bad", "query": query}, format="json")

    assert response.status_code == 400
    assert f"query.{field}" in response.json()["fields"]
    assert not SavedView.objects.exists()


def test_names_are_trimmed_and_unique_per_user_ignoring_case(owner_client, owner):
    assert save(owner_client, "  Graded Pokémon ").json()["name"] == "Graded Pokémon"
    clash = save(owner_client, "graded pokémon")
    assert clash.status_code == 400
    assert "name" in clash.json()["fields"]
    assert save(owner_client, "x" * 81).status_code == 400
    assert save(owner_client, "   ").status_code == 400
    # Someone else may use the same name.
    assert save(client_for(stranger()), "Graded Pokémon").status_code == 201


def test_at_most_fifty_views(owner_client, owner):
    SavedView.objects.bulk_create(
        SavedView(owner=owner, name=f"V{n}", position=n) for n in range(50)
    )
    response = save(owner_client, "One more")
    assert response.status_code == 400
    assert response.json()["code"] == "too_many_saved_views"


def test_another_users_view_is_a_404(owner_client):
    other = client_for(stranger())
    theirs = save(other, "Theirs").json()

    assert owner_client.get(f"{URL}{theirs['id']}").status_code == 404
    assert (
        owner_client.patch(f"{URL}{theirs['id']}", {"name": "Mine"}, format="json").status_code
        == 404
    )
    assert owner_client.delete(f"{URL}{theirs['id']}").status_code == 404
    assert owner_client.get(URL).json() == []


def test_a_viewer_saves_a_view_of_a_collection_they_read(owner, vendor):
    viewer = stranger()
    MembershipFactory(user=viewer, vendor=vendor, role=Role.VIEWER)
    CollectibleFactory(vendor=vendor, category="vinyl")
    client = client_for(viewer)

    created = save(client, "Their vinyl", vendor=str(vendor.pk), category=["vinyl"])
    assert created.status_code == 201
    assert (created.json()["vendor"], created.json()["count"]) == (vendor.pk, 1)
    # Not a member: the vendor is not one they may filter by.
    outsider = save(client_for(stranger()), "Spy", vendor=str(vendor.pk))
    assert outsider.status_code == 400
    assert "query.vendor" in outsider.json()["fields"]


def test_rename_update_reorder_and_delete(owner_client, collection):
    first = save(owner_client, "Vinyl", category=["vinyl"]).json()
    second = save(owner_client, "Comics", category=["comic"]).json()

    renamed = owner_client.patch(
        f"{URL}{first['id']}",
        {"name": "Records", "query": {"category": ["vinyl", "comic"]}},
        format="json",
    ).json()
    assert (renamed["name"], renamed["count"]) == ("Records", 2)
    order = owner_client.post(f"{URL}reorder", {"ids": [second["id"], first["id"]]}, format="json")
    assert [v["name"] for v in order.json()] == ["Comics", "Records"]
    assert [v["name"] for v in owner_client.get(URL).json()] == ["Comics", "Records"]
    bad_order = owner_client.post(f"{URL}reorder", {"ids": [first["id"]]}, format="json")
    assert bad_order.status_code == 400

    assert owner_client.delete(f"{URL}{second['id']}").status_code == 204
    assert [v["name"] for v in owner_client.get(URL).json()] == ["Records"]


def test_leaving_the_collection_takes_its_views(owner, vendor):
    shop: Any = VendorFactory()
    MembershipFactory(user=owner, vendor=shop, role=Role.EDITOR)
    client = client_for(owner)
    save(client, "Shop", vendor=str(shop.pk))
    shop.delete()
    assert client.get(URL).json() == []
