"""Reading eBay's words: dates, conditions, shipping, sellers, item ids, site currencies.

Pure text helpers for :mod:`scraper.sources.ebay` and :mod:`scraper.sources.ebay_results`
(no DOM here), so each rule is tested on its own.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from urllib.parse import urlsplit

from scraper.prices import parse_price
from scraper.sources.card_grades import US_CARD_SCALE, find_grades, raw_condition
from scraper.sources.dom import clean_text
from scraper.types import Money

__all__ = [
    "EBAY_HOSTS",
    "ebay_condition",
    "is_price_range",
    "item_id",
    "parse_sold_date",
    "seller_name",
    "shipping_cost",
    "site_currency",
]

#: eBay's sites and the currency each one shows its prices in.
_SITE_CURRENCIES: dict[str, str] = {
    "ebay.com": "USD",
    "ebay.ca": "CAD",
    "ebay.co.uk": "GBP",
    "ebay.com.au": "AUD",
    "ebay.de": "EUR",
    "ebay.fr": "EUR",
    "ebay.it": "EUR",
    "ebay.es": "EUR",
    "ebay.at": "EUR",
    "ebay.be": "EUR",
    "ebay.nl": "EUR",
    "ebay.ie": "EUR",
    "ebay.ch": "CHF",
    "ebay.pl": "PLN",
    "ebay.com.sg": "SGD",
    "ebay.com.hk": "HKD",
    "ebay.com.my": "MYR",
    "ebay.ph": "PHP",
}
EBAY_HOSTS: tuple[str, ...] = tuple(_SITE_CURRENCIES)


def site_currency(url: str) -> str | None:
    """The currency of the eBay site ``url`` is on (``ebay.co.uk`` → GBP), else ``None``."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    for site, currency in _SITE_CURRENCIES.items():
        if host == site or host.endswith("." + site):
            return currency
    return None


_ITEM_ID = re.compile(r"/itm/(?:[^/?#]+/)?(\d{6,19})(?:[/?#]|$)")


def item_id(href: str | None) -> str | None:
    """The item number in an eBay item link (``/itm/123…`` or ``/itm/<slug>/123…``)."""
    match = _ITEM_ID.search(href or "")
    return match.group(1) if match else None


def is_price_range(text: str) -> bool:
    """ "$10.00 to $20.00" (variations): no single price."""
    return bool(re.search(r"\d\s*(?:to|bis|à|a|-|–)\s*\D{0,6}\d", text))


_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "jan january janv janvier januar gen gennaio ene enero",
        "feb february fév févr février februar febbraio febrero",
        "mar march mars mär märz marzo",
        "apr april avr avril aprile abr abril",
        "may mai mag maggio",
        "jun june juin juni giu giugno junio",
        "jul july juil juillet juli lug luglio julio",
        "aug august août ago agosto",
        "sep sept september septembre set settembre septiembre",
        "oct october octobre okt oktober ott ottobre octubre",
        "nov november novembre noviembre",
        "dec december déc décembre dez dezember dic dicembre diciembre",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_WORD = r"([^\W\d_]{3,10})\.?"
# "Mar 3, 2025" / "Mar-03" (US) and "3 Mar 2025" / "3. März 2025" / "3 mars 2025" (Europe).
_MONTH_FIRST = re.compile(_WORD + r"[\s-]+(\d{1,2})(?!\d)(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?")
_DAY_FIRST = re.compile(r"(?<!\d)(\d{1,2})\.?\s+" + _WORD + r"(?:\s+(\d{4}))?")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _make_date(year: int | None, month: int, day: int, now: datetime) -> date | None:
    try:
        if year is not None:
            return date(year, month, day)
        # No year ("Mar-03", "Sat, Mar 2"): the most recent such day not after today.
        found = date(now.year, month, day)
        return found if found <= now.date() else date(now.year - 1, month, day)
    except ValueError:
        return None


def parse_sold_date(text: str | None, now: datetime) -> datetime | None:
    """When a listing sold, from "Sold  Mar 3, 2025", "Sold 3 Mar 2025", "Verkauft 3. Mär
    2025", "Mar-03 14:22" or "This listing sold on Sat, Mar 2 at 7:08 PM": noon UTC of
    that day (eBay shows a day, not an instant), never later than ``now``."""
    text = clean_text(text)
    if not text:
        return None
    found: date | None = None
    if iso := _ISO.search(text):
        found = _make_date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)), now)
    for pattern, month_at, day_at in ((_MONTH_FIRST, 1, 2), (_DAY_FIRST, 2, 1)):
        if found is not None:
            break
        for match in pattern.finditer(text):
            month = _MONTHS.get(match.group(month_at).lower())
            if month is None:
                continue
            year = int(match.group(3)) if match.group(3) else None
            found = _make_date(year, month, int(match.group(day_at)), now)
            if found is not None:
                break
    if found is None or found > now.date() + timedelta(days=1):
        return None  # a day after tomorrow is not a sale date, whatever the time zone
    return min(datetime.combine(found, time(12), tzinfo=UTC), now)


