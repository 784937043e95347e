"""The price history's deletion guard (registered with `inventory.extensions` from
`PriceHistoryConfig.ready()`): deleting an item deletes its observations with it, so the
collectibles API refuses unless the request confirms with `delete-history`."""

from __future__ import annotations

from typing import TYPE_CHECKING

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
        recorded = "1 recorded price" if observations == 1 else f"{observations} recorded prices"
        whose, them, their = (
            ("this item", "it", "its")
            if items == 1
            else (
                f"{items} of these items",
                "them",
                "their",
            )
        )
        return DeletionCost(
            code="has_price_history",
            message=f"Deleting would also delete {recorded} of {whose}. Mark {them} sold "
            f"instead to keep {their} history, or confirm with `delete-history`.",
        )
