"""The invitation mail is written in the inviting owner's language (the invitee may have no
account): their choice, else the language of the request that sent the invitation."""

from datetime import UTC

import pytest
from conftest import client_for
from django.core import mail

from users.factories import UserFactory
from vendors.factories import MembershipFactory, VendorFactory
from vendors.models import Invitation, Role

pytestmark = pytest.mark.django_db

GERMAN_MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August"]
GERMAN_MONTHS += ["September", "Oktober", "November", "Dezember"]


def invite_as(owner, shop, capture, role="editor", **extra):
    with capture(execute=True):  # the mail leaves when the invitation is committed
        response = client_for(owner).post(
            f"/api/v1/vendors/{shop.pk}/invitations/",
            {"email": "ash@example.com", "role": role},
            **extra,
        )
    assert response.status_code == 201, response.content
    return response.json()


def owner_of(shop, **fields):
    user = UserFactory(display_name="Misty", **fields)
    return MembershipFactory(vendor=shop, role=Role.OWNER, user=user).user


@pytest.fixture
def shop():
    return VendorFactory(name="Kanto Cards")


def test_an_owner_who_chose_german_invites_in_german(shop, django_capture_on_commit_callbacks):
    owner = owner_of(shop, language="de")

    body = invite_as(owner, shop, django_capture_on_commit_callbacks, HTTP_ACCEPT_LANGUAGE="en")

    sent = mail.outbox[0]
    expires = Invitation.objects.get(pk=body["id"]).expires_at.astimezone(UTC)
    month = GERMAN_MONTHS[expires.month - 1]
    assert sent.subject == "Misty hat Sie zu „Kanto Cards“ auf Omni-Stock eingeladen"
    assert "der Sammlung „Kanto Cards“ auf Omni-Stock als Bearbeiter beizutreten" in sent.body
    assert f"(er gilt bis {expires.day}. {month} {expires:%Y %H:%M} UTC):" in sent.body
    assert body["link"] in sent.body


def test_without_a_choice_the_request_language_writes_it(shop, django_capture_on_commit_callbacks):
    owner = owner_of(shop, language="")
    capture = django_capture_on_commit_callbacks

    invite_as(owner, shop, capture, role="viewer", HTTP_ACCEPT_LANGUAGE="de")
    invite_as(owner, shop, capture, role="viewer", HTTP_ACCEPT_LANGUAGE="en")

    german, english = mail.outbox
    assert "als Betrachter beizutreten" in german.body
    assert "as a viewer." in english.body
    assert english.subject == "Misty invited you to “Kanto Cards” on Omni-Stock"
