from datetime import datetime
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from valuation import selectors as valuation_selectors
from valuation import services as valuation_services

from core.auth import authenticated_user
from inventory import selectors, services
from inventory.filters import CollectibleFilter
from inventory.models import Collectible
from inventory.search import RANK_ANNOTATION
from inventory.serializers import CollectibleSerializer, collectible_list_rows
from vendors.models import Vendor
from vendors.selectors import membership_get, personal_vendor_for_user

TAG = ["collectibles"]

_VALUATION_CACHE = Collectible.valuation.related


def _valuation_fresh(item: Collectible, since: datetime) -> bool:
    try:
        return item.valuation.valued_at >= since
    except ObjectDoesNotExist:
        return False


def with_valuations(items: list[Collectible], *, refresh: bool = False) -> None:
    """Value the items whose (joined) valuation row is missing or from before today, in a
    fixed number of queries whatever their number, and attach the rows for serializing.
    `refresh`: value them all (after a write)."""
    since = valuation_selectors.day_start(timezone.now())
    stale = [item for item in items if refresh or not _valuation_fresh(item, since)]
    if not stale:
        return
    rows = {row.collectible_id: row for row in valuation_services.valuations_refresh(items=stale)}
    for item in stale:
        _VALUATION_CACHE.set_cached_value(item, rows.get(item.pk))


def rows_with_valuations(page: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`with_valuations` for list rows (`selectors.CollectibleRows`): value the items whose
    row is missing or from before today, in the same fixed number of queries."""
    since = valuation_selectors.day_start(timezone.now())
    stale = [
        row
        for row in page
        if row["valuation__valued_at"] is None or row["valuation__valued_at"] < since
    ]
    if stale:
        items = [selectors.CollectibleRows.item(row) for row in stale]
        valued = {v.collectible_id: v for v in valuation_services.valuations_refresh(items=items)}
        for row in stale:
            if row["id"] in valued:
                selectors.CollectibleRows.set_valuation(row, valued[row["id"]])
    return page


@extend_schema_view(
    list=extend_schema(tags=TAG, summary="List the items of your vendors"),
    retrieve=extend_schema(tags=TAG, summary="Get an item"),
    create=extend_schema(tags=TAG, summary="Add an item to a collection"),
    update=extend_schema(tags=TAG, summary="Replace an item"),
    partial_update=extend_schema(tags=TAG, summary="Update some fields of an item"),
    destroy=extend_schema(tags=TAG, summary="Delete an item"),
)
class CollectibleViewSet(viewsets.ModelViewSet):
    """Items are readable by every member of their vendor; owners and editors write."""

    queryset = Collectible.objects.none()  # for the schema; get_queryset scopes to the caller
    serializer_class = CollectibleSerializer
    filterset_class = CollectibleFilter
    ordering_fields = ["name", "created_at", "purchase_price", "purchase_date"]

    @property
    def ordering(self) -> list[str]:
        """Newest first; with `?search=`, best match first (unless `ordering` is given)."""
        request = getattr(self, "request", None)
        if request is not None and request.query_params.get("search", "").strip():
            return [f"-{RANK_ANNOTATION}", "-created_at", "-id"]
        return ["-created_at"]

    def get_queryset(self) -> QuerySet[Collectible]:
        # Lists read their own columns (selectors.LIST_COLUMNS); writes keep every field
        # loaded, the search vector included (full_clean reads them all).
        return selectors.collectible_list_for_user(user=authenticated_user(self.request))

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        rows = selectors.CollectibleRows(self.filter_queryset(self.get_queryset()))
        # Counted and sliced like a queryset: all the paginator asks of it.
        page: list[dict[str, Any]] | None = self.paginate_queryset(rows)  # type: ignore[arg-type]
        data = collectible_list_rows(rows_with_valuations(rows[:] if page is None else page))
        return Response(data) if self.paginator is None else self.get_paginated_response(data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        collectible = self.get_object()
        with_valuations([collectible])
        return Response(self.get_serializer(collectible).data)

    def _require_edit(self, vendor: Vendor | int, *, creating: bool = False) -> None:
        membership = membership_get(user=authenticated_user(self.request), vendor=vendor)
        if membership is None:
            # Not a member: answer as if the vendor did not exist.
            raise ValidationError({"vendor": ["You are not a member of this vendor."]})
        if not membership.can_edit:
            verb = "add items to" if creating else "change items of"
            raise PermissionDenied(f"You have view-only access: you cannot {verb} this vendor.")

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        vendor_id = serializer.validated_data.get("vendor_id")
        if vendor_id is None:
            vendor = personal_vendor_for_user(user=authenticated_user(request))
            if vendor is None:
                raise ValidationError(
                    {"vendor": ["You have no personal collection: name a vendor."]}
                )
        else:
            self._require_edit(vendor_id, creating=True)
            vendor = Vendor.objects.get(pk=vendor_id)
        collectible = services.collectible_create(
            vendor=vendor, created_by=authenticated_user(request), data=serializer.validated_data
        )
        with_valuations([collectible], refresh=True)
        return Response(self.get_serializer(collectible).data, status=status.HTTP_201_CREATED)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        partial = kwargs.pop("partial", False)
        collectible = self.get_object()
        self._require_edit(collectible.vendor_id)
        serializer = self.get_serializer(collectible, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        collectible = services.collectible_update(
            collectible=collectible, data=serializer.validated_data, partial=partial
        )
        # A value-relevant change deleted the row (a trigger): value the item again.
        with_valuations([collectible], refresh=True)
        return Response(self.get_serializer(collectible).data)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        collectible = self.get_object()
        self._require_edit(collectible.vendor_id)
        services.collectible_delete(collectible=collectible)
        return Response(status=status.HTTP_204_NO_CONTENT)
