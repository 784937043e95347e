"""Evaluating the rules that are not about a price: a tracker paused after failures (in
the run's transaction) and the collection value moving (beat, after the snapshots)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from alerts import rules, selectors, texts
from alerts.delivery import Firing, events_fire
from alerts.models import AlertEvent, AlertKind, AlertRule
from price_history.models import ScrapeRun, Tracker
from valuation.models import ValueSnapshot


@transaction.atomic(savepoint=False)
def alerts_evaluate_pause(*, tracker: Tracker, run: ScrapeRun) -> list[AlertEvent]:
    """`tracker_paused` rules of the tracker's item and vendor: one event per pause, all
    fired in one batch. No state to change, so no rule is locked (`paused:<run id>` keeps
    a pause from firing twice)."""
    item = tracker.collectible
    found = selectors.rules_for_item(
        collectible_id=item.pk, vendor_id=item.vendor_id, kinds={AlertKind.TRACKER_PAUSED}
    )
    now = timezone.now()
    text = texts.paused_text(
        item=item.name, url=tracker.url, reason=tracker.paused_reason,
        failures=tracker.consecutive_failures,
        error={
            "kind": tracker.last_error_kind, "message": tracker.last_error_message,
            "code": tracker.last_error_code, "params": tracker.last_error_params,
        },
    )  # fmt: skip
    firing = Firing(
        trigger_key=f"paused:{run.pk}",
        title=text.title,
        body=text.body,
        fired_at=now,
        collectible_id=item.pk,
        url=tracker.url,
        source=tracker.source,
        link=f"/collection/{item.pk}",
        data={"collectible": item.pk, "tracker": tracker.pk} | text.data,
    )
    events = events_fire(firings=[(rule, firing) for rule in found])
    if events:
        AlertRule.objects.filter(pk__in=[e.rule_id for e in events]).update(last_fired_at=now)
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
    (default 1) before it: fires once per crossing, at most once per snapshot day. The
    firings go out in one batch at the end."""
    now = timezone.now()
    latest_by_vendor: dict[int, ValueSnapshot | None] = {}
    firings: list[tuple[AlertRule, Firing]] = []
    rearmed: list[int] = []
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
                rearmed.append(rule.pk)
            continue
        if not rule.armed:
            continue
        text = texts.value_text(
            vendor=rule.vendor.name, change=change or Decimal(0), before=before.total_value,
            now=latest.total_value, currency=latest.currency, before_day=before.day,
            day=latest.day,
        )  # fmt: skip
        firings.append(
            (
                rule,
                Firing(
                    trigger_key=f"value:{latest.day.isoformat()}",
                    title=text.title,
                    body=text.body,
                    fired_at=now,
                    price=latest.total_value,
                    currency=latest.currency,
                    link="/",
                    data={"vendor": rule.vendor_id, "change_percent": str(change)} | text.data,
                ),
            )
        )
    events = events_fire(firings=firings)
    if rearmed:
        AlertRule.objects.filter(pk__in=rearmed).update(armed=True)
    if firings:
        AlertRule.objects.filter(pk__in=[rule.pk for rule, _ in firings]).update(armed=False)
    if events:
        AlertRule.objects.filter(pk__in=[e.rule_id for e in events]).update(last_fired_at=now)
    return events
