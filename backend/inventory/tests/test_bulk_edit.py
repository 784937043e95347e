"""`POST /api/v1/collectibles/bulk`: one action on many items, by id or by the list's
filters; atomic and permission-checked like single writes."""

import pytest
from conftest import client_for
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inventory import bulk
from inventory.factories import CardDetailsFactory, CollectibleFactory
from inventory.models import MAX_TAGS, CardDetails, Collectible
from vendors.factories import MembershipFactory, VendorFactory
from vendors.models import Role

pytestmark = pytest.mark.django_db

URL = "/api/v1/collectibles/bulk"


@pytest.fixture
def items(personal):
    return [
        CollectibleFactory(vendor=personal, name="Charizard", tags=["holo"]),
        CollectibleFactory(vendor=personal, name="Blastoise", tags=["vintage", "holo"]),
        CollectibleFactory(vendor=personal, name="Pikachu", tags=[], category="figure"),
    ]


def ids(*items) -> list[int]:
    return [item.id for item in items]


def tags_of(*items) -> list[list[str]]:
    return [Collectible.objects.get(pk=item.pk).tags for item in items]


def ok(response) -> dict:
    assert response.status_code == 200, response.json()
    return response.json()


class TestTags:
    def test_add_tags_normalises_keeps_order_and_counts_only_changed_items(
        self, auth_client, items
    ):
        body = ok(
            auth_client.post(
                URL, {"ids": ids(*items), "action": "add_tags", "tags": [" Holo", "PSA 10"]}
            )
        )

        assert body == {"matched": 3, "changed": 3}
        assert tags_of(*items) == [
            ["holo", "psa 10"],
            ["vintage", "holo", "psa 10"],
            ["holo", "psa 10"],
        ]

    def test_adding_tags_every_item_has_changes_nothing(self, auth_client, items):
        before = [Collectible.objects.get(pk=i.pk).updated_at for i in items[:2]]

        body = ok(
            auth_client.post(URL, {"ids": ids(*items[:2]), "action": "add_tags", "tags": ["holo"]})
        )

        assert body == {"matched": 2, "changed": 0}
        assert [Collectible.objects.get(pk=i.pk).updated_at for i in items[:2]] == before

    def test_remove_tags(self, auth_client, items):
        body = ok(
            auth_client.post(URL, {"ids": ids(*items), "action": "remove_tags", "tags": ["HOLO"]})
        )

        assert body == {"matched": 3, "changed": 2}
        assert tags_of(*items) == [[], ["vintage"], []]

    def test_set_tags_replaces_them_and_empty_clears(self, auth_client, items):
        ok(auth_client.post(URL, {"ids": ids(*items), "action": "set_tags", "tags": ["b", "a"]}))
        assert tags_of(*items) == [["b", "a"]] * 3

        body = ok(auth_client.post(URL, {"ids": ids(*items), "action": "set_tags", "tags": []}))
        assert body["changed"] == 3
        assert tags_of(*items) == [[], [], []]

    def test_tags_past_the_limit_refuse_the_whole_request(self, auth_client, items):
        full = items[0]
        Collectible.objects.filter(pk=full.pk).update(tags=[f"t{n}" for n in range(MAX_TAGS)])

        response = auth_client.post(
            URL, {"ids": ids(*items), "action": "add_tags", "tags": ["new"]}
        )

        assert response.status_code == 400
        assert response.json()["fields"]["tags"] == [
            f"Adding these tags would give 1 item more than {MAX_TAGS} tags "
            f"(at most {MAX_TAGS} per item): nothing was changed."
        ]
        assert tags_of(*items[1:]) == [["vintage", "holo"], []]  # nothing written

    @pytest.mark.parametrize(("tag", "query"), [("grail", "grail"), ("Élite", "elite ")])
    def test_bulk_tags_are_searchable_accents_folded(self, auth_client, items, tag, query):
        ok(auth_client.post(URL, {"ids": ids(items[2]), "action": "add_tags", "tags": [tag]}))

        found = auth_client.get("/api/v1/search", {"q": query}).json()["results"]

        assert [row["id"] for row in found] == [items[2].id]


