"""What the apps above price_history do when prices arrive or a tracker gives up.

price_history may not import them (alerts evaluates its rules on new prices), so each
registers a function here from its `AppConfig.ready()`. They are called inside the
transaction that writes the rows: what they write commits or rolls back with the prices,
and a re-delivered run (found finished) calls nothing twice.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from inventory.models import Collectible
    from price_history.models import PriceHistory, ScrapeRun, Tracker


class AfterPrices(Protocol):
    def __call__(
        self,
        *,
        collectible: Collectible,
        rows: Sequence[PriceHistory],
        run: ScrapeRun | None,
        failure_kind: str,
    ) -> object:  # what it returns is not used
        """`rows`: the prices just recorded (a run's, or one entered by hand with `run`
        None); a failed run calls it with no rows and its `failure_kind` (e.g.
        `out_of_stock`)."""
        ...


class AfterPause(Protocol):
    def __call__(self, *, tracker: Tracker, run: ScrapeRun) -> object:
        """`tracker` was just paused after `run`, its last failure in a row."""
        ...


_after_prices: dict[str, AfterPrices] = {}
_after_pause: dict[str, AfterPause] = {}


def register_after_prices(name: str, hook: AfterPrices) -> None:
    """Add `hook` under `name` (registering a name again replaces it)."""
    _after_prices[name] = hook


def register_after_pause(name: str, hook: AfterPause) -> None:
    _after_pause[name] = hook


def prices_recorded(
    *,
    collectible: Collectible,
    rows: Sequence[PriceHistory],
    run: ScrapeRun | None,
    failure_kind: str = "",
) -> None:
    for hook in _after_prices.values():
        hook(collectible=collectible, rows=rows, run=run, failure_kind=failure_kind)


def tracker_paused(*, tracker: Tracker, run: ScrapeRun) -> None:
    for hook in _after_pause.values():
        hook(tracker=tracker, run=run)


@contextmanager
def suspended() -> Iterator[None]:
    """No hook runs inside (a benchmark's baseline: the run without what others add)."""
    saved = dict(_after_prices), dict(_after_pause)
    _after_prices.clear()
    _after_pause.clear()
    try:
        yield
    finally:
        _after_prices.update(saved[0])
        _after_pause.update(saved[1])
