"""The rules of collection value, pure: no database, no clock but the one passed in.

An item's value (docs/valuation.md): the latest observed price that matches its condition
(`valuation.conditions`), else the latest manual price that matches, else its purchase
price; times its quantity, in the vendor's currency. Observed and manual prices convert
at the rates of the valuation day (`as_of`), purchase prices at the rates of the purchase
date. A price older than VALUATION_STALE_AFTER_DAYS is stale.

Its cost basis is what the whole line cost: purchase price x quantity, plus the purchase
fees and shipping (paid once per line), at the purchase date's rates. A sold item is out
of the collection: no value, but a realised gain — what the sale brought in (sale price
less sale fees, at the sale date's rates) less its cost basis. A wanted item is not in the
collection either (not bought yet): no value, no cost, counted in no total.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any, Protocol

from django.conf import settings

from inventory.models import CollectibleStatus

if TYPE_CHECKING:
    from inventory.models import Collectible


class Rates(Protocol):
    """Currency conversion at the rates of a day (`valuation.rates.RateBook`)."""

    def convert(self, amount: Decimal, source: str, target: str, day: date) -> Decimal | None:
        """`amount` of `source` in `target`, unrounded; None when a rate is missing."""
        ...


class Basis:
    """How an item's value was chosen."""

    OBSERVED = "observed"
    MANUAL = "manual"
    PURCHASE = "purchase"
    NONE = "none"
    #: Not in the collection any more: no value, a realised gain instead.
    SOLD = "sold"
    #: On the want list, not bought yet: no value, no cost, in no total.
    WANTED = "wanted"


#: How an item in the collection is valued (the dashboard's `by_basis`).
VALUE_BASES = (Basis.OBSERVED, Basis.MANUAL, Basis.PURCHASE, Basis.NONE)
#: Every basis a stored valuation can have.
ITEM_BASES = (*VALUE_BASES, Basis.SOLD, Basis.WANTED)
#: Bases of items that are not in the collection (no value, nothing to price).
OUTSIDE_BASES = (Basis.SOLD, Basis.WANTED)
#: Bases that follow the market (a price observed on a page or entered by hand).
MARKET_BASES = (Basis.OBSERVED, Basis.MANUAL)

TOP_ITEMS = 10
TOP_MOVERS = 5
MOVER_WINDOWS = {"7d": 7, "30d": 30}
CENT = Decimal("0.01")


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def price_age_days(observed_at: datetime | None, *, now: datetime) -> int | None:
    """Age of a valuation's price in whole days (None without one)."""
    if observed_at is None:
        return None
    return max((now - observed_at).days, 0)


def price_is_stale(observed_at: datetime | None, *, now: datetime) -> bool:
    """A valuation's price is older than VALUATION_STALE_AFTER_DAYS (read-time rule)."""
    if observed_at is None:
        return False
    return now - observed_at > timedelta(days=settings.VALUATION_STALE_AFTER_DAYS)


@dataclass(frozen=True, slots=True)
class Price:
    """One price row chosen for an item (observed or manual)."""

    price: Decimal
    currency: str
    observed_at: datetime
    source: str
    condition: str


@dataclass
class ItemValue:
    item: Collectible
    basis: str
    price: Price | None = None
    unit_value: Decimal | None = None
    value: Decimal | None = None
    cost: Decimal | None = None
    age_days: int | None = None
    is_stale: bool = False
    unconvertible: bool = False
    cost_unconvertible: bool = False
    #: Sold items only: sale price less sale fees, and that less the cost basis.
    proceeds: Decimal | None = None
    realised_gain: Decimal | None = None

    @property
    def is_priced(self) -> bool:
        return self.value is not None


def acquired_on(item: Collectible) -> date:
    """The day an item joined the collection: its purchase date, else when it was entered."""
    return item.purchase_date or item.created_at.astimezone(UTC).date()


def in_collection_on(item: Collectible, day: date) -> bool:
    """The item was in the collection at the end of `day`: acquired by then and not sold
    yet (a sold item leaves on its sale date)."""
    if item.status == CollectibleStatus.SOLD:
        return acquired_on(item) <= day and item.sale_date is not None and day < item.sale_date
    return item.status == CollectibleStatus.OWNED and acquired_on(item) <= day


