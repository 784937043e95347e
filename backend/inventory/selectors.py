from django.db.models import QuerySet

from inventory.models import Collectible
from users.models import User


def collectible_list_for_user(*, user: User) -> QuerySet[Collectible]:
    """Every collectible of every vendor the user belongs to, with card details joined."""
    return Collectible.objects.filter(vendor__memberships__user=user).select_related("card_details")
