from django.db.models import F, QuerySet

from users.models import User
from vendors.models import EDIT_ROLES, Membership, Vendor


def vendor_list_for_user(*, user: User) -> QuerySet[Vendor]:
    """The vendors a user belongs to, each annotated with the user's `role`."""
    return (
        Vendor.objects.filter(memberships__user=user)
        .annotate(role=F("memberships__role"))
        .order_by("-is_personal", "name", "id")
    )


def vendor_get_for_user(*, user: User, vendor_id: int) -> Vendor | None:
    return vendor_list_for_user(user=user).filter(id=vendor_id).first()


def membership_get(*, user: User, vendor: Vendor | int) -> Membership | None:
    vendor_id = vendor if isinstance(vendor, int) else vendor.pk
    return Membership.objects.filter(user=user, vendor_id=vendor_id).first()


def personal_vendor_for_user(*, user: User) -> Vendor | None:
    return (
        Vendor.objects.filter(
            is_personal=True, memberships__user=user, memberships__role__in=EDIT_ROLES
        )
        .order_by("id")
        .first()
    )


def editable_vendor_ids(*, user: User) -> QuerySet:
    return Membership.objects.filter(user=user, role__in=EDIT_ROLES).values("vendor_id")


def member_list(*, vendor: Vendor) -> QuerySet[Membership]:
    return Membership.objects.filter(vendor=vendor).select_related("user").order_by("user__email")
