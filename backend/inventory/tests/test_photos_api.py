"""`collectibles/{id}/photos/`: upload (checked by the bytes, metadata stripped), order,
cover, delete with the files, and who may do what."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import client_for
from django.core.files.uploadedfile import SimpleUploadedFile

from inventory.factories import CollectibleFactory
from inventory.models import Photo
from inventory.tests.images import (
    GPS_IFD,
    animated_gif,
    bmp,
    jpeg_with_gps,
    png,
    png_declaring,
    stored,
)
from users.factories import UserFactory
from vendors.factories import MembershipFactory
from vendors.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = str(tmp_path)
    settings.MEDIA_URL = "/media/"
    return tmp_path


def photos_url(item) -> str:
    return f"/api/v1/collectibles/{item.pk}/photos/"


def photo_url(photo: Photo) -> str:
    return f"/api/v1/collectibles/{photo.collectible_id}/photos/{photo.pk}/"


def upload(client, item, data: bytes, name: str = "photo.jpg"):
    file = SimpleUploadedFile(name, data, content_type="image/jpeg")
    return client.post(photos_url(item), {"image": file}, format="multipart")


def uploaded(client, item, data: bytes | None = None) -> Photo:
    response = upload(client, item, data or png())
    assert response.status_code == 201, response.json()
    return Photo.objects.get(pk=response.json()["id"])


def file_bytes(media: Path, url: str) -> bytes:
    return (media / url.removeprefix("/media/")).read_bytes()


def test_a_jpeg_is_stored_upright_without_its_exif_and_gps(auth_client, item, media):
    original = jpeg_with_gps(200, 100, orientation=6)
    assert stored(original).getexif().get_ifd(GPS_IFD)  # the upload does carry a position

    response = upload(auth_client, item, original)

    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["width"], body["height"]) == (100, 200)  # orientation 6 applied
    assert (body["is_cover"], body["position"], body["content_type"]) == (
        True,
        0,
        "image/webp",
    )
    assert body["url"].startswith(f"/media/photos/{item.pk}/")
    for url in (body["url"], body["thumbnail_url"]):
        image = stored(file_bytes(media, url))
        assert image.format == "WEBP"
        assert not image.getexif()  # no EXIF at all, so no GPS position
        assert not image.getexif().get_ifd(GPS_IFD)
        assert "exif" not in image.info
        assert "icc_profile" not in image.info
    assert body["byte_size"] == len(file_bytes(media, body["url"]))


def test_a_png_keeps_its_transparency_and_large_images_are_scaled_down(
    auth_client, item, media, settings
):
    settings.PHOTO_MAX_SIDE, settings.PHOTO_THUMBNAIL_SIDE = 100, 64

    body = upload(auth_client, item, png(300, 150, alpha=True), "scan.png").json()

    assert (body["width"], body["height"]) == (100, 50)
    assert stored(file_bytes(media, body["url"])).mode == "RGBA"
    assert stored(file_bytes(media, body["thumbnail_url"])).size == (64, 32)


def test_an_animated_gif_is_stored_as_its_first_frame(auth_client, item, media):
    body = upload(auth_client, item, animated_gif(), "spin.gif").json()

    assert getattr(stored(file_bytes(media, body["url"])), "n_frames", 1) == 1


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"just some text, not a picture\n", "notes.jpg", "not a JPEG, PNG, WebP, GIF or AVIF"),
        (bmp(), "old.bmp", "not a JPEG, PNG, WebP, GIF or AVIF"),
        (b"", "empty.jpg", "empty"),
        (png()[:60], "cut.png", "damaged or truncated"),
        (png_declaring(8000, 8000), "bomb.png", "at most 50,000,000 pixels"),
        (png_declaring(30000, 30000), "bigger-bomb.png", "too many pixels"),
    ],
)
def test_what_is_not_an_accepted_image_is_refused_on_image(
    auth_client, item, media, data, name, message
):
    response = upload(auth_client, item, data, name)

    assert response.status_code == 400, response.json()
    assert message in response.json()["fields"]["image"][0]
    assert not Photo.objects.exists()
    assert not any(media.rglob("*.webp"))


def test_an_upload_past_the_size_limit_is_413_and_nothing_is_stored(
    auth_client, item, media, settings
):
    settings.PHOTO_MAX_UPLOAD_BYTES = 2048

    response = upload(auth_client, item, jpeg_with_gps(400, 400) + b"\0" * 4096)

    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"
    assert "at most" in response.json()["detail"]
    assert not Photo.objects.exists()


def test_a_missing_file_is_400_on_image(auth_client, item):
    response = auth_client.post(photos_url(item), {}, format="multipart")

    assert response.status_code == 400
    assert "image" in response.json()["fields"]


def test_an_item_holds_at_most_the_configured_number_of_photos(auth_client, item, settings):
    settings.PHOTO_MAX_PER_ITEM = 2
    uploaded(auth_client, item)
    uploaded(auth_client, item)

    response = upload(auth_client, item, png())

    assert response.status_code == 400
    assert "already has 2 photos" in response.json()["fields"]["image"][0]


def test_the_first_photo_is_the_cover_and_later_ones_follow_in_order(auth_client, item):
    first, second, third = (uploaded(auth_client, item) for _ in range(3))

    body = auth_client.get(photos_url(item)).json()

    assert [(p["id"], p["position"], p["is_cover"]) for p in body] == [
        (first.pk, 0, True),
        (second.pk, 1, False),
        (third.pk, 2, False),
    ]


def test_choosing_another_cover_moves_the_flag(auth_client, item):
    first, second = uploaded(auth_client, item), uploaded(auth_client, item)

    response = auth_client.patch(photo_url(second), {"is_cover": True})

    assert response.status_code == 200, response.json()
    assert response.json()["is_cover"] is True
    assert list(Photo.objects.filter(is_cover=True).values_list("pk", flat=True)) == [second.pk]
    assert first.pk in [p["id"] for p in auth_client.get(photos_url(item)).json()]


def test_the_cover_cannot_be_unset_only_replaced(auth_client, item):
    cover = uploaded(auth_client, item)

    response = auth_client.patch(photo_url(cover), {"is_cover": False})

    assert response.status_code == 400
    assert "always has one cover" in response.json()["fields"]["is_cover"][0]


def test_moving_a_photo_renumbers_the_others(auth_client, item):
    a, b, c = (uploaded(auth_client, item) for _ in range(3))

    response = auth_client.patch(photo_url(c), {"position": 0})

    assert response.json()["position"] == 0
    assert [p["id"] for p in auth_client.get(photos_url(item)).json()] == [c.pk, a.pk, b.pk]
    auth_client.patch(photo_url(c), {"position": 99})
    assert [p["id"] for p in auth_client.get(photos_url(item)).json()] == [a.pk, b.pk, c.pk]


def test_reordering_takes_every_photo_once(auth_client, item):
    a, b, c = (uploaded(auth_client, item) for _ in range(3))
    order_url = photos_url(item) + "order/"

    response = auth_client.post(order_url, {"ids": [b.pk, c.pk, a.pk]})

    assert response.status_code == 200, response.json()
    assert [(p["id"], p["position"]) for p in response.json()] == [(b.pk, 0), (c.pk, 1), (a.pk, 2)]
    assert auth_client.post(order_url, {"ids": [b.pk, c.pk]}).status_code == 400
    assert auth_client.post(order_url, {"ids": [b.pk, c.pk, a.pk, a.pk]}).status_code == 400
    other = CollectibleFactory(vendor=item.vendor)
    foreign = uploaded(auth_client, other)
    assert auth_client.post(order_url, {"ids": [b.pk, c.pk, foreign.pk]}).status_code == 400


def test_deleting_the_cover_promotes_the_next_and_removes_its_files(
    auth_client, item, media, django_capture_on_commit_callbacks
):
    cover, second = uploaded(auth_client, item), uploaded(auth_client, item)
    files = [media / cover.image.name, media / cover.thumbnail.name]
    assert all(path.exists() for path in files)

    with django_capture_on_commit_callbacks(execute=True):
        response = auth_client.delete(photo_url(cover))

    assert response.status_code == 204
    second.refresh_from_db()
    assert (second.is_cover, second.position) == (True, 0)
    assert not any(path.exists() for path in files)


def test_deleting_an_item_removes_its_photo_files(
    auth_client, item, media, django_capture_on_commit_callbacks
):
    photo = uploaded(auth_client, item)
    path = media / photo.image.name

    with django_capture_on_commit_callbacks(execute=True):
        assert auth_client.delete(f"/api/v1/collectibles/{item.pk}/").status_code == 204

    assert not Photo.objects.exists()
    assert not path.exists()


def test_the_item_shows_its_cover_in_detail_and_list(auth_client, item):
    other = CollectibleFactory(vendor=item.vendor, name="No photos")
    cover = uploaded(auth_client, item)
    uploaded(auth_client, item)
    expected = {"url": cover.image.url, "thumbnail_url": cover.thumbnail.url}

    detail = auth_client.get(f"/api/v1/collectibles/{item.pk}/").json()
    rows = {row["id"]: row for row in auth_client.get("/api/v1/collectibles/").json()["results"]}

    assert detail["cover_photo"] == expected
    assert rows[item.pk]["cover_photo"] == expected
    assert rows[other.pk]["cover_photo"] is None


def test_viewers_read_photos_but_cannot_change_them(auth_client, item):
    photo = uploaded(auth_client, item)
    viewer = UserFactory()
    MembershipFactory(user=viewer, vendor=item.vendor, role=Role.VIEWER)
    client = client_for(viewer)

    assert client.get(photos_url(item)).status_code == 200
    assert client.get(photo_url(photo)).status_code == 200
    assert upload(client, item, png()).status_code == 403
    assert client.patch(photo_url(photo), {"position": 1}).status_code == 403
    assert client.post(photos_url(item) + "order/", {"ids": [photo.pk]}).status_code == 403
    assert client.delete(photo_url(photo)).status_code == 403
    assert Photo.objects.filter(pk=photo.pk).exists()


def test_editors_upload_and_delete(auth_client, item):
    editor = UserFactory()
    MembershipFactory(user=editor, vendor=item.vendor, role=Role.EDITOR)
    client = client_for(editor)

    photo = uploaded(client, item)

    assert photo.uploaded_by_id == editor.pk
    assert client.delete(photo_url(photo)).status_code == 204


def test_another_vendors_item_and_photos_are_404(auth_client, item):
    photo = uploaded(auth_client, item)
    stranger = client_for(UserFactory())

    assert stranger.get(photos_url(item)).status_code == 404
    assert stranger.get(photo_url(photo)).status_code == 404
    assert upload(stranger, item, png()).status_code == 404
    assert stranger.patch(photo_url(photo), {"is_cover": True}).status_code == 404
    assert stranger.delete(photo_url(photo)).status_code == 404
    other_item = CollectibleFactory(vendor=item.vendor)
    wrong_parent = f"/api/v1/collectibles/{other_item.pk}/photos/{photo.pk}/"
    assert auth_client.get(wrong_parent).status_code == 404


def test_local_photos_are_served_under_media_url(auth_client, item, api_client):
    body = upload(auth_client, item, png()).json()

    response = api_client.get(body["thumbnail_url"])

    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert stored(b"".join(response.streaming_content)).format == "WEBP"
