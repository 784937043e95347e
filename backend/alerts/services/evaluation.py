"""Evaluating rules: after a run's prices (price_history's hook, in the run's
transaction), when a tracker is paused, and on the collection-value snapshots (beat).

Set-based: one query reads (and locks) the rules of the item and of its vendor, one more
reads the item's earlier lows and highs when a rule needs them; with no rule on the item,
evaluation costs that one indexed query."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from urllib.parse import urlsplit

from django.db import transaction
from django.db.models import Max, Min, Q
from django.utils import timezone

from alerts import rules, selectors
from alerts.delivery import Firing, event_fire
from alerts.models import AlertEvent, AlertKind, AlertRule
from inventory.models import Collectible
from price_history.models import PriceHistory, ScrapeRun, Tracker
from valuation.models import ValueSnapshot

OUT_OF_STOCK = "out_of_stock"


def _armed(rule: AlertRule, item_id: int) -> bool:
    if rule.collectible_id is not None:
        return rule.armed
    return bool(rule.item_armed.get(str(item_id), rule.kind not in rules.STARTS_DISARMED))


def _set_armed(rule: AlertRule, item_id: int, armed: bool) -> bool:
    """Set the rule's state for the item; True when it changed."""
    if _armed(rule, item_id) == armed:
        return False
    if rule.collectible_id is not None:
        rule.armed = armed
    else:
        rule.item_armed = {**rule.item_armed, str(item_id): armed}
    return True


def _price_context(
    collectible_id: int, new_ids: list[int], wanted: list[AlertRule]
) -> rules.PriceContext:
    windows = sorted(
        {r.window_days for r in wanted if r.kind == AlertKind.DROP_PERCENT and r.window_days}
    )
    if not any(r.kind in (AlertKind.ALL_TIME_LOW, AlertKind.DROP_PERCENT) for r in wanted):
        return rules.PriceContext(lowest_before={}, highest_within={})
    now = timezone.now()
    highs = {
        f"high_{days}": Max("price", filter=Q(observed_at__gte=now - timedelta(days=days)))
        for days in windows
    }
    earlier = (
        PriceHistory.objects.filter(collectible_id=collectible_id)
        .exclude(pk__in=new_ids)
        .exclude(availability=OUT_OF_STOCK)
        .order_by()
        .values("currency")
        .annotate(low=Min("price"), **highs)
    )
    lowest: dict[str, Decimal] = {}
    highest: dict[int, dict[str, Decimal]] = {days: {} for days in windows}
    for row in earlier:
        lowest[row["currency"]] = row["low"]
        for days in windows:
            if row[f"high_{days}"] is not None:
                highest[days][row["currency"]] = row[f"high_{days}"]
    return rules.PriceContext(lowest_before=lowest, highest_within=highest)


def _price_title(rule: AlertRule, item: Collectible, money: str) -> str:
    if rule.kind == AlertKind.PRICE_AT_OR_BELOW:
        return f"{item.name}: {money}, at or below your {rule.target_amount} {rule.target_currency}"
    if rule.kind == AlertKind.DROP_PERCENT:
        return f"{item.name}: {money}, down {rule.percent} % or more in {rule.window_days} days"
    if rule.kind == AlertKind.ALL_TIME_LOW:
        return f"{item.name}: new all-time low, {money}"
    return f"{item.name} is back in stock: {money}"


def _price_firing(rule: AlertRule, item: Collectible, row: PriceHistory, now: datetime) -> Firing:
    money = f"{row.price:.2f} {row.currency}"
    where = row.source + (f" ({urlsplit(row.url).hostname})" if row.url else "")
    return Firing(
        trigger_key=f"price:{row.pk}",
        title=_price_title(rule, item, money),
        body=f"Seen on {where} at {row.observed_at:%Y-%m-%d %H:%M} UTC.",
        fired_at=now,
        collectible_id=item.pk,
        observation_id=row.pk,
        price=row.price,
        currency=row.currency,
        source=row.source,
        url=row.url,
        link=f"/collection/{item.pk}",
        data={"collectible": item.pk},
    )


def _save_states(changed: list[AlertRule]) -> None:
    if changed:
        AlertRule.objects.bulk_update(changed, ["armed", "item_armed", "last_fired_at"])


