from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import status, viewsets
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.generics import get_object_or_404
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.pagination import PageOrCursorPagination
from core.response_cache import cached_answer
from core.serializers import ErrorSerializer
from inventory import extensions, selectors, services
from inventory.bulk_serializers import (
    CollectibleDeleteQuerySerializer,
    CollectibleDuplicateSerializer,
)
from inventory.filters import CollectibleFilter, collectible_filterset
from inventory.list_rows import collectible_list_rows
from inventory.models import Collectible
from inventory.search import RANK_ANNOTATION
from inventory.serializers import CollectibleAcquireSerializer, CollectibleSerializer
from users.auth import authenticated_user
from vendors.models import Vendor
from vendors.permissions import require_edit_role
from vendors.selectors import membership_get, personal_vendor_for_user, vendor_ids_for_user

TAG = ["collectibles"]


def _before_showing(items: list[Collectible], *, changed: bool = False) -> None:
    for extension in extensions.registered():
        extension.before_showing(items, changed=changed)


class DeletionRefused(APIException):
    """409: the deletion would take data kept about the items (their price history) and
    the request did not confirm it; the code names what (`has_price_history`)."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = _("Deleting would lose data kept about these items: confirm it.")
    default_code = "deletion_needs_confirmation"

    @classmethod
    def of(cls, refusal: services.DeletionNeedsConfirmation) -> "DeletionRefused":
        return cls(refusal.cost.message, code=refusal.cost.code)


DELETION_REFUSED = OpenApiResponse(
    ErrorSerializer,
    description="The items have price history and `confirm=delete-history` was not given "
    "(code `has_price_history`): nothing was deleted.",
)


@extend_schema_view(
    list=extend_schema(tags=TAG, summary="List the items of your vendors"),
    retrieve=extend_schema(tags=TAG, summary="Get an item"),
    create=extend_schema(tags=TAG, summary="Add an item to a collection"),
    update=extend_schema(tags=TAG, summary="Replace an item"),
    partial_update=extend_schema(tags=TAG, summary="Update some fields of an item"),
    destroy=extend_schema(
        tags=TAG,
        summary="Delete an item",
        description="An item with price history is deleted (with its history) only with "
        "`?confirm=delete-history`; otherwise 409 `has_price_history`. Marking it sold "
        "keeps the history.",
        parameters=[CollectibleDeleteQuerySerializer],
        responses={
            204: None,
            400: OpenApiResponse(ErrorSerializer, description="An unknown `confirm`."),
            409: DELETION_REFUSED,
        },
    ),
)
class CollectibleViewSet(viewsets.ModelViewSet):
    """Items are readable by every member of their vendor; owners and editors write."""

    queryset = Collectible.objects.none()  # for the schema; get_queryset scopes to the caller
    serializer_class = CollectibleSerializer
    # `page`, or `cursor` for clients that walk far
    pagination_class: type[BasePagination] | None = PageOrCursorPagination
    extra_query_params = ("cursor",)
    _vendor_ids: list[int] | None = None
    #: Ties in any requested ordering: newest first, so pages are stable.
    ordering_tiebreakers = ("-created_at", "-id")
    ordering_description = (
        "Sort by these fields, comma-separated; prefix `-` to reverse; ties newest first. "
        "`value`, `gain` (unrealised; realised for a sold item) and `purchase_price` (the "
        "cost basis: price × quantity plus fees and shipping) compare amounts converted to "
        "the vendor's currency; items without the amount sort last either way."
    )

    @property
    def ordering_fields(self) -> list[str]:
        """The item's own sortable columns, then the extensions' terms (`value`, `gain`;
        `purchase_price` sorts by the converted cost basis when valuation is installed)."""
        own = ["name", "created_at", "purchase_price", "purchase_date"]
        return list(dict.fromkeys([*own, *self.ordering_expressions]))

    @property
    def ordering_expressions(self) -> dict[str, Any]:
        return {
            name: expression
            for extension in extensions.registered()
            for name, expression in extension.orderings().items()
        }

    @property
    def filterset_class(self) -> type[CollectibleFilter]:
        return collectible_filterset()  # with the extensions' filters (the value filters)

    @property
    def ordering(self) -> list[str]:
        """Newest first (ties by id: the (vendor, -created_at, -id) index gives the order and
        a cursor's position); with `?search=`, best match first (unless `ordering` is given)."""
        request = getattr(self, "request", None)
        if request is not None and request.query_params.get("search", "").strip():
            return [f"-{RANK_ANNOTATION}", "-created_at", "-id"]
        return ["-created_at", "-id"]

    def get_queryset(self) -> QuerySet[Collectible]:
        # Lists read their own columns (selectors.list_columns()); writes keep every field
        # loaded, the search vector included (full_clean reads them all).
        return selectors.collectible_list_for_user(
            user=authenticated_user(self.request), vendor_ids=self._caller_vendor_ids()
        )

    def _caller_vendor_ids(self) -> list[int]:
        """Read once per request: the cache's scopes and the queryset's (a view instance
        serves one request)."""
        if self._vendor_ids is None:
            self._vendor_ids = list(vendor_ids_for_user(user=authenticated_user(self.request)))
        return self._vendor_ids

    # A cached answer is a plain, rendered HttpResponse (DRF passes it through as it is).
    def list(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponse | Response:  # type: ignore[override]
        return self._cached(request, lambda: self._list(request))

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponse | Response:  # type: ignore[override]
        return self._cached(request, lambda: self._retrieve())

    def _cached(self, request: Request, build: Callable[[], Response]) -> HttpResponse | Response:
        # Whatever the answer shows is of the caller's vendors (get_queryset's scope).
        return cached_answer(self, request, scopes=self._caller_vendor_ids(), build=build)

    def _list(self, request: Request) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        registered = extensions.registered()
        for extension in registered:
            extension.before_listing(params=request.query_params, user=authenticated_user(request))
        rows = selectors.CollectibleRows(queryset)
        # Counted and sliced like a queryset (and re-read by a cursor): all the paginator
        # asks of it.
        page: list[dict[str, Any]] | None = self.paginate_queryset(rows)  # type: ignore[arg-type]
        page = rows[:] if page is None else page
        for extension in registered:
            extension.before_showing_rows(page)
        data = collectible_list_rows(page)
        return Response(data) if self.paginator is None else self.get_paginated_response(data)

    def _retrieve(self) -> Response:
        # The item read and formatted as a list row (one statement, formatted by hand as
        # `CollectibleSerializer` formats it: a test pins the two): the serializer's
        # per-field machinery was most of this request's time (docs/performance.md). A
        # docstring here would become the operation's description in the API schema.
        try:
            pk = int(self.kwargs[self.lookup_url_kwarg or self.lookup_field])
        except (TypeError, ValueError):
            raise Http404 from None
        rows = selectors.CollectibleRows(self.get_queryset().filter(pk=pk))[:]
        if not rows:
            raise Http404
        for extension in extensions.registered():
            extension.before_showing_rows(rows)
        return Response(collectible_list_rows(rows)[0])

    def _require_edit(self, vendor: Vendor | int, *, creating: bool = False) -> None:
        membership = membership_get(user=authenticated_user(self.request), vendor=vendor)
        if membership is None:
            # Not a member: answer as if the vendor did not exist.
            raise ValidationError({"vendor": [gettext("You are not a member of this vendor.")]})
        doing = (
            gettext("add items to this vendor")
            if creating
            else gettext("change items of this vendor")
        )
        require_edit_role(membership, doing=doing)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        vendor_id = serializer.validated_data.get("vendor_id")
        if vendor_id is None:
            vendor = personal_vendor_for_user(user=authenticated_user(request))
            if vendor is None:
                raise ValidationError(
                    {"vendor": [gettext("You have no personal collection: name a vendor.")]}
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
        query = CollectibleDeleteQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        confirmed = [query.validated_data["confirm"]] if "confirm" in query.validated_data else []
        try:
            services.collectible_delete(collectible=collectible, confirmed=confirmed)
        except services.DeletionNeedsConfirmation as refusal:
            raise DeletionRefused.of(refusal) from refusal
        return Response(status=status.HTTP_204_NO_CONTENT)


class CollectibleDuplicateView(APIView):
    """`POST /collectibles/{id}/duplicate`: another copy of an item, in the same vendor."""

    @extend_schema(
        tags=TAG,
        summary="Add another copy of an item",
        description="A new item in the same vendor with the original's descriptive fields, "
        "card details, tags and external ids, owned, with the original's quantity unless "
        "`quantity` is given. Not copied: the grader's certificate number, the sale, "
        "trackers, price history and photos. Counts against the vendor's item limit.",
        request=CollectibleDuplicateSerializer,
        responses={201: CollectibleSerializer},
    )
    def post(self, request: Request, collectible_pk: int) -> Response:
        user = authenticated_user(request)
        original = get_object_or_404(
            selectors.collectible_list_for_user(user=user).select_related("vendor"),
            pk=collectible_pk,
        )
        membership = membership_get(user=user, vendor=original.vendor_id)
        require_edit_role(membership, doing=gettext("add items to this vendor"))
        body = CollectibleDuplicateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        copy = services.collectible_duplicate(
            collectible=original, created_by=user, quantity=body.validated_data.get("quantity")
        )
        _before_showing([copy], changed=True)
        return Response(
            CollectibleSerializer(copy, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


class CollectibleAcquireView(APIView):
    """`POST /collectibles/{id}/acquire`: "I bought it" — a wanted item becomes owned."""

    @extend_schema(
        tags=TAG,
        summary="Acquire a wanted item",
        description="Turns a wanted item into an owned one with its purchase: the same item, "
        "so its trackers, price history and photos stay. The purchase date defaults to "
        "today, the currency to the vendor's; the maximum price is cleared. Its alert rules "
        "of kind `price_at_or_below` (everyone's) are switched off (`enabled: false`): the "
        "collector no longer wants to buy it; its other rules go on. 400 (code "
        "`not_wanted`) when the item is not wanted. Owners and editors only.",
        request=CollectibleAcquireSerializer,
        responses={
            200: CollectibleSerializer,
            400: OpenApiResponse(ErrorSerializer, description="Not wanted, or a bad body."),
        },
    )
    def post(self, request: Request, collectible_pk: int) -> Response:
        user = authenticated_user(request)
        collectible = get_object_or_404(
            selectors.collectible_list_for_user(user=user).select_related("vendor"),
            pk=collectible_pk,
        )
        membership = membership_get(user=user, vendor=collectible.vendor_id)
        require_edit_role(membership, doing=gettext("change items of this vendor"))
        body = CollectibleAcquireSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            collectible = services.collectible_acquire(
                collectible=collectible, purchase=body.validated_data
            )
        except services.NotWanted as refusal:
            raise ValidationError(str(refusal), code="not_wanted") from refusal
        _before_showing([collectible], changed=True)
        return Response(CollectibleSerializer(collectible, context={"request": request}).data)
