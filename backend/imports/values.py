"""Cell text → a field's value, in the formats people type: prices (`1,250.50`,
`1.250,50`, `12,50 €`, `$12`), dates (`2024-03-05`, `05/03/2024` by the chosen day/month
order, `March 5, 2024`), conditions and other choices by their names, abbreviations and
the collector's value maps, grades (`9.5`, `PSA 10`), quantities (`2`, `x2`), priorities
(`1`, `highest`).

Each parser raises `ValueProblem` with a message for the collector. No database.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from core.currencies import currency_codes
from imports.fields import Target
from inventory.models import Completeness, Condition, Grader
from price_history import gateway


class ValueProblem(Exception):
    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def choice_key(text: str) -> str:
    """ "Near-Mint" and "near_mint" and " NEAR MINT " are one key."""
    return " ".join(re.sub(r"[_\-]+", " ", text).casefold().split())


# Built-in words per field (a collector's value maps come first). Discogs' own grade
# names arrive through the Discogs profile's value map (fields.DISCOGS_CONDITIONS).
BUILT_IN_WORDS: dict[str, dict[str, str]] = {
    "condition": {
        "m": "mint", "nm": "near_mint", "nm mt": "near_mint", "nm/m": "near_mint",
        "m-": "near_mint", "ex": "excellent", "vg+": "excellent", "lp": "excellent",
        "sp": "excellent", "lightly played": "excellent", "slightly played": "excellent",
        "vg": "good", "very good": "good", "gd": "good", "mp": "good",
        "moderately played": "good", "pl": "played", "hp": "played", "g+": "played",
        "g": "played", "heavily played": "played", "dmg": "poor", "damaged": "poor",
        "f": "poor", "fair": "poor", "p": "poor", "factory sealed": "sealed",
        "new sealed": "sealed",
        # Box contents written where the condition goes (PriceCharting does): completeness.
        "loose": "loose", "cib": "cib", "complete": "cib", "complete in box": "cib",
        "new": "new",
    },
    "completeness": {"complete": "cib", "complete in box": "cib", "sealed": "new"},
    "category": {
        "card": "trading_card", "cards": "trading_card", "tcg": "trading_card",
        "game": "video_game", "games": "video_game", "videogame": "video_game",
        "record": "vinyl", "records": "vinyl", "lp": "vinyl", "comics": "comic",
        "coins": "coin", "figures": "figure", "action figure": "figure",
    },
    "grader": {"beckett": "bgs", "none": "", "raw": "", "ungraded": "", "no": ""},
    "status": {
        "in collection": "owned", "have": "owned", "yes": "owned", "want": "wanted",
        "wishlist": "wanted", "wish list": "wanted", "want list": "wanted",
    },
    "card_details.language": {
        "eng": "en", "english": "en", "jp": "ja", "jpn": "ja", "japanese": "ja",
        "kr": "ko", "kor": "ko", "ger": "de", "deu": "de", "fra": "fr", "ita": "it",
        "sp": "es", "spa": "es", "por": "pt", "chinese": "zh_hans", "cn": "zh_hans",
    },
    "card_details.finish": {
        "normal": "non_foil", "nonfoil": "non_foil", "regular": "non_foil",
        "holofoil": "holo", "reverse": "reverse_holo", "reverse holofoil": "reverse_holo",
    },
}  # fmt: skip
BUILT_IN_WORDS = {
    field: {choice_key(word): value for word, value in words.items()}
    for field, words in BUILT_IN_WORDS.items()
}
COMPLETENESS_VALUES = frozenset(Completeness.values)


def choice_words(target: Target) -> dict[str, str]:
    """Every spelling a field's choice is known by: values, labels, built-in words."""
    words = {choice_key(value): value for value in target.values}
    words.update({choice_key(label): value for value, label in target.choices})
    words.update(BUILT_IN_WORDS.get(target.name, {}))
    return words


def parse_choice(text: str, target: Target, value_map: dict[str, str]) -> str:
    """The choice `text` names: the collector's value map (exact text, then case- and
    spacing-blind), then the field's values, labels and built-in words."""
    if text in value_map:
        return value_map[text]
    key = choice_key(text)
    for written, value in value_map.items():
        if choice_key(written) == key:
            return value
    words = choice_words(target)
    if key in words:
        return words[key]
    known = ", ".join(target.values)
    raise ValueProblem(
        _("Unknown %(field)s '%(text)s' (known: %(known)s).")
        % {"field": target.label.lower(), "text": text[:40], "known": known}
    )


