from django.db.models import F, QuerySet

from users.models import User
from vendors.models import EDIT_ROLES, Membership, Vendor


def vendor_ids_for_user(*, user: User) -> QuerySet[Membership, int]:
    """The ids of the vendors `user` belongs to: the one rule of what a user may see.

    Lazy: filter with it as a subquery (`vendor_id__in=…`, one query), or `list()` it to
    read the ids first, which a list of one vendor's items needs to be planned well
    (docs/performance.md)."""
    # Unordered: Membership's default ordering would join the users table for the e-mail.
    return Membership.objects.filter(user=user).order_by().values_list("vendor_id", flat=True)


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


def member_list(*, vendor: Vendor) -> QuerySet[Membership]:
    return Membership.objects.filter(vendor=vendor).select_related("user").order_by("user__email")
