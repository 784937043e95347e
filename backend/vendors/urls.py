from django.urls import path
from rest_framework.routers import SimpleRouter

from vendors import api, api_invitations

router = SimpleRouter()
router.register("vendors", api.VendorViewSet, basename="vendor")

members = api.MembershipViewSet.as_view({"get": "list", "post": "create"})
member = api.MembershipViewSet.as_view({"patch": "partial_update", "delete": "destroy"})
invites = api_invitations.InvitationViewSet.as_view({"get": "list", "post": "create"})
invite = api_invitations.InvitationViewSet.as_view({"delete": "destroy"})

urlpatterns = [
    *router.urls,
    path("vendors/<int:vendor_pk>/members/", members, name="vendor-members"),
    path("vendors/<int:vendor_pk>/members/<int:pk>/", member, name="vendor-member-detail"),
    path("vendors/<int:vendor_pk>/invitations/", invites, name="vendor-invitations"),
    path("vendors/<int:vendor_pk>/invitations/<int:pk>/", invite, name="vendor-invitation"),
    path(
        "invitations/<str:token>",
        api_invitations.InvitationDetailView.as_view(),
        name="invitation-detail",
    ),
    path(
        "invitations/<str:token>/accept",
        api_invitations.InvitationAcceptView.as_view(),
        name="invitation-accept",
    ),
]
