from django.urls import path
from rest_framework.routers import SimpleRouter

from inventory import api, search_api

router = SimpleRouter()
router.register("collectibles", api.CollectibleViewSet, basename="collectible")

urlpatterns = [
    *router.urls,
    path("search", search_api.SearchView.as_view(), name="search"),
]
