"""How vendors answer the signals of the apps below them (connected in `VendorsConfig`)."""

from typing import Any

from django.db.models import Count, Q

from users.models import User
from vendors.models import Membership, Role, Vendor
from vendors.services import vendor_create_personal


def create_personal_collection(*, user: User, **kwargs: Any) -> None:
    """Every new account gets its personal collection, owned by it."""
    vendor_create_personal(user=user)


def delete_solely_owned_collections(*, user: User, **kwargs: Any) -> None:
    """An account being deleted takes the collections it alone owns with it; one with
    another owner stays theirs (the membership goes with the account)."""
    owned = Membership.objects.filter(user=user, role=Role.OWNER).values("vendor")
    alone = (
        Vendor.objects.filter(pk__in=owned)
        .annotate(owners=Count("memberships", filter=Q(memberships__role=Role.OWNER)))
        .filter(owners=1)
        .values_list("pk", flat=True)
    )
    Vendor.objects.filter(pk__in=list(alone)).delete()
