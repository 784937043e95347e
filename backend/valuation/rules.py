"""The rules of collection value, pure: no database, no clock but the one passed in.

An item's value (docs/valuation.md): the latest observed price that matches its condition
(`valuation.conditions`), else the latest manual price that matches, else its purchase
price; times its quantity, in the vendor's currency. Observed and manual prices convert
at the rates of the valuation day (`as_of`), purchase prices at the rates of the purchase
date. A price older than VALUATION_STALE_AFTER_DAYS is stale.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any, Protocol

from django.conf import settings

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


VALUE_BASES = (Basis.OBSERVED, Basis.MANUAL, Basis.PURCHASE, Basis.NONE)
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

    @property
    def is_priced(self) -> bool:
        return self.value is not None


def acquired_on(item: Collectible) -> date:
    """The day an item joined the collection: its purchase date, else when it was entered."""
    return item.purchase_date or item.created_at.astimezone(UTC).date()


def value_item(
    *,
    item: Collectible,
    observed: Price | None,
    manual: Price | None,
    currency: str,
    as_of: datetime,
    rates: Rates,
) -> ItemValue:
    """One item's value as of `as_of`, in `currency` (the basis rules of this module)."""
    quantity = Decimal(item.quantity)
    cost: Decimal | None = None
    cost_unconvertible = False
    if item.purchase_price is not None:
        converted = rates.convert(
            item.purchase_price * quantity,
            item.purchase_currency or currency,
            currency,
            acquired_on(item),
        )
        cost_unconvertible = converted is None
        cost = None if converted is None else cents(converted)

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
        unit = rates.convert(
            item.purchase_price, item.purchase_currency or currency, currency, acquired_on(item)
        )
        return ItemValue(
            item=item,
            basis=Basis.PURCHASE,
            unit_value=None if unit is None else cents(unit),
            value=cost,
            cost=cost,
            unconvertible=cost_unconvertible,
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

    def add(self, value: ItemValue) -> None:
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
