import json
from datetime import date, timedelta

import pytest
from conftest import client_for

from inventory.factories import CardDetailsFactory, CollectibleFactory
from inventory.models import CardDetails, Collectible
from users.factories import UserFactory
from vendors.factories import MembershipFactory, VendorFactory
from vendors.models import Role

pytestmark = pytest.mark.django_db

URL = "/api/v1/collectibles/"


def detail(item_id: int) -> str:
    return f"{URL}{item_id}/"


CHARIZARD = {
    "name": "Charizard",
    "category": "trading_card",
    "set_name": "Base Set",
    "number": "4/102",
    "condition": "near_mint",
    "quantity": 1,
    "purchase_price": "350.00",
    "purchase_date": "2023-05-01",
    "tags": [" Holo ", "vintage", "HOLO", ""],
    "external_ids": {"pricecharting": "6910"},
    "card_details": {
        "game": "Pokémon",
        "language": "en",
        "market_region": "north_america",
        "rarity": "Holo Rare",
        "finish": "holo",
        "release_date": "1999-01-09",
        "set_code": "BS",
    },
}


class TestCreate:
    def test_creates_item_with_card_details_in_my_personal_vendor(
        self, auth_client, user, personal
    ):
        response = auth_client.post(URL, CHARIZARD)

        assert response.status_code == 201, response.json()
        body = response.json()
        assert body["vendor"] == personal.id
        assert body["created_by"] == user.id
        assert body["tags"] == ["holo", "vintage"]
        assert body["purchase_price"] == "350.00"
        assert body["purchase_currency"] == personal.default_currency
        assert body["card_details"]["language"] == "en"
        assert body["card_details"]["release_date"] == "1999-01-09"
        stored = Collectible.objects.get(pk=body["id"])
        assert stored.card_details.game == "Pokémon"

    def test_into_a_shop_where_i_am_editor(self, user):
        shop = MembershipFactory(user=user, role=Role.EDITOR).vendor

        response = client_for(user).post(URL, {**CHARIZARD, "vendor": shop.id})

        assert response.status_code == 201
        assert response.json()["vendor"] == shop.id

    def test_into_a_vendor_where_i_am_viewer_is_403(self, user):
        shop = MembershipFactory(user=user, role=Role.VIEWER).vendor

        response = client_for(user).post(URL, {**CHARIZARD, "vendor": shop.id})

        assert response.status_code == 403
        assert "view-only" in response.json()["detail"]
        assert not Collectible.objects.exists()

    def test_into_another_vendor_is_400_without_revealing_it(self, auth_client):
        foreign = VendorFactory()

        response = auth_client.post(URL, {**CHARIZARD, "vendor": foreign.id})

        assert response.status_code == 400
        assert response.json()["fields"]["vendor"] == ["You are not a member of this vendor."]
        assert not Collectible.objects.exists()

    def test_requires_authentication(self, api_client):
        assert api_client.post(URL, CHARIZARD).status_code == 401

    @pytest.mark.parametrize(
        ("change", "field", "message_part"),
        [
            ({"name": "  "}, "name", "may not be blank"),
            ({"category": "stamp"}, "category", "not a valid choice"),
            ({"condition": "like_new"}, "condition", "not a valid choice"),
            ({"quantity": 0}, "quantity", "greater than or equal to 1"),
            ({"purchase_price": "-1.00"}, "purchase_price", "greater than or equal to 0"),
            ({"purchase_price": "12.345"}, "purchase_price", "decimal places"),
            ({"purchase_currency": "XYZ"}, "purchase_currency", "ISO 4217"),
            ({"purchase_date": "2999-01-01"}, "purchase_date", "future"),
            ({"tags": ["x" * 41]}, "tags", "longer than 40"),
            ({"tags": [f"t{n}" for n in range(21)]}, "tags", "At most 20"),
            ({"external_ids": ["pricecharting"]}, "external_ids", "JSON object"),
            ({"external_ids": {"": "1"}}, "external_ids", "must not be empty"),
            ({"external_ids": {"tcgplayer": 42}}, "external_ids", "non-empty string"),
            ({"external_ids": {f"m{n}": "1" for n in range(21)}}, "external_ids", "At most 20"),
            ({"external_ids": {"x": "a\x00b"}}, "external_ids", "Null characters"),
            ({"external_ids": {"a\x00": "1"}}, "external_ids", "Null characters"),
            ({"notes": "a\x00b"}, "notes", "Null characters"),
            ({"grader": "psa"}, "grade", "needs its grade"),
            ({"grade": "9.0"}, "grader", "grading company"),
            ({"grader": "psa", "grade": "71"}, "grade", "less than or equal to 70"),
            ({"card_details": {"language": "klingon"}}, "card_details.language", "valid choice"),
            (
                {"card_details": {"release_date": "soon"}},
                "card_details.release_date",
                "wrong format",
            ),
        ],
    )
    def test_invalid_input_names_the_field(self, auth_client, change, field, message_part):
        response = auth_client.post(URL, {**CHARIZARD, **change})

        assert response.status_code == 400
        body = response.json()
        assert body["code"] == "invalid"
        assert any(message_part in message for message in body["fields"][field]), body
        assert not Collectible.objects.exists()

    @pytest.mark.parametrize(
        ("change", "field"),
        [({"external_ids": {"x": "a\ud800"}}, "external_ids"), ({"name": "Pikachu\ud83d"}, "name")],
    )
    def test_lone_surrogates_are_refused_naming_the_field(self, auth_client, change, field):
        # As a client may send them: \u-escaped in the JSON text (the test client's own
        # encoder cannot write a lone surrogate at all).
        body = json.dumps({**CHARIZARD, **change})

        response = auth_client.generic("POST", URL, body, content_type="application/json")

        assert response.status_code == 400
        assert "Surrogate characters" in response.json()["fields"][field][0]
        assert not Collectible.objects.exists()

    def test_card_details_are_only_for_trading_cards(self, auth_client):
        response = auth_client.post(URL, {**CHARIZARD, "category": "video_game"})

        assert response.status_code == 400
        assert "trading cards only" in response.json()["fields"]["card_details"][0]

    def test_graded_item(self, auth_client):
        response = auth_client.post(URL, {**CHARIZARD, "grader": "psa", "grade": "9.5"})

        assert response.status_code == 201
        assert response.json()["grade"] == "9.5"

    def test_minimal_item_gets_sensible_defaults(self, auth_client):
        response = auth_client.post(URL, {"name": "EarthBound", "category": "video_game"})

        assert response.status_code == 201
        body = response.json()
        assert body["condition"] == "near_mint"
        assert body["quantity"] == 1
        assert body["tags"] == []
        assert body["external_ids"] == {}
        assert body["card_details"] is None
        assert body["purchase_price"] is None
        assert body["purchase_currency"] == ""


