"""Seller bundles of a want list: per seller, the wanted items it offers now, so buying
them together saves shipping ("3 of your wants from one seller, 41.50 total").

An offer counts when all of these hold (docs/valuation.md, "Seller bundles"):

* it names a seller (`PriceHistory.seller_key`: a marketplace listings page gives one
  row per seller, a shop page that names itself one);
* it is current: from the latest check of its tracker (a seller missing from that check
  no longer offers it), no older than VALUATION_STALE_AFTER_DAYS (the best offers'
  window), observed, not entered by hand, not demo data;
* it is in stock: the page says in stock, or says nothing (out of stock and preorder
  do not count);
* it meets the wanted condition "at least" (`conditions_at_least`; a page that states
  no condition counts, as for the best offers);
* it is at or below the item's maximum price when one is set, compared in the maximum's
  currency at today's rates (an offer that cannot be converted is left out).

Per item and seller the cheapest such offer is kept. A bundle is a seller with at least
two wanted items; its total is the sum of those offers converted into the caller's
collection currency. Bundles come most items first, then cheapest total.

Four queries whatever the size of the want list: the vendors, the wanted items, the
offers (one statement over the items' price history), the exchange rates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from inventory.models import Collectible, CollectibleStatus
from valuation.rates import RateBook
from valuation.rules import cents
from valuation.selectors.observations import fresh_observations, meets_wanted_condition

#: At most this many bundles are returned (the largest first); `count` says how many exist.
MAX_BUNDLES = 50
#: At most this many items are listed per bundle; `item_count` and `total` cover them all.
MAX_BUNDLE_ITEMS = 100
MIN_BUNDLE_ITEMS = 2
#: Availabilities an offer may have: in stock, or not stated.
OFFERED = ("in_stock", "")

ITEM_FIELDS = (
    "id",
    "vendor_id",
    "name",
    "category",
    "condition",
    "completeness",
    "grader",
    "grade",
    "priority",
    "max_price",
    "max_price_currency",
    "vendor__default_currency",
)


@dataclass(frozen=True, slots=True)
class BundleItem:
    collectible: Collectible
    source: str
    price: Decimal
    currency: str
    condition: str
    url: str
    observed_at: datetime
    tracker_id: int
    shipping: Decimal | None
    #: `price` in the bundle's currency.
    converted_price: Decimal
    #: `shipping` in the bundle's currency (None: unknown or not convertible).
    converted_shipping: Decimal | None


@dataclass
class Bundle:
    seller: str
    seller_key: str
    currency: str
    items: list[BundleItem] = field(default_factory=list)

    @property
    def item_count(self) -> int:
        return len(self.items)

    @property
    def listed_items(self) -> list[BundleItem]:
        return self.items[:MAX_BUNDLE_ITEMS]

    @property
    def total(self) -> Decimal:
        return cents(sum((item.converted_price for item in self.items), Decimal(0)))

    @property
    def shipping_separately(self) -> Decimal | None:
        """What the items' shipping adds up to bought one by one, when every offer states it
        (a combined order usually pays one seller's shipping once: the saving)."""
        amounts = [item.converted_shipping for item in self.items]
        if any(amount is None for amount in amounts):
            return None
        return cents(sum((a for a in amounts if a is not None), Decimal(0)))

    def sort_key(self) -> tuple[int, Decimal, str, str]:
        return (-self.item_count, self.total, self.seller.casefold(), self.seller_key)


@dataclass(frozen=True, slots=True)
class Bundles:
    currency: str
    #: How many bundles there are (at most MAX_BUNDLES are in `results`).
    count: int
    results: list[Bundle]


def _offer_rows(items: Sequence[Collectible], now: datetime) -> list[tuple[Any, ...]]:
    """Every current, in-stock offer with a seller that meets its item's condition:
    (item id, seller key, seller, source, price, currency, condition, url, observed_at,
    tracker id, shipping), newest first. Current: from its tracker's latest fresh check,
    whatever that check's conditions (a seller missing from it no longer offers)."""
    fresh = fresh_observations(items, now)
    latest_check = (
        fresh.filter(tracker_id=OuterRef("tracker_id"))
        .order_by("-observed_at")
        .values("observed_at")[:1]
    )
    return list(
        fresh.filter(
            meets_wanted_condition(items),
            tracker_id__isnull=False,
            observed_at=Subquery(latest_check),
            availability__in=OFFERED,
        )
        .exclude(seller_key="")
        .order_by("-observed_at", "-id")
        .values_list(
            "collectible_id", "seller_key", "seller", "source", "price", "currency",
            "condition", "url", "observed_at", "tracker_id", "shipping",
        )
    )  # fmt: skip


def _wanted_items(vendor_ids: Sequence[int]) -> list[Collectible]:
    return list(
        Collectible.objects.filter(vendor_id__in=list(vendor_ids), status=CollectibleStatus.WANTED)
        .select_related("vendor")
        .only(*ITEM_FIELDS)
        .order_by("priority", "name", "id")
    )


def want_bundles(
    *, vendor_ids: Sequence[int], currency: str, now: datetime | None = None
) -> Bundles:
    """The seller bundles of the wanted items of `vendor_ids` (the caller's vendors: the
    caller scopes), totals in `currency`. See the module doc for what counts."""
    now = now or timezone.now()
    items = _wanted_items(vendor_ids)
    rows = _offer_rows(items, now) if items else []
    today = now.date()
    limits = {item.pk: item.max_price_currency or item.vendor.default_currency for item in items}
    lookups = {(row[5], today) for row in rows} | {(c, today) for c in limits.values()}
    rates = RateBook.load([*lookups, (currency, today)])
    by_id = {item.pk: item for item in items}
    names: dict[str, str] = {}
    cheapest: dict[tuple[str, int], BundleItem] = {}
    for (
        item_id, key, seller, source, price, price_currency, condition, url, observed_at,
        tracker_id, shipping,
    ) in rows:  # fmt: skip
        item = by_id[item_id]
        names.setdefault(key, seller)  # the newest row's spelling of the seller
        if item.max_price is not None:
            compared = rates.convert(price, price_currency, limits[item_id], today)
            if compared is None or cents(compared) > item.max_price:
                continue
        converted = rates.convert(price, price_currency, currency, today)
        if converted is None:
            continue
        shipped = (
            None if shipping is None else rates.convert(shipping, price_currency, currency, today)
        )
        offer = BundleItem(
            collectible=item,
            source=source,
            price=price,
            currency=price_currency,
            condition=condition,
            url=url,
            observed_at=observed_at,
            tracker_id=tracker_id,
            shipping=shipping,
            converted_price=cents(converted),
            converted_shipping=None if shipped is None else cents(shipped),
        )
        kept = cheapest.get((key, item_id))
        if kept is None or offer.converted_price < kept.converted_price:
            cheapest[(key, item_id)] = offer
    bundles: dict[str, Bundle] = {}
    for (key, _), offer in cheapest.items():
        bundle = bundles.setdefault(
            key, Bundle(seller=names[key], seller_key=key, currency=currency)
        )
        bundle.items.append(offer)
    found = sorted(
        (bundle for bundle in bundles.values() if bundle.item_count >= MIN_BUNDLE_ITEMS),
        key=Bundle.sort_key,
    )
    for bundle in found:
        bundle.items.sort(
            key=lambda o: (o.collectible.priority, o.collectible.name, o.collectible.pk)
        )
    return Bundles(currency=currency, count=len(found), results=found[:MAX_BUNDLES])
