""" "Best offer now": per source, the lowest current observed price of an item that meets
its condition — for a wanted item "at least" its condition (`conditions_at_least`) — and
whether it is within the item's maximum price (converted at today's rates).

Current: the latest observation of each tracker (and of each source for observations
without a tracker) per condition, no older than VALUATION_STALE_AFTER_DAYS. Prices entered
by hand and generated demo prices are not offers. An observation with no condition (a page
that does not say) counts, as in valuation's last resort, and shows condition "".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.utils import timezone

from inventory.models import Collectible
from price_history.models import PriceHistory, PriceSource
from valuation.conditions import ANY_CONDITION, conditions_at_least
from valuation.rates import RateBook
from valuation.rules import cents, stale_before


@dataclass(frozen=True, slots=True)
class Offer:
    source: str
    price: Decimal
    currency: str
    condition: str
    observed_at: datetime
    url: str
    tracker_id: int | None
    #: The currency offers are compared in: the maximum price's, else the vendor's.
    compared_currency: str
    #: The price in `compared_currency` (None: no exchange rate).
    compared_price: Decimal | None
    #: Within the maximum price (None: no maximum price, or no exchange rate).
    within_max_price: bool | None

    def sort_key(self) -> tuple[bool, Decimal, float]:
        """Cheapest first (unconvertible last), then newest first."""
        return (
            self.compared_price is None,
            self.compared_price if self.compared_price is not None else self.price,
            -self.observed_at.timestamp(),
        )


def _current_observations(collectible: Collectible, now: datetime) -> list[tuple]:
    """The latest fresh observation of each tracker (or tracker-less source) per condition
    that meets the item's condition."""
    conditions = [*conditions_at_least(collectible), ANY_CONDITION]
    return list(
        PriceHistory.objects.filter(
            collectible=collectible,
            condition__in=conditions,
            observed_at__gte=stale_before(now),
            observed_at__lte=now,
            is_demo=False,
        )
        .exclude(source=PriceSource.MANUAL)
        .order_by("tracker_id", "source", "condition", "-observed_at", "-id")
        .distinct("tracker_id", "source", "condition")  # DISTINCT ON: the latest of each
        .values_list("source", "price", "currency", "condition", "observed_at", "url", "tracker_id")
    )


def best_offers(*, collectible: Collectible, now: datetime | None = None) -> list[Offer]:
    """The item's best current offer per source, cheapest first (in the compared
    currency), ties newest first. `collectible.vendor` is read for its currency."""
    now = now or timezone.now()
    rows = _current_observations(collectible, now)
    target = collectible.max_price_currency or collectible.vendor.default_currency
    limit = collectible.max_price
    today = now.date()
    rates = RateBook.load([(currency, today) for currency in {row[2] for row in rows} | {target}])
    best: dict[str, Offer] = {}
    for source, price, currency, condition, observed_at, url, tracker_id in rows:
        converted = rates.convert(price, currency, target, today)
        compared = None if converted is None else cents(converted)
        offer = Offer(
            source=source,
            price=price,
            currency=currency,
            condition=condition,
            observed_at=observed_at,
            url=url,
            tracker_id=tracker_id,
            compared_currency=target,
            compared_price=compared,
            within_max_price=None if compared is None or limit is None else compared <= limit,
        )
        kept = best.get(source)
        if kept is None or offer.sort_key() < kept.sort_key():
            best[source] = offer
    return sorted(best.values(), key=Offer.sort_key)
