from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from users.auth import authenticated_user
from vendors import selectors, services
from vendors.models import Membership, Role, Vendor
from vendors.serializers import (
    MembershipCreateSerializer,
    MembershipSerializer,
    MembershipUpdateSerializer,
    VendorSerializer,
    VendorWriteSerializer,
)

TAG = ["vendors"]
CREATE_FIELDS = ("name", "default_currency")


def _role_of_caller(vendor: Vendor) -> str | None:
    """The `role` annotated by `selectors.vendor_list_for_user`."""
    return getattr(vendor, "role", None)


@extend_schema_view(
    list=extend_schema(tags=TAG, summary="List your vendors with your role in each"),
    retrieve=extend_schema(tags=TAG, summary="Get a vendor"),
    create=extend_schema(
        tags=TAG,
        summary="Create a vendor (a shop or a shared collection); you become its owner",
        request=VendorWriteSerializer,
        responses={201: VendorSerializer},
    ),
    partial_update=extend_schema(
        tags=TAG,
        summary="Rename a vendor, change its currency or its sharing (owners only)",
        request=VendorWriteSerializer,
        responses={200: VendorSerializer},
    ),
    destroy=extend_schema(
        tags=TAG,
        summary="Delete a vendor and everything in it (owners only; not your personal one)",
        description=(
            "Items, their price history and photos, snapshots, imports, alert rules, "
            "members and invitations go with it. Offer `GET /vendors/{id}/takeout` first."
        ),
    ),
    regenerate_share_link=extend_schema(
        tags=TAG,
        summary="Replace the share link's secret: old links stop working (owners only)",
        request=None,
        responses={200: VendorSerializer},
    ),
    leave=extend_schema(
        tags=TAG,
        summary="Leave a vendor (an owner only while another owner stays)",
        request=None,
        responses={204: None},
    ),
)
class VendorViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    queryset = Vendor.objects.none()  # for the schema; get_queryset scopes to the caller
    serializer_class = VendorSerializer
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    ordering_fields = ["name", "created_at"]
    # Anyone may start a shop of their own, and any member may leave (or hear why not: 400).
    never_forbidden = ("create", "leave")

    @property
    def extra_error_codes(self) -> tuple[str, ...]:
        # A personal collection cannot be deleted (400).
        return ("400",) if getattr(self, "action", None) == "destroy" else ()

    def get_queryset(self) -> QuerySet[Vendor]:
        return selectors.vendor_list_for_user(user=authenticated_user(self.request))

    def _annotated(self, vendor: Vendor) -> Vendor:
        return self.get_queryset().get(pk=vendor.pk)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = VendorWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        # A new vendor starts private: sharing is chosen afterwards, by PATCH.
        chosen = {k: v for k, v in serializer.validated_data.items() if k in CREATE_FIELDS}
        vendor = services.vendor_create(owner=authenticated_user(request), **chosen)
        return Response(
            VendorSerializer(self._annotated(vendor)).data, status=status.HTTP_201_CREATED
        )

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        vendor = self.get_object()
        if _role_of_caller(vendor) != Role.OWNER:
            raise PermissionDenied(gettext("Only an owner can change this vendor."))
        serializer = VendorWriteSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        services.vendor_update(vendor=vendor, **serializer.validated_data)
        return Response(VendorSerializer(self._annotated(vendor)).data)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        vendor = self.get_object()
        if _role_of_caller(vendor) != Role.OWNER:
            raise PermissionDenied(gettext("Only an owner can delete this collection."))
        services.vendor_delete(vendor=vendor)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @action(detail=True, methods=["post"], url_path="regenerate-share-link")
    def regenerate_share_link(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        vendor = self.get_object()
        if _role_of_caller(vendor) != Role.OWNER:
            raise PermissionDenied(
                gettext("Only an owner can change how this collection is shared.")
            )
        services.share_link_regenerate(vendor=vendor)
        return Response(VendorSerializer(self._annotated(vendor)).data)

    @action(detail=True, methods=["post"])
    def leave(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        vendor = self.get_object()
        membership = selectors.membership_get(user=authenticated_user(request), vendor=vendor)
        if membership is None:  # left in a race since get_object
            raise Http404
        services.membership_leave(membership=membership)
        return Response(status=status.HTTP_204_NO_CONTENT)


class VendorInUrlMixin(viewsets.GenericViewSet):
    """For the views under `/vendors/{vendor_pk}/`: the caller's vendor, the owner check."""

    owner_only_message = _("Only an owner can manage members.")

    def get_vendor(self) -> Vendor:
        """The vendor in the URL, if the caller is a member (else 404: no existence leak)."""
        if not hasattr(self, "_vendor"):
            vendor = selectors.vendor_get_for_user(
                user=authenticated_user(self.request), vendor_id=self.kwargs["vendor_pk"]
            )
            if vendor is None:
                raise Http404
            self._vendor = vendor
        return self._vendor

    def require_owner(self, vendor: Vendor) -> None:
        if _role_of_caller(vendor) != Role.OWNER:
            raise PermissionDenied(self.owner_only_message)


@extend_schema_view(
    list=extend_schema(tags=TAG, summary="List a vendor's members"),
    create=extend_schema(
        tags=TAG,
        summary="Add a member by email (owners only)",
        request=MembershipCreateSerializer,
        responses={201: MembershipSerializer},
    ),
    partial_update=extend_schema(
        tags=TAG,
        summary="Change a member's role (owners only; the last owner stays owner)",
        request=MembershipUpdateSerializer,
        responses={200: MembershipSerializer},
    ),
    destroy=extend_schema(tags=TAG, summary="Remove a member (owners only; never the last owner)"),
)
class MembershipViewSet(
    VendorInUrlMixin,
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = MembershipSerializer
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    pagination_class = None
    filter_backends: list = []

    def get_queryset(self) -> QuerySet[Membership]:
        if getattr(self, "swagger_fake_view", False):
            return Membership.objects.none()
        return selectors.member_list(vendor=self.get_vendor())

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        vendor = self.get_vendor()
        self.require_owner(vendor)
        serializer = MembershipCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        membership = services.membership_add(vendor=vendor, **serializer.validated_data)
        return Response(MembershipSerializer(membership).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        membership = self.get_object()
        self.require_owner(self.get_vendor())
        # Partial, as PATCH is: a body without `role` changes nothing.
        serializer = MembershipUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        if "role" in serializer.validated_data:
            membership = services.membership_change_role(
                membership=membership, role=serializer.validated_data["role"]
            )
        return Response(MembershipSerializer(membership).data)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        membership = self.get_object()
        self.require_owner(self.get_vendor())
        services.membership_remove(membership=membership)
        return Response(status=status.HTTP_204_NO_CONTENT)
