import pytest
from conftest import client_for

from users.factories import UserFactory
from vendors.factories import MembershipFactory, VendorFactory
from vendors.models import Membership, Role

pytestmark = pytest.mark.django_db

VENDORS = "/api/v1/vendors/"


def members_url(vendor_id: int) -> str:
    return f"{VENDORS}{vendor_id}/members/"


def member_url(vendor_id: int, membership_id: int) -> str:
    return f"{VENDORS}{vendor_id}/members/{membership_id}/"


@pytest.fixture
def shop():
    return VendorFactory(name="Kanto Cards", default_currency="EUR")


@pytest.fixture
def owner(shop):
    return MembershipFactory(vendor=shop, role=Role.OWNER).user


class TestVendorList:
    def test_lists_only_my_vendors_with_my_role(self, user, shop):
        MembershipFactory(user=user, vendor=shop, role=Role.VIEWER)
        VendorFactory(name="Someone else's shop")

        response = client_for(user).get(VENDORS)

        assert response.status_code == 200
        body = response.json()
        assert body["count"] == 2
        personal, shared = body["results"]
        assert personal["is_personal"]
        assert personal["role"] == "owner"
        assert (shared["name"], shared["role"]) == ("Kanto Cards", "viewer")
        assert shared["default_currency"] == "EUR"

    def test_requires_authentication(self, api_client):
        assert api_client.get(VENDORS).status_code == 401

    def test_another_vendor_is_404(self, user, shop):
        response = client_for(user).get(f"{VENDORS}{shop.id}/")

        assert response.status_code == 404
        assert response.json() == {"detail": "Not found.", "code": "not_found"}


class TestVendorWrite:
    def test_create_makes_me_owner(self, auth_client, user):
        response = auth_client.post(
            VENDORS, {"name": "  Retro Games Shop ", "default_currency": "gbp"}
        )

        assert response.status_code == 201
        body = response.json()
        assert body["name"] == "Retro Games Shop"
        assert body["slug"] == "retro-games-shop"
        assert body["default_currency"] == "GBP"
        assert body["role"] == "owner"
        assert Membership.objects.get(vendor_id=body["id"], user=user).role == Role.OWNER

    def test_create_rejects_unknown_currency(self, auth_client):
        response = auth_client.post(VENDORS, {"name": "Shop", "default_currency": "ABC"})

        assert response.status_code == 400
        assert "ISO 4217" in response.json()["fields"]["default_currency"][0]

    def test_owner_renames(self, owner, shop):
        response = client_for(owner).patch(f"{VENDORS}{shop.id}/", {"name": "Johto Cards"})

        assert response.status_code == 200
        assert response.json()["name"] == "Johto Cards"

    @pytest.mark.parametrize("role", [Role.EDITOR, Role.VIEWER])
    def test_non_owner_cannot_change_the_vendor(self, shop, role):
        member = MembershipFactory(vendor=shop, role=role).user

        response = client_for(member).patch(f"{VENDORS}{shop.id}/", {"name": "Mine now"})

        assert response.status_code == 403
        shop.refresh_from_db()
        assert shop.name == "Kanto Cards"

    def test_put_is_not_allowed(self, owner, shop):
        response = client_for(owner).put(f"{VENDORS}{shop.id}/", {"name": "x"})

        assert response.status_code == 405
        assert response.json()["code"] == "method_not_allowed"


