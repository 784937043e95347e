"""GET /api/v1/search and ?search= on the collectibles list."""

import pytest
from conftest import client_for
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inventory import search
from inventory.factories import CardDetailsFactory, CollectibleFactory
from inventory.models import Category, Collectible
from inventory.search import corrections
from inventory.tests.helpers import ids, searching
from users.factories import UserFactory
from vendors.factories import MembershipFactory, VendorFactory
from vendors.models import Role
from vendors.selectors import personal_vendor_for_user

pytestmark = pytest.mark.django_db

URL = "/api/v1/search"
LIST_URL = "/api/v1/collectibles/"


class TestMatching:
    def test_plain_pokemon_finds_accented_pokemon_and_the_reverse(self, auth_client, mine):
        accented = CollectibleFactory(vendor=mine, name="Pokémon Center Pikachu")
        plain = CollectibleFactory(vendor=mine, name="Pokemon League Badge")

        assert set(ids(searching(auth_client, "pokemon"))) == {accented.pk, plain.pk}
        assert set(ids(searching(auth_client, "Pokémon"))) == {accented.pk, plain.pk}
        assert set(ids(searching(auth_client, "POKÉMON"))) == {accented.pk, plain.pk}

    def test_english_stemming_charizards_finds_charizard(self, auth_client, charizard):
        assert ids(searching(auth_client, "charizards")) == [charizard.pk]

    def test_the_last_word_matches_as_a_prefix_while_typing(self, auth_client, charizard):
        assert ids(searching(auth_client, "chari")) == [charizard.pk]
        assert ids(searching(auth_client, "base chari")) == [charizard.pk]
        assert ids(searching(auth_client, "pokém")) == [charizard.pk]

    def test_a_finished_word_is_not_a_prefix(self, auth_client, charizard):
        assert ids(searching(auth_client, "chari ")) == []

    def test_a_trailing_stop_word_changes_nothing(self, auth_client, charizard):
        assert ids(searching(auth_client, "charizard the")) == [charizard.pk]

    def test_quoted_phrase(self, auth_client, mine, charizard):
        CollectibleFactory(vendor=mine, name="Set of base cards")

        assert ids(searching(auth_client, '"base set"')) == [charizard.pk]

    def test_or(self, auth_client, mine, charizard):
        blastoise = CollectibleFactory(vendor=mine, name="Blastoise")
        CollectibleFactory(vendor=mine, name="Venusaur")

        assert set(ids(searching(auth_client, "charizard or blastoise"))) == {
            charizard.pk,
            blastoise.pk,
        }
        # "or" before a word still being typed keeps its meaning.
        assert set(ids(searching(auth_client, "charizard or blast"))) == {
            charizard.pk,
            blastoise.pk,
        }

    def test_minus_excludes(self, auth_client, mine, charizard):
        plain = CollectibleFactory(vendor=mine, name="Charizard", tags=["reprint"])

        assert ids(searching(auth_client, "charizard -holo")) == [plain.pk]

    def test_card_details_tags_category_number_and_notes_are_searched(
        self, auth_client, mine, charizard
    ):
        game = CollectibleFactory(
            vendor=mine, name="EarthBound", category=Category.VIDEO_GAME, notes="Mint manual"
        )

        assert ids(searching(auth_client, "bs holo 102")) == [charizard.pk]
        assert ids(searching(auth_client, "trading card")) == [charizard.pk]
        assert ids(searching(auth_client, "video game manual")) == [game.pk]

    @pytest.mark.parametrize(
        "q",
        [
            "!!!",
            "the",
            "a an the of",
            "& | ! <-> :*",
            "'",
            "\\",
            "x'); DROP TABLE inventory_collectible; --",
            "chari:*",
            "'chari':*",
            '"unclosed phrase',
            "-",
            "or",
            "- or -",
        ],
    )
    def test_odd_input_never_crashes(self, auth_client, charizard, q):
        response = searching(auth_client, q)

        assert response.status_code == 200, response.json()
        if q in {"!!!", "the", "a an the of", "'", "\\", "-", "or", "- or -"}:
            assert response.json()["count"] == 0


class TestRanking:
    def test_results_come_best_match_first_with_their_rank(self, auth_client, mine):
        notes = CollectibleFactory(vendor=mine, name="Binder", notes="a Blastoise inside")
        tags = CollectibleFactory(vendor=mine, name="Deck box", tags=["blastoise"])
        name = CollectibleFactory(vendor=mine, name="Blastoise")

        response = searching(auth_client, "blastoise")

        assert ids(response) == [name.pk, tags.pk, notes.pk]
        ranks = [row["rank"] for row in response.json()["results"]]
        assert ranks == sorted(ranks, reverse=True)
        assert ranks[-1] > 0


