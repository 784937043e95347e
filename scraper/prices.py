"""Real-world price strings → :class:`~scraper.types.Money`.

Number recognition (thousands / decimal separators in every local style) is done by
the `price-parser <https://github.com/scrapinghub/price-parser>`_ library; this module
adds what it leaves open: mapping currency symbols to ISO 4217 codes, refusing
negative and absurd amounts, and quantizing to the currency's minor unit.

Currency rules, in order:

1. An unambiguous marker on the text wins: an ISO code (``EUR 5``; legacy ``RUR`` →
   RUB), a prefixed dollar (``US$``, ``C$``/``CA$``, ``A$``/``AU $``, ``NZ$``, ``HK$``,
   ``S$``, ``MX$``, ``R$``), ``E£`` (EGP), ``€``, ``₹``, ``₩``/``원``, ``CHF``, ``zł``,
   ``грн``, ``лв``, ``тг.``, ``TL``, ``ر.س`` … (table in :mod:`scraper.currency_markers`).
2. A shared marker (``$``, ``Rs``, ``¥``, ``元``, ``£``, ``kr``, Cyrillic rouble) takes the
   ``currency_hint`` when compatible (``$`` + ``CAD`` → CAD, ``¥`` + ``CNY`` → CNY,
   ``kr`` + ``SEK`` → SEK), else the first compatible ``page_hints`` entry (the page's
   declared currency, language, country domain), else its default: ``$`` **USD**,
   ``¥`` **JPY**, ``Rs`` INR, ``元`` CNY, ``£`` GBP; ``kr`` stays unknown (``None``).
3. No marker at all: the hint, else ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from price_parser import Price

from scraper.currency_markers import find_marker
from scraper.currency_markers import resolve as resolve_marker
from scraper.types import Money

__all__ = ["parse_price", "to_iso_currency"]

#: Amounts at or above this are treated as parse garbage, not prices.
MAX_AMOUNT = Decimal(10) ** 12
#: Longest text we hand to price-parser (prices are short; this bounds the work).
MAX_TEXT = 200

# Currencies whose minor unit is not 2 digits (ISO 4217).
_ZERO_DECIMALS = frozenset(
    {"JPY", "KRW", "ISK", "CLP", "VND", "PYG", "UGX", "XAF", "XOF", "XPF", "RWF", "KMF", "GNF"}
)
_THREE_DECIMALS = frozenset({"KWD", "BHD", "JOD", "OMR", "TND", "LYD", "IQD"})

# ISO 4217 codes we accept when written out (plus a few that appear on collector sites).
_ISO_CODES = frozenset(
    [
        "AED",
        "ARS",
        "AUD",
        "BGN",
        "BHD",
        "BRL",
        "CAD",
        "CHF",
        "CLP",
        "CNY",
        "COP",
        "CZK",
        "DKK",
        "EGP",
        "EUR",
        "GBP",
        "HKD",
        "HUF",
        "IDR",
        "ILS",
        "INR",
        "IQD",
        "ISK",
        "JOD",
        "JPY",
        "KMF",
        "KRW",
        "KWD",
        "LYD",
        "MXN",
        "MYR",
        "NOK",
        "NZD",
        "OMR",
        "PEN",
        "PHP",
        "PKR",
        "PLN",
        "PYG",
        "QAR",
        "RON",
        "RSD",
        "RUB",
        "RWF",
        "SAR",
        "SEK",
        "SGD",
        "THB",
        "TND",
        "TRY",
        "TWD",
        "UAH",
        "UGX",
        "USD",
        "VND",
        "XAF",
        "XOF",
        "XPF",
        "ZAR",
        "GNF",
    ]
)

_DOLLAR_CURRENCIES = frozenset(
    {"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "MXN", "TWD", "ARS", "CLP", "COP"}
)
_YEN_CURRENCIES = frozenset({"JPY", "CNY"})
_KRONA_CURRENCIES = frozenset({"SEK", "NOK", "DKK", "ISK"})

# Unambiguous markers → ISO code. Keys are compared case-insensitively after removing
# spaces and dots.
_SYMBOLS: dict[str, str] = {
    "us$": "USD",
    "usd$": "USD",
    "u$s": "USD",
    "c$": "CAD",
    "ca$": "CAD",
    "can$": "CAD",
    "cad$": "CAD",
    "a$": "AUD",
    "au$": "AUD",
    "aud$": "AUD",
    "nz$": "NZD",
    "hk$": "HKD",
    "s$": "SGD",
    "sg$": "SGD",
    "mx$": "MXN",
    "nt$": "TWD",
    "r$": "BRL",
    "£": "GBP",
    "€": "EUR",
    "₹": "INR",
    "rs": "INR",
    "₩": "KRW",
    "₽": "RUB",
    "\u0440\u0443\u0431": "RUB",  # "rub" in Cyrillic
    "₺": "TRY",
    "₪": "ILS",
    "₱": "PHP",
    "฿": "THB",
    "₫": "VND",
    "₴": "UAH",
    "zł": "PLN",
    "kč": "CZK",
    "ft": "HUF",
    "lei": "RON",
    "fr": "CHF",
    "sfr": "CHF",
    "rm": "MYR",
    "rp": "IDR",
    "jp¥": "JPY",
    "円": "JPY",
    "cn¥": "CNY",
    "元": "CNY",
    "rmb": "CNY",
}

_NEGATIVE_SIGNS = "-\u2212\u2013"  # hyphen-minus, minus sign, en dash
_FIRST_DIGIT = re.compile(r"\d")


def to_iso_currency(
    marker: str | None, hint: str | None = None, *, page_hints: Sequence[str | None] = ()
) -> str | None:
    """Map a currency marker as found on a page (``$``, ``C$``, ``EUR``…) to ISO 4217.

    ``page_hints`` (the page's declared currency, language and country domain, in that
    order) decide shared markers such as ``$`` or ``元`` after ``hint`` and before the
    marker's default; see :mod:`scraper.currency_markers`.
    """
    hint = hint.strip().upper() if hint else None
    if hint is not None and hint not in _ISO_CODES and not re.fullmatch(r"[A-Z]{3}", hint):
        hint = None
    if not marker:
        return hint
    known, iso = resolve_marker(marker, (hint, *page_hints))
    if known:
        return iso
    key = re.sub(r"[\s.]", "", marker).lower()
    if key.upper() in _ISO_CODES:
        return key.upper()
    if key in _SYMBOLS:
        return _SYMBOLS[key]
    if key in {"$", "dollar", "dollars"}:
        return hint if hint in _DOLLAR_CURRENCIES else "USD"
    if key in {"¥", "￥", "yen"}:
        return hint if hint in _YEN_CURRENCIES else "JPY"
    if key in {"kr", "kr,-", ":-"}:
        return hint if hint in _KRONA_CURRENCIES else None
    return hint


def _is_negative(text: str) -> bool:
    """True when a minus sign precedes the first digit (``-5 €``, ``US$ \u22123``)."""
    match = _FIRST_DIGIT.search(text)
    if match is None:
        return False
    head = text[: match.start()].rstrip()
    if head and head[-1] in _NEGATIVE_SIGNS:
        return True
    # Accounting style: "(5.00)" is minus five.
    return "(" in head and ")" in text


def quantize(amount: Decimal, currency: str | None) -> Decimal:
    """Round to the currency's minor unit (JPY: 0 digits, KWD: 3, default 2)."""
    if currency in _ZERO_DECIMALS:
        exponent = Decimal(1)
    elif currency in _THREE_DECIMALS:
        exponent = Decimal("0.001")
    else:
        exponent = Decimal("0.01")
    return amount.quantize(exponent)