def line_cost(item: Collectible) -> Decimal | None:
    """What the whole line cost, in the purchase currency: purchase price x quantity plus
    the fees and shipping (each paid once for the line). None without a purchase price —
    an item received without a known cost would otherwise count as pure gain (a gift
    whose shipping was paid: purchase price 0)."""
    if item.purchase_price is None:
        return None
    extras = (item.purchase_fees or Decimal(0)) + (item.purchase_shipping or Decimal(0))
    return item.purchase_price * Decimal(item.quantity) + extras


def sale_proceeds(item: Collectible) -> Decimal | None:
    """What a sold item brought in, in the sale currency: sale price less sale fees."""
    if item.sale_price is None:
        return None
    return item.sale_price - (item.sale_fees or Decimal(0))


def value_item(
    *,
    item: Collectible,
    observed: Price | None,
    manual: Price | None,
    currency: str,
    as_of: datetime,
    rates: Rates,
) -> ItemValue:
    """One item's value as of `as_of`, in `currency`: for a sold item its realised result
    (`realised_item`), for a wanted one nothing (basis `wanted`), else its value in the
    collection (`value_held_item`)."""
    if item.status == CollectibleStatus.WANTED:
        return ItemValue(item=item, basis=Basis.WANTED)
    if item.status == CollectibleStatus.SOLD:
        return realised_item(item=item, currency=currency, rates=rates)
    return value_held_item(
        item=item, observed=observed, manual=manual, currency=currency, as_of=as_of, rates=rates
    )


def _cost(item: Collectible, currency: str, rates: Rates) -> tuple[Decimal | None, bool]:
    """The cost basis in `currency` at the purchase date's rates, and whether it could
    not be converted."""
    cost = line_cost(item)
    if cost is None:
        return None, False
    converted = rates.convert(cost, item.purchase_currency or currency, currency, acquired_on(item))
    return (None, True) if converted is None else (cents(converted), False)


def realised_item(*, item: Collectible, currency: str, rates: Rates) -> ItemValue:
    """A sold item: no value; its proceeds at the sale date's rates and its realised gain
    (proceeds less cost basis, when both are known). A sale currency left blank is the
    vendor's, like a blank purchase currency."""
    cost, cost_unconvertible = _cost(item, currency, rates)
    proceeds = sale_proceeds(item)
    converted: Decimal | None = None
    if proceeds is not None and item.sale_date is not None:
        converted = rates.convert(
            proceeds, item.sale_currency or currency, currency, item.sale_date
        )
    proceeds = None if converted is None else cents(converted)
    return ItemValue(
        item=item,
        basis=Basis.SOLD,
        cost=cost,
        unconvertible=converted is None,
        cost_unconvertible=cost_unconvertible,
        proceeds=proceeds,
        realised_gain=None if proceeds is None or cost is None else proceeds - cost,
    )


def value_held_item(
    *,
    item: Collectible,
    observed: Price | None,
    manual: Price | None,
    currency: str,
    as_of: datetime,
    rates: Rates,
) -> ItemValue:
    """The value of an item in the collection as of `as_of`, in `currency` (the basis
    rules of this module), whatever its status now: the snapshots of the days before a
    sale value the item as it was then."""
    quantity = Decimal(item.quantity)
    cost, cost_unconvertible = _cost(item, currency, rates)

    chosen = observed or manual
    if chosen is not None:
        basis = Basis.OBSERVED if observed is not None else Basis.MANUAL
        unit = rates.convert(chosen.price, chosen.currency, currency, as_of.date())
        return ItemValue(
            item=item,
            basis=basis,
            price=chosen,
            unit_value=None if unit is None else cents(unit),
            value=None if unit is None else cents(unit * quantity),
            cost=cost,
            age_days=price_age_days(chosen.observed_at, now=as_of),
            is_stale=price_is_stale(chosen.observed_at, now=as_of),
            unconvertible=unit is None,
            cost_unconvertible=cost_unconvertible,
        )
    if item.purchase_price is not None:
        # Worth what was paid for the items themselves: fees and shipping are cost, not value.
        day, source = acquired_on(item), item.purchase_currency or currency
        unit = rates.convert(item.purchase_price, source, currency, day)
        value = rates.convert(item.purchase_price * quantity, source, currency, day)
        return ItemValue(
            item=item,
            basis=Basis.PURCHASE,
            unit_value=None if unit is None else cents(unit),
            value=None if value is None else cents(value),
            cost=cost,
            unconvertible=value is None,
            cost_unconvertible=cost_unconvertible,
        )
    return ItemValue(item=item, basis=Basis.NONE)


