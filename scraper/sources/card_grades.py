"""Card grades and raw-card condition scales, mapped onto the backend's price vocabulary.

Graded cards (a slab from PSA, Beckett/BGS, CGC or SGC) are priced by grade: the
10-point ladder ``grade_7`` < ``grade_8`` < ``grade_9`` < ``grade_9_5`` and, at the
top, one condition per grading company, because a 10 from each trades at its own price
(``psa_10``, ``bgs_10``, ``cgc_10``, ``sgc_10``). Below 7 and the premium tens (BGS
Black Label, CGC Pristine 10) there is no column: :func:`grade_condition` says ``None``
and the caller records the sale as plain ``graded`` rather than under a wrong grade.

Raw (ungraded) cards use the inventory scale (``mint`` … ``poor``). Marketplaces name
the same wear differently, and "LP" means two different things: :data:`CARDMARKET_SCALE`
(MT NM EX GD LP PL PO) and :data:`US_CARD_SCALE` (TCGplayer's and eBay's NM LP MP HP DMG)
are kept apart, and :func:`raw_condition` reads one of them.

The backend's mapping of an item's grade (``valuation/conditions.py``) mirrors this
one; a backend test keeps the two vocabularies in step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

__all__ = [
    "CARDMARKET_SCALE",
    "GRADER_TENS",
    "US_CARD_SCALE",
    "Grade",
    "find_grades",
    "grade_condition",
    "grader_named",
    "raw_condition",
]

#: The condition of a 10 from each grading company whose tens have their own price.
GRADER_TENS: dict[str, str] = {
    "psa": "psa_10",
    "bgs": "bgs_10",
    "cgc": "cgc_10",
    "sgc": "sgc_10",
}

#: Lowest grade of each rung below 10, best first.
_LADDER: tuple[tuple[Decimal, str], ...] = (
    (Decimal("9.5"), "grade_9_5"),
    (Decimal("9"), "grade_9"),
    (Decimal("8"), "grade_8"),
    (Decimal("7"), "grade_7"),
)

#: How pages name the grading companies (longest first, so "Beckett" beats "BGS").
_GRADER_NAMES: dict[str, str] = {
    "professional sports authenticator": "psa",
    "beckett grading services": "bgs",
    "beckett": "bgs",
    "certified guaranty company": "cgc",
    "sportscard guaranty": "sgc",
    "psa": "psa",
    "bgs": "bgs",
    "bvg": "bgs",  # Beckett's video-game label shares the scale
    "cgc": "cgc",
    "sgc": "sgc",
}
_GRADER_ALTERNATION = "|".join(re.escape(n) for n in sorted(_GRADER_NAMES, key=len, reverse=True))
# The words a label puts between company and number ("PSA GEM MT 10", "CGC Pristine 10").
_GRADE_WORDS = r"(?:gem|mint\+?|mt|gem-mt|gem-mint|nm-mt\+?|nm|near|ex-mt|ex|vg-ex|vg|good|pristine|black|label|grade)"
# "PSA 10", "BGS 9.5", "Beckett Pristine 10", "CGC 9.8", "SGC Mint+ 9.5", "PSA GEM MT 10":
# the company, at most three label words, then the number (no digit glued after it, so
# a certification number is not a grade).
_GRADE_RE = re.compile(
    rf"\b({_GRADER_ALTERNATION})\b[\s:(),-]*((?:{_GRADE_WORDS}\s+){{0,3}})"
    r"(10|[1-9](?:[.,][0-9])?)(?![\d.,]*\d)",
    re.IGNORECASE,
)
# The tens that trade apart: Beckett's Black Label (its "Pristine 10" gold label is the
# plain BGS 10) and CGC's Pristine 10 (above its Gem Mint 10).
_PREMIUM = {
    "bgs": re.compile(r"\bblack\b", re.IGNORECASE),
    "cgc": re.compile(r"pristine", re.IGNORECASE),
}
_NEVER = re.compile(r"(?!)")


@dataclass(frozen=True, slots=True)
class Grade:
    """A grade a page states: the company (``psa``/``bgs``/``cgc``/``sgc``) and the number;
    ``premium`` for the tens that trade apart (BGS Black Label, CGC Pristine)."""

    grader: str
    value: Decimal
    premium: bool = False

    @property
    def condition(self) -> str | None:
        return grade_condition(self.grader, self.value, premium=self.premium)


def grade_condition(grader: str, grade: Decimal, *, premium: bool = False) -> str | None:
    """The price condition of a slab: ``psa_10`` / ``bgs_10`` / ``cgc_10`` / ``sgc_10`` for
    a 10 (by company), ``grade_9_5`` … ``grade_7`` below; ``None`` when no column fits
    (under 7, over 10, a premium 10, or a ten from another company)."""
    if premium or grade > 10 or grade < 1:
        return None
    if grade == 10:
        return GRADER_TENS.get(grader)
    for lowest, condition in _LADDER:
        if grade >= lowest:
            return condition
    return None


def _grader(name: str) -> str:
    return _GRADER_NAMES[" ".join(name.lower().split())]


_GRADER_RE = re.compile(rf"\b({_GRADER_ALTERNATION})\b", re.IGNORECASE)


def grader_named(text: str | None) -> str | None:
    """The grading company ``text`` names ("Professional Sports Authenticator (PSA)",
    "Beckett"), or ``None`` for none or another one."""
    match = _GRADER_RE.search(text or "")
    return _grader(match.group(1)) if match else None


def find_grades(text: str) -> list[Grade]:
    """Every distinct grade ``text`` states ("PSA 10", "Beckett 9.5", "BGS Black Label 10")."""
    found: list[Grade] = []
    for match in _GRADE_RE.finditer(text or ""):
        try:
            value = Decimal(match.group(3).replace(",", "."))
        except InvalidOperation:  # pragma: no cover - the pattern admits digits only
            continue
        words = match.group(2) or ""
        tail = text[match.end() : match.end() + 14]
        grader = _grader(match.group(1))
        premium = value == 10 and bool(_PREMIUM.get(grader, _NEVER).search(words + " " + tail))
        grade = Grade(grader, value, premium)
        if grade not in found:
            found.append(grade)
    return found


#: Cardmarket's scale (code and name) → the inventory scale. GD is above LP there.
CARDMARKET_SCALE: dict[str, str] = {
    "mt": "mint",
    "mint": "mint",
    "nm": "near_mint",
    "near mint": "near_mint",
    "ex": "excellent",
    "excellent": "excellent",
    "gd": "good",
    "good": "good",
    "lp": "played",
    "light played": "played",
    "pl": "played",
    "played": "played",
    "po": "poor",
    "poor": "poor",
}

#: The US scale (TCGplayer, eBay's "Card Condition") → the inventory scale.
US_CARD_SCALE: dict[str, str] = {
    "nm": "near_mint",
    "near mint": "near_mint",
    "near mint or better": "near_mint",
    "lp": "excellent",
    "lightly played": "excellent",
    "lightly played (excellent)": "excellent",
    "excellent": "excellent",
    "mp": "good",
    "moderately played": "good",
    "moderately played (very good)": "good",
    "very good": "good",
    "hp": "played",
    "heavily played": "played",
    "heavily played (poor)": "played",
    "dmg": "poor",
    "damaged": "poor",
    "poor": "poor",
}


def raw_condition(text: str | None, scale: dict[str, str]) -> str | None:
    """The inventory condition ``text`` names on ``scale`` ("NM", "Light Played",
    "Near mint or better"), or ``None`` when it names none."""
    if not text:
        return None
    words = " ".join(re.sub(r"[^\w()+ ]", " ", text.lower()).split())
    return scale.get(words)