class TestOtherActions:
    def test_set_condition(self, auth_client, items):
        body = ok(
            auth_client.post(
                URL, {"ids": ids(*items), "action": "set_condition", "condition": "mint"}
            )
        )

        assert body == {"matched": 3, "changed": 3}
        assert set(Collectible.objects.values_list("condition", flat=True)) == {"mint"}

    def test_set_location_and_clear_it(self, auth_client, items):
        ok(
            auth_client.post(
                URL, {"ids": ids(*items), "action": "set_location", "location": " Box 7 "}
            )
        )
        assert set(Collectible.objects.values_list("location", flat=True)) == {"Box 7"}

        ok(auth_client.post(URL, {"ids": ids(*items), "action": "set_location", "location": ""}))
        assert set(Collectible.objects.values_list("location", flat=True)) == {""}

    def test_set_category_away_from_cards_drops_card_details(self, auth_client, items):
        CardDetailsFactory(collectible=items[0])

        body = ok(
            auth_client.post(
                URL, {"ids": ids(*items), "action": "set_category", "category": "comic"}
            )
        )

        assert body == {"matched": 3, "changed": 3}
        assert not CardDetails.objects.exists()

    def test_set_category_to_cards_keeps_card_details(self, auth_client, items):
        CardDetailsFactory(collectible=items[0])

        ok(
            auth_client.post(
                URL, {"ids": ids(*items), "action": "set_category", "category": "trading_card"}
            )
        )

        assert CardDetails.objects.count() == 1

    def test_delete_items_without_history(self, auth_client, items):
        body = ok(auth_client.post(URL, {"ids": ids(*items[:2]), "action": "delete"}))

        assert body == {"matched": 2, "changed": 2}
        assert list(Collectible.objects.values_list("name", flat=True)) == ["Pikachu"]

    def test_one_update_statement_whatever_the_number_of_items(self, auth_client, personal):
        many = [CollectibleFactory(vendor=personal) for _ in range(30)]

        def updates(selection):
            with CaptureQueriesContext(connection) as ctx:
                ok(
                    auth_client.post(
                        URL,
                        {"ids": ids(*selection), "action": "set_condition", "condition": "poor"},
                    )
                )
            return sum(q["sql"].startswith("UPDATE") for q in ctx.captured_queries), len(ctx)

        assert updates(many[:1]) == updates(many[1:])  # same statements for 1 item or 29
        assert updates(many[:1])[0] <= 1


class TestSelectionByFilters:
    def test_filters_select_what_the_list_shows(self, auth_client, items):
        body = ok(
            auth_client.post(
                URL,
                {
                    "filters": {"tag": "holo", "category": ["trading_card"], "ordering": "-name"},
                    "action": "set_location",
                    "location": "Binder",
                },
            )
        )

        assert body == {"matched": 2, "changed": 2}
        assert set(
            Collectible.objects.filter(location="Binder").values_list("name", flat=True)
        ) == {
            "Charizard",
            "Blastoise",
        }

    def test_empty_filters_select_every_item_of_my_vendors_only(self, auth_client, items):
        foreign = CollectibleFactory(vendor=VendorFactory(), condition="good")

        body = ok(
            auth_client.post(URL, {"filters": {}, "action": "set_condition", "condition": "poor"})
        )

        assert body["matched"] == 3
        foreign.refresh_from_db()
        assert foreign.condition == "good"

    @pytest.mark.parametrize(
        ("filters", "field"),
        [
            ({"categroy": "coin"}, "filters.categroy"),
            ({"category": "stamp"}, "filters.category"),
            ({"vendor": 0}, "filters.vendor"),
            ({"tag": {"x": 1}}, "filters"),
        ],
    )
    def test_bad_filters_are_400_naming_them(self, auth_client, items, filters, field):
        response = auth_client.post(URL, {"filters": filters, "action": "delete"})

        assert response.status_code == 400
        assert field in response.json()["fields"], response.json()
        assert Collectible.objects.count() == 3

    def test_a_foreign_vendor_filter_is_400(self, auth_client, items):
        response = auth_client.post(
            URL, {"filters": {"vendor": VendorFactory().id}, "action": "delete"}
        )

        assert response.status_code == 400
        assert "filters.vendor" in response.json()["fields"]

    def test_more_matches_than_the_cap_is_400(self, auth_client, items, monkeypatch):
        monkeypatch.setattr("inventory.bulk_api.MAX_BULK_ITEMS", 2)

        response = auth_client.post(URL, {"filters": {}, "action": "delete"})

        assert response.status_code == 400
        assert "match more than 2 items" in response.json()["fields"]["filters"][0]
        assert Collectible.objects.count() == 3


