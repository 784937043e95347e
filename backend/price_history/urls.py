from django.urls import path
from rest_framework.routers import SimpleRouter

from price_history import api, catalogue_api, page_photo_api, prices_api, vendor_refresh_api

router = SimpleRouter()
router.register(
    r"collectibles/(?P<collectible_pk>\d+)/trackers", api.TrackerViewSet, basename="tracker"
)
router.register("scrape-jobs", api.ScrapeJobViewSet, basename="scrape-job")
router.register(
    r"collectibles/(?P<collectible_pk>\d+)/price-entries",
    prices_api.PriceEntryViewSet,
    basename="price-entry",
)

urlpatterns = [
    *router.urls,
    path(
        "catalogue-search/",
        catalogue_api.CatalogueSearchView.as_view(),
        name="catalogue-search",
    ),
    path(
        "collectibles/<int:collectible_pk>/refresh-prices",
        api.RefreshPricesView.as_view(),
        name="collectible-refresh-prices",
    ),
    path(
        "vendors/<int:vendor_id>/refresh-prices",
        vendor_refresh_api.VendorRefreshPricesView.as_view(),
        name="vendor-refresh-prices",
    ),
    path(
        "collectibles/<int:collectible_pk>/trackers/<int:pk>/photo/",
        page_photo_api.TrackerPhotoView.as_view(),
        name="tracker-photo",
    ),
    path(
        "collectibles/<int:collectible_pk>/price-corrections/",
        prices_api.PriceCorrectionListView.as_view(),
        name="collectible-price-corrections",
    ),
    path(
        "collectibles/<int:collectible_pk>/prices",
        api.PricesView.as_view(),
        name="collectible-prices",
    ),
]
