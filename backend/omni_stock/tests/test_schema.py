import json
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

COMMITTED_SCHEMA = Path(settings.PROJECT_DIR) / "api_schema.json"


def test_committed_schema_matches_the_code(tmp_path):
    generated = tmp_path / "schema.json"

    # --validate checks against the OpenAPI spec; --fail-on-warn catches undocumented views.
    call_command(
        "spectacular",
        "--validate",
        "--fail-on-warn",
        "--format",
        "openapi-json",
        "--file",
        str(generated),
    )

    assert json.loads(generated.read_text()) == json.loads(COMMITTED_SCHEMA.read_text()), (
        "api_schema.json is out of date: run `make schema` and commit the result."
    )


def test_every_operation_is_documented_with_errors_and_security():
    schema = json.loads(COMMITTED_SCHEMA.read_text())
    public = {
        "/api/v1/auth/register",
        "/api/v1/auth/login",
        "/api/v1/auth/refresh",
        "/api/v1/auth/logout",
        # A forgotten password, and the links of account mails: opened signed out.
        "/api/v1/auth/password-reset",
        "/api/v1/auth/password-reset/confirm",
        "/api/v1/auth/verify-email",
        "/api/v1/invitations/{token}",  # the invitation page, before anyone signs in
        # Shared collections and want lists: read by anyone with the link.
        "/api/v1/public/collections/{key}",
        "/api/v1/public/collections/{key}/wants",
    }

    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            where = f"{method.upper()} {path}"
            assert operation.get("summary"), f"{where} has no summary"
            assert operation.get("tags"), f"{where} has no tag"
            codes = set(operation["responses"])
            if path in public:
                assert operation.get("security") in (None, [], [{}]) or {} in operation["security"]
            else:
                assert {"jwtAuth": []} in operation["security"], f"{where} lacks JWT security"
                assert "401" in codes, f"{where} does not document 401"
            for code in codes - {"200", "201", "202", "204"}:
                ref = operation["responses"][code]["content"]["application/json"]["schema"]["$ref"]
                assert ref == "#/components/schemas/Error", f"{where} {code} is not the Error shape"


def _operation(schema: dict, path: str, method: str) -> dict:
    return schema["paths"][path][method]


def _parameter(operation: dict, name: str) -> dict:
    return next(p for p in operation["parameters"] if p["name"] == name)


def test_the_schema_states_the_bounds_the_server_enforces():
    schema = json.loads(COMMITTED_SCHEMA.read_text())
    listing = _operation(schema, "/api/v1/collectibles/", "get")

    assert _parameter(listing, "page_size")["schema"] == {
        "type": "integer",
        "minimum": 1,
        "maximum": 100,
    }
    assert _parameter(listing, "page")["schema"]["minimum"] == 1
    assert "-purchase_price" in _parameter(listing, "ordering")["schema"]["items"]["enum"]
    assert "404" in listing["responses"]  # a page past the last one
    tracker = schema["components"]["schemas"]["TrackerRequest"]["properties"]
    assert tracker["interval_minutes"]["minimum"] == 60
    membership = schema["components"]["schemas"]["PatchedMembershipUpdateRequest"]
    assert "required" not in membership  # and the server treats a missing role as no change


def test_every_operation_documents_the_503_of_a_store_that_is_down():
    schema = json.loads(COMMITTED_SCHEMA.read_text())

    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert "503" in operation["responses"], f"{method.upper()} {path} lacks 503"
            if method in {"post", "put", "patch"}:
                assert "413" in operation["responses"], f"{method.upper()} {path} lacks 413"
