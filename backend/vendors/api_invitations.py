"""HTTP for invitations: the owners' side under `/vendors/{id}/invitations/`, and the
invited person's side under `/invitations/{token}` (reading it needs no account)."""

from typing import Any

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from users.api import site_url
from users.auth import authenticated_user
from vendors import emails, invitations
from vendors.api import TAG, VendorInUrlMixin
from vendors.models import Invitation
from vendors.serializers import (
    InvitationCreateSerializer,
    InvitationSerializer,
    IssuedInvitationSerializer,
    PublicInvitationSerializer,
    VendorSerializer,
)

#: The SPA page the mailed link opens (`frontend/src/config/paths.ts`: `invitation`).
SPA_INVITATION_PATH = "/invitations/{token}"

TOKEN_PARAMETER = OpenApiParameter(
    "token", str, OpenApiParameter.PATH, description="The token from the invitation link."
)


def _shape(invitation: Invitation) -> dict[str, Any]:
    state = invitations.invitation_state(invitation)
    return {
        "id": invitation.pk,
        "email": invitation.email,
        "role": invitation.role,
        "invited_by": emails.inviter_name(invitation) if invitation.invited_by else None,
        "created_at": invitation.created_at,
        "expires_at": invitation.expires_at,
        "expired": state == invitations.InvitationState.EXPIRED,
    }


@extend_schema_view(
    list=extend_schema(
        tags=TAG,
        summary="List a vendor's open invitations (owners only)",
        description="Not yet accepted nor revoked; expired ones are flagged (re-invite to renew).",
    ),
    create=extend_schema(
        tags=TAG,
        summary="Invite someone by email, with or without an account (owners only)",
        description=(
            "Mails a link to the SPA's `/invitations/{token}`, valid for "
            "`INVITATION_MAX_AGE_DAYS` days. Inviting an address that already has an open "
            "invitation renews it (new link, role and expiry; the old link stops working). "
            "The answer carries the link, this once, for the owner to pass on."
        ),
        request=InvitationCreateSerializer,
        responses={201: IssuedInvitationSerializer},
    ),
    destroy=extend_schema(tags=TAG, summary="Revoke an invitation (owners only)"),
)
class InvitationViewSet(
    VendorInUrlMixin,
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = InvitationSerializer
    http_method_names = ["get", "post", "delete", "head", "options"]
    pagination_class = None
    filter_backends: list = []
    owner_only_message = _("Only an owner can see and send this collection's invitations.")

    @property
    def extra_error_codes(self) -> tuple[str, ...]:
        # Listing is for owners only (403); an accepted invitation cannot be revoked (400).
        codes = {"list": ("403",), "destroy": ("400",)}
        return codes.get(getattr(self, "action", None) or "", ())

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return Invitation.objects.none()
        vendor = self.get_vendor()
        self.require_owner(vendor)
        return invitations.invitation_list_pending(vendor=vendor)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        shaped = [_shape(invitation) for invitation in self.get_queryset()]
        return Response(InvitationSerializer(shaped, many=True).data)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        vendor = self.get_vendor()
        self.require_owner(vendor)
        serializer = InvitationCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)

        def link_for(token: str) -> str:
            # The origin the account mails use too (SITE_URL, else this request's).
            return site_url(request) + SPA_INVITATION_PATH.format(token=token)

        issued = invitations.invitation_create(
            vendor=vendor,
            invited_by=authenticated_user(request),
            link_for=link_for,
            **serializer.validated_data,
        )
        body = {**_shape(issued.invitation), "link": link_for(issued.token)}
        return Response(IssuedInvitationSerializer(body).data, status=status.HTTP_201_CREATED)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        invitations.invitation_revoke(invitation=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


class InvitationDetailView(APIView):
    """What the invitation page shows before anyone signs in."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(
        tags=TAG,
        summary="Read an invitation by its token (no account needed)",
        parameters=[TOKEN_PARAMETER],
        responses={200: PublicInvitationSerializer},
    )
    def get(self, request: Request, token: str) -> Response:
        invitation = invitations.invitation_get_by_token(token=token)
        if invitation is None:
            raise Http404
        state = invitations.invitation_state(invitation)
        body = {
            "vendor_name": invitation.vendor.name,
            "invited_by": emails.inviter_name(invitation),
            "email": invitation.email,
            "role": invitation.role,
            "expires_at": invitation.expires_at,
            "status": state,
            "expired": state == invitations.InvitationState.EXPIRED,
        }
        return Response(PublicInvitationSerializer(body).data)


class InvitationAcceptView(APIView):
    @extend_schema(
        tags=TAG,
        summary="Accept an invitation: join its vendor with its role",
        description=(
            "Signed in as the invited address (403 `email_mismatch` otherwise). An expired, "
            "revoked or used invitation is a 400 saying which; the answer is the vendor "
            "joined, with your new role."
        ),
        parameters=[TOKEN_PARAMETER],
        request=None,
        responses={200: VendorSerializer},
    )
    def post(self, request: Request, token: str) -> Response:
        user = authenticated_user(request)
        try:
            membership = invitations.invitation_accept(token=token, user=user)
        except invitations.InvitationForSomeoneElse as refused:
            raise PermissionDenied(str(refused), code="email_mismatch") from refused
        if membership is None:
            raise Http404
        vendor = membership.vendor
        vendor.role = membership.role  # type: ignore[attr-defined]  # as the list annotates it
        return Response(VendorSerializer(vendor).data)
