"""The import API: upload, preview, mapping changes, permissions, bad files."""

from __future__ import annotations

import pytest
from conftest import client_for
from django.test import override_settings

from imports.fields import GROUPS, TARGETS
from imports.models import ImportJob
from imports.tests.importing import GENERIC, upload
from inventory.models import Collectible
from users.factories import UserFactory
from vendors.factories import MembershipFactory, VendorFactory
from vendors.models import Role
from vendors.selectors import personal_vendor_for_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return UserFactory()


@pytest.fixture
def client(owner):
    return client_for(owner)


class TestUpload:
    def test_upload_answers_columns_suggested_mapping_preview_and_counts(self, client, owner):
        response = upload(client, GENERIC, day_first="true")
        assert response.status_code == 201, response.json()
        job = response.json()
        assert job["status"] == "draft"
        assert job["vendor"] == personal_vendor_for_user(user=owner).pk
        assert job["columns"] == [
            "name",
            "set",
            "number",
            "condition",
            "quantity",
            "price paid",
            "date",
        ]
        assert job["suggested_mapping"]["price paid"] == "purchase_price"
        assert job["mapping"] == job["suggested_mapping"]
        assert job["counts"] == {"rows": 3, "create": 0, "update": 0, "skip": 0, "error": 3}
        # No category column: each row says how to fix it.
        assert "default category" in job["errors"][0]["message"]
        assert Collectible.objects.count() == 0  # nothing is written before the commit

    def test_rows_as_they_would_be_stored(self, client):
        job = upload(client, GENERIC, day_first="true").json()
        response = client.patch(
            f"/api/v1/imports/{job['id']}/", {"defaults": {"category": "trading_card"}}
        )
        assert response.status_code == 200, response.json()
        body = response.json()
        assert body["counts"]["create"] == 3
        first, second, third = (row["item"] for row in body["preview"])
        assert (first["purchase_price"], first["purchase_currency"]) == ("1250.50", "USD")
        assert (second["condition"], second["purchase_date"], second["quantity"]) == (
            "excellent", "2024-03-05", 2,
        )  # fmt: skip
        assert (third["purchase_currency"], third["purchase_date"]) == ("EUR", "2024-01-02")
        assert [row["row"] for row in body["preview"]] == [2, 3, 4]

    def test_another_vendor_needs_membership_and_an_edit_role(self, client, owner):
        stranger = VendorFactory()
        response = upload(client, GENERIC, vendor=stranger.pk)
        assert response.status_code == 400
        assert response.json()["fields"] == {"vendor": ["You are not a member of this vendor."]}
        viewing = MembershipFactory(user=owner, role=Role.VIEWER).vendor
        assert upload(client, GENERIC, vendor=viewing.pk).status_code == 403
        shop = MembershipFactory(user=owner, role=Role.EDITOR).vendor
        assert upload(client, GENERIC, vendor=shop.pk).json()["vendor"] == shop.pk

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            (b"", "The file is empty."),
            (bytes(range(256)) * 40, "not a CSV, TSV, XLSX or JSON file"),
            (b'[{"name": "A"}', "not valid JSON"),
            (b'{"name": "A"}', "must be a list of objects"),
        ],
    )
    def test_bad_files_are_a_400_that_says_why(self, client, content, message):
        response = upload(client, content, name="x.csv")
        assert response.status_code == 400
        body = response.json()
        assert message in body["fields"]["file"][0]
        assert ImportJob.objects.count() == 0

    def test_a_file_past_the_size_limit_is_a_413_in_the_error_shape(self, client):
        response = upload(client, b"name\n" + b"A" * (50 * 1024 * 1024), name="big.csv")
        assert response.status_code == 413
        assert response.json()["code"] == "payload_too_large"
        assert "split it" in response.json()["detail"]

    @override_settings(IMPORT_MAX_ROWS=5)
    def test_too_many_rows(self, client):
        response = upload(client, "name\n" + "A\n" * 6)
        assert response.status_code == 400
        assert "at most 5" in response.json()["fields"]["file"][0]

    def test_no_file(self, client):
        response = client.post("/api/v1/imports/", {}, format="multipart")
        assert response.status_code == 400
        assert "file" in response.json()["fields"]


