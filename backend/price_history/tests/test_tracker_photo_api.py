"""`POST …/trackers/{id}/photo/`: a real Celery worker on the `interactive` queue fetches
the tracked page's product image (local pages, never the internet) and the web adds it as
a photo of the item through the same checks as an upload."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from inventory.models import Photo
from inventory.tests.images import GPS_IFD, jpeg_with_gps, stored
from price_history import queue
from price_history.factories import TrackerFactory
from price_history.models import Tracker
from price_history.tests.conftest import Reply
from price_history.tests.workers import Worker, broker_or_skip

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


@pytest.fixture(scope="module")
def image_worker(django_db_setup, tmp_path_factory) -> Iterator[Worker]:
    broker_or_skip()
    worker = Worker(
        tmp_path_factory.mktemp("page-images") / "worker.log",
        allowed_hosts="127.0.0.1",
        queues="interactive",
    )
    try:
        yield worker
    finally:
        worker.stop()


def photo_url(tracker: Tracker) -> str:
    return f"/api/v1/collectibles/{tracker.collectible_id}/trackers/{tracker.pk}/photo/"


def product_page(image: str) -> str:
    return (
        '<html><head><meta property="og:image" content="/img/fallback.jpg">'
        '<script type="application/ld+json">{"@type": "Product", "name": "Charizard", '
        f'"image": "{image}"}}</script></head><body>Charizard</body></html>'
    )


@pytest.mark.integration
def test_the_page_image_becomes_a_photo_without_its_metadata(
    image_worker, owner_client, item, pages, media
):
    pages.routes["/shop/with-image"] = Reply(body=product_page("/img/charizard.jpg"))
    pages.routes["/img/charizard.jpg"] = Reply(
        body=jpeg_with_gps(300, 200), content_type="image/jpeg"
    )
    tracker = TrackerFactory(collectible=item, url=pages.url("/shop/with-image"))

    response = owner_client.post(photo_url(tracker))

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["source_url"] == pages.url("/img/charizard.jpg")
    assert (body["width"], body["height"], body["is_cover"]) == (300, 200, True)
    saved = stored((media / body["url"].removeprefix("/media/")).read_bytes())
    assert not saved.getexif().get_ifd(GPS_IFD)
    assert "fetch_page_image[" in image_worker.log.read_text()  # the worker fetched it


@pytest.mark.integration
@pytest.mark.parametrize(
    ("routes", "code"),
    [
        ({"/img/charizard.jpg": Reply(body="<html>not an image</html>")}, "not_image"),
        ({}, "http_error"),  # the image is missing: 404
    ],
)
def test_a_page_whose_image_cannot_be_had_answers_why(
    image_worker, owner_client, item, pages, routes, code
):
    pages.routes["/shop/with-image"] = Reply(body=product_page("/img/charizard.jpg"))
    pages.routes.update(routes)
    tracker = TrackerFactory(collectible=item, url=pages.url("/shop/with-image"))

    response = owner_client.post(photo_url(tracker))

    assert response.status_code == 400, response.json()
    assert response.json()["code"] == code
    assert not Photo.objects.exists()


@pytest.mark.integration
def test_a_page_without_an_image_and_bytes_that_are_no_image(
    image_worker, owner_client, item, pages
):
    pages.routes["/shop/junk"] = Reply(body=product_page("/img/junk.jpg"))
    pages.routes["/img/junk.jpg"] = Reply(body=b"GIF89a not really", content_type="image/gif")
    without = TrackerFactory(collectible=item, url=pages.url("/empty"))
    junk = TrackerFactory(collectible=item, url=pages.url("/shop/junk"))

    response = owner_client.post(photo_url(without))
    junk_response = owner_client.post(photo_url(junk))

    assert response.status_code == 400
    assert response.json()["code"] == "no_image_found"
    assert junk_response.status_code == 400
    assert "image" in junk_response.json()["fields"]
    assert not Photo.objects.exists()


def test_no_worker_in_time_is_503_and_nothing_is_added(owner_client, item, monkeypatch):
    monkeypatch.setattr(queue, "request_answer", lambda task, request, timeout: None)
    tracker = TrackerFactory(collectible=item)

    response = owner_client.post(photo_url(tracker))

    assert response.status_code == 503
    assert response.json()["code"] == "check_unavailable"
    assert not Photo.objects.exists()


def test_viewers_cannot_and_strangers_do_not_see_the_tracker(
    viewer_client, stranger_client, item, monkeypatch
):
    monkeypatch.setattr(queue, "request_answer", lambda *args, **kwargs: pytest.fail("fetched"))
    tracker = TrackerFactory(collectible=item)

    assert viewer_client.post(photo_url(tracker)).status_code == 403
    assert stranger_client.post(photo_url(tracker)).status_code == 404
    other = TrackerFactory()
    wrong_item = f"/api/v1/collectibles/{item.pk}/trackers/{other.pk}/photo/"
    assert viewer_client.post(wrong_item).status_code == 404
