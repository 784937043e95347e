"""Saved views: validating a view's query with the list's own FilterSet and orderings,
applying it to the caller's items, and the writes (create, update, delete, reorder).

The count and value shown with each view are read in `valuation.saved_views_api` (the
value lives above inventory).
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

from django.db import transaction
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request

from inventory.filters import collectible_filterset
from inventory.models import Collectible, SavedView
from inventory.saved_view_models import MAX_SAVED_VIEW_NAME_LENGTH, MAX_SAVED_VIEWS_PER_USER
from inventory.selectors import collectible_list_for_user
from users.models import User
from vendors.models import Vendor


def _ordering_terms() -> set[str]:
    from inventory.api import CollectibleViewSet  # the list's sortable fields

    return set(CollectibleViewSet().ordering_fields)


def _as_query_dict(query: dict[str, Any]) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, value in query.items():
        data.setlist(key, [str(v) for v in value] if isinstance(value, list) else [str(value)])
    return data


def _filterset(query: dict[str, Any], *, user: User, queryset: QuerySet[Collectible]) -> Any:
    # The FilterSet reads `request.user` only (the vendors one may filter by).
    request = cast(Request, SimpleNamespace(user=user))
    filterset_class = collectible_filterset()
    return filterset_class(data=_as_query_dict(query), queryset=queryset, request=request)


def saved_view_query_validate(query: Any, *, user: User) -> dict[str, Any]:
    """The query as stored: known list parameters only, each valid for the list, values as
    strings (lists for repeated ones). Errors name the parameter (`query.category`)."""
    if not isinstance(query, dict):
        raise ValidationError({"query": [_("Expected an object of list parameters.")]})
    filters = collectible_filterset().base_filters
    errors: dict[str, list[str]] = {}
    cleaned: dict[str, Any] = {}
    for key, value in query.items():
        if key not in filters and key != "ordering":
            errors[key] = [_("Unknown list parameter.")]
        elif isinstance(value, list):
            if not value or not all(isinstance(v, str | int) for v in value):
                errors[key] = [_("Expected a string or a list of strings.")]
            cleaned[key] = [str(v) for v in value]
        elif isinstance(value, str | int) and not isinstance(value, bool):
            cleaned[key] = str(value)
        else:
            errors[key] = [_("Expected a string or a list of strings.")]
    if isinstance(cleaned.get("ordering"), str):
        terms = [t.strip() for t in cleaned["ordering"].split(",") if t.strip()]
        unknown = sorted(t for t in terms if t.lstrip("-") not in _ordering_terms())
        if unknown:
            errors["ordering"] = [_("Cannot sort by: %(terms)s.") % {"terms": ", ".join(unknown)}]
    elif "ordering" in cleaned:
        errors["ordering"] = [_("Expected one comma-separated string.")]
    if not errors:
        filterset = _filterset(cleaned, user=user, queryset=Collectible.objects.none())
        if not filterset.is_valid():
            errors = {key: [str(m) for m in messages] for key, messages in filterset.errors.items()}
    if errors:
        raise ValidationError({"query": errors})
    return cleaned


def saved_view_items(
    view: SavedView, *, user: User, items: QuerySet[Collectible] | None = None
) -> QuerySet[Collectible] | None:
    """The caller's items (`items`: `collectible_list_for_user`, read once for many views)
    the view's query selects now (None: the stored query no longer applies, e.g. the caller
    left the collection it filters by)."""
    if items is None:
        items = collectible_list_for_user(user=user)
    filterset = _filterset(view.query, user=user, queryset=items)
    return filterset.qs if filterset.is_valid() else None


def saved_view_list_for_user(*, user: User) -> QuerySet[SavedView]:
    return SavedView.objects.filter(owner=user).select_related("vendor")


def _clean_name(name: Any, *, user: User, exclude: int | None = None) -> str:
    cleaned = name.strip() if isinstance(name, str) else ""
    if not cleaned:
        raise ValidationError({"name": [_("Give the view a name.")]})
    if len(cleaned) > MAX_SAVED_VIEW_NAME_LENGTH:
        raise ValidationError(
            {"name": [_("At most %(limit)s characters.") % {"limit": MAX_SAVED_VIEW_NAME_LENGTH}]}
        )
    clash = SavedView.objects.filter(owner=user, name__iexact=cleaned)
    if exclude is not None:
        clash = clash.exclude(pk=exclude)
    if clash.exists():
        raise ValidationError({"name": [_("You already have a view with this name.")]})
    return cleaned


def _vendor_of(query: dict[str, Any]) -> Vendor | None:
    vendor_id = query.get("vendor")
    return Vendor.objects.get(pk=int(vendor_id)) if vendor_id else None


@transaction.atomic
def saved_view_create(*, user: User, name: Any, query: Any) -> SavedView:
    # Lock the owner's views: two saves at once cannot both pass the limit or the name.
    existing = list(SavedView.objects.select_for_update().filter(owner=user).values("position"))
    if len(existing) >= MAX_SAVED_VIEWS_PER_USER:
        raise ValidationError(
            ngettext(
                "You have %(count)s saved view, the most there can be: delete it first.",
                "You have %(count)s saved views, the most there can be: delete one first.",
                MAX_SAVED_VIEWS_PER_USER,
            )
            % {"count": MAX_SAVED_VIEWS_PER_USER},
            code="too_many_saved_views",
        )
    cleaned_name = _clean_name(name, user=user)
    cleaned_query = saved_view_query_validate(query, user=user)
    position = max((row["position"] for row in existing), default=-1) + 1
    return SavedView.objects.create(
        owner=user,
        name=cleaned_name,
        query=cleaned_query,
        vendor=_vendor_of(cleaned_query),
        position=position,
    )


def saved_view_update(*, view: SavedView, user: User, data: dict[str, Any]) -> SavedView:
    if "name" in data:
        view.name = _clean_name(data["name"], user=user, exclude=view.pk)
    if "query" in data:
        view.query = saved_view_query_validate(data["query"], user=user)
        view.vendor = _vendor_of(view.query)
    view.save()
    return view


def saved_view_delete(*, view: SavedView) -> None:
    view.delete()


@transaction.atomic
def saved_views_reorder(*, user: User, ids: Any) -> list[SavedView]:
    """Positions in the given order; the ids must be exactly the user's views."""
    views = {v.pk: v for v in SavedView.objects.select_for_update().filter(owner=user)}
    if (
        not isinstance(ids, list)
        or not all(isinstance(i, int) and not isinstance(i, bool) for i in ids)
        or sorted(ids) != sorted(views)
    ):
        raise ValidationError({"ids": [_("List the ids of all your views, each once.")]})
    for position, pk in enumerate(ids):
        views[pk].position = position
    SavedView.objects.bulk_update(list(views.values()), ["position"])
    return [views[pk] for pk in ids]
