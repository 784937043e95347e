"""core.filters.FilterSet (the collectibles list's filters): django-filter's behaviour without its per-request copies —
each request still validates with its own choices, in its own language."""

import pytest
from conftest import client_for
from django.http import QueryDict
from django.test import RequestFactory
from rest_framework.request import Request

from inventory.factories import CollectibleFactory
from inventory.filters import collectible_filterset
from inventory.models import Collectible
from users.factories import UserFactory
from vendors.factories import MembershipFactory, VendorFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/collectibles/"


def _filterset(user, query: str):
    request = Request(RequestFactory().get(f"{URL}?{query}"))
    request.user = user
    return collectible_filterset()(QueryDict(query), Collectible.objects.all(), request=request)


def test_a_users_vendor_choices_stay_with_their_request(user):
    other_user = UserFactory()
    mine, theirs = VendorFactory(), VendorFactory()
    MembershipFactory(user=user, vendor=mine)
    MembershipFactory(user=other_user, vendor=theirs)
    # Theirs validated first, then mine: each against its own user's vendors.
    assert _filterset(other_user, f"vendor={theirs.pk}").is_valid()
    assert not _filterset(user, f"vendor={theirs.pk}").is_valid()
    assert _filterset(user, f"vendor={mine.pk}").is_valid()
    # The class's declaration (shared by every thread) keeps its function of the request,
    # never one request's vendors.
    assert callable(collectible_filterset().base_filters["vendor"].extra["queryset"])


def test_method_filters_run_on_their_own_filterset(user, personal):
    CollectibleFactory(vendor=personal, name="Holo card", tags=["holo"], location="Box 1")
    CollectibleFactory(vendor=personal, name="Plain card", location="")
    client = client_for(user)
    for _ in range(2):  # the second request reuses the shared fields
        names = [row["name"] for row in client.get(f"{URL}?tag=holo").json()["results"]]
        assert names == ["Holo card"]
        names = [row["name"] for row in client.get(f"{URL}?has_location=false").json()["results"]]
        assert names == ["Plain card"]


def test_a_shared_field_answers_in_each_requests_language(auth_client):
    english = auth_client.get(f"{URL}?status=lost", HTTP_ACCEPT_LANGUAGE="en").json()
    german = auth_client.get(f"{URL}?status=lost", HTTP_ACCEPT_LANGUAGE="de").json()
    assert "valid choice" in str(english)
    assert "valid choice" not in str(german)
    assert "lost" in str(german)


def test_every_request_gets_filters_of_its_own(user):
    first, second = _filterset(user, "status=owned"), _filterset(user, "status=owned")
    assert first.filters["status"] is not second.filters["status"]
    assert first.filters["status"].parent is first
    assert first.filters["tag"].filter.f is first.filters["tag"]  # its method, bound here


def test_choice_filters_count_and_page_each_item_once_without_distinct(user, personal):
    """Choices OR-ed over the item's own columns and its one-to-one card details cannot
    repeat an item: the list counts and pages them without `DISTINCT` (which compared
    whole rows, search vector included, on every filtered list)."""
    from django.db import connection

    from inventory.factories import CardDetailsFactory

    for language in ("en", "ja", "en"):
        CardDetailsFactory(
            collectible=CollectibleFactory(vendor=personal, category="trading_card"),
            language=language,
        )
    CollectibleFactory(vendor=personal, category="coin")
    CollectibleFactory(
        vendor=personal, category="trading_card", status="wanted", purchase_price=None,
        purchase_currency="",
    )  # fmt: skip
    query = "status=owned&status=sold&category=trading_card&category=coin&language=en&language=ja"

    statements: list[str] = []

    def record(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        body = client_for(user).get(f"{URL}?{query}&page_size=2").json()
    rest = client_for(user).get(f"{URL}?{query}&page_size=2&page=2").json()

    assert body["count"] == 3
    ids = [row["id"] for row in body["results"] + rest["results"]]
    assert len(ids) == len(set(ids)) == 3
    items = [sql for sql in statements if 'FROM "inventory_collectible"' in sql]
    assert any("COUNT" in sql for sql in items)
    assert not [sql for sql in items if "DISTINCT" in sql]
