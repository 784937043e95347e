from django.db.models import QuerySet

from inventory.models import Collectible
from users.models import User
from vendors.models import Membership


def member_vendor_ids(*, user: User) -> list[int]:
    return list(Membership.objects.filter(user=user).values_list("vendor_id", flat=True))


def collectible_list_for_user(*, user: User) -> QuerySet[Collectible]:
    """Every collectible of every vendor the user belongs to, with card details and the
    materialised valuation joined (missing rows are valued by the views).

    The vendor ids are read first (one tiny query) and passed as constants: filtering
    through a join on memberships, the planner would assume the average vendor's size and
    sort a whole 10k-item shop instead of walking its (vendor, created_at) index for one
    page (docs/performance.md).
    """
    vendor_ids = member_vendor_ids(user=user)
    return Collectible.objects.filter(vendor_id__in=vendor_ids).select_related(
        "card_details", "valuation"
    )
