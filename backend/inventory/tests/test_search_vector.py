"""The database keeps the search vector right on every write path (migration 0003)."""

import importlib

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from inventory.factories import CardDetailsFactory, CollectibleFactory
from inventory.models import CardDetails, Category, Collectible
from inventory.search import fold, search_queryset, unaccent_mapping
from vendors.selectors import personal_vendor_for_user

pytestmark = pytest.mark.django_db

migration_0003 = importlib.import_module("inventory.migrations.0003_collectible_search_vector")


def vector_of(item: Collectible) -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_vector::text FROM inventory_collectible WHERE id = %s", [item.pk]
        )
        return cursor.fetchone()[0]


def found(user, text: str) -> set[int]:
    return set(search_queryset(user=user, text=text).values_list("pk", flat=True))


@pytest.fixture
def mine(user):
    return personal_vendor_for_user(user=user)


class TestAccentFolding:
    def test_the_migration_holds_the_mapping_the_generator_produces(self):
        assert unaccent_mapping() == (migration_0003.UNACCENT_FROM, migration_0003.UNACCENT_TO)

    def test_mapping_is_one_letter_to_one_ascii_letter(self):
        source, target = unaccent_mapping()
        assert len(source) == len(target) == len(set(source))
        assert target.isascii()
        assert target.isalpha()
        for sample, expected in {
            "é": "e",
            "Å": "A",
            "ø": "o",
            "Ł": "L",
            "ñ": "n",
            "ự": "u",
        }.items():
            assert fold(sample) == expected

    def test_sql_function_folds_exactly_like_python(self):
        source, _ = unaccent_mapping()
        text = f"Pokémon Łódź Ærø ß {source}"
        with connection.cursor() as cursor:
            cursor.execute("SELECT omni_unaccent(%s)", [text])
            assert cursor.fetchone()[0] == fold(text)

    def test_fold_leaves_ligatures_and_non_latin_text_alone(self):
        assert fold("Æther straße ポケモン") == "Æther straße ポケモン"


class TestVectorContent:
    def test_fields_are_weighted_name_a_set_b_tags_game_category_c_notes_d(self, mine):
        item = CollectibleFactory(
            vendor=mine,
            name="Charizard",
            set_name="Jungle",
            number="4/102",
            tags=["grail"],
            notes="bought at a flea market",
        )
        CardDetailsFactory(collectible=item, game="Pokémon", set_code="BS")

        vector = vector_of(item)

        assert "'charizard':1A" in vector
        for lexeme in ("'jungl'", "'4/102'", "'102'", "'bs'"):
            assert f"{lexeme}:" in vector
            assert vector.split(f"{lexeme}:")[1].split(" ")[0].endswith("B")
        for lexeme in ("'grail'", "'pokemon'", "'trade'", "'card'"):
            assert vector.split(f"{lexeme}:")[1].split(" ")[0].endswith("C")
        assert vector.split("'flea':")[1].split(" ")[0].isdigit()  # weight D is not printed

    def test_a_name_match_outranks_a_notes_match(self, user, mine):
        in_notes = CollectibleFactory(vendor=mine, name="Binder", notes="holds a blastoise")
        in_name = CollectibleFactory(vendor=mine, name="Blastoise")

        ranked = list(search_queryset(user=user, text="blastoise").values_list("pk", flat=True))

        assert ranked == [in_name.pk, in_notes.pk]


