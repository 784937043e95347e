"""Restoring a bad archive: a 400 that names the problem, and nothing written."""

from __future__ import annotations

import io
import zipfile

import orjson
import pytest
from conftest import client_for
from django.core.management import CommandError, call_command
from django.test import override_settings

from inventory.models import Collectible
from price_history.models import Tracker
from users.factories import UserFactory
from vendors.selectors import personal_vendor_for_user

MANIFEST = {"format": "omni-stock-takeout", "format_version": 1}
ITEM = {"id": 7, "name": "Charizard", "category": "trading_card", "card_details": None}


def archive(files: dict[str, object], *, manifest: object = MANIFEST) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        if manifest is not None:
            zf.writestr("manifest.json", orjson.dumps(manifest))
        for name, content in files.items():
            zf.writestr(name, content if isinstance(content, bytes) else orjson.dumps(content))
    return out.getvalue()


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def vendor(user):
    return personal_vendor_for_user(user=user)


def restore(user, vendor, data: bytes):
    upload = io.BytesIO(data)
    upload.name = "takeout.zip"
    return client_for(user).post(
        f"/api/v1/vendors/{vendor.pk}/restore", {"file": upload}, format="multipart"
    )


def refused(user, vendor, data: bytes) -> str:
    response = restore(user, vendor, data)
    assert response.status_code == 400, response.content
    assert not Collectible.objects.filter(vendor=vendor).exists()
    return response.json()["fields"]["file"][0]


def test_a_minimal_archive_restores(user, vendor):
    response = restore(user, vendor, archive({"collectibles.json": [ITEM]}))

    assert response.status_code == 201
    assert Collectible.objects.get(vendor=vendor).name == "Charizard"


def test_a_file_that_is_not_a_zip_is_refused(user, vendor):
    assert "not a zip" in refused(user, vendor, b"name,set\nCharizard,Base\n")


def test_a_zip_without_a_manifest_or_with_another_version_is_refused(user, vendor):
    assert "no manifest.json" in refused(user, vendor, archive({}, manifest=None))
    assert "format version 2" in refused(
        user, vendor, archive({}, manifest={**MANIFEST, "format_version": 2})
    )
    assert "does not describe" in refused(user, vendor, archive({}, manifest=[1]))


@pytest.mark.parametrize(
    "name", ["../evil.json", "/etc/passwd", "photos/../../x.png", "photos\\1.png", "notes.txt"]
)
def test_unexpected_and_traversing_names_are_refused(user, vendor, name):
    assert "unexpected file" in refused(user, vendor, archive({name: b"x"}))


@override_settings(TAKEOUT_MAX_ENTRIES=3)
def test_too_many_entries_are_refused(user, vendor):
    files = {f"photos/{n}.png": b"x" for n in range(5)}
    assert "at most 3" in refused(user, vendor, archive(files))


@override_settings(TAKEOUT_MAX_UNCOMPRESSED_BYTES=100_000)
def test_a_zip_bomb_is_refused_before_it_is_unpacked(user, vendor):
    bomb = b"[" + b" " * 10_000_000 + b"]"  # compresses to a few KB
    assert len(archive({"collectibles.json": bomb})) < 100_000
    assert "unpacks to more than" in refused(user, vendor, archive({"collectibles.json": bomb}))


def test_malformed_json_names_the_file(user, vendor):
    assert "collectibles.json is not valid JSON" in refused(
        user, vendor, archive({"collectibles.json": b"[{"})
    )


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({**ITEM, "condition": "shiny"}, "collectibles.json, item 1: condition"),
        ({**ITEM, "quantity": "two"}, "collectibles.json, item 1, quantity: must be a whole"),
        ({**ITEM, "secret": 1}, "collectibles.json, item 1: unknown field(s) secret"),
        ({**ITEM, "name": ""}, "collectibles.json, item 1: name"),
        ({**ITEM, "purchase_price": "abc"}, "collectibles.json, item 1, purchase_price"),
        ({**ITEM, "tags": ["x" * 100]}, "collectibles.json, item 1, tags"),
        ({**ITEM, "external_ids": {"a": 1}}, "collectibles.json, item 1, external_ids"),
        ({**ITEM, "category": "coin", "card_details": {"game": "x"}}, "card_details"),
        ({**ITEM, "id": 1}, "id: 1 appears twice"),
        ("not an object", "collectibles.json, item 1: must be a JSON object"),
    ],
)
def test_a_malformed_item_names_its_file_and_index_and_nothing_is_written(
    user, vendor, item, message
):
    good = {**ITEM, "id": 1}
    assert message in refused(user, vendor, archive({"collectibles.json": [good, item]}))


def test_rows_referring_to_unknown_ids_are_refused_and_nothing_is_written(user, vendor):
    tracker = {"id": 1, "collectible": 99, "url": "https://shop.example/a"}
    message = refused(
        user, vendor, archive({"collectibles.json": [ITEM], "trackers.json": [tracker]})
    )
    assert "trackers.json, tracker 0, collectible: 99 is not the id" in message
    assert not Tracker.objects.exists()

    price = {
        "collectible": 7,
        "source": "manual",
        "price": "1.00",
        "currency": "USD",
        "observed_at": "2024-01-01",
    }
    message = refused(
        user, vendor, archive({"collectibles.json": [ITEM], "price_history.json": [price]})
    )
    assert "price_history.json, observation 0" in message
    assert "UTC offset" in message or "observed_at" in message


def test_a_row_breaking_a_database_rule_is_a_400(user, vendor):
    graded_without_grade = {**ITEM, "grader": "psa"}
    message = refused(user, vendor, archive({"collectibles.json": [graded_without_grade]}))
    assert "database" in message or "grade" in message


def test_a_photo_that_is_not_an_image_is_refused(user, vendor, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    photo = {"collectible": 7, "position": 0, "is_cover": True, "image": "photos/0.png"}
    data = archive(
        {"collectibles.json": [ITEM], "photos/photos.json": [photo], "photos/0.png": b"<svg/>"}
    )
    assert "photos/photos.json, photo 0: image" in refused(user, vendor, data)
    assert not list(tmp_path.rglob("*.webp"))


@override_settings(TAKEOUT_MAX_UPLOAD_BYTES=1000)
def test_an_upload_past_the_limit_is_a_413(user, vendor):
    response = restore(user, vendor, b"x" * 100_000)
    assert response.status_code == 413


def test_the_restore_command_reports_an_invalid_archive(vendor, tmp_path):
    path = tmp_path / "bad.zip"
    path.write_bytes(archive({}, manifest={**MANIFEST, "format_version": 9}))

    with pytest.raises(CommandError, match="format version 9"):
        call_command("restore_collection", str(path), "--vendor", str(vendor.pk))
