from django.urls import path
from rest_framework.routers import SimpleRouter

from vendors import api

router = SimpleRouter()
router.register("vendors", api.VendorViewSet, basename="vendor")

members = api.MembershipViewSet.as_view({"get": "list", "post": "create"})
member = api.MembershipViewSet.as_view({"patch": "partial_update", "delete": "destroy"})

urlpatterns = [
    *router.urls,
    path("vendors/<int:vendor_pk>/members/", members, name="vendor-members"),
    path("vendors/<int:vendor_pk>/members/<int:pk>/", member, name="vendor-member-detail"),
]
