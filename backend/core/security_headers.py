"""Response headers that harden every page and API answer (middleware).

- Content-Security-Policy (django-csp 4). The base policy (settings.CONTENT_SECURITY_POLICY)
  serves the SPA and the admin; paths in settings.CSP_PATH_POLICIES get their own complete
  policy, the longest matching prefix winning: the JSON API allows nothing at all, the API
  docs a little more. The SPA's index.html has one inline script (it applies the colour
  theme before the first paint): rather than allowing inline scripts, the policy allows that
  script by its SHA-256 hash, read from the built file, so a rebuild needs no settings change.
- `Cache-Control: no-store` on API answers that belong to one user or carry tokens.

Permissions-Policy comes from django-permissions-policy (settings.PERMISSIONS_POLICY).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable
from pathlib import Path

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.cache import add_never_cache_headers

# An inline script is a <script> element without a src attribute; its hash covers exactly
# the text between the tags, as the browser computes it.
_SCRIPT = re.compile(rb"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.DOTALL | re.I)
_SRC = re.compile(rb"\ssrc\s*=", re.I)

_spa_hashes: dict[Path, tuple[int, list[str]]] = {}


def inline_script_hashes(html: bytes) -> list[str]:
    """CSP source expressions ('sha256-…') for the inline scripts of a page."""
    hashes = []
    for match in _SCRIPT.finditer(html):
        if _SRC.search(match["attrs"]):
            continue
        digest = base64.b64encode(hashlib.sha256(match["body"]).digest()).decode("ascii")
        hashes.append(f"'sha256-{digest}'")
    return hashes


def spa_script_hashes() -> list[str]:
    """The hashes of the built SPA's inline scripts; none while the SPA is not built."""
    index = Path(settings.SPA_DIST_DIR) / "index.html"
    try:
        mtime = index.stat().st_mtime_ns
    except FileNotFoundError:
        return []
    cached = _spa_hashes.get(index)
    if cached is None or cached[0] != mtime:
        cached = (mtime, inline_script_hashes(index.read_bytes()))
        _spa_hashes[index] = cached
    return cached[1]


def path_policy(path: str) -> dict[str, list[str]] | None:
    """The complete policy configured for this path, or None for the base policy."""
    matches = [prefix for prefix in settings.CSP_PATH_POLICIES if path.startswith(prefix)]
    return settings.CSP_PATH_POLICIES[max(matches, key=len)] if matches else None


def is_spa_path(path: str) -> bool:
    """Paths the SPA (or its static files) may answer: everything but the API and admin."""
    return not path.startswith(("/api/", "/admin/"))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the per-area policies described above."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:  # a view chose its own policy
            return parts
        path = request.path_info
        policy = path_policy(path)
        if policy is not None:
            parts.config = policy
        elif is_spa_path(path) and (hashes := spa_script_hashes()):
            update = dict(parts.update or {})
            update["script-src"] = [*update.get("script-src", []), *hashes]
            parts.update = update
        return parts


class NoStoreApiMiddleware:
    """Django's never-cache headers (`Cache-Control: …, no-store, …, private`) on every
    answer of the versioned API, and on any /api/ answer to a request that sent
    credentials: they are one user's data or carry tokens, and must stay in no browser or
    proxy cache."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        path = request.path_info
        if path.startswith("/api/v1/") or (
            path.startswith("/api/") and "HTTP_AUTHORIZATION" in request.META
        ):
            add_never_cache_headers(response)
        return response
