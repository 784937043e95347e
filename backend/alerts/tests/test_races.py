"""Two runs of one item (two of its trackers) finishing at the same moment, each in its
own transaction on real PostgreSQL: the first holds its transaction open right after its
evaluation while the second runs. Fires once per crossing: no double, no lost alert."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from django.db import connection

from alerts.factories import AlertRuleFactory
from alerts.models import AlertEvent, AlertKind, AlertRule
from notifications.models import Notification
from price_history.services import runs as run_services

pytestmark = pytest.mark.django_db(transaction=True)


class Held:
    """Holds the first run's transaction open after its rules were evaluated (in
    `job_refresh`, the last step of `_run_finish`) until `release()`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.evaluated = threading.Event()
        self.go = threading.Event()
        original = run_services.job_refresh

        def refresh(**kwargs):
            if threading.current_thread().name == "first":
                self.evaluated.set()
                assert self.go.wait(20), "the test never let the first run commit"
            return original(**kwargs)

        monkeypatch.setattr(run_services, "job_refresh", refresh)

    def release(self) -> None:
        self.go.set()


def in_thread(name: str, check) -> threading.Thread:
    errors: list[BaseException] = []

    def target() -> None:
        try:
            check()
        except BaseException as exc:  # reported by the test, not lost in the thread
            errors.append(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=target, name=name, daemon=True)
    thread.errors = errors  # type: ignore[attr-defined]
    thread.start()
    return thread


def race(monkeypatch, first, second) -> None:
    """`first` evaluates and waits; `second` runs meanwhile; then both commit."""
    held = Held(monkeypatch)
    one = in_thread("first", first)
    assert held.evaluated.wait(20)
    two = in_thread("second", second)
    two.join(1.0)  # it waits for the first one's evaluation to commit
    assert two.is_alive(), "the second run's evaluation did not wait for the first"
    held.release()
    for thread in (one, two):
        thread.join(30)
        assert not thread.is_alive()
        assert not thread.errors, thread.errors  # type: ignore[attr-defined]


def rule_on(item, owner) -> AlertRule:
    return AlertRuleFactory(
        owner=owner, collectible=item, kind=AlertKind.PRICE_AT_OR_BELOW,
        target_amount=Decimal("10.00"), target_currency="EUR",
    )  # fmt: skip


def test_two_runs_under_the_target_at_once_fire_once(monkeypatch, shop, other_shop, item, owner):
    rule = rule_on(item, owner)
    shop.offer("9.00")
    other_shop.offer("8.00")

    race(monkeypatch, shop.check, other_shop.check)

    assert AlertEvent.objects.filter(rule=rule).count() == 1
    assert Notification.objects.filter(user=owner).count() == 1
    rule.refresh_from_db()
    assert rule.armed is False


def test_a_crossing_during_a_rearm_is_not_lost(monkeypatch, shop, other_shop, item, owner):
    rule = rule_on(item, owner)
    shop.offer("9.00")
    shop.check()  # fired; the rule waits for the price to go back over the target
    other_shop.offer("12.00")
    other_shop.check()
    shop.offer("11.00")  # this run re-arms it (both offers over the target) …
    other_shop.offer("8.00")  # … while this one, at the same moment, crosses again

    race(monkeypatch, shop.check, other_shop.check)

    assert [e.price for e in AlertEvent.objects.filter(rule=rule).order_by("id")] == [
        Decimal("9.00"),
        Decimal("8.00"),
    ]
    rule.refresh_from_db()
    assert rule.armed is False


def test_a_rule_edited_during_an_evaluation_keeps_the_edit(monkeypatch, shop, item, owner):
    """The evaluation read the rule (target 10.00) and judged it; before it wrote the new
    state the owner lowered the target (which re-arms it). The stale write must not
    disarm the rule the owner just set: the state is written compare-and-set."""
    from alerts.services import evaluation
    from alerts.services.alert_rules import alert_rule_update

    rule = rule_on(item, owner)
    shop.offer("9.00")
    judged, edited = threading.Event(), threading.Event()
    original = evaluation._change

    def change(*args, **kwargs):
        found = original(*args, **kwargs)
        if threading.current_thread().name == "first" and not judged.is_set():
            judged.set()
            assert edited.wait(20), "the test never edited the rule"
        return found

    monkeypatch.setattr(evaluation, "_change", change)
    one = in_thread("first", shop.check)
    assert judged.wait(20)
    alert_rule_update(rule=rule, data={"target_amount": Decimal("5.00")})  # commits
    edited.set()
    one.join(30)
    assert not one.is_alive()
    assert not one.errors  # type: ignore[attr-defined]

    rule.refresh_from_db()
    assert rule.target_amount == Decimal("5.00")
    assert rule.armed is True  # the edit's state, not the stale evaluation's
    # What fired was true of the rule as it was judged: told once, and stored.
    assert AlertEvent.objects.filter(rule=rule).count() == 1
    shop.offer("8.00")
    shop.check()  # 8.00 is over the new target: nothing more
    assert AlertEvent.objects.filter(rule=rule).count() == 1