_FREE = re.compile(r"\b(free|gratis|kostenlos\w*|gratuit\w*)\b", re.IGNORECASE)
_SHIPPING_WORDS = re.compile(
    r"shipping|delivery|postage|versand|livraison|spedizione|envío|envio|consegna",
    re.IGNORECASE,
)


def shipping_cost(text: str | None, currency_hint: str | None) -> Money | None:
    """ "+$4.99 shipping" → 4.99 USD; "Free delivery" → 0; "Shipping not specified",
    "Freight" or no amount → ``None`` (unknown, never guessed)."""
    text = clean_text(text)
    if not text or (not _SHIPPING_WORDS.search(text) and not text.startswith("+")):
        return None
    money = parse_price(text, currency_hint)
    if money is not None and money.amount > 0:
        return money
    if _FREE.search(text) or money is not None:
        return Money(Decimal("0.00"), currency_hint if money is None else money.currency)
    return None


_FEEDBACK_TAIL = re.compile(
    r"\s*(?:\(\s*[\d.,]+\s*[kKmM]?\s*\)|[\d.,]+\s*%(?:\s*positive)?|positive|"
    r"\d+(?:[.,]\d+)?\s*%\s*(?:positive|feedback)?)(?:\s.*)?$",
    re.IGNORECASE,
)


def seller_name(text: str | None) -> str | None:
    """The seller's name from "cardking (1,234) 99.8%" or "cardking 99.8% positive (1.2K)"."""
    text = clean_text(text)
    if not text:
        return None
    text = re.sub(r"^(?:seller|verkäufer|vendeur)\s*:?\s*", "", text, flags=re.IGNORECASE)
    name = _FEEDBACK_TAIL.sub("", text).strip()
    return name[:200] or None


#: eBay's general conditions that say something the price vocabulary can hold.
_NEW = re.compile(r"^(brand new|new|new \(other\)|new other|new with tags|new with box|"
                  r"new: factory sealed|factory sealed|sealed|neu|neuf|nuovo|nuevo)\b",
                  re.IGNORECASE)  # fmt: skip
_CARD_WORDS = re.compile(r"\bmint\b|\bplayed\b|^(?:nm|lp|mp|hp|dmg|damaged)$", re.IGNORECASE)
_FOR_PARTS = re.compile(r"for parts|not working|defekt|pour pièces", re.IGNORECASE)


def ebay_condition(condition: str | None, title: str | None = None) -> str | None:
    """An eBay condition (and the listing title, for a "Graded" card) → the price vocabulary.

    * "Graded - PSA 10", "Graded · BGS 9.5" → ``psa_10`` / ``grade_9_5`` (by
      :mod:`~scraper.sources.card_grades`); "Graded" alone takes the grade from the title
      when the title names exactly one, else plain ``graded``;
    * "Ungraded" with a card condition ("Near mint or better", "Lightly played
      (Excellent)") → that condition on the inventory scale, else ``ungraded``;
    * "Brand New", "New (Other)", "Factory sealed" → ``new``; "For parts or not
      working" → ``poor``;
    * "Used", "Pre-owned", "Very Good", "Refurbished"… say nothing about completeness or
      grade → ``None``.
    """
    text = clean_text(condition)
    if not text:
        return None
    lower = text.lower()
    if lower.startswith("graded") or find_grades(text):
        grades = find_grades(text) or find_grades(title or "")
        if len(grades) == 1 and grades[0].condition:
            return grades[0].condition
        return "graded"
    if lower.startswith("ungraded"):
        rest = re.sub(r"^ungraded\W*", "", text, flags=re.IGNORECASE)
        rest = re.sub(r"^card condition\W*", "", rest, flags=re.IGNORECASE)
        return raw_condition(rest, US_CARD_SCALE) or "ungraded"
    # A card condition on its own ("Near mint or better", "Lightly played (Excellent)");
    # "Very Good" or "Excellent" alone are eBay's media and general conditions.
    if _CARD_WORDS.search(text) and (card := raw_condition(text, US_CARD_SCALE)):
        return card
    if _NEW.match(text):
        return "new"
    if _FOR_PARTS.search(text):
        return "poor"
    return None
