"""Committing an import: progress, skipped rows, duplicates, trackers, undo."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import client_for
from django.test import override_settings

from imports.models import ImportedItem, ImportJob
from imports.tests.importing import GENERIC, Queue, commit, record_commits, upload
from inventory.factories import CollectibleFactory
from inventory.models import Collectible
from price_history import queue
from price_history.models import Tracker
from users.factories import UserFactory
from vendors.selectors import personal_vendor_for_user

pytestmark = pytest.mark.django_db

CARDS = {"defaults": {"category": "trading_card"}}
DISCOGS = (
    "Catalog#,Artist,Title,Label,Format,Rating,Released,release_id,CollectionFolder,"
    "Date Added,Collection Media Condition,Collection Sleeve Condition,Collection Notes\n"
    'CL 1355,Miles Davis,Kind of Blue,Columbia,"Vinyl, LP",5,1959,1234567,Jazz,'
    "2023-01-15 10:00:00,Near Mint (NM or M-),Very Good Plus (VG+),First pressing\n"
    "PRST 7829,John Coltrane,Giant Steps,Atlantic,Vinyl,,1960,7654321,Jazz,"
    "2023-01-16 10:00:00,Very Good (VG),,\n"
)


@pytest.fixture
def commits(monkeypatch) -> Queue:
    return record_commits(monkeypatch)


@pytest.fixture
def owner():
    return UserFactory()


@pytest.fixture
def client(owner):
    return client_for(owner)


def draft(client, content=GENERIC, **changes):
    job = upload(client, content, day_first="true").json()
    if changes:
        response = client.patch(f"/api/v1/imports/{job['id']}/", changes)
        assert response.status_code == 200, response.json()
        job = response.json()
    return job


def imported(client, commits, capture, content=GENERIC, **changes):
    return commit(client, draft(client, content, **changes)["id"], commits, capture)


class TestCommit:
    def test_commit_queues_then_the_worker_writes_with_progress(
        self, client, owner, commits, django_capture_on_commit_callbacks
    ):
        job = draft(client, **CARDS)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"/api/v1/imports/{job['id']}/commit")
        assert response.status_code == 202
        queued = client.get(f"/api/v1/imports/{job['id']}/").json()
        assert (queued["status"], queued["processed"], queued["total"]) == ("queued", 0, 3)
        commits.run()
        done = client.get(f"/api/v1/imports/{job['id']}/").json()
        assert (done["status"], done["processed"], done["is_finished"]) == ("succeeded", 3, True)
        assert (done["created"], done["updated"], done["skipped"], done["failed"]) == (3, 0, 0, 0)
        items = Collectible.objects.filter(vendor=personal_vendor_for_user(user=owner))
        charizard = items.get(name="Charizard")
        assert (charizard.purchase_price, charizard.purchase_currency) == (
            Decimal("1250.50"),
            "USD",
        )
        assert charizard.created_by == owner
        assert items.get(name="Pikachu").purchase_date.isoformat() == "2024-03-05"

    def test_rows_with_problems_are_skipped_and_listed_by_row_and_column(
        self, client, commits, django_capture_on_commit_callbacks
    ):
        content = GENERIC + "Broken,Set,1,shiny,1,abc,2024-01-01\n"
        done = imported(client, commits, django_capture_on_commit_callbacks, content, **CARDS)
        assert (done["status"], done["created"], done["failed"]) == ("partial", 3, 1)
        assert {(e["row"], e["column"]) for e in done["errors"]} == {
            (5, "condition"),
            (5, "price paid"),
        }
        assert not Collectible.objects.filter(name="Broken").exists()

    def test_a_commit_is_made_once(self, client, commits, django_capture_on_commit_callbacks):
        job = draft(client, **CARDS)
        commit(client, job["id"], commits, django_capture_on_commit_callbacks)
        again = client.post(f"/api/v1/imports/{job['id']}/commit")
        assert (again.status_code, again.json()["code"]) == (409, "conflict")
        patched = client.patch(f"/api/v1/imports/{job['id']}/", {"day_first": False})
        assert patched.status_code == 409

    def test_a_file_with_only_broken_rows_is_not_committed(self, client, commits):
        job = draft(client)  # no category for any row
        response = client.post(f"/api/v1/imports/{job['id']}/commit")
        assert response.status_code == 400
        assert ImportJob.objects.get(pk=job["id"]).status == "draft"

    def test_the_broker_down_is_a_503_and_the_job_stays_a_draft(self, client, monkeypatch):
        job = draft(client, **CARDS)
        monkeypatch.setattr(queue, "broker_available", lambda timeout=3: False)
        response = client.post(f"/api/v1/imports/{job['id']}/commit")
        assert (response.status_code, response.json()["code"]) == (503, "queue_unavailable")
        assert ImportJob.objects.get(pk=job["id"]).status == "draft"

    @override_settings(INVENTORY_MAX_ITEMS_PER_VENDOR=2)
    def test_a_full_collection_fails_the_rows_past_its_limit_one_by_one(
        self, client, commits, django_capture_on_commit_callbacks
    ):
        done = imported(client, commits, django_capture_on_commit_callbacks, **CARDS)
        assert (done["created"], done["failed"]) == (2, 1)
        assert "the most it can hold" in done["errors"][0]["message"]

    def test_card_details_and_tags_are_imported(
        self, client, commits, django_capture_on_commit_callbacks
    ):
        content = "name,category,game,language,tags\nCharizard,card,Pokémon,JP,holo; base\n"
        imported(client, commits, django_capture_on_commit_callbacks, content)
        item = Collectible.objects.get(name="Charizard")
        assert (item.card_details.game, item.card_details.language) == ("Pokémon", "ja")
        assert item.tags == ["holo", "base"]


class TestDuplicates:
    def test_importing_the_same_file_twice_creates_nothing_new(
        self, client, commits, django_capture_on_commit_callbacks
    ):
        imported(client, commits, django_capture_on_commit_callbacks, **CARDS)
        preview = draft(client, **CARDS)
        assert preview["counts"]["skip"] == 3
        assert preview["preview"][0]["action"] == "skip"
        second = commit(client, preview["id"], commits, django_capture_on_commit_callbacks)
        assert (second["created"], second["skipped"]) == (0, 3)
        assert Collectible.objects.count() == 3

    def test_update_changes_the_existing_items_and_merges_their_ids(
        self, client, owner, commits, django_capture_on_commit_callbacks
    ):
        vendor = personal_vendor_for_user(user=owner)
        existing = CollectibleFactory(
            vendor=vendor, name="charizard", set_name="Base Set", number="4",
            external_ids={"tcgplayer": "1"}, tags=["mine"], notes="keep me",
        )  # fmt: skip
        content = (
            "name,set,number,price paid,tags,pricecharting id\nCharizard,Base Set,4,99,holo,6910\n"
        )
        done = imported(
            client, commits, django_capture_on_commit_callbacks, content,
            on_duplicate="update", mapping={"pricecharting id": "external_ids.pricecharting"},
            **CARDS,
        )  # fmt: skip
        assert (done["updated"], done["created"]) == (1, 0)
        existing.refresh_from_db()
        assert existing.purchase_price == Decimal("99.00")
        assert existing.external_ids == {"tcgplayer": "1", "pricecharting": "6910"}
        assert existing.tags == ["mine", "holo"]
        assert existing.notes == "keep me"  # not in the file: left as it was

    def test_add_creates_another_copy_anyway(
        self, client, commits, django_capture_on_commit_callbacks
    ):
        imported(client, commits, django_capture_on_commit_callbacks, **CARDS)
        done = imported(
            client, commits, django_capture_on_commit_callbacks, on_duplicate="add", **CARDS
        )
        assert done["created"] == 3
        assert Collectible.objects.count() == 6

    def test_an_external_id_finds_the_item_even_renamed_and_another_id_is_another_item(
        self, client, owner, commits, django_capture_on_commit_callbacks
    ):
        imported(client, commits, django_capture_on_commit_callbacks, DISCOGS)
        Collectible.objects.filter(external_ids__discogs="1234567").update(name="Renamed")
        other_pressing = DISCOGS.replace("7654321", "1111111")
        done = imported(client, commits, django_capture_on_commit_callbacks, other_pressing)
        assert (done["skipped"], done["created"]) == (1, 1)
        vinyl = Collectible.objects.get(external_ids__discogs="1111111")
        assert (vinyl.category, vinyl.name) == ("vinyl", "John Coltrane – Giant Steps")

    def test_two_equal_rows_are_two_copies_and_stay_two(
        self, client, commits, django_capture_on_commit_callbacks
    ):
        content = "name,set\nMew,Promo\nMew,Promo\n"
        assert (
            imported(client, commits, django_capture_on_commit_callbacks, content, **CARDS)[
                "created"
            ]
            == 2
        )
        again = imported(client, commits, django_capture_on_commit_callbacks, content, **CARDS)
        assert (again["created"], again["skipped"]) == (0, 2)


class TestTrackers:
    @override_settings(SCRAPER_ALLOWED_HOSTS=["shop.test"])
    def test_a_url_column_makes_a_tracker(
        self, client, commits, django_capture_on_commit_callbacks
    ):
        content = "name,url\nCharizard,http://shop.test/charizard\n"
        done = imported(client, commits, django_capture_on_commit_callbacks, content, **CARDS)
        assert done["trackers_created"] == 1
        tracker = Tracker.objects.get()
        assert (tracker.collectible.name, tracker.url) == (
            "Charizard",
            "http://shop.test/charizard",
        )

    def test_a_refused_url_fails_its_whole_row(
        self, client, commits, django_capture_on_commit_callbacks
    ):
        content = "name,url\nCharizard,http://127.0.0.1/admin\nMew,\n"
        done = imported(client, commits, django_capture_on_commit_callbacks, content, **CARDS)
        assert (done["created"], done["failed"]) == (1, 1)
        assert done["errors"][0]["column"] == "url"
        assert not Collectible.objects.filter(name="Charizard").exists()  # no half row


class TestUndo:
    def test_undo_deletes_new_items_and_restores_updated_ones(
        self, client, owner, commits, django_capture_on_commit_callbacks
    ):
        vendor = personal_vendor_for_user(user=owner)
        existing = CollectibleFactory(
            vendor=vendor, name="Charizard", set_name="Base Set", number="4"
        )
        done = imported(
            client, commits, django_capture_on_commit_callbacks, on_duplicate="update", **CARDS
        )
        assert (done["created"], done["updated"]) == (2, 1)
        response = client.post(f"/api/v1/imports/{done['id']}/undo")
        assert response.status_code == 200, response.json()
        assert response.json()["status"] == "undone"
        assert list(Collectible.objects.values_list("pk", flat=True)) == [existing.pk]
        existing.refresh_from_db()
        assert existing.purchase_price == Decimal("120.00")
        again = client.post(f"/api/v1/imports/{done['id']}/undo")
        assert again.status_code == 409

    def test_undo_is_refused_when_items_changed_since_and_nothing_is_undone(
        self, client, commits, django_capture_on_commit_callbacks
    ):
        done = imported(client, commits, django_capture_on_commit_callbacks, **CARDS)
        item = Collectible.objects.get(name="Pikachu")
        patched = client.patch(f"/api/v1/collectibles/{item.pk}/", {"notes": "mine now"})
        assert patched.status_code == 200
        response = client.post(f"/api/v1/imports/{done['id']}/undo")
        assert response.status_code == 409
        assert response.json()["detail"].startswith("1 of the 3 items this import wrote")
        assert Collectible.objects.count() == 3
        assert ImportedItem.objects.filter(job_id=done["id"]).count() == 3

    def test_a_draft_cannot_be_undone(self, client):
        job = draft(client, **CARDS)
        assert client.post(f"/api/v1/imports/{job['id']}/undo").status_code == 409
