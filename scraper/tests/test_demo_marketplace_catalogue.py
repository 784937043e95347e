"""The demo catalogue: ``price_for`` is deterministic and smooth, and the catalogue
covers the demo collection."""

from __future__ import annotations

import ast
import itertools
import os
import subprocess
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from scraper.demo_marketplace import (
    BY_NAME,
    CARD_CONDITIONS,
    CATALOGUE,
    GAME_CONDITIONS,
    SHOP_PATHS,
    price_for,
    product_for_name,
    product_urls,
)
from scraper.demo_marketplace.catalogue import condition_ladder
from scraper.tests.demo_helpers import DAY

DEMO_DATA = Path(__file__).resolve().parents[2] / "backend" / "devtools" / "demo_data.py"


# ----------------------------------------------------------------------- price_for


def test_price_for_is_deterministic_and_two_decimals() -> None:
    for slug in CATALOGUE:
        first = price_for(slug, DAY)
        assert first == price_for(slug, DAY)
        assert first == first.quantize(Decimal("0.01"))
        assert first.as_tuple().exponent == -2
        assert first > 0


def test_price_for_is_the_same_in_a_fresh_process() -> None:
    """No dependency on PYTHONHASHSEED or process state."""
    code = (
        "from datetime import date; from scraper.demo_marketplace import price_for; "
        "print(price_for('charizard-4', date(2025, 3, 14), 'psa_10'), "
        "price_for('saga-1', date(2024, 1, 1)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "PYTHONHASHSEED": "12345"},
    ).stdout.split()
    assert out == [
        str(price_for("charizard-4", DAY, "psa_10")),
        str(price_for("saga-1", date(2024, 1, 1))),
    ]


def test_price_for_moves_from_day_to_day_smoothly() -> None:
    for slug in CATALOGUE:
        series = [price_for(slug, DAY + timedelta(days=i)) for i in range(60)]
        assert len(set(series)) > 10, slug
        for before, after in itertools.pairwise(series):
            # Smooth: never more than ~7 % (plus a cent of rounding) in one day.
            assert abs(after - before) <= before * Decimal("0.07") + Decimal("0.02"), slug


@pytest.mark.parametrize("slug", list(CATALOGUE))
def test_price_for_stays_within_15_percent_of_the_base(slug: str) -> None:
    product = CATALOGUE[slug]
    ladder = condition_ladder(product)
    for condition in [None, *ladder]:
        if condition is None or product.condition is None:
            reference = product.base_price
        else:
            reference = product.base_price * ladder[condition] / ladder[product.condition]
        for offset in range(0, 730, 7):
            price = price_for(slug, DAY + timedelta(days=offset), condition)
            assert abs(price - reference) <= reference * Decimal("0.15") + Decimal("0.01")


@pytest.mark.parametrize("slug", [s for s, p in CATALOGUE.items() if p.pricecharting])
def test_conditions_keep_their_order_every_day(slug: str) -> None:
    product = CATALOGUE[slug]
    ladder = list(condition_ladder(product))
    expected = list(CARD_CONDITIONS if product.category == "trading_card" else GAME_CONDITIONS)
    assert ladder == expected
    for offset in range(0, 400, 3):
        day = DAY + timedelta(days=offset)
        prices = [price_for(slug, day, c) for c in ladder]
        assert prices == sorted(prices)
        assert len(set(prices)) == len(prices)


def test_games_order_loose_cib_new_graded() -> None:
    prices = [price_for("earthbound", DAY, c) for c in ("loose", "cib", "new", "graded")]
    assert prices[0] < prices[1] < prices[2] < prices[3]


def test_condition_none_is_the_collectors_own_condition() -> None:
    assert price_for("charizard-4", DAY) == price_for("charizard-4", DAY, "grade_9")
    assert price_for("chrono-trigger", DAY) == price_for("chrono-trigger", DAY, "loose")


def test_price_for_rejects_unknown_slugs_and_conditions() -> None:
    with pytest.raises(KeyError):
        price_for("no-such-thing", DAY)
    with pytest.raises(ValueError, match="condition"):
        price_for("earthbound", DAY, "psa_10")
    with pytest.raises(ValueError, match="condition"):
        price_for("saga-1", DAY, "loose")


# --------------------------------------------------------------------- the catalogue


def _demo_collectibles() -> list[tuple[str, str, str | None]]:
    """(name, category constant, pricecharting id) from demo_data.py, read with ast."""
    tree = ast.parse(DEMO_DATA.read_text(encoding="utf-8"))
    items: list[tuple[str, str, str | None]] = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.AnnAssign | ast.Assign) and isinstance(node.value, ast.List)):
            continue
        target = node.target if isinstance(node, ast.AnnAssign) else node.targets[0]
        if not (isinstance(target, ast.Name) and target.id == "DEMO_COLLECTIBLES"):
            continue
        for element in node.value.elts:
            assert isinstance(element, ast.Dict)
            fields = {
                k.value: v
                for k, v in zip(element.keys, element.values, strict=True)
                if isinstance(k, ast.Constant)
            }
            name = fields["name"]
            assert isinstance(name, ast.Constant)
            category = ast.unparse(fields["category"])
            pc = None
            external = fields.get("external_ids")
            if isinstance(external, ast.Dict):
                for k, v in zip(external.keys, external.values, strict=True):
                    if isinstance(k, ast.Constant) and k.value == "pricecharting":
                        assert isinstance(v, ast.Constant)
                        pc = v.value
            items.append((name.value, category, pc))
    return items


@pytest.mark.skipif(not DEMO_DATA.exists(), reason="backend demo data not present")
def test_catalogue_covers_every_demo_collectible_by_name() -> None:
    demo = _demo_collectibles()
    assert len(demo) >= 40
    assert {name for name, _, _ in demo} == set(BY_NAME)
    for name, category, pc in demo:
        product = product_for_name(name)
        assert product is not None, name
        if pc is not None:
            assert product.pricecharting == pc, name
        if category in {"CARD", "GAME"}:
            assert product.pricecharting, f"{name}: cards and games get a price guide page"


def test_catalogue_entries_are_well_formed() -> None:
    for slug, product in CATALOGUE.items():
        assert slug == product.slug
        assert product.shop in SHOP_PATHS
        assert product.currency == "USD"
        if product.pricecharting:
            assert product.pricecharting.split("/")[1] == slug
            assert product.condition in condition_ladder(product)
        else:
            assert product.condition is None
    # The demo collection exercises every shop shape.
    assert {p.shop for p in CATALOGUE.values()} == set(SHOP_PATHS)


def test_product_urls_give_tracker_definitions() -> None:
    base = "http://127.0.0.1:8765/"
    trackers = product_urls("charizard-4", base)
    assert trackers == [
        {
            "source": "pricecharting",
            "url": "http://127.0.0.1:8765/game/pokemon-base-set/charizard-4",
            "selector": None,
            "attribute": None,
            "condition": "grade_9",
        },
        {
            "source": "structured",
            "url": "http://127.0.0.1:8765/shop/product/charizard-4",
            "selector": None,
            "attribute": None,
            "condition": None,
        },
    ]
    css = product_urls("earthbound", base)[1]
    assert css["source"] == "css"
    assert css["selector"] == ".price-now"
    assert css["url"].endswith("/listing/earthbound")
    assert [t["source"] for t in product_urls("saga-1", base)] == ["structured"]