def parse_money(text: str) -> tuple[Decimal, str | None]:
    """An amount and the currency the cell names (None when it names none)."""
    money = gateway.parse_price(text)
    if money is None:
        raise ValueProblem(
            _("'%(text)s' is not a price (for example 12.50, 1.250,50 €, $12).")
            % {"text": text[:40]}
        )
    if money.amount >= Decimal("10000000000"):
        raise ValueProblem(_("'%(text)s' is too large for a price.") % {"text": text[:40]})
    currency = money.currency
    if currency is not None and currency not in currency_codes():
        raise ValueProblem(_("Unknown currency in '%(text)s'.") % {"text": text[:40]})
    return money.amount.quantize(Decimal("0.01")), currency


def parse_currency(text: str) -> str:
    code = text.strip().upper()
    if code in currency_codes():
        return code
    money = gateway.parse_price(f"1 {text.strip()}")
    if money is not None and money.currency in currency_codes():
        return money.currency
    raise ValueProblem(
        _("Unknown currency '%(text)s' (use an ISO code such as USD, EUR).") % {"text": text[:20]}
    )


_MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}  # fmt: skip
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-][\d:]+)?)?$")
_NUMERIC = re.compile(r"^(\d{1,2})([/.\-])(\d{1,2})\2(\d{2}|\d{4})$")
_WORDS = re.compile(
    r"^(?:(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)|([a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?),?\s+(\d{4})$"
)


def parse_date(text: str, *, day_first: bool) -> date:
    """`2024-03-05`, `2024/03/05`, `05/03/2024` (day first or month first as chosen; a
    date only one order can read is read that way), `05.03.2024` (always day first, as
    written in Europe), two-digit years (20xx), `March 5, 2024`, `5 March 2024`."""
    value = text.strip().lower()
    try:
        if match := _ISO.match(value):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := _NUMERIC.match(value):
            first, second, year = int(match[1]), int(match[3]), int(match[4])
            year += 2000 if year < 100 else 0
            if match[2] == "." or (first > 12 >= second):
                day_first = True
            elif second > 12 >= first:
                day_first = False
            day, month = (first, second) if day_first else (second, first)
            return date(year, month, day)
        if match := _WORDS.match(value.replace(".", "")):
            day = int(match[1] or match[4])
            named_month = _MONTHS.get(match[2] or match[3] or "")
            if named_month is not None:
                return date(int(match[5]), named_month, day)
    except ValueError:
        pass
    order = "DD/MM/YYYY" if day_first else "MM/DD/YYYY"
    raise ValueProblem(
        _("'%(text)s' is not a date (for example 2024-03-05 or %(order)s).")
        % {"text": text[:40], "order": order}
    )


_QUANTITY = re.compile(r"^[x×]?\s*(\d+)(?:[.,]0+)?\s*[x×]?$")


def parse_quantity(text: str) -> int:
    match = _QUANTITY.match(text.strip().lower())
    if match is None or not 1 <= int(match[1]) <= 1_000_000:
        raise ValueProblem(
            _("'%(text)s' is not a quantity (a whole number from 1).") % {"text": text[:40]}
        )
    return int(match[1])


#: A priority by its number (`1` highest to `5` lowest, "1 (highest)" as the API labels
#: it) or by the word the app shows for it.
_PRIORITY_WORDS = {"highest": 1, "high": 2, "normal": 3, "medium": 3, "low": 4, "lowest": 5}
_PRIORITY = re.compile(r"^([1-5])(?:[.,]0+)?(?:\s*\(\s*(?:highest|lowest)\s*\))?$")


def parse_priority(text: str) -> int:
    key = " ".join(text.casefold().split())  # not `choice_key`: "-1" is not 1
    if key in _PRIORITY_WORDS:
        return _PRIORITY_WORDS[key]
    match = _PRIORITY.match(key)
    if match is None:
        raise ValueProblem(
            _(
                "'%(text)s' is not a priority (1 highest to 5 lowest, or highest, high, "
                "normal, low, lowest)."
            )
            % {"text": text[:40]}
        )
    return int(match[1])


_GRADE = re.compile(r"^(?:([a-z]+)\s*)?(\d{1,2}(?:[.,]\d)?)$")


def parse_grade(text: str) -> tuple[str | None, Decimal]:
    """A grade and the grader it names, if any: `9.5` → (None, 9.5), `PSA 10` → (psa, 10)."""
    match = _GRADE.match(text.strip().lower())
    grader: str | None = None
    if match is not None and match[1]:
        grader = match[1] if match[1] in Grader.values else None
        if grader is None:
            match = None
    if match is None:
        raise ValueProblem(
            _("'%(text)s' is not a grade (for example 9.5 or PSA 10).") % {"text": text[:40]}
        )
    try:
        return grader, Decimal(match[2].replace(",", "."))
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits digits only
        raise ValueProblem(_("'%(text)s' is not a grade.") % {"text": text[:40]}) from exc


def is_condition(value: str) -> bool:
    return value in Condition.values
