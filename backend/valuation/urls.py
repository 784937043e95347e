from django.urls import path

from valuation import api

urlpatterns = [
    path("dashboard", api.DashboardView.as_view(), name="dashboard"),
    path("dashboard/value-history", api.ValueHistoryView.as_view(), name="dashboard-value-history"),
]
