"""Deleting an account (users.account.user_delete) takes the collections it alone owns
with it; a collection with another owner stays theirs."""

import pytest

from users import account
from users.factories import DEFAULT_PASSWORD, UserFactory
from vendors.models import Membership, Role, Vendor

pytestmark = pytest.mark.django_db


def personal(user) -> Vendor:
    return Vendor.objects.get(memberships__user=user, is_personal=True)


def test_solely_owned_collections_go_and_shared_ones_stay():
    leaving, partner = UserFactory(), UserFactory()
    own = personal(leaving)
    shared = Vendor.objects.create(name="Shop", slug="shop-shared")
    Membership.objects.create(vendor=shared, user=leaving, role=Role.OWNER)
    Membership.objects.create(vendor=shared, user=partner, role=Role.OWNER)
    theirs = personal(partner)
    Membership.objects.create(vendor=theirs, user=leaving, role=Role.EDITOR)

    account.user_delete(user=leaving, password=DEFAULT_PASSWORD)

    assert not Vendor.objects.filter(pk=own.pk).exists()
    assert Vendor.objects.filter(pk=shared.pk).exists()
    assert list(shared.memberships.values_list("user", flat=True)) == [partner.pk]
    assert Vendor.objects.filter(pk=theirs.pk).exists()
    assert not Membership.objects.filter(user_id=leaving.pk).exists()


def test_a_collection_where_the_user_is_only_a_viewer_stays():
    leaving, owner = UserFactory(), UserFactory()
    theirs = personal(owner)
    Membership.objects.create(vendor=theirs, user=leaving, role=Role.VIEWER)

    account.user_delete(user=leaving, password=DEFAULT_PASSWORD)

    assert Vendor.objects.filter(pk=theirs.pk).exists()
