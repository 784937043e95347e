"""A new price re-values its item where it is recorded (issue 14).

The price-history triggers delete an item's stored valuation on any write to its prices
(migration `valuation/0003`); left at that, the next dashboard values every such item
with the Python rules (~0.15 ms each). Where the product records prices — a worker's run,
a price entered by hand (`price_history.hooks`) — the item is valued again right there,
in the transaction that wrote the rows, with the same rules (`services.valuations_revalue`),
so the stored row is fresh when the dashboard reads it and commits or rolls back with the
prices. Writes that do not pass here (the admin, raw SQL, a takeout restore) keep only the
triggers' invalidation: the read path values what is missing, as before.

Inside `batched()`, items are collected and valued together when the block ends (one
valuation for a write of many items: three queries, not three per item).

A failure to value never costs the prices: it runs in a savepoint, is logged, and the row
stays deleted for the read path to value.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

from django.db import transaction

if TYPE_CHECKING:
    from inventory.models import Collectible
    from price_history.models import PriceHistory, ScrapeRun

logger = logging.getLogger(__name__)

_pending: ContextVar[set[int] | None] = ContextVar("valuation_pending", default=None)


def revalue_items(item_ids: Iterable[int]) -> None:
    """Value these items again now, or at the end of the enclosing `batched()` block."""
    ids = set(item_ids)
    if not ids:
        return
    pending = _pending.get()
    if pending is not None:
        pending |= ids
        return
    _revalue(ids)


def _revalue(ids: set[int]) -> None:
    from valuation.services import valuations_revalue

    try:
        with transaction.atomic():
            valuations_revalue(item_ids=sorted(ids))
    except Exception:
        # The prices stand; the rows stay deleted and the next read values them.
        logger.exception("Could not re-value %s items after new prices", len(ids))


@contextmanager
def batched() -> Iterator[None]:
    """Items to re-value inside are valued together when the block ends without error
    (nested blocks join the outer one)."""
    if _pending.get() is not None:
        yield
        return
    token = _pending.set(set())
    try:
        yield
        ids = _pending.get() or set()
    finally:
        _pending.reset(token)
    if ids:
        _revalue(ids)


def after_prices(
    *,
    collectible: Collectible,
    rows: Sequence[PriceHistory],
    run: ScrapeRun | None,
    failure_kind: str = "",
) -> None:
    """The `price_history.hooks` entry: only recorded prices change a value (a failed or
    empty run wrote nothing the triggers saw)."""
    if rows:
        revalue_items([collectible.pk])