@dataclass
class Totals:
    total_value: Decimal = Decimal("0.00")
    cost_basis: Decimal = Decimal("0.00")
    item_count: int = 0
    unit_count: int = 0
    priced_count: int = 0
    unpriced_count: int = 0
    unconvertible_count: int = 0
    stale_count: int = 0
    by_basis: dict[str, int] = field(default_factory=lambda: dict.fromkeys(VALUE_BASES, 0))
    gain_value: Decimal = Decimal("0.00")
    gain_cost: Decimal = Decimal("0.00")
    gain_item_count: int = 0
    #: Sold items: counted apart, never in the collection's totals above.
    sold_count: int = 0
    realised_proceeds: Decimal = Decimal("0.00")
    realised_cost: Decimal = Decimal("0.00")
    realised_item_count: int = 0

    def add(self, value: ItemValue) -> None:
        if value.basis == Basis.WANTED:
            return  # not bought yet: in no total
        if value.basis == Basis.SOLD:
            self.sold_count += 1
            if value.proceeds is not None and value.cost is not None:
                self.realised_item_count += 1
                self.realised_proceeds += value.proceeds
                self.realised_cost += value.cost
            return
        self.item_count += 1
        self.unit_count += value.item.quantity
        self.by_basis[value.basis] += 1
        if value.value is not None:
            self.priced_count += 1
            self.total_value += value.value
        else:
            self.unpriced_count += 1
        if value.unconvertible:
            self.unconvertible_count += 1
        if value.is_stale:
            self.stale_count += 1
        if value.cost is not None:
            self.cost_basis += value.cost
            if value.value is not None:
                self.gain_item_count += 1
                self.gain_value += value.value
                self.gain_cost += value.cost

    @property
    def gain(self) -> dict[str, Any]:
        amount = self.gain_value - self.gain_cost
        percent = cents(amount / self.gain_cost * 100) if self.gain_cost else None
        return {
            "amount": amount,
            "percent": percent,
            "value": self.gain_value,
            "cost": self.gain_cost,
            "item_count": self.gain_item_count,
        }

    @property
    def realised(self) -> dict[str, Any]:
        """Over the sold items with both proceeds and a cost basis (as `gain`)."""
        amount = self.realised_proceeds - self.realised_cost
        percent = cents(amount / self.realised_cost * 100) if self.realised_cost else None
        return {
            "amount": amount,
            "percent": percent,
            "proceeds": self.realised_proceeds,
            "cost": self.realised_cost,
            "item_count": self.realised_item_count,
        }


def totals(values: Iterable[ItemValue]) -> Totals:
    result = Totals()
    for value in values:
        result.add(value)
    return result


@dataclass(frozen=True)
class Move:
    item: ItemValue
    value: Decimal
    previous_value: Decimal
    change: Decimal
    change_percent: Decimal | None


def day_start(now: datetime) -> datetime:
    """Midnight UTC of `now`'s day: rows valued before it are refreshed."""
    return datetime.combine(now.astimezone(UTC).date(), time.min, tzinfo=UTC)


def valuation_is_current(valued_at: datetime | None, *, now: datetime) -> bool:
    """A stored valuation holds until the end of the UTC day it was computed on (movers'
    windows and the day's exchange rates roll daily); a missing one never does."""
    return valued_at is not None and valued_at >= day_start(now)


def day_end(day: date) -> datetime:
    """The last instant of a UTC day (prices observed that day count for it)."""
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=UTC) - timedelta(
        microseconds=1
    )


def stale_before(now: datetime) -> datetime:
    """A price observed before this instant is stale (`value_item`'s rule, at read time)."""
    return now - timedelta(days=settings.VALUATION_STALE_AFTER_DAYS)
