from django.urls import path

from valuation import api, bundles_api, saved_views_api, sharing

urlpatterns = [
    path("dashboard", api.DashboardView.as_view(), name="dashboard"),
    path(
        "collectibles/<int:collectible_pk>/best-offers",
        api.BestOffersView.as_view(),
        name="collectible-best-offers",
    ),
    path("dashboard/value-history", api.ValueHistoryView.as_view(), name="dashboard-value-history"),
    path("saved-views/", saved_views_api.SavedViewListView.as_view(), name="saved-views"),
    path(
        "saved-views/reorder",
        saved_views_api.SavedViewReorderView.as_view(),
        name="saved-views-reorder",
    ),
    path(
        "saved-views/<int:pk>",
        saved_views_api.SavedViewDetailView.as_view(),
        name="saved-view-detail",
    ),
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
