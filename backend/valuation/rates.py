"""Currency conversion through the euro, with the ECB rate of the day.

A rate for a day is the one published that day or, failing that, the nearest earlier
published day (the ECB publishes none on weekends and TARGET holidays), at most
`settings.VALUATION_RATE_MAX_AGE_DAYS` older. No such rate → no conversion (`None`):
an amount is never converted with a rate from the wrong time or a made-up one.

One exception, so that a collection never drops to 0 because the rates stopped coming
(the ECB unreachable for a while): for a day after the newest rate stored for any
currency, a currency's last rate is still used if it was current then (at most the
usable age before that newest day). The answers that show values say so
(`rates_status`: the rates' date and `stale`). A currency the ECB no longer publishes
stays unconvertible: its last rate is older than the others'.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import Max

from valuation.models import ExchangeRate

EURO = "EUR"

UNKNOWN = date.min  # the newest day not looked up yet


def newest_rate_day() -> date | None:
    """The newest day any rate is stored for (None: no rates at all)."""
    return ExchangeRate.objects.aggregate(newest=Max("date"))["newest"]


def carried_forward(*, day: date, rate_day: date, newest: date | None) -> bool:
    """Whether a rate published on `rate_day`, too old for `day`, is still used for it:
    `day` is after every stored rate and the rate was current on the newest day (module
    doc). `valuation.services.valuations_reprice` says the same in SQL."""
    max_age = timedelta(days=settings.VALUATION_RATE_MAX_AGE_DAYS)
    return newest is not None and day > newest and newest - rate_day <= max_age


@dataclass(frozen=True)
class RatesStatus:
    """How current the stored rates are, as the answers that show values say it."""

    date: date | None  # the newest day with rates
    stale: bool  # older than the usable age: values use the last known rates


def rates_status(*, today: date, newest: date | None = UNKNOWN) -> RatesStatus:
    """As of `today`; `newest` when the caller read it already (`newest_rate_day`)."""
    if newest is UNKNOWN:
        newest = newest_rate_day()
    max_age = timedelta(days=settings.VALUATION_RATE_MAX_AGE_DAYS)
    return RatesStatus(date=newest, stale=newest is None or today - newest > max_age)


def latest_rates_sql(lookups: str) -> str:
    """SQL answering, for each `(currency, day)` row of `lookups` (a FROM item aliased
    `q(currency, day)`), the latest rate on or before the day: `currency, day, rate's
    day, rate` (none for a currency never published). The lookup rule's one home."""
    table = ExchangeRate._meta.db_table
    return f"""
        SELECT q.currency, q.day, r.date, r.rate
        FROM {lookups}
        JOIN LATERAL (
            SELECT e.date, e.rate FROM {table} e
            WHERE e.currency = q.currency AND e.date <= q.day
            ORDER BY e.date DESC LIMIT 1
        ) r ON TRUE
    """  # noqa: S608 — the table name is the model's, values are parameters


class RateBook:
    """The rates needed for a set of (currency, day) lookups, fetched in one query."""

    def __init__(self, found: dict[tuple[str, date], tuple[date, Decimal]]) -> None:
        self._found = found
        self.max_age = timedelta(days=settings.VALUATION_RATE_MAX_AGE_DAYS)
        self._newest: date | None = UNKNOWN  # looked up only when a rate is too old for its day

    @classmethod
    def load(cls, lookups: Iterable[tuple[str, date]]) -> RateBook:
        """Look up every (currency, day) at once: the latest rate on or before the day."""
        wanted = sorted({(cur, day) for cur, day in lookups if cur and cur != EURO})
        if not wanted:
            return cls({})
        sql = latest_rates_sql("unnest(%s::varchar[], %s::date[]) AS q(currency, day)")
        with connection.cursor() as cursor:
            cursor.execute(sql, [[c for c, _ in wanted], [d for _, d in wanted]])
            return cls.from_rows(cursor.fetchall())

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence[Any]]) -> RateBook:
        """From the rows of `latest_rates_sql` (currency, day, rate's day, rate), read by a
        caller that folded the lookup into a statement of its own."""
        return cls({(currency, day): (rate_day, rate) for currency, day, rate_day, rate in rows})

    def rate(self, currency: str, day: date) -> Decimal | None:
        """Units of `currency` per euro on `day` (1 for the euro), or None."""
        if currency == EURO:
            return Decimal(1)
        hit = self._found.get((currency, day))
        if hit is None:
            return None
        if day - hit[0] > self.max_age:
            if self._newest is UNKNOWN:
                self._newest = newest_rate_day()
            if not carried_forward(day=day, rate_day=hit[0], newest=self._newest):
                return None
        return hit[1]

    def convert(self, amount: Decimal, source: str, target: str, day: date) -> Decimal | None:
        """`amount` of `source` in `target` at the rates of `day`, unrounded; None when a
        rate is missing."""
        if source == target:
            return amount
        source_rate = self.rate(source, day)
        target_rate = self.rate(target, day)
        if source_rate is None or target_rate is None:
            return None
        return amount / source_rate * target_rate
