from decimal import Decimal

import pytest

from valuation.conditions import matching_conditions


@pytest.mark.parametrize(
    ("category", "condition", "completeness", "grader", "grade", "expected"),
    [
        ("trading_card", "mint", "", "psa", "10", ("psa_10",)),
        ("trading_card", "mint", "", "bgs", "10", ("bgs_10",)),
        ("trading_card", "mint", "", "cgc", "10", ("cgc_10",)),
        ("trading_card", "mint", "", "sgc", "10", ("sgc_10",)),
        ("comic", "mint", "", "cgc", "10", ("cgc_10",)),
        ("trading_card", "mint", "", "other", "10", ()),
        ("trading_card", "near_mint", "", "bgs", "9.5", ("grade_9_5",)),
        ("trading_card", "near_mint", "", "psa", "9", ("grade_9",)),
        ("trading_card", "near_mint", "", "cgc", "8.5", ("grade_8",)),
        ("trading_card", "good", "", "psa", "7", ("grade_7",)),
        ("trading_card", "played", "", "bgs", "4", ("ungraded",)),
        ("trading_card", "near_mint", "", "", None, ("ungraded", "near_mint")),
        ("comic", "near_mint", "", "cgc", "9.4", ("grade_9",)),
        ("comic", "near_mint", "", "", None, ("near_mint",)),
        ("video_game", "good", "loose", "", None, ("loose", "good")),
        ("video_game", "excellent", "cib", "", None, ("cib", "excellent")),
        ("video_game", "sealed", "new", "wata", "9.4", ("graded",)),
        ("video_game", "sealed", "", "", None, ("sealed", "new")),
        ("coin", "mint", "", "pcgs", "64", ("graded",)),
        ("other", "mint", "", "other", "64", ()),
        ("figure", "near_mint", "new", "", None, ("new", "near_mint")),
        ("vinyl", "excellent", "", "", None, ("excellent",)),
    ],
)
def test_inventory_conditions_map_to_the_price_vocabulary(
    category, condition, completeness, grader, grade, expected
):
    result = matching_conditions(
        category=category,
        condition=condition,
        completeness=completeness,
        grader=grader,
        grade=None if grade is None else Decimal(grade),
    )

    assert result == expected


def test_any_companys_ten_meets_a_wanted_nine_and_a_half_but_only_a_bgs_ten_a_bgs_ten():
    from inventory.models import Collectible
    from valuation.conditions import conditions_at_least

    nine_and_half = Collectible(category="trading_card", grader="bgs", grade=Decimal("9.5"))
    bgs_ten = Collectible(category="trading_card", grader="bgs", grade=Decimal("10"))

    assert set(conditions_at_least(nine_and_half)) == {
        "grade_9_5",
        "psa_10",
        "bgs_10",
        "cgc_10",
        "sgc_10",
    }
    assert conditions_at_least(bgs_ten) == ("bgs_10",)
