"""Writes of trackers: what to watch, and pausing or resuming the watch."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import ngettext

from inventory.models import Collectible
from price_history import gateway
from price_history.failure_texts import PAUSED_BY_COLLECTOR
from price_history.models import Tracker
from users.models import User

# Changing any of these makes the tracker a different watch: its schedule starts afresh.
_WATCH_FIELDS = ("url", "source", "selector", "attribute", "condition", "currency")


def tracker_validate(tracker: Tracker) -> None:
    """Everything a watch must be before it is saved or checked: its fields and their
    rules (`Tracker.clean`) and a selector the scraper can parse. (Whether its URL may be
    fetched is checked where it is typed, the API and the admin: it resolves the host.)"""
    tracker.full_clean(exclude=["collectible", "created_by"])
    if tracker.selector and (problem := gateway.selector_problem(tracker.selector)):
        raise ValidationError({"selector": [problem]})


def _check_room(collectible: Collectible) -> None:
    """At most TRACKER_MAX_PER_ITEM trackers per item. The item's row is locked first, so
    two creations at once cannot both take the last place."""
    Collectible.objects.select_for_update().filter(pk=collectible.pk).values_list("pk").first()
    limit = settings.TRACKER_MAX_PER_ITEM
    if Tracker.objects.filter(collectible=collectible).count() >= limit:
        raise ValidationError(
            ngettext(
                "This item already has %(count)s tracker, the most it can have: delete it "
                "if it is no longer needed first.",
                "This item already has %(count)s trackers, the most it can have: delete one "
                "it no longer needs first.",
                limit,
            )
            % {"count": limit},
            code="too_many_trackers",
        )


@transaction.atomic
def tracker_create(*, collectible: Collectible, created_by: User, data: dict[str, Any]) -> Tracker:
    _check_room(collectible)
    tracker = Tracker(collectible=collectible, created_by=created_by, **data)
    tracker.next_run_at = timezone.now()  # checked at the next beat tick
    tracker_validate(tracker)
    tracker.save()
    return tracker


@transaction.atomic
def tracker_update(*, tracker: Tracker, data: dict[str, Any]) -> Tracker:
    watch_changed = any(
        field in data and data[field] != getattr(tracker, field) for field in _WATCH_FIELDS
    )
    for field, value in data.items():
        setattr(tracker, field, value)
    if watch_changed:
        tracker.etag = tracker.last_modified = ""
        tracker.consecutive_failures = 0
        tracker.last_error_kind = tracker.last_error_message = tracker.last_error_code = ""
        tracker.last_error_params = {}
        if tracker.is_active:
            tracker.next_run_at = timezone.now()
    tracker_validate(tracker)
    tracker.save()
    return tracker


@transaction.atomic
def tracker_delete(*, tracker: Tracker) -> None:
    tracker.delete()


@transaction.atomic
def tracker_pause(*, tracker: Tracker, reason: str = PAUSED_BY_COLLECTOR) -> Tracker:
    tracker.is_active = False
    tracker.paused_reason = reason[:500]
    tracker.save(update_fields=["is_active", "paused_reason", "updated_at"])
    return tracker


@transaction.atomic
def tracker_resume(*, tracker: Tracker) -> Tracker:
    """Active again, failures forgotten, checked at the next beat tick."""
    tracker.is_active = True
    tracker.paused_reason = ""
    tracker.consecutive_failures = 0
    tracker.next_run_at = timezone.now()
    tracker.save(
        update_fields=[
            "is_active",
            "paused_reason",
            "consecutive_failures",
            "next_run_at",
            "updated_at",
        ]
    )
    return tracker
