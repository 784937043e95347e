import re

from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.urls import URLPattern, include, path, re_path
from django.views.static import serve
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)

from core.metrics import metrics_view
from core.views import healthz, readyz, spa_index

api_v1 = [
    path("auth/", include("users.urls")),
    path("", include("users.credential_urls")),
    path("", include("notifications.urls")),
    path("", include("vendors.urls")),
    path("", include("imports.urls")),  # before inventory: collectibles/export
    path("", include("inventory.urls")),
    path("", include("price_history.urls")),
    path("", include("valuation.urls")),
    path("", include("alerts.urls")),
]


def media_urls() -> list[URLPattern]:
    """Local media files (item photos) served by Django when MEDIA_SERVE is on (DEBUG,
    `make run`); with another storage, or behind a proxy that serves MEDIA_ROOT, none."""
    local = settings.STORAGES["default"]["BACKEND"].endswith(".FileSystemStorage")
    if not (settings.MEDIA_SERVE and local and settings.MEDIA_URL.startswith("/")):
        return []
    prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    return [re_path(rf"^{prefix}(?P<path>.+)$", serve_media, name="media")]


def serve_media(request: HttpRequest, path: str) -> HttpResponseBase:
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view loads its script from a URL: the CSP allows no inline script.
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("metrics", metrics_view, name="metrics"),
    *media_urls(),
    # Anything else is a client-side route of the SPA (API and admin paths never reach it).
    re_path(r"^(?!api/|admin/|static/).*$", spa_index, name="spa"),
]

handler404 = "core.exceptions.json_not_found"
handler500 = "core.exceptions.json_server_error"

admin.site.site_header = "Omni-Stock administration"
admin.site.site_title = "Omni-Stock admin"