class TestRead:
    def test_retrieve_my_item(self, auth_client, item):
        CardDetailsFactory(collectible=item)

        response = auth_client.get(detail(item.id))

        assert response.status_code == 200
        assert response.json()["name"] == "Blastoise"
        assert response.json()["card_details"]["set_code"] == "BS"

    def test_another_vendors_item_is_404(self, item):
        stranger = UserFactory()

        response = client_for(stranger).get(detail(item.id))

        assert response.status_code == 404
        assert response.json()["code"] == "not_found"

    def test_retrieve_says_what_the_item_serializer_says(self, auth_client, item):
        """The detail is formatted as a list row (by hand): the same as the serializer,
        valuation and card details included, and what a write of the item answers."""
        from inventory.serializers import CollectibleSerializer

        CardDetailsFactory(collectible=item)
        written = auth_client.patch(detail(item.id), {"notes": "Shelf 2"}, format="json")

        read = auth_client.get(detail(item.id)).json()

        assert read == written.json()
        item.refresh_from_db()
        expected = CollectibleSerializer(item).data
        assert read == json.loads(json.dumps(expected, default=str))

    @pytest.mark.parametrize("odd", ["abc", "1.5", "0", "-1", "99999999999999999999999"])
    def test_an_id_that_is_no_item_is_404(self, auth_client, item, odd):
        response = auth_client.get(f"{URL}{odd}/")

        assert response.status_code == 404
        assert response.json()["code"] == "not_found"

    def test_viewer_can_read_shared_items(self, item, personal):
        viewer = MembershipFactory(vendor=personal, role=Role.VIEWER).user

        assert client_for(viewer).get(detail(item.id)).status_code == 200

    def test_list_shows_items_of_all_my_vendors_only(self, user, item):
        shop_item = CollectibleFactory(vendor=MembershipFactory(user=user, role=Role.VIEWER).vendor)
        CollectibleFactory()  # someone else's

        response = client_for(user).get(URL)

        assert response.status_code == 200
        assert {row["id"] for row in response.json()["results"]} == {item.id, shop_item.id}

    def test_list_requires_authentication(self, api_client):
        assert api_client.get(URL).status_code == 401


