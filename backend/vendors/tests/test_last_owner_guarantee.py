"""The database itself keeps an owner on every vendor that has members."""

import pytest
from django.db import IntegrityError, transaction

from users.factories import UserFactory
from vendors.factories import MembershipFactory, VendorFactory
from vendors.models import Membership, Role, Vendor

pytestmark = pytest.mark.django_db


def test_bulk_demoting_the_only_owner_is_refused():
    owner = MembershipFactory(role=Role.OWNER)
    MembershipFactory(vendor=owner.vendor, role=Role.EDITOR)

    with pytest.raises(IntegrityError, match="without an owner"), transaction.atomic():
        Membership.objects.filter(pk=owner.pk).update(role=Role.VIEWER)

    owner.refresh_from_db()
    assert owner.role == Role.OWNER


def test_deleting_the_only_owner_while_others_remain_is_refused():
    owner = MembershipFactory(role=Role.OWNER)
    MembershipFactory(vendor=owner.vendor, role=Role.VIEWER)

    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.filter(pk=owner.pk).delete()

    assert Membership.objects.filter(pk=owner.pk).exists()


def test_handing_over_ownership_in_one_transaction_works():
    owner = MembershipFactory(role=Role.OWNER)
    heir = MembershipFactory(vendor=owner.vendor, role=Role.EDITOR)

    with transaction.atomic():
        Membership.objects.filter(pk=heir.pk).update(role=Role.OWNER)
        Membership.objects.filter(pk=owner.pk).update(role=Role.EDITOR)

    owners = Membership.objects.filter(vendor=owner.vendor, role=Role.OWNER)
    assert list(owners.values_list("pk", flat=True)) == [heir.pk]


def test_deleting_a_vendor_removes_its_memberships():
    owner = MembershipFactory(role=Role.OWNER)
    MembershipFactory(vendor=owner.vendor, role=Role.VIEWER)

    vendor = owner.vendor

    vendor.delete()

    assert not Membership.objects.filter(vendor_id=vendor.pk).exists()


def test_deleting_the_account_of_a_vendors_only_member_is_allowed():
    user = UserFactory()  # owns their personal vendor alone

    user.delete()

    assert Vendor.objects.filter(is_personal=True, memberships__isnull=True).exists()


def test_deleting_an_owner_account_with_other_members_left_is_refused():
    shop = VendorFactory()
    owner = MembershipFactory(vendor=shop, role=Role.OWNER).user
    MembershipFactory(vendor=shop, role=Role.EDITOR)

    with pytest.raises(IntegrityError), transaction.atomic():
        owner.delete()
