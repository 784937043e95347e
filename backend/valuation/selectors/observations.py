"""The observations a wanted item's offers are read from, shared by the best offers
(`offers`) and the seller bundles (`bundles`).

`fresh_observations`: the items' observed prices that may be offers now — not entered by
hand, not demo data, no older than VALUATION_STALE_AFTER_DAYS and not in the future.
`meets_wanted_condition`: of those, the ones in a condition that meets the item's "at
least" (`conditions_at_least`), or that state no condition (`ANY_CONDITION`).

Which of them are current is each reader's rule: the best offers keep the latest of each
tracker per condition, the bundles every seller of a tracker's latest check.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from datetime import datetime
from functools import reduce

from django.db.models import Q, QuerySet

from inventory.models import Collectible
from price_history.models import PriceHistory, PriceSource
from valuation.conditions import ANY_CONDITION, conditions_at_least
from valuation.rules import stale_before


def fresh_observations(items: Sequence[Collectible], now: datetime) -> QuerySet[PriceHistory]:
    """The items' observations that may be offers at `now` (see the module doc)."""
    return PriceHistory.objects.filter(
        collectible_id__in=[item.pk for item in items],
        observed_at__gte=stale_before(now),
        observed_at__lte=now,
        is_demo=False,
    ).exclude(source=PriceSource.MANUAL)


def meets_wanted_condition(items: Sequence[Collectible]) -> Q:
    """Observations of one of `items` (at least one) in a condition that meets its own,
    or in no stated condition."""
    by_conditions: dict[tuple[str, ...], list[int]] = {}
    for item in items:
        by_conditions.setdefault((*conditions_at_least(item), ANY_CONDITION), []).append(item.pk)
    return reduce(
        operator.or_,
        (Q(collectible_id__in=ids, condition__in=conds) for conds, ids in by_conditions.items()),
    )
