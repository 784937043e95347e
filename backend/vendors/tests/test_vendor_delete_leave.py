import pytest
from conftest import client_for
from django.apps import apps

from users.factories import UserFactory
from vendors.factories import MembershipFactory, VendorFactory
from vendors.models import Invitation, Membership, Role, Vendor
from vendors.selectors import personal_vendor_for_user

pytestmark = pytest.mark.django_db

VENDORS = "/api/v1/vendors/"


@pytest.fixture
def shop():
    return VendorFactory(name="Kanto Cards")


@pytest.fixture
def owner(shop):
    return MembershipFactory(vendor=shop, role=Role.OWNER).user


def _item_in(vendor: Vendor):
    # Through the app registry: the vendors layer sits below inventory and imports none of it.
    collectible = apps.get_model("inventory", "Collectible")
    return collectible.objects.create(
        vendor=vendor, name="Charizard", category="trading_card", quantity=1
    )


class TestDelete:
    def test_owner_deletes_a_collection_and_what_it_holds(self, owner, shop):
        viewer = MembershipFactory(vendor=shop, role=Role.VIEWER).user
        item = _item_in(shop)
        Invitation.objects.create(
            vendor=shop, email="a@example.com", token_hash="x" * 64, expires_at=item.created_at
        )

        response = client_for(owner).delete(f"{VENDORS}{shop.id}/")

        assert response.status_code == 204
        assert not Vendor.objects.filter(pk=shop.pk).exists()
        assert not Membership.objects.filter(vendor_id=shop.pk).exists()
        assert not Invitation.objects.exists()
        assert not type(item).objects.filter(pk=item.pk).exists()
        # The people stay, with their own collections.
        assert personal_vendor_for_user(user=owner) is not None
        assert personal_vendor_for_user(user=viewer) is not None

    @pytest.mark.parametrize("role", [Role.EDITOR, Role.VIEWER])
    def test_non_owners_cannot_delete(self, owner, shop, role):
        member = MembershipFactory(vendor=shop, role=role).user

        response = client_for(member).delete(f"{VENDORS}{shop.id}/")

        assert response.status_code == 403
        assert Vendor.objects.filter(pk=shop.pk).exists()

    def test_outsider_gets_404(self, owner, shop):
        assert client_for(UserFactory()).delete(f"{VENDORS}{shop.id}/").status_code == 404
        assert Vendor.objects.filter(pk=shop.pk).exists()

    def test_the_personal_collection_stays(self):
        user = UserFactory()
        personal = personal_vendor_for_user(user=user)
        assert personal is not None

        response = client_for(user).delete(f"{VENDORS}{personal.id}/")

        assert response.status_code == 400
        assert "personal collection cannot be deleted" in response.json()["detail"]
        assert Vendor.objects.filter(pk=personal.pk).exists()


class TestLeave:
    @pytest.mark.parametrize("role", [Role.EDITOR, Role.VIEWER])
    def test_a_member_leaves(self, owner, shop, role):
        member = MembershipFactory(vendor=shop, role=role).user

        response = client_for(member).post(f"{VENDORS}{shop.id}/leave/")

        assert response.status_code == 204
        assert not Membership.objects.filter(vendor=shop, user=member).exists()
        assert client_for(member).get(f"{VENDORS}{shop.id}/").status_code == 404

    def test_the_sole_owner_cannot_leave(self, owner, shop):
        MembershipFactory(vendor=shop, role=Role.EDITOR)

        response = client_for(owner).post(f"{VENDORS}{shop.id}/leave/")

        assert response.status_code == 400
        body = response.json()
        assert "only owner" in body["detail"]
        assert Membership.objects.get(vendor=shop, user=owner).role == Role.OWNER

    def test_an_owner_leaves_while_another_owner_stays(self, owner, shop):
        MembershipFactory(vendor=shop, role=Role.OWNER)

        assert client_for(owner).post(f"{VENDORS}{shop.id}/leave/").status_code == 204
        assert Membership.objects.filter(vendor=shop).count() == 1

    def test_outsider_gets_404(self, owner, shop):
        assert client_for(UserFactory()).post(f"{VENDORS}{shop.id}/leave/").status_code == 404
