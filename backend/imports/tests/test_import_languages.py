"""An import's texts in its reader's language: why a whole job failed is stored in English
and read in the request's language; the rows' problems, written by the worker with their
values, are in the language of the job's owner."""

from __future__ import annotations

import pytest
from conftest import client_for
from django.db import OperationalError

from imports import services, tasks
from imports.fields import TARGETS
from imports.models import ImportJob
from imports.tests.importing import GENERIC, commit, record_commits, upload
from users.factories import UserFactory
from vendors.factories import MembershipFactory, VendorFactory
from vendors.models import Membership, Role

pytestmark = pytest.mark.django_db

BROKEN = GENERIC + "Broken,Set,1,shiny,1,12,2024-01-01\n"
CARDS = {"defaults": {"category": "trading_card"}}
CATEGORIES = TARGETS["category"].values


@pytest.fixture
def commits(monkeypatch):
    return record_commits(monkeypatch)


def draft(client, content=GENERIC, vendor=None):
    fields = {"day_first": "true"} | ({"vendor": vendor.pk} if vendor else {})
    job = upload(client, content, **fields).json()
    response = client.patch(f"/api/v1/imports/{job['id']}/", CARDS)
    assert response.status_code == 200, response.json()
    return job["id"]


def read(client, job_id, language):
    return client.get(f"/api/v1/imports/{job_id}/", HTTP_ACCEPT_LANGUAGE=language).json()


def test_why_a_job_failed_reads_in_the_readers_language(
    commits, django_capture_on_commit_callbacks
):
    shop = VendorFactory(name="Kanto Cards")
    MembershipFactory(vendor=shop, role=Role.OWNER)
    editor = MembershipFactory(vendor=shop, role=Role.EDITOR).user
    client = client_for(editor)
    job_id = draft(client, vendor=shop)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/api/v1/imports/{job_id}/commit").status_code == 202
    Membership.objects.filter(user=editor, vendor=shop).update(role=Role.VIEWER)

    commits.run()

    assert ImportJob.objects.get(pk=job_id).error == services.NO_LONGER_AN_EDITOR
    assert read(client, job_id, "de")["error"] == (
        "Sie können dieser Sammlung keine Objekte mehr hinzufügen; es wurde nichts importiert."
    )
    assert read(client, job_id, "en")["error"] == services.NO_LONGER_AN_EDITOR


@pytest.mark.parametrize(
    ("error", "stored", "german"),
    [
        (OperationalError("gone"), services.DATABASE_UNAVAILABLE, "Die Datenbank war nicht"),
        (RuntimeError("bug"), services.INTERNAL_ERROR, "Bei uns ist etwas schiefgegangen;"),
    ],
)
def test_a_job_the_worker_gave_up_on_reads_in_german(
    commits, django_capture_on_commit_callbacks, monkeypatch, error, stored, german
):
    owner = UserFactory()
    client = client_for(owner)
    job_id = draft(client)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/api/v1/imports/{job_id}/commit")

    def fails(*, job_id: int) -> None:
        raise error

    monkeypatch.setattr(services, "import_job_execute", fails)
    tasks.import_job_commit.apply(args=[job_id], retries=tasks.MAX_RETRIES)  # the last try

    assert ImportJob.objects.get(pk=job_id).error == stored  # the catalogue's own sentence
    assert read(client, job_id, "de")["error"].startswith(german)
    assert read(client, job_id, "en")["error"] == stored


def test_the_rows_problems_are_written_in_the_owners_language(
    commits, django_capture_on_commit_callbacks
):
    owner = UserFactory(language="de")
    client = client_for(owner)
    job_id = draft(client, BROKEN)

    done = commit(client, job_id, commits, django_capture_on_commit_callbacks)

    assert done["failed"] == 1
    (problem,) = done["errors"]
    assert problem["column"] == "condition"
    assert problem["message"].startswith("Unbekannter Wert „shiny“ für ")


def test_a_default_for_a_field_without_defaults_is_refused_in_german():
    client = client_for(UserFactory())
    job = upload(client, GENERIC).json()

    response = client.patch(
        f"/api/v1/imports/{job['id']}/",
        {"defaults": {"name": "x", "category": "spaceship"}},
        HTTP_ACCEPT_LANGUAGE="de",
    )

    assert response.status_code == 400
    assert response.json()["fields"]["defaults"] == [
        "„name“ kann keinen Standardwert haben.",
        f"category: „spaceship“ ist keiner dieser Werte: {', '.join(CATEGORIES)}.",
    ]


def test_a_refused_tracker_url_is_written_in_the_owners_language(
    commits, django_capture_on_commit_callbacks
):
    """The scraper's refusal is said again from its code and values (gateway.url_problem)."""
    owner = UserFactory(language="de")
    client = client_for(owner)
    job_id = draft(client, "name,url\nCharizard,http://127.0.0.1/admin\n")

    done = commit(client, job_id, commits, django_capture_on_commit_callbacks)

    (problem,) = done["errors"]
    assert problem["column"] == "url"
    assert problem["message"] == (
        "Die Adresse 127.0.0.1 zeigt auf diesen Rechner selbst (Loopback); Omni-Stock ruft "
        "sie aus Sicherheitsgründen nicht ab."
    )
