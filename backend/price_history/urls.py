from django.urls import path
from rest_framework.routers import SimpleRouter

from price_history import api

router = SimpleRouter()
router.register(
    r"collectibles/(?P<collectible_pk>\d+)/trackers", api.TrackerViewSet, basename="tracker"
)
router.register("scrape-jobs", api.ScrapeJobViewSet, basename="scrape-job")

urlpatterns = [
    *router.urls,
    path(
        "collectibles/<int:collectible_pk>/refresh-prices",
        api.RefreshPricesView.as_view(),
        name="collectible-refresh-prices",
    ),
    path(
        "collectibles/<int:collectible_pk>/prices",
        api.PricesView.as_view(),
        name="collectible-prices",
    ),
]
