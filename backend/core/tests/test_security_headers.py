"""Security headers: a strict Content-Security-Policy per area, Permissions-Policy, and no
caching of per-user API answers."""

import base64
import hashlib
import os
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from rest_framework.test import APIClient

from core.security_headers import inline_script_hashes

THEME_SCRIPT = b"\n      document.documentElement.classList.toggle('dark', true);\n    "
INDEX = (
    b"<!doctype html><head><script>" + THEME_SCRIPT + b"</script>"
    b'<script type="module" crossorigin src="/assets/index.js"></script></head>'
    b'<div id="root"></div>'
)


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {name: values for name, *values in parts}


def sha256_source(script: bytes) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script).digest()).decode() + "'"


@pytest.fixture
def built_spa(settings, tmp_path):
    (tmp_path / "index.html").write_bytes(INDEX)
    settings.SPA_DIST_DIR = tmp_path
    return tmp_path


class TestContentSecurityPolicy:
    def test_the_spa_runs_only_its_own_files_and_its_theme_script_by_hash(self, client, built_spa):
        policy = directives(client.get("/collection"))

        assert policy["script-src"] == ["'self'", sha256_source(THEME_SCRIPT)]
        # Inline styles only (the dialogs' scroll lock injects a <style>), never scripts.
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert "'unsafe-inline'" not in " ".join(policy["script-src"] + policy["default-src"])

    def test_a_rebuilt_index_gets_its_new_hash(self, client, built_spa):
        client.get("/")
        (built_spa / "index.html").write_bytes(b"<script>rebuilt()</script>")
        os.utime(built_spa / "index.html", ns=(1, 1))

        assert directives(client.get("/"))["script-src"] == [
            "'self'",
            sha256_source(b"rebuilt()"),
        ]

    def test_the_built_spa_if_present_has_each_inline_script_hashed(self):
        index = Path(django_settings.PROJECT_DIR) / "frontend" / "dist" / "index.html"
        if not index.is_file():
            pytest.skip("the SPA is not built")
        html = index.read_bytes()

        assert len(inline_script_hashes(html)) == html.count(b"<script>")

    def test_the_json_api_may_load_nothing(self, api_client):
        policy = directives(api_client.get("/api/v1/auth/me"))

        assert policy == {
            "default-src": ["'none'"],
            "base-uri": ["'none'"],
            "frame-ancestors": ["'none'"],
        }

    @pytest.mark.parametrize("path", ["/api/docs/", "/api/redoc/"])
    def test_the_api_docs_allow_injected_styles_and_blob_workers_but_no_inline_script(
        self, client, path
    ):
        response = client.get(path)

        policy = directives(response)
        assert response.status_code == 200
        assert policy["script-src"] == ["'self'"]
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["worker-src"] == ["'self'", "blob:"]

    def test_the_admin_gets_the_strict_policy_without_the_spa_hash(self, client, built_spa):
        policy = directives(client.get("/admin/login/"))

        assert policy["script-src"] == ["'self'"]
        assert policy["form-action"] == ["'self'"]


@pytest.mark.parametrize("path", ["/", "/api/v1/auth/me", "/admin/login/", "/healthz"])
def test_powerful_browser_features_are_denied_everywhere(client, built_spa, path):
    header = client.get(path)["Permissions-Policy"]

    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in header


@pytest.mark.django_db
class TestNoStore:
    def test_an_authenticated_api_answer_is_never_stored(self, auth_client):
        response = auth_client.get("/api/v1/auth/me")

        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]

    def test_the_answers_that_carry_tokens_are_never_stored(self, user):
        user.set_password("pallet-town-1996")
        user.save()
        browser = APIClient()
        login = browser.post(
            "/api/v1/auth/login", {"email": user.email, "password": "pallet-town-1996"}
        )
        refreshed = browser.post("/api/v1/auth/refresh", {})

        assert login.status_code == refreshed.status_code == 200
        assert "no-store" in login["Cache-Control"]
        assert "no-store" in refreshed["Cache-Control"]

    def test_the_public_schema_stays_cacheable_unless_credentials_were_sent(self, api_client):
        anonymous = api_client.get("/api/schema/")
        with_token = APIClient(HTTP_AUTHORIZATION="Bearer x").get("/api/schema/")

        assert "no-store" not in anonymous.get("Cache-Control", "")
        assert "no-store" in with_token["Cache-Control"]
