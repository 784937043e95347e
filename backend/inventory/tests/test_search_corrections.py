"""GET /api/v1/search and ?search= on the collectibles list."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inventory import search
from inventory.factories import CollectibleFactory
from inventory.search import corrections
from inventory.tests.helpers import ids, searching
from vendors.factories import VendorFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/collectibles/"


class TestSpellingCorrection:
    """pg_trgm is installed in the test database where the server has it (CI, production)."""

    @pytest.fixture(autouse=True)
    def _needs_pg_trgm(self, db):
        corrections._trigram_cache.clear()
        if not search.trigram_available():
            pytest.skip("This PostgreSQL has no pg_trgm; the fallback is tested without it.")

    def test_a_misspelt_word_is_corrected_and_its_results_are_returned(
        self, auth_client, charizard
    ):
        body = searching(auth_client, "charzard").json()

        assert body["did_you_mean"] == "charizard"
        assert [row["id"] for row in body["results"]] == [charizard.pk]
        assert body["count"] == 1
        assert body["results"][0]["highlights"]["name"] == "<mark>Charizard</mark>"

    def test_only_the_misspelt_words_are_replaced_operators_are_kept(
        self, auth_client, mine, charizard
    ):
        CollectibleFactory(vendor=mine, name="Charizard", tags=["reprint"])

        body = searching(auth_client, '"base set" Charzard -reprint').json()

        assert body["did_you_mean"] == '"base set" charizard -reprint'
        assert [row["id"] for row in body["results"]] == [charizard.pk]

    def test_corrected_results_page_through_the_corrected_query(self, auth_client, mine):
        for _ in range(3):
            CollectibleFactory(vendor=mine, name="Charizard")

        body = searching(auth_client, "charzard", page_size=2).json()

        assert body["did_you_mean"] == "charizard"
        assert "q=charizard" in body["next"]

    def test_nothing_is_suggested_when_no_word_is_close(self, auth_client, charizard):
        body = searching(auth_client, "zqxwvu").json()

        assert body == {
            "count": 0,
            "next": None,
            "previous": None,
            "did_you_mean": None,
            "results": [],
        }

    def test_a_correction_that_would_still_find_nothing_is_not_offered(
        self, auth_client, charizard
    ):
        # "charizard" alone exists, but never together with "jungle".
        assert searching(auth_client, "charzard jungle").json()["did_you_mean"] is None

    def test_other_vendors_names_never_leak_through_suggestions(self, auth_client, mine):
        CollectibleFactory(vendor=VendorFactory(), name="Charizard")

        assert searching(auth_client, "charzard").json()["did_you_mean"] is None

    def test_a_query_that_matches_is_never_corrected(self, auth_client, mine, charizard):
        CollectibleFactory(vendor=mine, name="Charzard the bootleg")

        body = searching(auth_client, "charzard").json()

        assert body["did_you_mean"] is None
        assert body["count"] == 1


class TestWithoutPgTrgm:
    def test_search_works_and_suggests_nothing(self, auth_client, charizard, no_trigrams):
        assert ids(searching(auth_client, "chari")) == [charizard.pk]

        body = searching(auth_client, "charzard").json()

        assert body["did_you_mean"] is None
        assert body["count"] == 0
        assert body["results"] == []

    def test_detection_asks_the_database_once(self, db):
        corrections._trigram_cache.clear()

        with CaptureQueriesContext(connection) as first:
            available = search.trigram_available()
        with CaptureQueriesContext(connection) as second:
            assert search.trigram_available() is available

        assert len(first) == 1
        assert "pg_extension" in first[0]["sql"]
        assert len(second) == 0
