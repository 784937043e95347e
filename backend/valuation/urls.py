from django.urls import path

from valuation import api, bundles_api

urlpatterns = [
    path("dashboard", api.DashboardView.as_view(), name="dashboard"),
    path(
        "collectibles/<int:collectible_pk>/best-offers",
        api.BestOffersView.as_view(),
        name="collectible-best-offers",
    ),
    path("dashboard/value-history", api.ValueHistoryView.as_view(), name="dashboard-value-history"),
    path("want-bundles/", bundles_api.WantBundlesView.as_view(), name="want-bundles"),
]
