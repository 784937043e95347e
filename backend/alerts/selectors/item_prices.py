"""Reads of an evaluation: the item's prices its rules are judged against — its current
offers across its trackers, its earlier lows and highs, today's exchange rates.

In SQL, and in one statement that finds out by itself what the item's rules need (the
same `WATCHING` condition as the rules' read), so that it goes to PostgreSQL in the same
round trip as the lock and the rules (docs/alerts.md, performance)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from alerts import rules
from alerts.models import AlertKind, AlertRule
from alerts.selectors.item_rules import watching
from core.sql import Statement
from price_history.models import PriceHistory, Tracker
from valuation.rates import EURO, RateBook, latest_rates_sql
from valuation.rules import stale_before

#: A price entry's `availability` / a tracker's `last_error_kind` when not offered.
OUT_OF_STOCK = "out_of_stock"


@dataclass(frozen=True, slots=True)
class SeenPrice:
    """A price entry as alerts needs it (the rules' `Offer`, and what an event shows)."""

    pk: int
    price: Decimal
    currency: str
    in_stock: bool
    source: str
    url: str
    observed_at: datetime

    def offer(self) -> rules.Offer:
        return rules.Offer(
            key=self.pk, price=self.price, currency=self.currency, in_stock=self.in_stock
        )


def seen_price(row: PriceHistory) -> SeenPrice:
    return SeenPrice(
        pk=row.pk,
        price=row.price,
        currency=row.currency,
        in_stock=row.availability != OUT_OF_STOCK,
        source=row.source,
        url=row.url,
        observed_at=row.observed_at,
    )


@dataclass(frozen=True)
class ItemPrices:
    """What an evaluation needs of an item's prices (`item_prices_statement`)."""

    current: list[SeenPrice]
    context: rules.PriceContext
    rates: RateBook


#: `watching`: the kind, window and target of the rules the evaluation reads; nothing
#: below is computed when there is none (most items have no rule).
#: `latest` → `cur`: the item's current offers — the latest check (per condition) of each
#: tracker, and of a check with several sellers' offers (a listings page) the cheapest, as
#: the want list's best offer takes it; then only the active trackers' (and the run's
#: own), each tracker read once (not once per price row).
#: `recent_low` → `low`: for `all_time_low` rules (the only kind that compares with it),
#: per currency of the news in stock, the lowest earlier in-stock price (not the news).
#: The usual news is no new low: an earlier price at or under it among the item's latest
#: rows (`recent_low`, by the `(collectible, observed_at)` index) tells as much, and is
#: answered instead; only when some currency has none (a new low, a first price) are all
#: the item's rows read for the true lowest (`no_new_low`, decided once per statement).
#: `high`: the highest within each drop rule's window, not counting the news (the highs
#: read only the longest window's rows, by the same index).
#: `rate`: today's rate of each currency of the current offers and of the targets
#: (valuation's lookup; `price_at_or_below` only).
#: How many of the item's latest rows `recent_low` reads (a bound the planner sees, so
#: that the plan made once for every item reads them by the index).
_RECENT_ROWS = 50
_PRICES_SQL = """
    WITH watching AS (
        SELECT r.kind, r.window_days, r.target_currency FROM {rules} r WHERE {watching}
    ),
    latest AS (
        SELECT DISTINCT ON (tracker_id, condition)
               id, price, currency, availability, source, url, observed_at, tracker_id
        FROM {prices}
        WHERE collectible_id = %s AND tracker_id IS NOT NULL
          AND observed_at >= %s AND observed_at <= %s AND NOT is_demo
          AND EXISTS (SELECT 1 FROM watching)
        ORDER BY tracker_id, condition, observed_at DESC, price, id DESC
    ),
    cur AS (
        SELECT p.id, p.price, p.currency, p.availability, t.last_error_kind, p.source,
               p.url, p.observed_at
        FROM latest p JOIN {trackers} t ON t.id = p.tracker_id
        WHERE t.is_active OR t.id = %s
    ),
    recent_low AS (
        SELECT currency, MIN(price) AS low FROM (
            SELECT id, price, currency, availability FROM {prices}
            WHERE collectible_id = %s AND EXISTS (SELECT 1 FROM watching WHERE kind = %s)
            ORDER BY observed_at DESC LIMIT {recent}
        ) AS q
        WHERE currency = ANY(%s) AND NOT (id = ANY(%s)) AND availability <> %s
        GROUP BY currency
    ),
    no_new_low AS (
        SELECT count(*) = cardinality(%s::varchar[]) AS every FROM recent_low
        WHERE low <= (%s::jsonb ->> currency)::numeric
    )
    SELECT 'current', id, price, currency, availability, last_error_kind, source, url,
           observed_at, NULL::int, NULL::date
    FROM cur
    UNION ALL
    SELECT 'low', NULL, low, currency, NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM recent_low WHERE (SELECT every FROM no_new_low)
    UNION ALL
    SELECT 'low', NULL, MIN(price), currency, NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM {prices}
    WHERE collectible_id = %s AND currency = ANY(%s) AND NOT (id = ANY(%s))
      AND availability <> %s AND EXISTS (SELECT 1 FROM watching WHERE kind = %s)
      AND NOT (SELECT every FROM no_new_low)
    GROUP BY currency
    UNION ALL
    SELECT 'high', NULL, MAX(p.price), p.currency, NULL, NULL, NULL, NULL, NULL, w.days,
           NULL
    FROM {prices} p JOIN (
        SELECT DISTINCT window_days::int FROM watching
        WHERE kind = %s AND window_days IS NOT NULL
    ) AS w(days) ON p.observed_at >= %s::timestamptz - make_interval(days => w.days)
    WHERE p.collectible_id = %s AND NOT (p.id = ANY(%s)) AND p.availability <> %s
      AND p.observed_at >= %s::timestamptz - make_interval(days => (
          SELECT MAX(window_days)::int FROM watching WHERE kind = %s
      ))
    GROUP BY p.currency, w.days
    UNION ALL
    SELECT 'rate', NULL, rate, currency, NULL, NULL, NULL, NULL, NULL, NULL, rate_day
    FROM ({rates}) AS found(currency, day, rate_day, rate)
"""
_RATE_LOOKUPS = """(
    SELECT DISTINCT c, %s::date FROM (
        SELECT currency FROM cur
        UNION SELECT target_currency FROM watching WHERE kind = %s
    ) AS wanted(c)
    WHERE c <> %s AND c <> '' AND EXISTS (SELECT 1 FROM watching WHERE kind = %s)
) AS q(currency, day)"""


def item_prices_statement(
    *,
    collectible_id: int,
    vendor_id: int,
    kinds: Iterable[str],
    run_tracker_id: int | None,
    now: datetime,
    news: Sequence[SeenPrice],
) -> Statement:
    """One statement for what the item's rules (of `kinds`) need of its prices (a run's
    evaluation pays for round trips, not for rows); `item_prices_of` reads its rows:

    - its current offers: the latest observation (per condition) of each active tracker,
      and of the run's own tracker, no older than what the want list's "best offer now"
      counts as current (`valuation.rules.stale_before`: VALUATION_STALE_AFTER_DAYS),
      demo prices left out. A tracker whose last check said `out_of_stock` offers nothing
      in stock, whatever its last price was;
    - the earlier prices (not the `news`): for `all_time_low` rules, the lowest in-stock
      price of each currency of the news in stock — or, when the news is no new low, an
      earlier price at or under it (`rules.PriceContext`); for `drop_percent` rules, the
      highest within each rule's window;
    - for `price_at_or_below` rules, today's exchange rates of the current offers'
      currencies and of the targets."""
    where, watched = watching(collectible_id=collectible_id, vendor_id=vendor_id, kinds=kinds)
    news_ids = [price.pk for price in news]
    lows: dict[str, Decimal] = {}  # the news' lowest in stock, per currency
    for price in news:
        if price.in_stock and price.price < lows.get(price.currency, price.price + 1):
            lows[price.currency] = price.price
    in_stock = sorted(lows)
    news_lows = json.dumps({currency: str(low) for currency, low in lows.items()})
    sql = _PRICES_SQL.format(
        rules=AlertRule._meta.db_table,
        watching=where,
        prices=PriceHistory._meta.db_table,
        trackers=Tracker._meta.db_table,
        rates=latest_rates_sql(_RATE_LOOKUPS),
        recent=_RECENT_ROWS,
    )
    at_or_below = AlertKind.PRICE_AT_OR_BELOW.value
    params: list[Any] = [
        *watched,
        *(collectible_id, stale_before(now), now),
        run_tracker_id,
        *(collectible_id, AlertKind.ALL_TIME_LOW.value, in_stock, news_ids, OUT_OF_STOCK),
        *(in_stock, news_lows),
        *(collectible_id, in_stock, news_ids, OUT_OF_STOCK, AlertKind.ALL_TIME_LOW.value),
        *(AlertKind.DROP_PERCENT.value, now, collectible_id, news_ids, OUT_OF_STOCK),
        *(now, AlertKind.DROP_PERCENT.value),
        *(now.date(), at_or_below, EURO, at_or_below),
    ]
    return sql, params


def item_prices_of(rows: Iterable[Sequence[Any]], *, now: datetime) -> ItemPrices:
    """The prices an `item_prices_statement` read."""
    current: list[SeenPrice] = []
    lowest: dict[str, Decimal] = {}
    highest: dict[int, dict[str, Decimal]] = {}
    rates: list[tuple[str, date, date, Decimal]] = []
    for part, pk, price, currency, availability, last_error, source, url, at, days, day in rows:
        if part == "current":
            in_stock = OUT_OF_STOCK not in (availability, last_error)
            current.append(SeenPrice(pk, price, currency, in_stock, source, url, at))
        elif part == "low":
            lowest[currency] = price
        elif part == "high":
            highest.setdefault(days, {})[currency] = price
        else:
            rates.append((currency, now.date(), day, price))
    return ItemPrices(
        current=current,
        context=rules.PriceContext(lowest_before=lowest, highest_within=highest),
        rates=RateBook.from_rows(rates),
    )
