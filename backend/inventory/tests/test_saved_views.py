"""Saved views' queries are validated with the list's own filters and orderings."""

import pytest
from rest_framework.exceptions import ValidationError

from inventory.factories import CollectibleFactory
from inventory.saved_views import saved_view_create, saved_view_items, saved_view_query_validate

pytestmark = pytest.mark.django_db


def test_a_query_keeps_list_parameters_as_strings(user):
    query = {"category": ["vinyl", "comic"], "has_location": "false", "ordering": "-name,value"}

    assert saved_view_query_validate(query, user=user) == query


@pytest.mark.parametrize(
    "query",
    [["category", "vinyl"], {"cursor": "abc"}, {"condition": ["shiny"]}, {"ordering": "-nope"}],
)
def test_a_query_the_list_would_refuse_is_refused(user, query):
    with pytest.raises(ValidationError):
        saved_view_query_validate(query, user=user)


def test_a_view_selects_the_items_as_they_are_now(user, personal):
    view = saved_view_create(user=user, name="Vinyl", query={"category": ["vinyl"]})
    CollectibleFactory(vendor=personal, category="vinyl")
    CollectibleFactory(vendor=personal, category="comic")
    CollectibleFactory(category="vinyl")  # someone else's

    items = saved_view_items(view, user=user)
    assert items is not None
    assert items.count() == 1