@transaction.atomic
def alerts_evaluate_prices(
    *,
    collectible: Collectible,
    rows: Sequence[PriceHistory],
    run: ScrapeRun | None,
    failure_kind: str = "",
) -> list[AlertEvent]:
    """The price rules of the item (and its vendor) against the prices just recorded:
    each fires once per crossing (hysteresis), all-time lows on every new low."""
    found = list(
        selectors.rules_for_item(
            collectible_id=collectible.pk, vendor_id=collectible.vendor_id, kinds=rules.PRICE_KINDS
        )
    )
    if not found:
        return []
    offers = [
        rules.Offer(
            key=row.pk,
            price=row.price,
            currency=row.currency,
            in_stock=row.availability != OUT_OF_STOCK,
        )
        for row in rows
    ]
    by_id = {row.pk: row for row in rows}
    out_of_stock = failure_kind == OUT_OF_STOCK or (
        bool(offers) and not any(o.in_stock for o in offers)
    )
    context = _price_context(collectible.pk, list(by_id), found)
    now = timezone.now()
    events: list[AlertEvent] = []
    changed: list[AlertRule] = []
    for rule in found:
        verdict = rules.price_verdict(
            kind=rule.kind,
            target_amount=rule.target_amount,
            target_currency=rule.target_currency,
            percent=rule.percent,
            window_days=rule.window_days,
            offers=offers,
            out_of_stock=out_of_stock,
            context=context,
        )
        if verdict.holds is None:
            continue
        every_time = rule.kind == AlertKind.ALL_TIME_LOW  # each new low is its own crossing
        if not verdict.holds:
            if _set_armed(rule, collectible.pk, True):
                changed.append(rule)
            continue
        if verdict.offer is None or not (every_time or _armed(rule, collectible.pk)):
            continue
        event = event_fire(
            rule=rule, firing=_price_firing(rule, collectible, by_id[verdict.offer.key], now)
        )
        _set_armed(rule, collectible.pk, every_time)
        if event is not None:
            rule.last_fired_at = now
            events.append(event)
        changed.append(rule)
    _save_states(changed)
    return events


@transaction.atomic
def alerts_evaluate_pause(*, tracker: Tracker, run: ScrapeRun) -> list[AlertEvent]:
    """`tracker_paused` rules of the tracker's item and vendor: one event per pause."""
    item = tracker.collectible
    found = selectors.rules_for_item(
        collectible_id=item.pk, vendor_id=item.vendor_id, kinds={AlertKind.TRACKER_PAUSED}
    )
    now = timezone.now()
    events = []
    for rule in found:
        event = event_fire(
            rule=rule,
            firing=Firing(
                trigger_key=f"paused:{run.pk}",
                title=f"{item.name}: a tracker stopped ({urlsplit(tracker.url).hostname})",
                body=tracker.paused_reason,
                fired_at=now,
                collectible_id=item.pk,
                url=tracker.url,
                source=tracker.source,
                link=f"/collection/{item.pk}",
                data={"collectible": item.pk, "tracker": tracker.pk},
            ),
        )
        if event is not None:
            rule.last_fired_at = now
            rule.save(update_fields=["last_fired_at"])
            events.append(event)
    return events


def _snapshot_before(rule: AlertRule, latest: ValueSnapshot) -> ValueSnapshot | None:
    window = rule.window_days or 1
    return (
        ValueSnapshot.objects.filter(
            vendor_id=rule.vendor_id,
            currency=latest.currency,
            day__lte=latest.day - timedelta(days=window),
        )
        .order_by("-day")
        .first()
    )


@transaction.atomic
def alerts_evaluate_values() -> list[AlertEvent]:
    """Collection-value rules against the vendors' latest snapshot and the one `window_days`
    (default 1) before it: fires once per crossing, at most once per snapshot day."""
    now = timezone.now()
    events: list[AlertEvent] = []
    latest_by_vendor: dict[int, ValueSnapshot | None] = {}
    for rule in selectors.value_rules():
        if rule.vendor_id not in latest_by_vendor:
            latest_by_vendor[rule.vendor_id] = (
                ValueSnapshot.objects.filter(vendor_id=rule.vendor_id).order_by("-day").first()
            )
        latest = latest_by_vendor[rule.vendor_id]
        before = _snapshot_before(rule, latest) if latest is not None else None
        holds, change = rules.value_change_verdict(
            percent=rule.percent or Decimal(0),
            before=before.total_value if before else None,
            now=latest.total_value if latest else None,
        )
        if holds is None or latest is None or before is None:
            continue
        if not holds:
            if not rule.armed:
                rule.armed = True
                rule.save(update_fields=["armed"])
            continue
        if not rule.armed:
            continue
        direction = "up" if change and change > 0 else "down"
        event = event_fire(
            rule=rule,
            firing=Firing(
                trigger_key=f"value:{latest.day.isoformat()}",
                title=f"{rule.vendor.name}: collection value {direction} {abs(change or 0)} %",
                body=f"{before.total_value:.2f} → {latest.total_value:.2f} {latest.currency} "
                f"({before.day:%Y-%m-%d} → {latest.day:%Y-%m-%d}).",
                fired_at=now,
                price=latest.total_value,
                currency=latest.currency,
                link="/",
                data={"vendor": rule.vendor_id, "change_percent": str(change)},
            ),
        )
        rule.armed = False
        if event is not None:
            rule.last_fired_at = now
            events.append(event)
        rule.save(update_fields=["armed", "last_fired_at"])
    return events