class TestMembers:
    def test_owner_adds_member_by_email_case_insensitively(self, owner, shop):
        newcomer = UserFactory(email="brock@example.com")

        response = client_for(owner).post(
            members_url(shop.id), {"email": "Brock@Example.com", "role": "editor"}
        )

        assert response.status_code == 201
        assert response.json()["user"]["id"] == newcomer.id
        assert response.json()["role"] == "editor"

    def test_adding_unknown_email_names_the_field(self, owner, shop):
        response = client_for(owner).post(
            members_url(shop.id), {"email": "nobody@example.com", "role": "viewer"}
        )

        assert response.status_code == 400
        assert "sign up" in response.json()["fields"]["email"][0]

    def test_adding_existing_member_is_rejected(self, owner, shop):
        response = client_for(owner).post(
            members_url(shop.id), {"email": owner.email, "role": "viewer"}
        )

        assert response.status_code == 400
        assert "already a member" in response.json()["fields"]["email"][0]

    def test_invalid_role_is_rejected(self, owner, shop):
        response = client_for(owner).post(
            members_url(shop.id), {"email": "a@b.com", "role": "admin"}
        )

        assert response.status_code == 400
        assert "role" in response.json()["fields"]

    def test_patching_a_member_without_a_role_changes_nothing(self, owner, shop):
        editor = MembershipFactory(vendor=shop, role=Role.EDITOR)

        response = client_for(owner).patch(member_url(shop.id, editor.pk), {})

        assert response.status_code == 200
        assert response.json()["role"] == "editor"
        editor.refresh_from_db()
        assert editor.role == Role.EDITOR

    def test_members_can_list_members(self, shop, owner):
        viewer = MembershipFactory(vendor=shop, role=Role.VIEWER).user

        response = client_for(viewer).get(members_url(shop.id))

        assert response.status_code == 200
        assert {m["user"]["email"] for m in response.json()} == {owner.email, viewer.email}

    @pytest.mark.parametrize("role", [Role.EDITOR, Role.VIEWER])
    def test_non_owner_cannot_manage_members(self, shop, owner, role):
        member = MembershipFactory(vendor=shop, role=role)
        other = UserFactory()
        client = client_for(member.user)

        assert (
            client.post(members_url(shop.id), {"email": other.email, "role": "viewer"}).status_code
            == 403
        )
        assert client.patch(member_url(shop.id, member.id), {"role": "owner"}).status_code == 403
        assert client.delete(member_url(shop.id, member.id)).status_code == 403
        member.refresh_from_db()
        assert member.role == role

    def test_outsider_gets_404_for_member_endpoints(self, user, shop, owner):
        membership = Membership.objects.get(user=owner, vendor=shop)
        client = client_for(user)

        assert client.get(members_url(shop.id)).status_code == 404
        assert client.delete(member_url(shop.id, membership.id)).status_code == 404

    def test_owner_changes_a_role(self, owner, shop):
        member = MembershipFactory(vendor=shop, role=Role.VIEWER)

        response = client_for(owner).patch(member_url(shop.id, member.id), {"role": "editor"})

        assert response.status_code == 200
        member.refresh_from_db()
        assert member.role == Role.EDITOR

    def test_last_owner_cannot_be_demoted(self, owner, shop):
        membership = Membership.objects.get(user=owner, vendor=shop)

        response = client_for(owner).patch(member_url(shop.id, membership.id), {"role": "editor"})

        assert response.status_code == 400
        assert "at least one owner" in response.json()["fields"]["role"][0]
        membership.refresh_from_db()
        assert membership.role == Role.OWNER

    def test_last_owner_cannot_be_removed(self, owner, shop):
        membership = Membership.objects.get(user=owner, vendor=shop)

        response = client_for(owner).delete(member_url(shop.id, membership.id))

        assert response.status_code == 400
        assert "last owner" in response.json()["detail"]
        assert Membership.objects.filter(pk=membership.pk).exists()

    def test_an_owner_can_step_down_when_another_owner_remains(self, owner, shop):
        MembershipFactory(vendor=shop, role=Role.OWNER)
        membership = Membership.objects.get(user=owner, vendor=shop)

        response = client_for(owner).delete(member_url(shop.id, membership.id))

        assert response.status_code == 204
        assert not Membership.objects.filter(pk=membership.pk).exists()

    def test_membership_of_another_vendor_is_404(self, owner, shop):
        foreign = MembershipFactory(role=Role.VIEWER)

        response = client_for(owner).delete(member_url(shop.id, foreign.id))

        assert response.status_code == 404
        assert Membership.objects.filter(pk=foreign.pk).exists()
