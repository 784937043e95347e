"""`POST /api/v1/collectibles/{id}/duplicate`: another copy of an item."""

from decimal import Decimal

import pytest
from conftest import client_for

from inventory.factories import CardDetailsFactory, CollectibleFactory
from inventory.models import Collectible, CollectibleStatus
from vendors.factories import MembershipFactory, VendorFactory
from vendors.models import Role

pytestmark = pytest.mark.django_db


def url(item_id: int) -> str:
    return f"/api/v1/collectibles/{item_id}/duplicate"


@pytest.fixture
def graded(personal, user):
    item = CollectibleFactory(
        vendor=personal,
        created_by=user,
        name="Charizard",
        set_name="Base Set",
        number="4/102",
        condition="mint",
        grader="psa",
        grade=Decimal("9.0"),
        cert_number="555",
        quantity=3,
        tags=["holo", "grail"],
        external_ids={"pricecharting": "6910"},
        location="Binder 1",
        notes="From the fair",
    )
    CardDetailsFactory(collectible=item, game="Pokémon", set_code="BS")
    return item


def test_copies_the_description_card_details_and_tags(auth_client, graded, user):
    response = auth_client.post(url(graded.id), {})

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["id"] != graded.id
    assert body["vendor"] == graded.vendor_id
    assert body["created_by"] == user.id
    for field in ("name", "set_name", "number", "condition", "grader", "location", "notes"):
        assert body[field] == getattr(graded, field)
    assert body["grade"] == "9.0"
    assert body["quantity"] == 3
    assert body["tags"] == ["holo", "grail"]
    assert body["external_ids"] == {"pricecharting": "6910"}
    assert body["card_details"]["game"] == "Pokémon"
    assert body["card_details"]["set_code"] == "BS"
    assert body["cert_number"] == ""  # one slab, one certificate
    assert Collectible.objects.count() == 2


def test_quantity_can_be_given(auth_client, graded):
    response = auth_client.post(url(graded.id), {"quantity": 1})

    assert response.json()["quantity"] == 1


@pytest.mark.parametrize("quantity", [0, -1, "many"])
def test_bad_quantity_is_400(auth_client, graded, quantity):
    response = auth_client.post(url(graded.id), {"quantity": quantity})

    assert response.status_code == 400
    assert "quantity" in response.json()["fields"]
    assert Collectible.objects.count() == 1


def test_a_sold_items_copy_is_owned_without_the_sale(auth_client, graded):
    Collectible.objects.filter(pk=graded.pk).update(
        status=CollectibleStatus.SOLD, sale_price="10", sale_currency="USD", sale_date="2024-01-01"
    )

    body = auth_client.post(url(graded.id)).json()

    assert body["status"] == "owned"
    assert (body["sale_price"], body["sale_date"], body["sale_currency"]) == (None, None, "")


def test_viewer_cannot_duplicate(user):
    shop = MembershipFactory(user=user, role=Role.VIEWER).vendor
    item = CollectibleFactory(vendor=shop)

    response = client_for(user).post(url(item.id))

    assert response.status_code == 403
    assert Collectible.objects.count() == 1


def test_another_vendors_item_is_404(auth_client):
    item = CollectibleFactory(vendor=VendorFactory())

    assert auth_client.post(url(item.id)).status_code == 404
    assert Collectible.objects.count() == 1


def test_a_full_collection_refuses_the_copy(auth_client, graded, settings):
    settings.INVENTORY_MAX_ITEMS_PER_VENDOR = 1

    response = auth_client.post(url(graded.id))

    assert response.status_code == 400
    assert "the most it can hold" in response.json()["fields"]["vendor"][0]
