import pytest
from django.test import Client
from django.urls import reverse

from users.factories import UserFactory
from vendors.factories import MembershipFactory, VendorFactory
from vendors.models import Membership, Role, Vendor

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["vendor", "membership"])
def test_superuser_opens_changelist_add_and_change_pages(admin_client: Client, model: str) -> None:
    membership = MembershipFactory()
    obj = membership.vendor if model == "vendor" else membership

    assert admin_client.get(reverse(f"admin:vendors_{model}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"admin:vendors_{model}_add")).status_code == 200
    response = admin_client.get(reverse(f"admin:vendors_{model}_change", args=[obj.pk]))
    assert response.status_code == 200


def test_vendor_change_page_shows_members_inline(admin_client: Client) -> None:
    membership = MembershipFactory(user=UserFactory(email="shopkeeper@example.com"))

    response = admin_client.get(reverse("admin:vendors_vendor_change", args=[membership.vendor_id]))

    assert "shopkeeper@example.com" in response.content.decode()


def test_vendor_search_matches_name_and_member_email(admin_client: Client) -> None:
    MembershipFactory(
        vendor=VendorFactory(name="Kanto Cards"), user=UserFactory(email="erika@example.com")
    )
    VendorFactory(name="Johto Games")
    url = reverse("admin:vendors_vendor_changelist")

    by_name = admin_client.get(url, {"q": "kanto"}).content.decode()
    by_member = admin_client.get(url, {"q": "erika@"}).content.decode()

    assert "Kanto Cards" in by_name
    assert "Johto Games" not in by_name
    assert "Kanto Cards" in by_member


def test_membership_search_and_vendor_autocomplete(admin_client: Client) -> None:
    MembershipFactory(vendor=VendorFactory(name="Cerulean Comics"))

    changelist = admin_client.get(reverse("admin:vendors_membership_changelist"), {"q": "cerulean"})
    autocomplete = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "vendors",
            "model_name": "membership",
            "field_name": "vendor",
            "term": "cerul",
        },
    )

    assert "Cerulean Comics" in changelist.content.decode()
    assert autocomplete.status_code == 200
    assert [r["text"] for r in autocomplete.json()["results"]] == ["Cerulean Comics"]


def test_vendor_add_upper_cases_the_currency(admin_client: Client) -> None:
    response = admin_client.post(
        reverse("admin:vendors_vendor_add"),
        {
            "name": "Saffron Vinyl",
            "slug": "saffron-vinyl",
            "default_currency": "eur",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
            "memberships-MIN_NUM_FORMS": "0",
            "memberships-MAX_NUM_FORMS": "1000",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert Vendor.objects.get(slug="saffron-vinyl").default_currency == "EUR"


def test_vendor_add_rejects_unknown_currency(admin_client: Client) -> None:
    response = admin_client.post(
        reverse("admin:vendors_vendor_add"),
        {
            "name": "Bad Money",
            "slug": "bad-money",
            "default_currency": "ZZZ",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
            "memberships-MIN_NUM_FORMS": "0",
            "memberships-MAX_NUM_FORMS": "1000",
        },
    )

    assert response.status_code == 200
    assert "ISO 4217" in response.content.decode()
    assert not Vendor.objects.filter(slug="bad-money").exists()


def test_membership_admin_refuses_to_demote_the_last_owner(admin_client: Client) -> None:
    membership = MembershipFactory(role=Role.OWNER)

    response = admin_client.post(
        reverse("admin:vendors_membership_change", args=[membership.pk]),
        {"user": membership.user_id, "vendor": membership.vendor_id, "role": Role.VIEWER},
    )

    assert response.status_code == 200
    assert "at least one owner" in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == Role.OWNER


def test_membership_admin_demotes_an_owner_when_another_remains(admin_client: Client) -> None:
    membership = MembershipFactory(role=Role.OWNER)
    MembershipFactory(vendor=membership.vendor, role=Role.OWNER)

    response = admin_client.post(
        reverse("admin:vendors_membership_change", args=[membership.pk]),
        {"user": membership.user_id, "vendor": membership.vendor_id, "role": Role.EDITOR},
    )

    assert response.status_code == 302
    assert Membership.objects.get(pk=membership.pk).role == Role.EDITOR


class TestLastOwnerInAdmin:
    def test_last_owner_with_other_members_cannot_be_deleted(self, admin_client):
        owner = MembershipFactory(role=Role.OWNER)
        MembershipFactory(vendor=owner.vendor, role=Role.VIEWER)

        response = admin_client.post(
            reverse("admin:vendors_membership_delete", args=[owner.pk]), {"post": "yes"}
        )

        assert response.status_code == 403
        assert Membership.objects.filter(pk=owner.pk).exists()

    def test_vendor_form_refuses_to_delete_its_only_owner_inline(self, admin_client):
        owner = MembershipFactory(role=Role.OWNER)
        viewer = MembershipFactory(vendor=owner.vendor, role=Role.VIEWER)
        vendor = owner.vendor
        data = {
            "name": vendor.name,
            "slug": vendor.slug,
            "default_currency": vendor.default_currency,
            "memberships-TOTAL_FORMS": "2",
            "memberships-INITIAL_FORMS": "2",
            "memberships-MIN_NUM_FORMS": "0",
            "memberships-MAX_NUM_FORMS": "1000",
            "memberships-0-id": str(owner.pk),
            "memberships-0-vendor": str(vendor.pk),
            "memberships-0-user": str(owner.user_id),
            "memberships-0-role": "owner",
            "memberships-0-DELETE": "on",
            "memberships-1-id": str(viewer.pk),
            "memberships-1-vendor": str(vendor.pk),
            "memberships-1-user": str(viewer.user_id),
            "memberships-1-role": "viewer",
        }

        response = admin_client.post(reverse("admin:vendors_vendor_change", args=[vendor.pk]), data)

        assert response.status_code == 200  # the form is shown again with the error
        assert b"at least one owner" in response.content
        assert Membership.objects.filter(pk=owner.pk).exists()
