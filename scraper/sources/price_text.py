"""Prices inside running text ("Jetzt: 8,71 € (4,36 € / 100 ml)", "EUR219.99 -50%").

:func:`find_prices` tokenizes a short visible text into price tokens — a number with
a currency marker before or after it (``€ 20,-``, ``294 元``, ``Rs 23,450``) — and
parses each with :func:`scraper.prices.parse_price`. Numbers without a marker are
only taken when the caller says the text is a price (an element whose class names a
price). :func:`find_percentages` reads discount badges (``-5%``, ``-30 %``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from scraper.currency_markers import MARKER_PATTERN
from scraper.prices import parse_price
from scraper.types import Money

__all__ = ["PriceToken", "find_percentages", "find_prices"]

_NUMBER = (
    r"(?<![\d.,])(?:\d{1,3}(?:[ .,'’\u00a0\u202f]\d{3})+|\d+)(?:[.,]\d{1,2})?"
    r"(?:[.,][-–])?(?![\d])"
)
_TOKEN = re.compile(
    rf"(?:(?P<pre>{MARKER_PATTERN})\s?)?(?P<num>{_NUMBER})(?:\s?(?P<post>{MARKER_PATTERN}))?",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"(?<![\w.,])[-−–]\s?(\d{1,2}(?:[.,]\d{1,2})?)\s?%")
#: Longest text tokenized (a buy box line, not a whole page).
MAX_TEXT = 400


@dataclass(frozen=True, slots=True)
class PriceToken:
    money: Money
    marked: bool  # a currency marker was written beside the number
    start: int
    end: int


def find_prices(
    text: str,
    *,
    hint: str | None = None,
    page_hints: Sequence[str | None] = (),
    unmarked: bool = False,
) -> list[PriceToken]:
    """The price tokens of ``text`` in order (zero amounts dropped)."""
    text = text[:MAX_TEXT]
    tokens = []
    for match in _TOKEN.finditer(text):
        marked = bool(match.group("pre") or match.group("post"))
        if not marked and not unmarked:
            continue
        money = parse_price(match.group(0), hint, page_hints=page_hints)
        if money is None or money.amount <= 0:
            continue
        tokens.append(PriceToken(money, marked, match.start(), match.end()))
    return tokens


def find_percentages(text: str) -> list[Decimal]:
    """Discount badges in ``text``: ``"-5%"`` → ``[Decimal("5")]``."""
    return [Decimal(m.group(1).replace(",", ".")) for m in _PERCENT.finditer(text[:MAX_TEXT])]
