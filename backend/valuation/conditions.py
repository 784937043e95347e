"""Which observed prices describe an item: the inventory's condition, completeness and
grade mapped onto the price vocabulary (`price_history.models.PriceCondition`).

`matching_conditions` gives the *exact* conditions of an item. An observation with one of
them is a match; an observation with no condition (a shop page that does not say, blank)
is a match of last resort, used only when no exact match exists. The table is in
docs/valuation.md.
"""

from __future__ import annotations

from decimal import Decimal

from inventory.models import Category, Collectible, Condition, Grader
from price_history.models import PriceCondition

#: Observations with no condition: a match of last resort.
ANY_CONDITION = ""

#: Categories graded on the 10-point scale whose prices come in grade columns.
_TEN_POINT_CATEGORIES = frozenset({Category.TRADING_CARD, Category.COMIC, Category.OTHER})

#: Lowest grade of each rung of the 10-point ladder, best first.
_GRADE_LADDER: tuple[tuple[Decimal, str], ...] = (
    (Decimal("9.5"), PriceCondition.GRADE_9_5),
    (Decimal("9"), PriceCondition.GRADE_9),
    (Decimal("8"), PriceCondition.GRADE_8),
    (Decimal("7"), PriceCondition.GRADE_7),
)


#: The 10 of each grading company whose tens are priced apart, best known first.
_GRADER_TENS: dict[str, str] = {
    Grader.PSA: PriceCondition.PSA_10,
    Grader.BGS: PriceCondition.BGS_10,
    Grader.CGC: PriceCondition.CGC_10,
    Grader.SGC: PriceCondition.SGC_10,
}


def _graded_condition(category: str, grader: str, grade: Decimal) -> str | None:
    if category not in _TEN_POINT_CATEGORIES:
        # Games (WATA, VGA), coins (Sheldon 1-70), figures: one "graded" price column.
        return PriceCondition.GRADED
    if grade > 10:
        return None  # not a 10-point grade: nothing in the vocabulary describes it
    if grade == 10:
        # Each company's 10 trades at its own price (a BGS 10 is not a PSA 10); a 10 from
        # another company has no price column.
        return _GRADER_TENS.get(grader)
    for lowest, condition in _GRADE_LADDER:
        if grade >= lowest:
            return condition
    # Below 7 there is no grade column; low-grade slabs trade near the raw price.
    return PriceCondition.UNGRADED


def matching_conditions(
    *, category: str, condition: str, completeness: str, grader: str, grade: Decimal | None
) -> tuple[str, ...]:
    """The exact price conditions of an item, most specific first (may be empty)."""
    if grader and grade is not None:
        graded = _graded_condition(category, grader, grade)
        return (graded,) if graded else ()
    exact: list[str] = []
    if completeness:
        exact.append(completeness)  # loose / cib / new: the same words in both vocabularies
    if category == Category.TRADING_CARD:
        exact.append(PriceCondition.UNGRADED)
    exact.append(condition)  # the inventory scale is part of the price vocabulary
    if condition == Condition.SEALED and PriceCondition.NEW not in exact:
        exact.append(PriceCondition.NEW)
    return tuple(dict.fromkeys(exact))


def conditions_for(item: Collectible) -> tuple[str, ...]:
    return matching_conditions(
        category=item.category,
        condition=item.condition,
        completeness=item.completeness,
        grader=item.grader,
        grade=item.grade,
    )


#: Ladders of the price vocabulary, best first: an offer higher on the ladder than a
#: wanted condition meets it ("at least").
_AT_LEAST_LADDERS: tuple[tuple[str, ...], ...] = (
    tuple(Condition.values),
    (PriceCondition.NEW, PriceCondition.CIB, PriceCondition.LOOSE),
    # One grade ladder per company's 10: any 10 meets a 9.5, only a BGS 10 a BGS 10.
    *((ten, *(condition for _, condition in _GRADE_LADDER)) for ten in _GRADER_TENS.values()),
)


def conditions_at_least(item: Collectible) -> tuple[str, ...]:
    """The price conditions that meet a wanted item's condition: its exact conditions
    (`conditions_for`) and every better rung of the same ladder (mint meets near mint,
    CIB meets loose, grade 9.5 meets grade 9). An offer with no condition (a page that
    does not say) is the caller's call: `ANY_CONDITION`."""
    exact = conditions_for(item)
    better: list[str] = []
    for condition in exact:
        for ladder in _AT_LEAST_LADDERS:
            if condition in ladder:
                better += ladder[: ladder.index(condition) + 1]
    return tuple(dict.fromkeys([*exact, *better]))