class TestUpdate:
    def test_patch_changes_fields_and_merges_card_details(self, auth_client, item):
        CardDetailsFactory(collectible=item, language="en", rarity="Holo Rare")

        response = auth_client.patch(
            detail(item.id), {"quantity": 3, "card_details": {"language": "ja"}}
        )

        assert response.status_code == 200, response.json()
        assert response.json()["quantity"] == 3
        assert response.json()["card_details"]["language"] == "ja"
        assert response.json()["card_details"]["rarity"] == "Holo Rare"

    def test_patch_card_details_null_removes_them(self, auth_client, item):
        CardDetailsFactory(collectible=item)

        response = auth_client.patch(detail(item.id), {"card_details": None})

        assert response.status_code == 200
        assert response.json()["card_details"] is None
        assert not CardDetails.objects.filter(collectible=item).exists()

    def test_put_replaces_the_item(self, auth_client, item):
        CardDetailsFactory(collectible=item)

        response = auth_client.put(
            detail(item.id),
            {"name": "Super Mario 64", "category": "video_game", "completeness": "cib"},
        )

        assert response.status_code == 200
        body = response.json()
        assert body["name"] == "Super Mario 64"
        assert body["completeness"] == "cib"
        assert body["card_details"] is None

    def test_changing_category_away_from_cards_drops_card_details(self, auth_client, item):
        CardDetailsFactory(collectible=item)

        response = auth_client.patch(detail(item.id), {"category": "comic"})

        assert response.status_code == 200
        assert response.json()["card_details"] is None

    def test_invalid_update_changes_nothing(self, auth_client, item):
        CardDetailsFactory(collectible=item, language="en")

        response = auth_client.patch(
            detail(item.id), {"name": "Renamed", "card_details": {"language": "xx"}}
        )

        assert response.status_code == 400
        item.refresh_from_db()
        assert item.name == "Blastoise"
        assert item.card_details.language == "en"

    def test_moving_to_another_vendor_is_rejected(self, user, item):
        shop = MembershipFactory(user=user, role=Role.OWNER).vendor

        response = client_for(user).patch(detail(item.id), {"vendor": shop.id})

        assert response.status_code == 400
        assert "cannot be moved" in response.json()["fields"]["vendor"][0]

    def test_viewer_cannot_write(self, item, personal):
        viewer = MembershipFactory(vendor=personal, role=Role.VIEWER).user
        client = client_for(viewer)

        assert client.patch(detail(item.id), {"name": "Mine"}).status_code == 403
        assert client.put(detail(item.id), {"name": "Mine", "category": "coin"}).status_code == 403
        assert client.delete(detail(item.id)).status_code == 403
        item.refresh_from_db()
        assert item.name == "Blastoise"

    def test_editor_can_write(self, item, personal):
        editor = MembershipFactory(vendor=personal, role=Role.EDITOR).user

        response = client_for(editor).patch(detail(item.id), {"notes": "Centering is great"})

        assert response.status_code == 200

    def test_another_vendors_item_is_404_for_writes(self, item):
        client = client_for(UserFactory())

        assert client.patch(detail(item.id), {"name": "x"}).status_code == 404
        assert client.delete(detail(item.id)).status_code == 404
        assert Collectible.objects.filter(pk=item.pk).exists()


class TestDelete:
    def test_deletes_item_and_its_card_details(self, auth_client, item):
        CardDetailsFactory(collectible=item)

        response = auth_client.delete(detail(item.id))

        assert response.status_code == 204
        assert not Collectible.objects.filter(pk=item.pk).exists()
        assert not CardDetails.objects.exists()


def test_purchase_date_today_in_the_earliest_time_zone_is_accepted(auth_client):
    tomorrow_utc = (date.today() + timedelta(days=1)).isoformat()

    response = auth_client.post(URL, {**CHARIZARD, "purchase_date": tomorrow_utc})

    # Somewhere on Earth (UTC+14) it may already be tomorrow; two days ahead never is.
    assert response.status_code in (201, 400)
    too_far = (date.today() + timedelta(days=2)).isoformat()
    assert auth_client.post(URL, {**CHARIZARD, "purchase_date": too_far}).status_code == 400


def test_a_full_collection_refuses_another_item_naming_the_limit(auth_client, personal, settings):
    settings.INVENTORY_MAX_ITEMS_PER_VENDOR = 2
    CollectibleFactory.create_batch(2, vendor=personal)

    response = auth_client.post(URL, CHARIZARD)

    assert response.status_code == 400
    assert response.json()["fields"]["vendor"] == [
        "This collection already holds 2 items, the most it can hold."
    ]
    assert Collectible.objects.filter(vendor=personal).count() == 2
