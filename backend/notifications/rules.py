"""Pure timing rules of delivery: quiet hours, the daily digest's hour, retry backoff."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django.utils.translation import gettext as _


def zone_problem(name: str) -> str | None:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return _("'%(name)s' is not a time zone name such as Europe/Berlin or UTC.") % {
            "name": name
        }
    return None if name in available_timezones() or name == "UTC" else _("Unknown time zone.")


def quiet_until(now: datetime, start: time | None, end: time | None, zone: str) -> datetime | None:
    """The end of the quiet window `now` falls in (an aware datetime), or None when the
    channel may be told now. A window may run over midnight (22:00-07:00)."""
    if start is None or end is None or start == end:
        return None
    local = now.astimezone(ZoneInfo(zone))
    clock = local.time().replace(tzinfo=None)
    # A window that runs over midnight (22:00-07:00) is "after start or before end".
    inside = start <= clock < end if start < end else (clock >= start or clock < end)
    if not inside:
        return None
    ends = local.replace(hour=end.hour, minute=end.minute, second=0, microsecond=0)
    if ends <= local:
        ends += timedelta(days=1)
    return ends.astimezone(now.tzinfo)


def next_digest_at(now: datetime, hour: int, zone: str) -> datetime:
    """The next `hour`:00 in the channel's time zone, strictly after `now`."""
    local = now.astimezone(ZoneInfo(zone))
    at = local.replace(hour=hour, minute=0, second=0, microsecond=0)
    if at <= local:
        at += timedelta(days=1)
    return at.astimezone(now.tzinfo)


def retry_delay(attempts: int, *, base: int, cap: int) -> timedelta:
    """After the `attempts`-th failure: base, 2·base, 4·base … at most `cap` seconds."""
    return timedelta(seconds=min(base * 2 ** max(attempts - 1, 0), cap))
