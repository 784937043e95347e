"""Evaluating the price rules after a run's prices (price_history's hook, in the run's
transaction; docs/alerts.md).

Written for round trips (a run's evaluation pays for them, not for rows). Most runs change
nothing and cost one: an advisory lock on the item, then its rules (and its vendor's),
unlocked, and the prices they need — current offers across its trackers, earlier lows
and highs, today's exchange rates — sent together. The few rules whose state changes
are then written in one statement, compare-and-set (a rule edited meanwhile keeps its
edit); what fires goes out with it in one batch (the notifications with their users'
channels, then their deliveries, the events and the rules' states: two more round trips
in all, and one task queued on commit)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from alerts import rules, selectors, texts
from alerts.delivery import Firing, events_fire
from alerts.models import AlertEvent, AlertKind, AlertRule
from alerts.selectors import OUT_OF_STOCK, SeenPrice
from core.sql import GENERIC_PLANS, Statement, json_rows, prepared, recordset, run_together
from inventory.models import Collectible
from notifications.services import channels_of, channels_statement
from price_history.models import PriceHistory, ScrapeRun
from valuation.rates import RateBook
from valuation.rules import cents

#: First key of the advisory lock that serializes the evaluations of one item ('alrt').
ADVISORY_NAMESPACE = 0x616C7274


def _lock_item(collectible_id: int) -> Statement:
    """Two runs of one item (two of its trackers) finishing at once are evaluated one
    after the other: the second waits on this lock until the first committed, and its
    next statement reads the prices and rule states the first left (READ COMMITTED: each
    statement sees what was committed before it began). An advisory lock writes no row,
    unlike `FOR UPDATE` on every rule of the item; it is released with the transaction."""
    return "SELECT pg_advisory_xact_lock(%s, %s)", [ADVISORY_NAMESPACE, collectible_id % 2**31]


def _armed(rule: AlertRule, item_id: int) -> bool:
    if rule.collectible_id is not None:
        return rule.armed
    return bool(rule.item_armed.get(str(item_id), rule.kind not in rules.STARTS_DISARMED))


@dataclass(frozen=True)
class _Change:
    """What a verdict does to a rule: its armed state after, and whether it fires."""

    armed: bool
    fires: bool
    verdict: rules.Verdict


def _change(rule: AlertRule, item_id: int, verdict: rules.Verdict) -> _Change | None:
    """None when the rule's state stays as it is (the usual case)."""
    if verdict.holds is None:
        return None
    armed = _armed(rule, item_id)
    if not verdict.holds:
        return None if armed else _Change(True, False, verdict)  # seen false: re-armed
    if verdict.offer is None:
        return None
    if rule.kind == AlertKind.ALL_TIME_LOW:  # each new low is a crossing of its own
        return _Change(armed, True, verdict)
    return _Change(False, True, verdict) if armed else None


def _converter(rates: RateBook, now: datetime) -> rules.Convert:
    """Offers compared with targets at today's exchange rates (valuation's `RateBook`, the
    conversion the want list's best offer uses), to the cent."""
    today = now.date()

    def convert(amount: Decimal, source: str, target: str) -> Decimal | None:
        converted = rates.convert(amount, source, target, today)
        return None if converted is None else cents(converted)

    return convert


def _verdict(rule: AlertRule, situation: rules.Situation, convert: rules.Convert) -> rules.Verdict:
    return rules.price_verdict(
        kind=rule.kind,
        target_amount=rule.target_amount,
        target_currency=rule.target_currency,
        percent=rule.percent,
        window_days=rule.window_days,
        situation=situation,
        convert=convert,
    )


def _price_firing(
    rule: AlertRule, item: Collectible, seen: SeenPrice, verdict: rules.Verdict, now: datetime
) -> Firing:
    """The event keeps the price as it was seen (amount and currency); a converted one
    is said in the title and body (their words: alerts.texts)."""
    data: dict[str, object] = {"collectible": item.pk}
    converted = verdict.compared
    if converted is None or seen.currency == rule.target_currency or not rule.target_currency:
        converted = None
    else:
        data |= {"converted_price": f"{converted:.2f}", "converted_currency": rule.target_currency}
    text = texts.price_text(
        kind=rule.kind, item=item.name, price=seen.price, currency=seen.currency,
        observed_at=seen.observed_at, source=seen.source, url=seen.url,
        target_amount=rule.target_amount, target_currency=rule.target_currency,
        percent=rule.percent, window_days=rule.window_days, converted=converted,
    )  # fmt: skip
    # The rule's version too: after its target or kind changed (re-armed, `updated_at`),
    # the same offer may fire it again; evaluating the same prices twice still may not.
    version = int(rule.updated_at.timestamp() * 1_000_000)
    return Firing(
        trigger_key=f"price:{seen.pk}:{version}",
        title=text.title,
        body=text.body,
        fired_at=now,
        collectible_id=item.pk,
        observation_id=seen.pk,
        price=seen.price,
        currency=seen.currency,
        source=seen.source,
        url=seen.url,
        link=f"/collection/{item.pk}",
        data=data | text.data,
    )


