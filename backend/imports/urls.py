from django.urls import path
from rest_framework.routers import SimpleRouter

from imports import api, api_exports

router = SimpleRouter()
router.register("imports", api.ImportJobViewSet, basename="import-job")

# Included before inventory's router, so `collectibles/export` is not read as an item id.
urlpatterns: list = [
    path(
        "collectibles/export",
        api_exports.CollectibleExportView.as_view({"get": "list"}),
        name="collectible-export",
    ),
    path("vendors/<int:vendor_id>/takeout", api_exports.TakeoutView.as_view(), name="takeout"),
    path("vendors/<int:vendor_id>/restore", api_exports.RestoreView.as_view(), name="restore"),
    *router.urls,
    path(
        "imports/<int:pk>/commit",
        api.ImportJobViewSet.as_view({"post": "commit"}),
        name="import-job-commit",
    ),
    path(
        "imports/<int:pk>/undo",
        api.ImportJobViewSet.as_view({"post": "undo"}),
        name="import-job-undo",
    ),
]
