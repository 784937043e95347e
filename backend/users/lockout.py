"""Failed logins counted per account, whatever address they come from.

The per-client `auth` throttle slows one address down; an attacker with many addresses
is stopped here. After `LOGIN_LOCKOUT_FAILURES` failed logins in a row an account refuses
every login, the right password included, for `LOGIN_LOCKOUT_SECONDS`; each further series
of failures doubles the wait, up to `LOGIN_LOCKOUT_MAX_SECONDS`. The waits stay short on
purpose: an attacker can make the owner wait, never keep them out for long. A successful
login forgets the failures.

Accounts are named by a hash of the normalised email, and an address without an account
is counted exactly like one with an account, so the lockout says nothing about which
addresses are registered. The counters live in the cache (Redis), shared by every process.

Each attempt takes its number before the password is checked (an atomic increment), so
attempts sent in parallel cannot slip past the limit while the first ones are still
being hashed.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from users.models import normalize_email

#: Failures are forgotten a day after the last one (a success forgets them at once).
FAILURE_MEMORY_SECONDS = 24 * 3600


class AccountLocked(Exception):
    """Logins to this account are refused for `retry_after` more seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"Login refused for {retry_after} more seconds.")
        self.retry_after = max(1, retry_after)


@dataclass(frozen=True)
class _Keys:
    failures: str  # failed (or in-flight) attempts since the last success
    gate: str  # (series allowed to start, when it may start): the current lockout


def _keys(email: str) -> _Keys:
    digest = hashlib.sha256(normalize_email(email).encode()).hexdigest()[:40]
    return _Keys(failures=f"login-failures:{digest}", gate=f"login-gate:{digest}")


def _lockout_seconds(series: int) -> int:
    """How long the account waits after its `series`-th series of failures (1, 2, …)."""
    doubling = 2 ** min(series - 1, 16)
    return min(settings.LOGIN_LOCKOUT_SECONDS * doubling, settings.LOGIN_LOCKOUT_MAX_SECONDS)


def retry_after(email: str) -> int:
    """Seconds until this account accepts logins again (0: it does now)."""
    gate = cache.get(_keys(email).gate)
    if gate is None:
        return 0
    return max(0, math.ceil(gate[1] - time.time()))


def attempt_begin(email: str) -> int:
    """Number this login attempt, or raise AccountLocked without checking any password."""
    keys = _keys(email)
    if wait := retry_after(email):
        raise AccountLocked(wait)
    cache.add(keys.failures, 0, FAILURE_MEMORY_SECONDS)
    number = cache.incr(keys.failures)
    cache.touch(keys.failures, FAILURE_MEMORY_SECONDS)
    gate = cache.get(keys.gate)
    allowed_series = gate[0] if gate else 0
    if (number - 1) // settings.LOGIN_LOCKOUT_FAILURES > allowed_series:
        # Earlier attempts, still being checked, complete a series: this one waits for its
        # outcome (a lockout, or a success that starts over) instead of being a free guess.
        with contextlib.suppress(ValueError):
            cache.decr(keys.failures)
        raise AccountLocked(retry_after(email) or settings.LOGIN_LOCKOUT_SECONDS)
    return number


def attempt_failed(email: str, number: int) -> None:
    """Attempt `number` had the wrong password: lock the account if it ends a series."""
    if number % settings.LOGIN_LOCKOUT_FAILURES == 0:
        series = number // settings.LOGIN_LOCKOUT_FAILURES
        opens_at = time.time() + _lockout_seconds(series)
        cache.set(_keys(email).gate, (series, opens_at), FAILURE_MEMORY_SECONDS)


def attempt_succeeded(email: str) -> None:
    keys = _keys(email)
    cache.delete_many([keys.failures, keys.gate])