class TestHighlights:
    def test_matches_are_marked_in_the_original_text_with_accents(self, auth_client, charizard):
        row = searching(auth_client, "pokemon chari").json()["results"][0]

        assert row["highlights"] == {
            "name": "<mark>Charizard</mark>",
            "card_details.game": "<mark>Pokémon</mark>",
        }

    def test_text_is_html_escaped(self, auth_client, mine):
        CollectibleFactory(vendor=mine, name='<script>alert("x")</script> Mew & Mewtwo\'s')

        row = searching(auth_client, "mewtwo").json()["results"][0]

        assert row["highlights"]["name"] == (
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Mew &amp; <mark>Mewtwo</mark>&#x27;s"
        )

    def test_long_notes_are_cut_around_the_first_match(self, auth_client, mine):
        notes = " ".join(["filler"] * 60) + " found a Charizard here " + " ".join(["more"] * 80)
        CollectibleFactory(vendor=mine, name="Binder", notes=notes)

        highlight = searching(auth_client, "charizard").json()["results"][0]["highlights"]

        excerpt = highlight["notes"]
        assert excerpt.startswith("…filler")
        assert excerpt.endswith("more…")
        assert "found a <mark>Charizard</mark> here" in excerpt
        assert len(excerpt) < 300

    def test_tags_are_highlighted_as_a_list(self, auth_client, charizard):
        row = searching(auth_client, "holo").json()["results"][0]

        assert row["highlights"] == {"tags": "<mark>holo</mark>"}

    def test_highlights_are_computed_in_one_query_over_the_returned_page_only(
        self, auth_client, mine
    ):
        for n in range(12):
            CollectibleFactory(vendor=mine, name=f"Pikachu {n}")

        with CaptureQueriesContext(connection) as queries:
            response = searching(auth_client, "pikachu", page_size=5, page=2)

        assert len(ids(response)) == 5
        headline_queries = [q["sql"] for q in queries if "ts_headline" in q["sql"]]
        assert len(headline_queries) == 1
        page_ids = ids(response)
        assert all(str(pk) in headline_queries[0] for pk in page_ids)
        assert "ts_headline" not in " ".join(q["sql"] for q in queries[:-1])


class TestResponse:
    def test_result_shape(self, auth_client, charizard, mine):
        body = searching(auth_client, "charizard").json()

        assert body["count"] == 1
        assert body["next"] is None
        assert body["previous"] is None
        assert body["did_you_mean"] is None
        row = body["results"][0]
        assert row["vendor"] == mine.pk
        assert row["category"] == "trading_card"
        assert row["set_name"] == "Base Set"
        assert row["number"] == "4/102"
        assert row["condition"] == "near_mint"
        assert row["tags"] == ["holo"]
        assert row["card_details"]["game"] == "Pokémon"
        assert isinstance(row["rank"], float)
        assert set(row) >= {"id", "name", "rank", "highlights", "quantity", "grade"}

    def test_paginated_like_every_list(self, auth_client, mine):
        for n in range(5):
            CollectibleFactory(vendor=mine, name=f"Eevee {n}")

        first = searching(auth_client, "eevee", page_size=2).json()
        last = searching(auth_client, "eevee", page_size=2, page=3).json()

        assert first["count"] == 5
        assert len(first["results"]) == 2
        assert "page=2" in first["next"]
        assert "q=eevee" in first["next"]
        assert len(last["results"]) == 1
        assert last["next"] is None
        assert searching(auth_client, "eevee", page_size=2, page=4).status_code == 404

    def test_an_item_without_card_details_has_null_card_details(self, auth_client, mine):
        CollectibleFactory(vendor=mine, name="Spawn #1", category=Category.COMIC)

        assert searching(auth_client, "spawn").json()["results"][0]["card_details"] is None


class TestScopingAndValidation:
    def test_searches_every_vendor_i_belong_to_and_no_other(self, user, mine, charizard):
        shop = MembershipFactory(user=user, role=Role.VIEWER).vendor
        in_shop = CollectibleFactory(vendor=shop, name="Charizard")
        CollectibleFactory(vendor=VendorFactory(), name="Charizard")
        CollectibleFactory(vendor=personal_vendor_for_user(user=UserFactory()), name="Charizard")

        assert set(ids(searching(client_for(user), "charizard"))) == {charizard.pk, in_shop.pk}

    def test_unauthenticated_is_401(self, api_client):
        response = api_client.get(URL, {"q": "charizard"})

        assert response.status_code == 401
        assert response.json()["code"] == "not_authenticated"

    @pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "   "}, {"q": "x" * 201}])
    def test_missing_blank_or_too_long_q_is_a_400_naming_q(self, auth_client, params):
        response = auth_client.get(URL, params)

        assert response.status_code == 400
        assert set(response.json()["fields"]) == {"q"}

    @pytest.mark.parametrize("name", ["query", "ordering", "vendor"])
    def test_unknown_parameters_are_a_400_naming_them(self, auth_client, name):
        response = auth_client.get(URL, {"q": "charizard", name: "x"})

        assert response.status_code == 400
        assert response.json()["fields"] == {name: ["Unknown query parameter."]}

    def test_bad_page_size_is_a_400(self, auth_client):
        response = auth_client.get(URL, {"q": "charizard", "page_size": "1000"})

        assert response.status_code == 400
        assert set(response.json()["fields"]) == {"page_size"}