#: Every rule's new state in one statement, written only if the rule is as it was read
#: (compare-and-set on `updated_at`, which every edit moves, and still enabled): a rule
#: edited or switched off while this evaluation ran keeps what its owner set. A vendor-wide
#: rule's state for this item is merged into `item_armed` (`||`), never written from what
#: was read: runs of the vendor's other items update the same row (they do not move
#: `updated_at`). `last_fired_at` only where this evaluation stored the event (sent with
#: the events' insert, it runs right after it). A JSON record set, not a `VALUES` list:
#: the text is the same whatever the number of rules (psycopg parses it once).
_STATE_COLUMNS = (
    ("id", "bigint"), ("armed", "boolean"), ("trigger_key", "varchar"), ("version", "timestamptz"),
)  # fmt: skip
_STATES_SQL = """
    UPDATE {rules} r SET
        armed = CASE WHEN r.collectible_id IS NULL THEN r.armed ELSE v.armed END,
        item_armed = CASE WHEN r.collectible_id IS NULL
            THEN r.item_armed || jsonb_build_object(%s::text, v.armed) ELSE r.item_armed END,
        last_fired_at = CASE WHEN v.trigger_key IS NOT NULL AND EXISTS (
                SELECT 1 FROM {events} e
                WHERE e.rule_id = r.id AND e.trigger_key = v.trigger_key AND e.fired_at = %s
            ) THEN %s ELSE r.last_fired_at END
    FROM {states}
    WHERE r.id = v.id AND r.updated_at = v.version AND r.enabled
""".replace("{states}", recordset("v", _STATE_COLUMNS))


def _states(
    item_id: int, changes: list[tuple[AlertRule, bool, str | None]], now: datetime
) -> Statement:
    """(rule, armed after, trigger key when it fires) → the statement saving them."""
    sql = _STATES_SQL.format(rules=AlertRule._meta.db_table, events=AlertEvent._meta.db_table)
    rows = (
        {"id": rule.pk, "armed": armed, "trigger_key": key, "version": rule.updated_at}
        for rule, armed, key in changes
    )
    return sql, [str(item_id), now, now, json_rows(rows)]


@transaction.atomic(savepoint=False)
def alerts_evaluate_prices(
    *,
    collectible: Collectible,
    rows: Sequence[PriceHistory],
    run: ScrapeRun | None,
    failure_kind: str = "",
) -> list[AlertEvent]:
    """The price rules of the item (and its vendor) after `rows` were recorded (or a run
    failed with `failure_kind`): each fires once per crossing (hysteresis), all-time lows
    on every new low. Returns the events fired."""
    now = timezone.now()
    news = [selectors.seen_price(row) for row in rows]
    item, vendor, kinds = collectible.pk, collectible.vendor_id, rules.PRICE_KINDS
    # The lock, the rules and the prices they need in one round trip: the rules and
    # prices are read once the lock is held (most runs end after this, changing nothing).
    # Prepared (planned once per connection): planning them cost more than running them.
    _, _, rule_rows, price_rows, channel_rows = run_together(
        _lock_item(item),
        GENERIC_PLANS,
        prepared(
            selectors.rules_for_item_statement(collectible_id=item, vendor_id=vendor, kinds=kinds)
        ),
        prepared(
            selectors.item_prices_statement(
                collectible_id=item,
                vendor_id=vendor,
                kinds=kinds,
                run_tracker_id=run.tracker_id if run else None,
                now=now,
                news=news,
            )
        ),
        # The owners' channels, for what may fire (a few rows, only where rules are).
        prepared(
            channels_statement(
                users=selectors.owners_statement(collectible_id=item, vendor_id=vendor, kinds=kinds)
            )
        ),
    )
    found = selectors.rules_of(rule_rows)
    if not found:
        return []
    prices = selectors.item_prices_of(price_rows, now=now)
    current = prices.current
    if run is None:  # a price entered by hand is no tracker's: it counts as it is
        listed = {price.pk for price in current}
        current += [price for price in news if price.pk not in listed]
    situation = rules.Situation(
        current=[price.offer() for price in current],
        news=[price.offer() for price in news],
        out_of_stock=failure_kind == OUT_OF_STOCK,
        context=prices.context,
    )
    convert = _converter(prices.rates, now)
    changes = [
        (rule, change)
        for rule in found
        if (change := _change(rule, collectible.pk, _verdict(rule, situation, convert)))
    ]
    if not changes:
        return []
    seen = {price.pk: price for price in (*current, *news)}
    firings = {
        rule.pk: _price_firing(rule, collectible, seen[c.verdict.offer.key], c.verdict, now)
        for rule, c in changes
        if c.fires and c.verdict.offer is not None
    }
    states = prepared(
        _states(
            collectible.pk,
            [(r, c.armed, f.trigger_key if (f := firings.get(r.pk)) else None) for r, c in changes],
            now,
        )
    )
    if not firings:
        run_together(states)
        return []
    # The notifications, the events, then the rules' states: one round trip.
    return events_fire(
        firings=[(rule, firings[rule.pk]) for rule, _ in changes if rule.pk in firings],
        then=[states],
        channels=channels_of(channel_rows),
    )
