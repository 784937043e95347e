from decimal import Decimal

import pytest
from conftest import client_for
from django.utils import timezone
from rest_framework.test import APIClient

from inventory.factories import CollectibleFactory
from inventory.models import CollectibleStatus
from valuation.models import ItemValuation
from vendors.factories import MembershipFactory, VendorFactory
from vendors.models import Role, Visibility

pytestmark = pytest.mark.django_db

PUBLIC = "/api/v1/public/collections/"
VENDORS = "/api/v1/vendors/"
ALLOWED_ITEM_KEYS = {
    "name",
    "category",
    "set_name",
    "number",
    "condition",
    "grader",
    "grade",
    "quantity",
    "unit_value",
    "value",
    "currency",
    "priority",
    "max_price",
    "max_price_currency",
}
PAGE_KEYS = {"name", "show_prices", "count", "next", "previous", "results"}


def all_keys(value, found=None):
    found = set() if found is None else found
    if isinstance(value, dict):
        for key, inner in value.items():
            found.add(key)
            all_keys(inner, found)
    elif isinstance(value, list):
        for inner in value:
            all_keys(inner, found)
    return found


@pytest.fixture
def shop():
    vendor = VendorFactory(name="Kanto Cards", slug="kanto-cards")
    owned = CollectibleFactory(
        vendor=vendor, name="Charizard", notes="secret note", purchase_price=Decimal("99")
    )
    ItemValuation.objects.create(
        collectible=owned,
        vendor=vendor,
        currency="USD",
        basis="market",
        unit_value=Decimal("150.00"),
        value=Decimal("150.00"),
        valued_at=timezone.now(),
    )
    CollectibleFactory(
        vendor=vendor,
        name="Blastoise",
        status=CollectibleStatus.SOLD,
        sale_price=Decimal("80"),
        sale_currency="USD",
        sale_date=timezone.now().date(),
    )
    CollectibleFactory(
        vendor=vendor,
        name="Venusaur",
        status=CollectibleStatus.WANTED,
        purchase_price=None,
        purchase_currency="",
        max_price=Decimal("40.00"),
        max_price_currency="USD",
    )
    return vendor


@pytest.fixture
def owner(shop):
    return MembershipFactory(vendor=shop, role=Role.OWNER).user


def share(owner, shop, **fields):
    response = client_for(owner).patch(f"{VENDORS}{shop.pk}/", fields)
    assert response.status_code == 200, response.json()
    return response.json()


def names(response):
    return [item["name"] for item in response.json()["results"]]


@pytest.mark.parametrize(
    ("visibility", "by_slug", "by_token"),
    [("private", 404, 404), ("unlisted", 404, 200), ("public", 200, 200)],
)
def test_visibility_matrix(owner, shop, visibility, by_slug, by_token):
    body = share(owner, shop, collection_visibility=visibility, wants_visibility=visibility)
    token = body["share_token"] or "x" * 43
    anon = APIClient()
    for path in ("", "/wants"):
        assert anon.get(f"{PUBLIC}kanto-cards{path}").status_code == by_slug
        assert anon.get(f"{PUBLIC}{token}{path}").status_code == by_token


def test_private_and_missing_answer_alike(owner, shop):
    share(owner, shop, wants_visibility="unlisted")
    private = APIClient().get(f"{PUBLIC}kanto-cards")
    missing = APIClient().get(f"{PUBLIC}no-such-shop")
    assert private.status_code == missing.status_code == 404
    assert private.json() == missing.json()


def test_collection_shows_owned_only_and_no_private_field(owner, shop):
    body = share(owner, shop, collection_visibility="public")
    response = APIClient().get(f"{PUBLIC}kanto-cards")
    assert names(response) == ["Charizard"]  # not sold Blastoise, not wanted Venusaur
    keys = all_keys(response.json())
    assert keys <= ALLOWED_ITEM_KEYS | PAGE_KEYS
    assert not keys & {"id", "notes", "purchase_price", "purchase_date", "vendor", "members"}
    assert body["share_token"] not in response.content.decode()
    assert "secret note" not in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_wants_show_wanted_only(owner, shop):
    share(owner, shop, wants_visibility="public")
    response = APIClient().get(f"{PUBLIC}kanto-cards/wants")
    assert names(response) == ["Venusaur"]
    assert all_keys(response.json()) <= ALLOWED_ITEM_KEYS | PAGE_KEYS
    assert APIClient().get(f"{PUBLIC}kanto-cards").status_code == 404  # collection private


def test_prices_only_when_chosen(owner, shop):
    share(owner, shop, collection_visibility="public", wants_visibility="public")
    item = APIClient().get(f"{PUBLIC}kanto-cards").json()
    want = APIClient().get(f"{PUBLIC}kanto-cards/wants").json()
    assert not item["show_prices"]
    assert not {"value", "unit_value", "currency"} & item["results"][0].keys()
    assert "max_price" not in want["results"][0]

    share(owner, shop, share_show_prices=True)
    item = APIClient().get(f"{PUBLIC}kanto-cards").json()["results"][0]
    want = APIClient().get(f"{PUBLIC}kanto-cards/wants").json()["results"][0]
    assert (item["value"], item["currency"]) == ("150.00", "USD")
    assert want["max_price"] == "40.00"


def test_regenerate_revokes_the_old_link(owner, shop):
    old = share(owner, shop, collection_visibility="unlisted")["share_token"]
    assert len(old) >= 40
    response = client_for(owner).post(f"{VENDORS}{shop.pk}/regenerate-share-link/")
    assert response.status_code == 200
    new = response.json()["share_token"]
    assert new != old
    assert APIClient().get(f"{PUBLIC}{old}").status_code == 404
    assert APIClient().get(f"{PUBLIC}{new}").status_code == 200


@pytest.mark.parametrize("role", [Role.EDITOR, Role.VIEWER])
def test_only_owners_change_sharing(shop, role):
    member = MembershipFactory(vendor=shop, role=role).user
    client = client_for(member)
    assert (
        client.patch(f"{VENDORS}{shop.pk}/", {"collection_visibility": "public"}).status_code == 403
    )
    assert client.post(f"{VENDORS}{shop.pk}/regenerate-share-link/").status_code == 403
    shop.refresh_from_db()
    assert shop.collection_visibility == Visibility.PRIVATE
    assert client.get(f"{VENDORS}{shop.pk}/").json()["share_token"] is None


def test_bad_visibility_is_a_400(owner, shop):
    response = client_for(owner).patch(f"{VENDORS}{shop.pk}/", {"wants_visibility": "everyone"})
    assert response.status_code == 400
    assert "wants_visibility" in str(response.json())


def test_pagination(owner, shop):
    CollectibleFactory.create_batch(3, vendor=shop)
    share(owner, shop, collection_visibility="public")
    body = APIClient().get(f"{PUBLIC}kanto-cards", {"page_size": 2}).json()
    assert (body["count"], len(body["results"])) == (4, 2)
    assert body["next"]
