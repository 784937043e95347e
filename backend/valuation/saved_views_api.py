"""`/api/v1/saved-views/`: the caller's saved views of the collection list, each with how
many items its query selects now and what they are worth (`count`, `value`).

Here rather than in inventory (which keeps the model and the writes): the value is the
materialised `ItemValuation`. Each view costs one aggregate over the list's own filtered
queryset (`inventory.saved_views.saved_view_items`), after the caller's stale valuations
are refreshed once; a user has at most 50 views.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Count, Sum
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.generics import get_object_or_404
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.serializers import ErrorSerializer
from inventory import saved_views
from inventory.models import Collectible, SavedView
from inventory.saved_view_models import MAX_SAVED_VIEW_NAME_LENGTH
from users.auth import authenticated_user
from users.models import User
from valuation import services
from valuation.serializers import money
from vendors.models import Vendor
from vendors.selectors import vendor_ids_for_user

TAGS = ["saved views"]


class SavedViewWriteSerializer(serializers.Serializer):
    name = serializers.CharField(
        max_length=MAX_SAVED_VIEW_NAME_LENGTH,
        help_text="Unique among your views (ignoring case and surrounding spaces).",
    )
    query = serializers.JSONField(
        help_text="Parameters of GET /api/v1/collectibles (filters, `ordering`, `status`, "
        "`vendor`): a string, or a list of strings for a repeated one. Validated like the "
        "list validates them; `page` and `cursor` are not kept."
    )


class SavedViewSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    query = serializers.JSONField(help_text="The list parameters, as saved.")
    vendor = serializers.IntegerField(
        allow_null=True, help_text="The query's vendor; null: all your collections."
    )
    position = serializers.IntegerField(help_text="Where it is listed (ascending).")
    count = serializers.IntegerField(
        allow_null=True, help_text="Items the query selects now; null: it no longer applies."
    )
    value = money(
        allow_null=True,
        help_text="Their current value in `currency`; null when it does not apply or your "
        "collections have different currencies.",
    )
    currency = serializers.CharField(allow_null=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class SavedViewReorderSerializer(serializers.Serializer):
    ids = serializers.ListField(child=serializers.IntegerField(), help_text="All your views.")


def _currency(view: SavedView, currencies: dict[int, str]) -> str | None:
    if view.vendor_id is not None:
        return currencies.get(view.vendor_id)
    distinct = set(currencies.values())
    return distinct.pop() if len(distinct) == 1 else None


def _with_totals(views: list[SavedView], *, user: User) -> list[dict[str, Any]]:
    vendor_ids = list(vendor_ids_for_user(user=user))
    if views:
        services.valuations_ensure_fresh(vendor_ids=vendor_ids)  # once for every view
    currencies = dict(
        Vendor.objects.filter(pk__in=vendor_ids).values_list("pk", "default_currency")
    )
    yours = Collectible.objects.filter(vendor_id__in=vendor_ids)
    rows: list[dict[str, Any]] = []
    for view in views:
        items = saved_views.saved_view_items(view, user=user, items=yours)
        currency = _currency(view, currencies)
        count: int | None = None
        value: Decimal | None = None
        if items is not None:
            totals = items.order_by().aggregate(count=Count("pk"), value=Sum("valuation__value"))
            count = totals["count"]
            if currency is not None:
                value = totals["value"] or Decimal("0.00")
        row = {
            "id": view.pk,
            "name": view.name,
            "query": view.query,
            "vendor": view.vendor_id,
            "position": view.position,
            "count": count,
            "value": value,
            "currency": currency if count is not None else None,
            "created_at": view.created_at,
            "updated_at": view.updated_at,
        }
        rows.append(dict(SavedViewSerializer(row).data))
    return rows


ERRORS = {
    400: OpenApiResponse(ErrorSerializer, description="A bad name or query (field named)."),
    404: OpenApiResponse(ErrorSerializer, description="No such view of yours."),
}


class SavedViewListView(APIView):
    @extend_schema(
        tags=TAGS,
        summary="Your saved views, with count and value",
        responses={200: SavedViewSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        user = authenticated_user(request)
        views = list(saved_views.saved_view_list_for_user(user=user))
        return Response(_with_totals(views, user=user))

    @extend_schema(
        tags=TAGS,
        summary="Save a view",
        description="At most 50 views per user (400 `too_many_saved_views`).",
        request=SavedViewWriteSerializer,
        responses={201: SavedViewSerializer, 400: ERRORS[400]},
    )
    def post(self, request: Request) -> Response:
        user = authenticated_user(request)
        body = SavedViewWriteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        view = saved_views.saved_view_create(user=user, **body.validated_data)
        return Response(_with_totals([view], user=user)[0], status=status.HTTP_201_CREATED)


class SavedViewDetailView(APIView):
    def _view(self, request: Request, pk: int) -> SavedView:
        user = authenticated_user(request)
        return get_object_or_404(saved_views.saved_view_list_for_user(user=user), pk=pk)

    @extend_schema(tags=TAGS, summary="Get a saved view", responses={200: SavedViewSerializer})
    def get(self, request: Request, pk: int) -> Response:
        view = self._view(request, pk)
        return Response(_with_totals([view], user=authenticated_user(request))[0])

    @extend_schema(
        tags=TAGS,
        summary="Rename a view or replace its query",
        request=SavedViewWriteSerializer(partial=True),
        responses={200: SavedViewSerializer, **ERRORS},
    )
    def patch(self, request: Request, pk: int) -> Response:
        view = self._view(request, pk)
        body = SavedViewWriteSerializer(data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        user = authenticated_user(request)
        view = saved_views.saved_view_update(view=view, user=user, data=body.validated_data)
        return Response(_with_totals([view], user=user)[0])

    @extend_schema(tags=TAGS, summary="Delete a saved view", responses={204: None, **ERRORS})
    def delete(self, request: Request, pk: int) -> Response:
        saved_views.saved_view_delete(view=self._view(request, pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


class SavedViewReorderView(APIView):
    @extend_schema(
        tags=TAGS,
        summary="Put your saved views in this order",
        request=SavedViewReorderSerializer,
        responses={200: SavedViewSerializer(many=True), 400: ERRORS[400]},
    )
    def post(self, request: Request) -> Response:
        user = authenticated_user(request)
        body = SavedViewReorderSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        views = saved_views.saved_views_reorder(user=user, ids=body.validated_data["ids"])
        return Response(_with_totals(views, user=user))