class TestMapping:
    @pytest.fixture
    def job(self, client):
        return upload(client, GENERIC).json()

    def test_unknown_columns_and_fields_are_a_400_naming_them(self, client, job):
        response = client.patch(
            f"/api/v1/imports/{job['id']}/",
            {"mapping": {"nope": "name", "set": "colour", "quantity": "name"}},
        )
        assert response.status_code == 400
        problems = response.json()["fields"]["mapping"]
        assert "The file has no column 'nope'." in problems
        assert "Unknown field 'colour' (for column 'set')." in problems

    def test_two_columns_cannot_fill_one_number(self, client, job):
        response = client.patch(
            f"/api/v1/imports/{job['id']}/", {"mapping": {"price paid": "quantity"}}
        )
        assert response.status_code == 400
        assert "Only one column can fill quantity" in response.json()["fields"]["mapping"][0]

    def test_value_maps_and_defaults_are_checked(self, client, job):
        response = client.patch(
            f"/api/v1/imports/{job['id']}/",
            {"value_maps": {"condition": {"NM": "shiny"}, "name": {"a": "b"}},
             "defaults": {"category": "spaceship", "purchase_currency": "XYZ"}},
        )  # fmt: skip
        assert response.status_code == 400
        fields = response.json()["fields"]
        assert "is not one of" in fields["value_maps"][0]
        assert "not a field with choices" in fields["value_maps"][1]
        assert len(fields["defaults"]) == 2

    def test_a_value_map_changes_the_preview(self, client, job):
        response = client.patch(
            f"/api/v1/imports/{job['id']}/",
            {"value_maps": {"condition": {"NM": "mint"}}, "defaults": {"category": "coin"}},
        )
        assert response.status_code == 200
        assert response.json()["preview"][0]["item"]["condition"] == "mint"
        assert response.json()["preview"][0]["item"]["category"] == "coin"

    def test_a_column_can_be_left_out(self, client, job):
        response = client.patch(
            f"/api/v1/imports/{job['id']}/",
            {"mapping": {"price paid": None}, "defaults": {"category": "coin"}},
        )
        assert response.status_code == 200
        assert "purchase_price" not in response.json()["preview"][0]["item"]
        assert response.json()["mapping"]["name"] == "name"  # the others kept theirs

    def test_the_job_offers_every_field_by_group_and_the_marketplaces_its_mapping_uses(
        self, client, job
    ):
        response = client.patch(
            f"/api/v1/imports/{job['id']}/", {"mapping": {"set": "external_ids.cardmarket"}}
        )
        assert response.status_code == 200, response.json()
        targets = response.json()["targets"]
        names = [target["name"] for target in targets]
        assert set(TARGETS) < set(names)
        assert len(names) == len(set(names))
        groups = [target["group"] for target in targets]
        assert list(dict.fromkeys(groups)) == list(GROUPS)  # each group together, in order
        assert {"name": "card_details.game", "label": "Game", "group": "Card details",
                "kind": "text"} in targets  # fmt: skip
        assert targets[-1] == {"name": "external_ids.cardmarket", "label": "cardmarket id",
                               "group": "Marketplaces and tracking", "kind": "external_id"}  # fmt: skip
        # The list of jobs leaves them out.
        assert "targets" not in client.get("/api/v1/imports/").json()["results"][0]


class TestPermissions:
    def test_another_collectors_job_is_a_404(self, client):
        job = upload(client, GENERIC).json()
        other = client_for(UserFactory())
        assert other.get(f"/api/v1/imports/{job['id']}/").status_code == 404
        assert other.patch(f"/api/v1/imports/{job['id']}/", {}).status_code == 404
        assert other.post(f"/api/v1/imports/{job['id']}/commit").status_code == 404
        assert other.post(f"/api/v1/imports/{job['id']}/undo").status_code == 404
        assert other.get("/api/v1/imports/").json()["count"] == 0

    def test_a_collector_demoted_to_viewer_can_no_longer_commit(self, client, owner):
        membership = MembershipFactory(user=owner, role=Role.EDITOR)
        MembershipFactory(vendor=membership.vendor, role=Role.OWNER)
        job = upload(client, GENERIC, vendor=membership.vendor_id).json()
        membership.role = Role.VIEWER
        membership.save()
        assert client.post(f"/api/v1/imports/{job['id']}/commit").status_code == 403

    def test_the_list_shows_ones_own_jobs_without_their_rows(self, client):
        upload(client, GENERIC)
        body = client.get("/api/v1/imports/").json()
        assert body["count"] == 1
        assert "preview" not in body["results"][0]
        assert body["results"][0]["total"] == 3

    def test_anonymous_is_a_401(self, api_client):
        assert api_client.get("/api/v1/imports/").status_code == 401
