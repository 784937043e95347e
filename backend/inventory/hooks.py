"""What the apps above inventory do when a wanted item is acquired ("I bought it").

inventory may not import them, so each registers a function here from its
`AppConfig.ready()` (alerts switches off the item's "price at or below" rules: the
collector no longer wants to buy it). They are called inside the transaction that turns
the item into an owned one: what they write commits or rolls back with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from inventory.models import Collectible


class AfterAcquire(Protocol):
    def __call__(self, *, collectible: Collectible) -> object:  # what it returns is not used
        """`collectible` was wanted and is now owned (saved, in the same transaction)."""
        ...


_after_acquire: dict[str, AfterAcquire] = {}


def register_after_acquire(name: str, hook: AfterAcquire) -> None:
    """Add `hook` under `name` (registering a name again replaces it)."""
    _after_acquire[name] = hook


def acquired(*, collectible: Collectible) -> None:
    for hook in _after_acquire.values():
        hook(collectible=collectible)
