"""The price history's deletion guard (registered with `inventory.extensions` from
`PriceHistoryConfig.ready()`): deleting an item deletes its observations with it, so the
collectibles API refuses unless the request confirms with `delete-history`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import ngettext

from inventory.extensions import DeletionCost
from price_history.models import PriceHistory

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from inventory.models import Collectible


class PriceHistoryDeletionGuard:
    confirm = "delete-history"

    def cost(self, collectibles: QuerySet[Collectible]) -> DeletionCost | None:
        observations = PriceHistory.objects.filter(collectible__in=collectibles).count()
        if not observations:
            return None
        items = collectibles.filter(price_history__isnull=False).distinct().count()
        if items == 1:
            message = ngettext(
                "Deleting would also delete %(count)s recorded price of this item. Mark it "
                "sold instead to keep its history, or confirm with `delete-history`.",
                "Deleting would also delete %(count)s recorded prices of this item. Mark it "
                "sold instead to keep its history, or confirm with `delete-history`.",
                observations,
            ) % {"count": observations}
        else:
            message = ngettext(
                "Deleting would also delete %(count)s recorded price of %(items)s of these "
                "items. Mark them sold instead to keep their history, or confirm with "
                "`delete-history`.",
                "Deleting would also delete %(count)s recorded prices of %(items)s of these "
                "items. Mark them sold instead to keep their history, or confirm with "
                "`delete-history`.",
                observations,
            ) % {"count": observations, "items": items}
        return DeletionCost(code="has_price_history", message=message)