class TestQueryCount:
    def _queries(self, client, q: str, **params) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = searching(client, q, **params)
        assert response.status_code == 200
        return len(queries)

    def test_a_search_with_results_is_three_queries_whatever_the_size(self, user, mine):
        client = client_for(user)
        CollectibleFactory(vendor=mine, name="Mew")
        small = self._queries(client, "mew")

        shop = MembershipFactory(user=user).vendor
        for n in range(30):
            item = CollectibleFactory(vendor=shop if n % 2 else mine, name=f"Mew {n}", tags=["x"])
            CardDetailsFactory(collectible=item)
        large = self._queries(client, "mew", page_size=20)

        assert small == large == 3  # count, page, highlights

    def test_a_search_without_results_and_without_pg_trgm_is_one_query(
        self, auth_client, charizard, no_trigrams
    ):
        assert self._queries(auth_client, "zqxwvu") == 1

    def test_a_corrected_search_is_five_queries(self, auth_client, charizard):
        corrections._trigram_cache.clear()
        if not search.trigram_available():
            pytest.skip("no pg_trgm here")
        # count, candidate names, corrected count, corrected page, highlights
        assert self._queries(auth_client, "charzard") == 5


class TestIndexes:
    """EXPLAIN with sequential scans off and the b-tree indexes out of the way.

    On a tiny table the planner would rather walk any index than the GIN one; what matters
    is that the GIN index *can* answer the condition (the tsquery is a constant, not
    re-parsed per row).
    """

    def _plan(self, sql: str, params) -> str:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'inventory_collectible' "
                "AND indexdef LIKE '%%btree%%' AND indexname NOT LIKE '%%pkey'"
            )
            for (name,) in cursor.fetchall():
                cursor.execute(f'DROP INDEX "{name}"')  # rolled back with the test
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
            return "\n".join(row[0] for row in cursor.fetchall())

    def test_full_text_matching_uses_the_gin_index(self):
        query = search.apply_search(Collectible.objects.all(), "pokémon chari").values("pk")
        sql, params = query.query.sql_with_params()

        plan = self._plan(sql, params)

        assert "Bitmap Index Scan on collectible_search_gin" in plan
        assert "Index Cond: (search_vector @@ " in plan

    def test_spelling_candidates_use_the_trigram_index(self):
        corrections._trigram_cache.clear()
        if not search.trigram_available():
            pytest.skip("no pg_trgm here")
        sql = "SELECT c.name FROM inventory_collectible c WHERE %s <<%% omni_unaccent(c.name)"

        assert "Bitmap Index Scan on collectible_name_trgm" in self._plan(sql, ["charzard"])


class TestListSearchParameter:
    def test_filters_and_orders_by_relevance(self, auth_client, mine):
        notes = CollectibleFactory(vendor=mine, name="Binder", notes="a Blastoise inside")
        name = CollectibleFactory(vendor=mine, name="Blastoise")
        CollectibleFactory(vendor=mine, name="Venusaur")

        assert ids(auth_client.get(LIST_URL, {"search": "blastoise"})) == [name.pk, notes.pk]

    def test_an_explicit_ordering_wins_over_relevance(self, auth_client, mine):
        notes = CollectibleFactory(vendor=mine, name="Binder", notes="a Blastoise inside")
        name = CollectibleFactory(vendor=mine, name="Blastoise")

        response = auth_client.get(LIST_URL, {"search": "blast", "ordering": "name"})

        assert ids(response) == [notes.pk, name.pk]

    def test_combines_with_filters(self, auth_client, mine, charizard):
        CollectibleFactory(vendor=mine, name="Charizard plush", category=Category.FIGURE)

        response = auth_client.get(LIST_URL, {"search": "charizard", "category": "figure"})

        assert [row["name"] for row in response.json()["results"]] == ["Charizard plush"]

    def test_a_blank_search_is_no_filter(self, auth_client, charizard):
        assert ids(auth_client.get(LIST_URL, {"search": "  "})) == [charizard.pk]

    def test_accents_stems_and_prefixes_as_in_search(self, auth_client, charizard):
        for q in ("pokemon", "charizards", "chari", "Pokémon -reprint"):
            assert ids(auth_client.get(LIST_URL, {"search": q})) == [charizard.pk], q

    def test_a_too_long_search_is_a_400_naming_it(self, auth_client):
        response = auth_client.get(LIST_URL, {"search": "x" * 201})

        assert response.status_code == 400
        assert set(response.json()["fields"]) == {"search"}

    def test_searching_the_list_costs_no_extra_query(self, auth_client, charizard):
        auth_client.get(LIST_URL)  # values the items (their valuation rows), once
        with CaptureQueriesContext(connection) as plain:
            auth_client.get(LIST_URL)
        with CaptureQueriesContext(connection) as searched:
            response = auth_client.get(LIST_URL, {"search": "charizard"})

        assert ids(response) == [charizard.pk]
        assert len(searched) == len(plain)

    def test_the_list_does_not_load_the_vectors(self, auth_client, charizard):
        with CaptureQueriesContext(connection) as queries:
            auth_client.get(LIST_URL)

        assert "search_vector" not in queries[-1]["sql"]
