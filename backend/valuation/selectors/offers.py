""" "Best offer now": per source, the lowest current observed price of an item that meets
its condition — for a wanted item "at least" its condition (`conditions_at_least`) — and
whether it is within the item's maximum price (converted at today's rates).

Current: the latest observation of each tracker (and of each source for observations
without a tracker) per condition, no older than VALUATION_STALE_AFTER_DAYS; when that check
saw several sellers' offers (a marketplace listings page), the cheapest. Prices entered
by hand and generated demo prices are not offers. An observation with no condition (a page
that does not say) counts, as in valuation's last resort, and shows condition "".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.utils import timezone

from inventory.models import Collectible
from valuation.rates import RateBook
from valuation.rules import cents
from valuation.selectors.observations import fresh_observations, meets_wanted_condition


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


def _current_observations(items: Sequence[Collectible], now: datetime) -> list[tuple]:
    """The latest fresh observation of each item's trackers (or tracker-less sources) per
    condition that meets the item's condition, with the item's vendor's currency: one
    statement for all the items."""
    return list(
        fresh_observations(items, now)
        .filter(meets_wanted_condition(items))
        # DISTINCT ON: the latest of each; of a listings page's several sellers, the cheapest.
        .order_by(
            "collectible_id", "tracker_id", "source", "condition", "-observed_at", "price", "-id"
        )
        .distinct("collectible_id", "tracker_id", "source", "condition")
        .values_list(
            "collectible_id", "source", "price", "currency", "condition", "observed_at", "url",
            "tracker_id", "collectible__vendor__default_currency",
        )
    )  # fmt: skip


def best_offers_by_item(
    items: Sequence[Collectible], *, now: datetime | None = None
) -> dict[int, list[Offer]]:
    """Each item's best current offer per source, cheapest first (in the compared
    currency), ties newest first; items without one are left out. In one query for the
    offers, and one for the exchange rates when an offer is in another currency."""
    if not items:
        return {}
    now = now or timezone.now()
    today = now.date()
    rows = _current_observations(items, now)
    limits = {item.pk: (item.max_price, item.max_price_currency) for item in items}
    targets = {row[0]: limits[row[0]][1] or row[8] for row in rows}
    rates = RateBook.load(
        lookup
        for row in rows
        if row[3] != targets[row[0]]
        for lookup in ((row[3], today), (targets[row[0]], today))
    )
    best: dict[tuple[int, str], Offer] = {}
    for pk, source, price, currency, condition, observed_at, url, tracker_id, _ in rows:
        target, limit = targets[pk], limits[pk][0]
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
        kept = best.get((pk, source))
        if kept is None or offer.sort_key() < kept.sort_key():
            best[(pk, source)] = offer
    offers: dict[int, list[Offer]] = {}
    for (pk, _), offer in best.items():
        offers.setdefault(pk, []).append(offer)
    return {pk: sorted(found, key=Offer.sort_key) for pk, found in offers.items()}


def best_offers(*, collectible: Collectible, now: datetime | None = None) -> list[Offer]:
    """The item's best current offer per source, cheapest first (`best_offers_by_item`)."""
    return best_offers_by_item([collectible], now=now).get(collectible.pk, [])


def best_offer_by_item(
    items: Sequence[Collectible], *, now: datetime | None = None
) -> dict[int, Offer]:
    """Each item's best offer now: the cheapest of its sources' (`best_offers_by_item`)."""
    return {pk: offers[0] for pk, offers in best_offers_by_item(items, now=now).items()}