def parse_price(
    text: str, currency_hint: str | None = None, *, page_hints: Sequence[str | None] = ()
) -> Money | None:
    """Parse a price as written on a shop page; ``None`` if there is no usable price.

    >>> parse_price("$1,299.99")
    Money(amount=Decimal('1299.99'), currency='USD')
    >>> parse_price("1.234,56 €")
    Money(amount=Decimal('1234.56'), currency='EUR')
    >>> parse_price("¥4,500")
    Money(amount=Decimal('4500'), currency='JPY')

    Negative amounts, empty text and text without digits give ``None``; so do amounts
    of a trillion or more (those are part numbers, not prices). Zero is returned as a
    zero amount: callers decide whether "free" is meaningful for them.
    """
    if not isinstance(text, str):
        return None
    text = " ".join(text.split())[:MAX_TEXT]
    if not text or _FIRST_DIGIT.search(text) is None or _is_negative(text):
        return None
    try:
        parsed = Price.fromstring(text)
    except (ValueError, ArithmeticError):  # pragma: no cover - defensive
        return None
    amount = parsed.amount
    if amount is None:
        return None
    try:
        if not amount.is_finite() or amount < 0 or amount >= MAX_AMOUNT:
            return None
        # Our marker table first: price-parser cuts "AU $" to "$" and "E£" to "£".
        marker = find_marker(text) or parsed.currency
        currency = to_iso_currency(marker, currency_hint, page_hints=page_hints)
        if currency in _THREE_DECIMALS:
            # price-parser reads "12.345" as twelve thousand; with 3-digit minor units
            # the last separator is the decimal one.
            separators = [c for c in text if c in ".,"]
            if separators:
                amount = Price.fromstring(text, decimal_separator=separators[-1]).amount
                if amount is None or amount >= MAX_AMOUNT:
                    return None
        return Money(quantize(amount, currency), currency)
    except (InvalidOperation, ArithmeticError):
        return None
