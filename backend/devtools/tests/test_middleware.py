"""ReleaseRenderedViewMiddleware: a served request's objects are freed by reference
counting, not left in reference cycles for the garbage collector."""

import gc

import pytest
from django.conf import settings
from django.test import override_settings

from devtools.management.commands.bench_api import BenchApp
from inventory.factories import CardDetailsFactory, CollectibleFactory
from vendors.selectors import personal_vendor_for_user

pytestmark = pytest.mark.django_db


RELEASE = "core.middleware.ReleaseRenderedViewMiddleware"


def cyclic_garbage_of_one_list_request(user) -> int:
    """Objects a full list page (25 items) leaves to the cyclic collector, served through
    Django's WSGI handler as gunicorn calls it."""
    app = BenchApp(user)
    assert app.get("/api/v1/collectibles/") == 200  # warm: caches filled, rows valued
    gc.collect()
    gc.disable()
    try:
        assert app.get("/api/v1/collectibles/") == 200
        return gc.collect()
    finally:
        gc.enable()


def test_a_list_request_leaves_its_page_to_reference_counting(user, keep_the_test_connection):
    vendor = personal_vendor_for_user(user=user)
    for _ in range(25):
        CardDetailsFactory(collectible=CollectibleFactory(vendor=vendor))

    with override_settings(MIDDLEWARE=[m for m in settings.MIDDLEWARE if m != RELEASE]):
        without = cyclic_garbage_of_one_list_request(user)
    released = cyclic_garbage_of_one_list_request(user)

    # Without the middleware the view, its page of 25 rows and the response data stay in
    # cycles (~200 objects); with it only Django's and DRF's own request cycles remain
    # (~80, the user and access token the real bearer authentication loads included).
    assert without > 150
    assert released < 90


def test_responses_are_complete_after_the_release(auth_client, user):
    CollectibleFactory(vendor=personal_vendor_for_user(user=user), name="Kept")

    response = auth_client.get("/api/v1/collectibles/")

    assert response.status_code == 200
    assert [item["name"] for item in response.json()["results"]] == ["Kept"]
    assert response.data["count"] == 1  # the data stays; only the view is let go
    assert response.renderer_context is None
