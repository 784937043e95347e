"""Pure rules of alerts: what each kind needs, and when its condition holds. No database,
no clock (docs/alerts.md)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from alerts.models import AlertKind

#: Kinds evaluated when prices arrive (the others: a paused tracker, the value snapshot).
PRICE_KINDS = frozenset(
    {
        AlertKind.PRICE_AT_OR_BELOW,
        AlertKind.DROP_PERCENT,
        AlertKind.ALL_TIME_LOW,
        AlertKind.BACK_IN_STOCK,
    }
)
#: Kinds whose rule needs an item / may not have one.
ITEM_ONLY = frozenset({AlertKind.PRICE_AT_OR_BELOW})
VENDOR_ONLY = frozenset({AlertKind.COLLECTION_VALUE_CHANGE})
#: The parameters each kind takes (anything else given is refused).
PARAMETERS: Mapping[str, frozenset[str]] = {
    AlertKind.PRICE_AT_OR_BELOW: frozenset({"target_amount", "target_currency"}),
    AlertKind.DROP_PERCENT: frozenset({"percent", "window_days"}),
    AlertKind.ALL_TIME_LOW: frozenset(),
    AlertKind.BACK_IN_STOCK: frozenset(),
    AlertKind.COLLECTION_VALUE_CHANGE: frozenset({"percent", "window_days"}),
    AlertKind.TRACKER_PAUSED: frozenset(),
}
ALL_PARAMETERS = ("target_amount", "target_currency", "percent", "window_days")
MAX_WINDOW_DAYS = 365
#: A back-in-stock rule starts disarmed: it fires after an out-of-stock sighting.
STARTS_DISARMED = frozenset({AlertKind.BACK_IN_STOCK})


def rule_problems(*, kind: str, has_item: bool, values: Mapping[str, Any]) -> dict[str, str]:
    """Field → why the rule cannot be saved like this ({} when it can)."""
    problems: dict[str, str] = {}
    takes = PARAMETERS[kind]
    for name in ALL_PARAMETERS:
        if name not in takes and values.get(name) not in (None, ""):
            problems[name] = f"A `{kind}` rule takes no {name}."
    if kind in ITEM_ONLY and not has_item:
        problems["collectible"] = f"A `{kind}` rule watches one item: give its id."
    if kind in VENDOR_ONLY and has_item:
        problems["collectible"] = f"A `{kind}` rule watches a whole vendor: give no item."
    if "target_amount" in takes and values.get("target_amount") is None:
        problems["target_amount"] = "Give the target price."
    if "percent" in takes:
        percent = values.get("percent")
        if percent is None or not Decimal(0) < percent <= Decimal(100):
            problems["percent"] = "Give a percentage above 0 and at most 100."
    if kind == AlertKind.DROP_PERCENT:
        window = values.get("window_days")
        if window is None or not 1 <= window <= MAX_WINDOW_DAYS:
            problems["window_days"] = f"Give a number of days from 1 to {MAX_WINDOW_DAYS}."
    if kind == AlertKind.COLLECTION_VALUE_CHANGE:
        window = values.get("window_days")
        if window is not None and not 1 <= window <= MAX_WINDOW_DAYS:
            problems["window_days"] = f"Give a number of days from 1 to {MAX_WINDOW_DAYS}."
    return problems


@dataclass(frozen=True)
class Offer:
    """One price just recorded, as the rules see it."""

    key: int  # the row's id: what triggered an event
    price: Decimal
    currency: str
    in_stock: bool


@dataclass(frozen=True)
class PriceContext:
    """An item's earlier prices, per currency (not counting the new ones)."""

    lowest_before: Mapping[str, Decimal]
    #: window days → currency → highest price within that many days before.
    highest_within: Mapping[int, Mapping[str, Decimal]]


@dataclass(frozen=True)
class Verdict:
    """Whether a condition holds; `offer` is what makes it true. `holds` None: this
    news says nothing about it (e.g. no price in the rule's currency): state unchanged."""

    holds: bool | None
    offer: Offer | None = None


def _lowest(offers: list[Offer], currency: str | None = None) -> Offer | None:
    chosen = [o for o in offers if o.in_stock and (currency is None or o.currency == currency)]
    return min(chosen, key=lambda o: (o.price, o.key), default=None)


def price_verdict(
    *,
    kind: str,
    target_amount: Decimal | None,
    target_currency: str,
    percent: Decimal | None,
    window_days: int | None,
    offers: list[Offer],
    out_of_stock: bool,
    context: PriceContext,
) -> Verdict:
    """The condition of a price kind given the prices just recorded (same currency only:
    no conversion, a price in another currency says nothing)."""
    if kind == AlertKind.BACK_IN_STOCK:
        best = _lowest(offers)
        if best is not None:
            return Verdict(True, best)
        return Verdict(False) if out_of_stock or offers else Verdict(None)
    if kind == AlertKind.PRICE_AT_OR_BELOW:
        best = _lowest(offers, target_currency)
        if best is None or target_amount is None:
            return Verdict(None)
        return Verdict(best.price <= target_amount, best)
    best = _lowest(offers)
    if best is None:
        return Verdict(None)
    if kind == AlertKind.ALL_TIME_LOW:
        before = context.lowest_before.get(best.currency)
        # The first price ever is no "new low"; each lower one is a crossing of its own.
        return Verdict(None) if before is None else Verdict(best.price < before, best)
    if kind == AlertKind.DROP_PERCENT and percent is not None and window_days is not None:
        high = context.highest_within.get(window_days, {}).get(best.currency)
        if high is None or high <= 0:
            return Verdict(None)
        return Verdict(best.price <= high * (1 - percent / 100), best)
    return Verdict(None)


def value_change_verdict(
    *, percent: Decimal, before: Decimal | None, now: Decimal | None
) -> tuple[bool | None, Decimal | None]:
    """(holds, change in %) of a collection-value rule: moved by at least `percent` either
    way between two snapshots (None: nothing to compare)."""
    if before is None or now is None or before == 0:
        return None, None
    change = (now - before) / before * 100
    return abs(change) >= percent, change.quantize(Decimal("0.01"))