class TestPermissionsAndValidation:
    def test_viewer_cannot_bulk_edit_that_vendors_items(self, user, items):
        shop = MembershipFactory(user=user, role=Role.VIEWER).vendor
        shared = CollectibleFactory(vendor=shop, condition="good")

        response = client_for(user).post(
            URL, {"ids": [items[0].id, shared.id], "action": "set_condition", "condition": "poor"}
        )

        assert response.status_code == 403
        assert "view-only" in response.json()["detail"]
        assert set(Collectible.objects.values_list("condition", flat=True)) == {"near_mint", "good"}

    def test_editor_can(self, user):
        shop = MembershipFactory(user=user, role=Role.EDITOR).vendor
        shared = CollectibleFactory(vendor=shop)

        body = ok(
            client_for(user).post(URL, {"ids": [shared.id], "action": "add_tags", "tags": ["x"]})
        )

        assert body == {"matched": 1, "changed": 1}

    def test_ids_of_other_vendors_are_not_found_and_nothing_changes(self, auth_client, items):
        foreign = CollectibleFactory(vendor=VendorFactory())
        gone = 10**9

        response = auth_client.post(
            URL, {"ids": [items[0].id, foreign.id, gone], "action": "delete"}
        )

        assert response.status_code == 400
        assert response.json()["fields"]["ids"] == [
            f"2 items were not found: {foreign.id}, {gone}."
        ]
        assert Collectible.objects.count() == 4

    @pytest.mark.parametrize(
        ("body", "field", "message_part"),
        [
            ({"action": "delete"}, None, "either `ids` or `filters`"),
            ({"ids": [1], "filters": {}, "action": "delete"}, None, "not both"),
            ({"ids": [], "action": "delete"}, "ids", "at least 1"),
            ({"ids": ["a"], "action": "delete"}, "ids.0", "valid integer"),
            ({"ids": [1], "action": "paint"}, "action", "not a valid choice"),
            ({"ids": [1], "action": "add_tags"}, "tags", "needs this field"),
            ({"ids": [1], "action": "add_tags", "tags": [" "]}, "tags", "at least one tag"),
            ({"ids": [1], "action": "add_tags", "tags": ["x" * 41]}, "tags", "longer than 40"),
            (
                {"ids": [1], "action": "set_condition", "condition": "new"},
                "condition",
                "valid choice",
            ),
            ({"ids": [1], "action": "set_condition"}, "condition", "needs this field"),
            ({"ids": [1], "action": "set_category", "category": "x"}, "category", "valid choice"),
            ({"ids": [1], "action": "set_location", "location": "x" * 101}, "location", "100"),
            ({"ids": [1], "action": "delete", "tags": ["x"]}, "tags", "Not used by the delete"),
            (
                {"ids": [1], "action": "add_tags", "tags": ["x"], "confirm": "delete-history"},
                "confirm",
                "Not used",
            ),
            ({"ids": [1], "action": "delete", "confirm": "yes"}, "confirm", "valid choice"),
        ],
    )
    def test_invalid_requests_say_what_is_wrong(
        self, auth_client, items, body, field, message_part
    ):
        response = auth_client.post(URL, body)

        assert response.status_code == 400
        answer = response.json()
        text = answer["detail"] if field is None else " ".join(answer["fields"][field])
        assert message_part in text, answer
        assert Collectible.objects.count() == 3

    def test_too_many_ids_is_400(self, auth_client):
        response = auth_client.post(
            URL, {"ids": list(range(1, bulk.MAX_BULK_ITEMS + 2)), "action": "delete"}
        )

        assert response.status_code == 400
        assert "ids" in response.json()["fields"]

    def test_requires_authentication(self, api_client):
        assert api_client.post(URL, {"ids": [1], "action": "delete"}).status_code == 401


def test_an_error_midway_rolls_everything_back(auth_client, items, monkeypatch):
    """All or nothing: a failure after the first statement leaves every item as it was."""

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("inventory.bulk.CardDetails.objects.filter", fail)
    CardDetailsFactory(collectible=items[0])

    response = auth_client.post(
        URL, {"ids": ids(*items), "action": "set_category", "category": "comic"}
    )

    assert response.status_code == 500
    assert set(Collectible.objects.values_list("category", flat=True)) == {
        "trading_card",
        "figure",
    }
