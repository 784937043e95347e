from datetime import timedelta

import pytest
from conftest import client_for
from django.core import mail
from django.utils import timezone
from rest_framework.test import APIClient

from users.factories import UserFactory
from vendors.factories import MembershipFactory, VendorFactory
from vendors.invitations import MAX_PENDING_PER_VENDOR, hash_token
from vendors.models import Invitation, Membership, Role

pytestmark = pytest.mark.django_db


def invitations_url(vendor_id: int) -> str:
    return f"/api/v1/vendors/{vendor_id}/invitations/"


def token_url(token: str) -> str:
    return f"/api/v1/invitations/{token}"


@pytest.fixture
def shop():
    return VendorFactory(name="Kanto Cards")


@pytest.fixture
def owner(shop):
    return MembershipFactory(
        vendor=shop, role=Role.OWNER, user=UserFactory(display_name="Misty")
    ).user


def invite(owner, shop, email="ash@example.com", role="viewer", **extra):
    return client_for(owner).post(invitations_url(shop.id), {"email": email, "role": role}, **extra)


def token_of(response) -> str:
    return response.json()["link"].rsplit("/", 1)[1]


class TestInvite:
    def test_owner_invites_someone_without_an_account(
        self, owner, shop, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = invite(owner, shop, email=" Ash@Example.com ")

        assert response.status_code == 201
        body = response.json()
        assert (body["email"], body["role"], body["invited_by"]) == (
            "ash@example.com",
            "viewer",
            "Misty",
        )
        assert body["link"].startswith("http://testserver/invitations/")
        assert not body["expired"]
        invitation = Invitation.objects.get()
        assert invitation.token_hash == hash_token(token_of(response))
        assert token_of(response) not in invitation.token_hash
        expected = timezone.now() + timedelta(days=7)
        assert abs((invitation.expires_at - expected).total_seconds()) < 60

        assert len(mail.outbox) == 1
        sent = mail.outbox[0]
        assert sent.to == ["ash@example.com"]
        assert "Misty" in sent.subject
        assert "Kanto Cards" in sent.subject
        assert body["link"] in sent.body
        assert "as a viewer" in sent.body

    def test_the_link_uses_site_url_when_set(self, owner, shop, settings):
        settings.SITE_URL = "https://stock.example.com"

        response = invite(owner, shop)

        assert response.json()["link"].startswith("https://stock.example.com/invitations/")

    def test_expiry_follows_the_setting(self, owner, shop, settings):
        settings.INVITATION_MAX_AGE_DAYS = 2

        invite(owner, shop)

        left = Invitation.objects.get().expires_at - timezone.now()
        assert timedelta(days=1, hours=23) < left <= timedelta(days=2)

    def test_reinviting_refreshes_the_pending_invitation(
        self, owner, shop, django_capture_on_commit_callbacks
    ):
        first = invite(owner, shop, role="viewer")
        Invitation.objects.update(expires_at=timezone.now() - timedelta(hours=1))

        with django_capture_on_commit_callbacks(execute=True):
            second = invite(owner, shop, email="ASH@example.com", role="editor")

        assert second.status_code == 201
        assert second.json()["id"] == first.json()["id"]
        invitation = Invitation.objects.get()
        assert invitation.role == Role.EDITOR
        assert invitation.expires_at > timezone.now()
        assert client_for(owner).get(token_url(token_of(first))).status_code == 404
        assert client_for(owner).get(token_url(token_of(second))).status_code == 200
        assert len(mail.outbox) == 1

    def test_open_invitations_are_capped(self, owner, shop):
        later = timezone.now() + timedelta(days=1)
        Invitation.objects.bulk_create(
            Invitation(
                vendor=shop, email=f"p{n}@example.com", token_hash=f"{n:064}", expires_at=later
            )
            for n in range(MAX_PENDING_PER_VENDOR)
        )

        refused = invite(owner, shop, email="one-more@example.com")
        renewed = invite(owner, shop, email="p0@example.com")

        assert refused.status_code == 400
        assert "at most 100 open invitations" in refused.json()["fields"]["email"][0]
        assert renewed.status_code == 201

    def test_an_existing_member_is_a_400(self, owner, shop):
        member = MembershipFactory(vendor=shop, role=Role.VIEWER).user

        response = invite(owner, shop, email=member.email.upper())

        assert response.status_code == 400
        assert "already a member" in response.json()["fields"]["email"][0]
        assert not Invitation.objects.exists()

    @pytest.mark.parametrize(
        ("body", "field"),
        [
            ({"email": "not-an-email", "role": "viewer"}, "email"),
            ({"email": "a@example.com", "role": "admin"}, "role"),
            ({"role": "viewer"}, "email"),
        ],
    )
    def test_bad_input_is_a_400(self, owner, shop, body, field):
        response = client_for(owner).post(invitations_url(shop.id), body)

        assert response.status_code == 400
        assert field in response.json()["fields"]

    @pytest.mark.parametrize("role", [Role.EDITOR, Role.VIEWER])
    def test_editors_and_viewers_cannot_invite_nor_list(self, shop, owner, role):
        member = MembershipFactory(vendor=shop, role=role).user
        invite(owner, shop)

        assert invite(member, shop, email="b@example.com").status_code == 403
        assert client_for(member).get(invitations_url(shop.id)).status_code == 403
        pending = Invitation.objects.get()
        url = f"{invitations_url(shop.id)}{pending.id}/"
        assert client_for(member).delete(url).status_code == 403
        assert Invitation.objects.count() == 1

    def test_outsiders_see_nothing(self, shop, owner):
        invite(owner, shop)
        outsider = UserFactory()

        assert client_for(outsider).get(invitations_url(shop.id)).status_code == 404
        assert invite(outsider, shop, email="c@example.com").status_code == 404
        assert APIClient().get(invitations_url(shop.id)).status_code == 401


class TestListAndRevoke:
    def test_lists_open_invitations_and_revokes_one(self, owner, shop):
        link = token_of(invite(owner, shop, email="a@example.com"))
        invite(owner, shop, email="b@example.com", role="editor")

        listed = client_for(owner).get(invitations_url(shop.id)).json()
        assert sorted(i["email"] for i in listed) == ["a@example.com", "b@example.com"]
        assert "link" not in listed[0]

        first = Invitation.objects.get(email="a@example.com")
        url = f"{invitations_url(shop.id)}{first.id}/"
        assert client_for(owner).delete(url).status_code == 204
        listed = client_for(owner).get(invitations_url(shop.id)).json()
        assert [i["email"] for i in listed] == ["b@example.com"]
        assert client_for(owner).get(token_url(link)).json()["status"] == "revoked"

    def test_another_vendors_invitation_is_404(self, owner, shop):
        other = VendorFactory()
        their_owner = MembershipFactory(vendor=other, role=Role.OWNER).user
        invite(their_owner, other)
        theirs = Invitation.objects.get()

        url = f"{invitations_url(shop.id)}{theirs.id}/"
        assert client_for(owner).delete(url).status_code == 404
        assert Invitation.objects.get().revoked_at is None


class TestReadByToken:
    def test_anyone_with_the_link_reads_it(self, owner, shop):
        token = token_of(invite(owner, shop, role="editor"))

        response = APIClient().get(token_url(token))

        assert response.status_code == 200
        body = response.json()
        assert body == {
            "vendor_name": "Kanto Cards",
            "invited_by": "Misty",
            "email": "ash@example.com",
            "role": "editor",
            "expires_at": body["expires_at"],
            "status": "pending",
            "expired": False,
        }

    def test_inviter_without_display_name_shows_the_email(self, shop):
        owner = MembershipFactory(
            vendor=shop, role=Role.OWNER, user=UserFactory(display_name="")
        ).user
        token = token_of(invite(owner, shop))

        assert APIClient().get(token_url(token)).json()["invited_by"] == owner.email

    def test_expired_is_flagged(self, owner, shop):
        token = token_of(invite(owner, shop))
        Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

        body = APIClient().get(token_url(token)).json()

        assert (body["status"], body["expired"]) == ("expired", True)

    def test_unknown_token_is_404(self):
        response = APIClient().get(token_url("no-such-token"))

        assert response.status_code == 404
        assert response.json()["code"] == "not_found"


class TestAccept:
    def accept(self, user, token):
        return client_for(user).post(f"{token_url(token)}/accept")

    def test_the_invited_person_joins_with_the_role_once(self, owner, shop):
        token = token_of(invite(owner, shop, email="ash@example.com", role="viewer"))
        ash = UserFactory(email="ash@example.com")

        response = self.accept(ash, token)

        assert response.status_code == 200
        assert (response.json()["id"], response.json()["role"]) == (shop.id, "viewer")
        assert Membership.objects.get(vendor=shop, user=ash).role == Role.VIEWER
        invitation = Invitation.objects.get()
        assert invitation.accepted_by == ash
        assert invitation.accepted_at is not None

        again = self.accept(ash, token)
        assert again.status_code == 400
        assert "already been used" in again.json()["detail"]
        assert Membership.objects.filter(vendor=shop, user=ash).count() == 1
        assert client_for(owner).get(invitations_url(shop.id)).json() == []

    def test_someone_else_signed_in_is_refused(self, owner, shop):
        token = token_of(invite(owner, shop, email="ash@example.com"))
        gary = UserFactory(email="gary@example.com")

        response = self.accept(gary, token)

        assert response.status_code == 403
        assert response.json()["code"] == "email_mismatch"
        assert "ash@example.com" in response.json()["detail"]
        assert not Membership.objects.filter(vendor=shop, user=gary).exists()
        assert Invitation.objects.get().accepted_at is None

    def test_expired_is_refused(self, owner, shop):
        token = token_of(invite(owner, shop, email="ash@example.com"))
        Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

        response = self.accept(UserFactory(email="ash@example.com"), token)

        assert response.status_code == 400
        assert "expired" in response.json()["detail"]
        assert Membership.objects.filter(vendor=shop).count() == 1

    def test_revoked_is_refused(self, owner, shop):
        token = token_of(invite(owner, shop, email="ash@example.com"))
        Invitation.objects.update(revoked_at=timezone.now())

        response = self.accept(UserFactory(email="ash@example.com"), token)

        assert response.status_code == 400
        assert "withdrawn" in response.json()["detail"]

    def test_needs_sign_in_and_a_real_token(self, owner, shop):
        token = token_of(invite(owner, shop))

        assert APIClient().post(f"{token_url(token)}/accept").status_code == 401
        assert self.accept(UserFactory(), "forged").status_code == 404

    def test_already_a_member_is_a_400(self, owner, shop):
        token = token_of(invite(owner, shop, email="ash@example.com"))
        ash = UserFactory(email="ash@example.com")
        MembershipFactory(vendor=shop, user=ash, role=Role.EDITOR)

        response = self.accept(ash, token)

        assert response.status_code == 400
        assert "already a member of Kanto Cards" in response.json()["detail"]
        assert Membership.objects.get(vendor=shop, user=ash).role == Role.EDITOR
