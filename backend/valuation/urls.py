from django.urls import path

from valuation import api, bundles_api, sharing

urlpatterns = [
    path("dashboard", api.DashboardView.as_view(), name="dashboard"),
    path(
        "collectibles/<int:collectible_pk>/best-offers",
        api.BestOffersView.as_view(),
        name="collectible-best-offers",
    ),
    path("dashboard/value-history", api.ValueHistoryView.as_view(), name="dashboard-value-history"),
    path("want-bundles/", bundles_api.WantBundlesView.as_view(), name="want-bundles"),
    path(
        "public/collections/<str:key>",
        sharing.SharedCollectionView.as_view(),
        name="public-collection",
    ),
    path(
        "public/collections/<str:key>/wants",
        sharing.SharedWantsView.as_view(),
        name="public-wants",
    ),
]
