"""Pure rules of alerts: what each kind needs, and when its condition holds. No database,
no clock (docs/alerts.md)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

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
            problems[name] = _("A `%(kind)s` rule takes no %(field)s.") % {
                "kind": kind,
                "field": name,
            }
    if kind in ITEM_ONLY and not has_item:
        problems["collectible"] = _("A `%(kind)s` rule watches one item: give its id.") % {
            "kind": kind
        }
    if kind in VENDOR_ONLY and has_item:
        problems["collectible"] = _("A `%(kind)s` rule watches a whole vendor: give no item.") % {
            "kind": kind
        }
    if "target_amount" in takes and values.get("target_amount") is None:
        problems["target_amount"] = _("Give the target price.")
    if "percent" in takes:
        percent = values.get("percent")
        if percent is None or not Decimal(0) < percent <= Decimal(100):
            problems["percent"] = _("Give a percentage above 0 and at most 100.")
    if kind == AlertKind.DROP_PERCENT:
        window = values.get("window_days")
        if window is None or not 1 <= window <= MAX_WINDOW_DAYS:
            problems["window_days"] = _("Give a number of days from 1 to %(max)s.") % {
                "max": MAX_WINDOW_DAYS
            }
    if kind == AlertKind.COLLECTION_VALUE_CHANGE:
        window = values.get("window_days")
        if window is not None and not 1 <= window <= MAX_WINDOW_DAYS:
            problems["window_days"] = _("Give a number of days from 1 to %(max)s.") % {
                "max": MAX_WINDOW_DAYS
            }
    return problems


@dataclass(frozen=True)
class Offer:
    """One price as the rules see it: of the item's current offers, or just recorded."""

    key: int  # the row's id: what triggered an event
    price: Decimal
    currency: str
    in_stock: bool


@dataclass(frozen=True)
class PriceContext:
    """An item's earlier prices, per currency (not counting the new ones)."""

    #: The lowest; or, when one is at or under the news' lowest of its currency, that one
    #: (it tells as much: no new low; and is found among the latest rows, docs/alerts.md).
    lowest_before: Mapping[str, Decimal]
    #: window days → currency → highest price within that many days before.
    highest_within: Mapping[int, Mapping[str, Decimal]]


@dataclass(frozen=True)
class Situation:
    """What the item's prices say after some news.

    `current`: its best current offers — the latest observation of each active tracker
    (per condition), in stock or not, plus the news when it is not a tracker's (a price
    entered by hand). `news`: the prices just recorded. `out_of_stock`: the news said so
    (a check that failed with `out_of_stock`)."""

    current: Sequence[Offer]
    news: Sequence[Offer]
    out_of_stock: bool
    context: PriceContext


#: amount, from currency, to currency → the amount in the other currency (rounded to
#: cents), or None when there is no usable exchange rate.
Convert = Callable[[Decimal, str, str], Decimal | None]


def same_currency_only(amount: Decimal, source: str, target: str) -> Decimal | None:
    return amount if source == target else None


@dataclass(frozen=True)
class Verdict:
    """Whether a condition holds; `offer` is what makes it true (or the closest to it),
    `compared` its price in the rule's target currency. `holds` None: the news says
    nothing about it (e.g. no price convertible to the target's currency): state
    unchanged."""

    holds: bool | None
    offer: Offer | None = None
    compared: Decimal | None = None


def _lowest(offers: Iterable[Offer], currency: str | None = None) -> Offer | None:
    chosen = [o for o in offers if o.in_stock and (currency is None or o.currency == currency)]
    return min(chosen, key=lambda o: (o.price, o.key), default=None)


def _at_or_below(
    target_amount: Decimal | None, target_currency: str, situation: Situation, convert: Convert
) -> Verdict:
    if target_amount is None:
        return Verdict(None)
    compared = [
        (converted, offer)
        for offer in situation.current
        if offer.in_stock
        and (converted := convert(offer.price, offer.currency, target_currency)) is not None
    ]
    if not compared:  # no offer, or none with a usable rate: says nothing
        return Verdict(None)
    amount, best = min(compared, key=lambda pair: (pair[0], pair[1].price, pair[1].key))
    return Verdict(amount <= target_amount, best, amount)


def _drop(percent: Decimal, window_days: int, situation: Situation) -> Verdict:
    """Per currency (a price is compared with the earlier ones in its own currency): the
    best current offer at least `percent` under the window's highest price."""
    highs = situation.context.highest_within.get(window_days, {})
    verdict = Verdict(None)
    for currency in sorted({o.currency for o in situation.current if o.in_stock}):
        best = _lowest(situation.current, currency)
        high = highs.get(currency)
        if best is None or high is None or high <= 0:
            continue
        if best.price <= high * (1 - percent / 100):
            return Verdict(True, best, best.price)
        verdict = Verdict(False, best, best.price)
    return verdict


def _all_time_low(situation: Situation) -> Verdict:
    """A new price under every earlier one of its currency. The first price ever is no
    "new low"; each lower one is a crossing of its own."""
    verdict = Verdict(None)
    for currency in sorted({o.currency for o in situation.news if o.in_stock}):
        best = _lowest(situation.news, currency)
        before = situation.context.lowest_before.get(currency)
        if best is None or before is None:
            continue
        if best.price < before:
            return Verdict(True, best, best.price)
        verdict = Verdict(False, best, best.price)
    return verdict


def price_verdict(
    *,
    kind: str,
    target_amount: Decimal | None,
    target_currency: str,
    percent: Decimal | None,
    window_days: int | None,
    situation: Situation,
    convert: Convert = same_currency_only,
) -> Verdict:
    """The condition of a price kind. `price_at_or_below` and `drop_percent` look at the
    item's best current offer across its trackers (so two trackers on either side of a
    target do not fire it on alternate runs); `price_at_or_below` compares every offer
    converted to its target's currency (an offer with no usable rate is skipped);
    `all_time_low` looks at the news; `back_in_stock` at whether any current offer is in
    stock."""
    if kind == AlertKind.BACK_IN_STOCK:
        best = _lowest(situation.current)
        if best is not None:
            return Verdict(True, best, best.price)
        return Verdict(False) if situation.out_of_stock or situation.current else Verdict(None)
    if kind == AlertKind.PRICE_AT_OR_BELOW:
        return _at_or_below(target_amount, target_currency, situation, convert)
    if kind == AlertKind.ALL_TIME_LOW:
        return _all_time_low(situation)
    if kind == AlertKind.DROP_PERCENT and percent is not None and window_days is not None:
        return _drop(percent, window_days, situation)
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
