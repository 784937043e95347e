"""An operator imports a file through the admin: upload for a member of a vendor, then
commit and undo from the list's actions."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from imports.models import ImportJob, ImportStatus
from imports.tests.importing import GENERIC, record_commits
from inventory.models import Collectible
from users.factories import UserFactory
from vendors.factories import MembershipFactory, VendorFactory
from vendors.models import Role

pytestmark = pytest.mark.django_db

ADD = reverse("admin:imports_importjob_add")
CHANGELIST = reverse("admin:imports_importjob_changelist")


@pytest.fixture
def commits(monkeypatch):
    return record_commits(monkeypatch)


@pytest.fixture
def shop():
    return VendorFactory(name="Card shop")


def post_upload(admin_client, *, user, vendor, content=GENERIC, name="items.csv", category=""):
    return admin_client.post(
        ADD,
        {
            "user": user.pk,
            "vendor": vendor.pk,
            "file": SimpleUploadedFile(name, content.encode()),
            "day_first": "on",
            "on_duplicate": "skip",
            "category": category,
        },
    )


def test_the_upload_page_opens(admin_client):
    response = admin_client.get(ADD)
    assert response.status_code == 200
    assert b"Import a file" in response.content


def test_an_upload_for_an_editor_makes_a_draft_and_opens_it(admin_client, shop):
    editor = MembershipFactory(vendor=shop, role=Role.EDITOR).user

    response = post_upload(admin_client, user=editor, vendor=shop)

    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:imports_importjob_change", args=[job.pk])
    assert (job.created_by, job.vendor, job.status) == (editor, shop, ImportStatus.DRAFT)
    assert job.rows_total == 3
    assert job.day_first
    assert not Collectible.objects.filter(vendor=shop).exists()  # nothing until the commit
    assert admin_client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize("role", [Role.VIEWER, None])
def test_an_upload_for_someone_who_cannot_add_to_the_vendor_is_refused(admin_client, shop, role):
    user = MembershipFactory(vendor=shop, role=role).user if role else UserFactory()

    response = post_upload(admin_client, user=user, vendor=shop)

    assert response.status_code == 200
    assert b"cannot add items to this vendor" in response.content
    assert not ImportJob.objects.exists()


def test_a_file_that_cannot_be_read_is_refused_on_the_file_field(admin_client, shop):
    editor = MembershipFactory(vendor=shop, role=Role.EDITOR).user

    response = post_upload(admin_client, user=editor, vendor=shop, content="")

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not ImportJob.objects.exists()


def test_a_file_without_categories_cannot_be_committed_until_one_is_given(
    admin_client, shop, commits
):
    editor = MembershipFactory(vendor=shop, role=Role.EDITOR).user
    post_upload(admin_client, user=editor, vendor=shop)  # GENERIC names no category
    job = ImportJob.objects.get()

    response = admin_client.post(
        CHANGELIST,
        {"action": "commit_drafts", "index": 0, "_selected_action": [job.pk]},
        follow=True,
    )

    assert b"Every row has a problem" in response.content
    job.refresh_from_db()
    assert job.status == ImportStatus.DRAFT
    assert commits.sent == []


def test_commit_and_undo_actions_write_then_remove_the_items(
    admin_client, shop, commits, django_capture_on_commit_callbacks
):
    editor = MembershipFactory(vendor=shop, role=Role.EDITOR).user
    post_upload(admin_client, user=editor, vendor=shop, category="trading_card")
    job = ImportJob.objects.get()
    assert job.defaults["category"] == "trading_card"

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            CHANGELIST,
            {"action": "commit_drafts", "index": 0, "_selected_action": [job.pk]},
            follow=True,
        )
    assert b"1 import(s) queued" in response.content
    commits.run()
    assert Collectible.objects.filter(vendor=shop).count() == 3

    again = admin_client.post(
        CHANGELIST,
        {"action": "commit_drafts", "index": 0, "_selected_action": [job.pk]},
        follow=True,
    )
    assert b"committed already" in again.content

    admin_client.post(
        CHANGELIST, {"action": "undo_imports", "index": 0, "_selected_action": [job.pk]}
    )
    assert not Collectible.objects.filter(vendor=shop).exists()
    job.refresh_from_db()
    assert job.status == ImportStatus.UNDONE
