from django.urls import path
from rest_framework.routers import SimpleRouter

from inventory import api, bulk_api, photos_api, search_api

router = SimpleRouter()
router.register("collectibles", api.CollectibleViewSet, basename="collectible")
router.register(
    r"collectibles/(?P<collectible_pk>\d+)/photos", photos_api.PhotoViewSet, basename="photo"
)

urlpatterns = [
    path("collectibles/bulk", bulk_api.CollectibleBulkEditView.as_view(), name="collectible-bulk"),
    path(
        "collectibles/<int:collectible_pk>/duplicate",
        api.CollectibleDuplicateView.as_view(),
        name="collectible-duplicate",
    ),
    path(
        "collectibles/<int:collectible_pk>/acquire",
        api.CollectibleAcquireView.as_view(),
        name="collectible-acquire",
    ),
    *router.urls,
    path("search", search_api.SearchView.as_view(), name="search"),
]
