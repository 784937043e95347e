from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from inventory import extensions, selectors, services
from inventory.filters import CollectibleFilter, collectible_filterset
from inventory.models import Collectible
from inventory.search import RANK_ANNOTATION
from inventory.serializers import CollectibleSerializer, collectible_list_rows
from users.auth import authenticated_user
from vendors.models import Vendor
from vendors.permissions import require_edit_role
from vendors.selectors import membership_get, personal_vendor_for_user

TAG = ["collectibles"]


def _before_showing(items: list[Collectible], *, changed: bool = False) -> None:
    for extension in extensions.registered():
        extension.before_showing(items, changed=changed)


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
    ordering_fields = ["name", "created_at", "purchase_price", "purchase_date"]

    @property
    def filterset_class(self) -> type[CollectibleFilter]:
        return collectible_filterset()  # with the extensions' filters (the value filters)

    @property
    def ordering(self) -> list[str]:
        """Newest first; with `?search=`, best match first (unless `ordering` is given)."""
        request = getattr(self, "request", None)
        if request is not None and request.query_params.get("search", "").strip():
            return [f"-{RANK_ANNOTATION}", "-created_at", "-id"]
        return ["-created_at"]

    def get_queryset(self) -> QuerySet[Collectible]:
        # Lists read their own columns (selectors.list_columns()); writes keep every field
        # loaded, the search vector included (full_clean reads them all).
        return selectors.collectible_list_for_user(user=authenticated_user(self.request))

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        registered = extensions.registered()
        for extension in registered:
            extension.before_listing(params=request.query_params, user=authenticated_user(request))
        rows = selectors.CollectibleRows(queryset)
        # Counted and sliced like a queryset: all the paginator asks of it.
        page: list[dict[str, Any]] | None = self.paginate_queryset(rows)  # type: ignore[arg-type]
        page = rows[:] if page is None else page
        for extension in registered:
            extension.before_showing_rows(page)
        data = collectible_list_rows(page)
        return Response(data) if self.paginator is None else self.get_paginated_response(data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        collectible = self.get_object()
        _before_showing([collectible])
        return Response(self.get_serializer(collectible).data)

    def _require_edit(self, vendor: Vendor | int, *, creating: bool = False) -> None:
        membership = membership_get(user=authenticated_user(self.request), vendor=vendor)
        if membership is None:
            # Not a member: answer as if the vendor did not exist.
            raise ValidationError({"vendor": ["You are not a member of this vendor."]})
        doing = "add items to this vendor" if creating else "change items of this vendor"
        require_edit_role(membership, doing=doing)

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
        _before_showing([collectible], changed=True)
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
        _before_showing([collectible], changed=True)
        return Response(self.get_serializer(collectible).data)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        collectible = self.get_object()
        self._require_edit(collectible.vendor_id)
        services.collectible_delete(collectible=collectible)
        return Response(status=status.HTTP_204_NO_CONTENT)