class TestEveryWritePathKeepsTheVector:
    def test_model_save(self, user, mine):
        item = CollectibleFactory(vendor=mine, name="Charizard")
        item.name = "Blastoise"
        item.save()

        assert found(user, "blastoise") == {item.pk}
        assert found(user, "charizard") == set()

    def test_queryset_update(self, user, mine):
        item = CollectibleFactory(vendor=mine, name="Charizard")

        Collectible.objects.filter(pk=item.pk).update(name="Venusaur", notes="first edition")

        assert found(user, "venusaur edition") == {item.pk}
        assert found(user, "charizard") == set()

    def test_bulk_create(self, user, mine):
        items = Collectible.objects.bulk_create(
            [
                Collectible(vendor=mine, name=f"Pikachu {n}", category=Category.TRADING_CARD)
                for n in range(3)
            ]
        )

        assert found(user, "pikachu") == {item.pk for item in items}

    def test_bulk_update(self, user, mine):
        items = [CollectibleFactory(vendor=mine, name=f"Card {n}") for n in range(2)]
        for item in items:
            item.tags = ["shiny"]

        Collectible.objects.bulk_update(items, ["tags"])

        assert found(user, "shiny") == {item.pk for item in items}

    def test_raw_sql_insert_and_update(self, user, mine):
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO inventory_collectible (vendor_id, name, category, set_name, number,"
                " condition, completeness, grader, quantity, purchase_currency, notes, tags,"
                " external_ids, created_at, updated_at) VALUES (%s, 'Mewtwo', 'trading_card',"
                " '', '', 'mint', '', '', 1, '', '', '{}', '{}', now(), now()) RETURNING id",
                [mine.pk],
            )
            item_id = cursor.fetchone()[0]
            assert found(user, "mewtwo") == {item_id}

            cursor.execute(
                "UPDATE inventory_collectible SET set_name = 'Fossil' WHERE id = %s", [item_id]
            )
        assert found(user, "fossil") == {item_id}

    def test_a_value_written_into_the_vector_is_replaced(self, user, mine):
        item = CollectibleFactory(vendor=mine, name="Gengar")

        Collectible.objects.filter(pk=item.pk).update(search_vector="bogus")

        assert "'gengar':1A" in vector_of(item)
        assert found(user, "bogus") == set()

    def test_an_update_of_unsearched_columns_keeps_the_vector(self, mine):
        item = CollectibleFactory(vendor=mine, name="Gengar")
        before = vector_of(item)

        Collectible.objects.filter(pk=item.pk).update(quantity=3)

        assert vector_of(item) == before

    def test_admin_change_form(self, admin_client: Client, user, mine):
        item = CollectibleFactory(vendor=mine, name="EarthBound", category=Category.VIDEO_GAME)
        data = {
            "vendor": mine.pk,
            "name": "Chrono Trigger",
            "category": Category.VIDEO_GAME,
            "set_name": "Super Nintendo",
            "number": "",
            "condition": "excellent",
            "completeness": "cib",
            "grader": "",
            "grade": "",
            "quantity": "1",
            "purchase_price": "",
            "purchase_currency": "",
            "purchase_date": "",
            "notes": "",
            "tags": "rpg",
            "external_ids": "{}",
            "status": "owned",
            "priority": "3",
            "created_by": "",
            "card_details-TOTAL_FORMS": "0",
            "card_details-INITIAL_FORMS": "0",
            "card_details-MIN_NUM_FORMS": "0",
            "card_details-MAX_NUM_FORMS": "1",
        }

        response = admin_client.post(
            reverse("admin:inventory_collectible_change", args=[item.pk]), data
        )

        assert response.status_code == 302, response.content[:2000]
        assert found(user, "chrono nintendo rpg video game") == {item.pk}


class TestCardDetailsRefreshTheParent:
    def test_insert_update_and_delete_of_card_details(self, user, mine):
        item = CollectibleFactory(vendor=mine, name="Black Lotus")
        assert found(user, "magic") == set()

        card = CardDetailsFactory(collectible=item, game="Magic: The Gathering", set_code="LEA")
        assert found(user, "magic gathering lea") == {item.pk}

        card.game = "Pokémon"
        card.save()
        assert found(user, "magic") == set()
        assert found(user, "pokemon") == {item.pk}

        card.delete()
        assert found(user, "pokemon") == set()
        assert found(user, "lotus") == {item.pk}

    def test_bulk_writes_to_card_details(self, user, mine):
        items = [CollectibleFactory(vendor=mine, name=f"Card {n}") for n in range(3)]
        CardDetails.objects.bulk_create(
            [CardDetails(collectible=item, game="Lorcana") for item in items]
        )
        assert found(user, "lorcana") == {item.pk for item in items}

        CardDetails.objects.filter(collectible__in=items[:2]).update(game="Digimon")
        assert found(user, "digimon") == {items[0].pk, items[1].pk}
        assert found(user, "lorcana") == {items[2].pk}

        CardDetails.objects.all().delete()
        assert found(user, "lorcana digimon") == set()

    def test_card_details_written_before_their_collectible_in_one_transaction(self, user, mine):
        # Foreign keys are deferred: raw SQL may insert the child first.
        with connection.cursor() as cursor:
            cursor.execute("SELECT nextval(pg_get_serial_sequence('inventory_collectible', 'id'))")
            item_id = cursor.fetchone()[0]
            cursor.execute(
                "INSERT INTO inventory_carddetails (collectible_id, game, language,"
                " market_region, rarity, finish, set_code) VALUES (%s, 'Yu-Gi-Oh', '', '', '',"
                " '', 'LOB')",
                [item_id],
            )
            cursor.execute(
                "INSERT INTO inventory_collectible (id, vendor_id, name, category, set_name,"
                " number, condition, completeness, grader, quantity, purchase_currency, notes,"
                " tags, external_ids, created_at, updated_at) VALUES (%s, %s, 'Dark Magician',"
                " 'trading_card', '', '', 'mint', '', '', 1, '', '', '{}', '{}', now(), now())",
                [item_id, mine.pk],
            )

        assert found(user, "lob") == {item_id}

    def test_an_update_that_changes_neither_game_nor_set_code_leaves_the_parent_alone(self, mine):
        card = CardDetailsFactory(collectible=CollectibleFactory(vendor=mine), rarity="Common")

        def row_version() -> str:
            # Any UPDATE writes a new row version, so the ctid changes.
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT ctid::text FROM inventory_collectible WHERE id = %s",
                    [card.collectible_id],
                )
                return cursor.fetchone()[0]

        before = row_version()
        CardDetails.objects.filter(pk=card.pk).update(rarity="Rare")
        assert row_version() == before

        CardDetails.objects.filter(pk=card.pk).update(set_code="XY")
        assert row_version() != before
