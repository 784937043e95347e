"""Why a price was chosen: notes the extraction rules leave for ``scraper.evaluate``.

Rules call :func:`note` ("json-ld: main product by canonical url", "visible text:
h1 + add-to-cart, confidence 0.8"). Outside :func:`tracing` that is a single
context-variable read, so production extraction pays nothing for it; inside, the
notes are collected in order so ``python -m scraper.evaluate --verbose`` can say why
it got what it got.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["note", "tracing"]

_NOTES: ContextVar[list[str] | None] = ContextVar("scraper_trace_notes", default=None)


def note(text: str) -> None:
    """Record why a rule decided what it did (a no-op unless :func:`tracing` is active)."""
    notes = _NOTES.get()
    if notes is not None:
        notes.append(text)


@contextmanager
def tracing() -> Iterator[list[str]]:
    """Collect the notes of the extraction run inside the ``with`` block."""
    notes: list[str] = []
    token = _NOTES.set(notes)
    try:
        yield notes
    finally:
        _NOTES.reset(token)
