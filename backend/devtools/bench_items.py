"""One synthetic item of the benchmark dataset (`bench_data`): its columns and, for a
trading card, its card details, drawn from `bench_catalogue` with realistic weights."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import Any

from devtools import bench_catalogue as catalogue

CONDITIONS = ("sealed", "mint", "near_mint", "excellent", "good", "played", "poor")
CONDITION_WEIGHTS = (5, 10, 35, 20, 15, 10, 5)
CATEGORIES = ("trading_card", "video_game", "vinyl", "comic", "coin", "figure", "other")
CATEGORY_WEIGHTS = (45, 20, 12, 10, 5, 5, 3)
LANGUAGES = ("en", "en", "en", "ja", "fr", "de")
FINISHES = ("non_foil", "holo", "reverse_holo", "foil")
#: Of the items, this share is on a want list and this share was sold (the rest owned):
#: the want list and the sold filter of the benchmark then read real rows.
WANTED_SHARE = 0.04
SOLD_SHARE = 0.05


def synthetic_item(
    rng: random.Random, now: datetime, *, owned: bool = False
) -> tuple[dict[str, Any], tuple[Any, ...] | None]:
    """One collectible's columns, and its card details (game, set code, …) or None.
    `owned`: owned for sure (else wanted or sold now and then: `WANTED_SHARE`, …)."""
    category = rng.choices(CATEGORIES, CATEGORY_WEIGHTS)[0]
    condition = rng.choices(CONDITIONS, CONDITION_WEIGHTS)[0]
    set_name, number, completeness, card = "", "", "", None
    if category == "trading_card":
        game = rng.choices(("Pokémon", "Magic: The Gathering", "Yu-Gi-Oh!"), (50, 30, 20))[0]
        if game == "Pokémon":
            name = f"{rng.choice(catalogue.POKEMON)} {rng.choice(catalogue.POKEMON_VARIANTS)}"
            set_name = rng.choice(catalogue.POKEMON_SETS)
            number = f"{rng.randint(1, 200)}/{rng.choice((102, 64, 62, 165, 198, 203))}"
        elif game == "Magic: The Gathering":
            name = rng.choice(catalogue.MAGIC)
            set_name = rng.choice(catalogue.MAGIC_SETS)
            number = str(rng.randint(1, 300))
        else:
            name = rng.choice(catalogue.YUGIOH)
            set_name = rng.choice(catalogue.YUGIOH_SETS)
            number = f"{set_name[:3].upper()}-{rng.randint(1, 120):03d}"
        set_code = "".join(word[0] for word in set_name.split()).upper()[:6]
        release = date(1996, 1, 1) + timedelta(days=rng.randint(0, 10_000))
        card = (
            game,
            rng.choice(LANGUAGES),
            "north_america" if rng.random() < 0.6 else "europe",
            rng.choice(("Common", "Uncommon", "Rare", "Holo Rare", "Secret Rare")),
            rng.choice(FINISHES),
            release,
            set_code,
        )
    elif category == "video_game":
        name = rng.choice(catalogue.GAMES)
        set_name = rng.choice(catalogue.PLATFORMS)
        completeness = rng.choice(("loose", "cib", "new"))
    elif category == "vinyl":
        name = rng.choice(catalogue.RECORDS)
        set_name = rng.choice(catalogue.PRESSINGS)
    elif category == "comic":
        name = f"{rng.choice(catalogue.COMICS)} #{rng.randint(1, 700)}"
        set_name = f"Vol. {rng.randint(1, 4)}"
        number = str(rng.randint(1, 700))
    elif category == "coin":
        name = f"{rng.randint(1878, 2023)} {rng.choice(catalogue.COINS)}"
        set_name = rng.choice(("Philadelphia", "San Francisco", "Denver", "Carson City"))
    elif category == "figure":
        name = f"{rng.choice(catalogue.FIGURES)} ({rng.choice(catalogue.FIGURE_LINES)})"
        set_name = rng.choice(catalogue.FIGURE_LINES)
    else:
        name = f"{rng.choice(catalogue.POKEMON + catalogue.FIGURES)} poster"
    grader, grade = "", None
    if category in ("trading_card", "comic", "coin") and rng.random() < 0.08:
        grader = {"trading_card": "psa", "comic": "cgc", "coin": "pcgs"}[category]
        grade = rng.choice((7, 8, 9, 9.5, 10)) if category != "coin" else rng.randint(40, 70)
    created = now - timedelta(seconds=rng.randint(0, 3 * 365 * 86400))
    priced = rng.random() < 0.8
    tags = rng.sample(catalogue.TAGS, rng.choice((0, 0, 1, 2)))
    columns = {
        "created_at": created,
        "updated_at": created,
        "name": name,
        "category": category,
        "set_name": set_name,
        "number": number,
        "condition": condition,
        "completeness": completeness,
        "grader": grader,
        "grade": grade,
        "quantity": 1 if rng.random() < 0.9 else rng.randint(2, 5),
        "purchase_price": round(rng.uniform(1, 500), 2) if priced else None,
        "purchase_currency": "USD" if priced else "",
        "purchase_date": created.date() if priced else None,
        "notes": rng.choice(catalogue.NOTES) if rng.random() < 0.2 else "",
        "tags": tags,
        "external_ids": "{}",
        "status": "owned",
        "max_price": None,
        "max_price_currency": "",
        "priority": 3,
        "sale_price": None,
        "sale_currency": "",
        "sale_date": None,
    }
    if not owned:
        columns |= _status(rng, now, columns)
    return columns, card


def _status(rng: random.Random, now: datetime, item: dict[str, Any]) -> dict[str, Any]:
    """Wanted (no purchase; a maximum price and a priority), sold (a sale price and day
    after its purchase) or owned (no change), as the model's constraints require."""
    roll = rng.random()
    if roll < WANTED_SHARE:
        return {
            "status": "wanted",
            "purchase_price": None,
            "purchase_currency": "",
            "purchase_date": None,
            "max_price": round(rng.uniform(5, 300), 2),
            "max_price_currency": "USD",
            "priority": rng.randint(1, 5),
        }
    if roll < WANTED_SHARE + SOLD_SHARE and item["purchase_price"] is not None:
        bought = item["purchase_date"]
        return {
            "status": "sold",
            "sale_price": round(item["purchase_price"] * rng.uniform(0.6, 2.0), 2),
            "sale_currency": "USD",
            "sale_date": min(now.date(), bought + timedelta(days=rng.randint(1, 400))),
        }
    return {}


ITEM_COLUMNS = (
    "created_at",
    "updated_at",
    "name",
    "category",
    "set_name",
    "number",
    "condition",
    "completeness",
    "grader",
    "grade",
    "quantity",
    "purchase_price",
    "purchase_currency",
    "purchase_date",
    "notes",
    "tags",
    "external_ids",
    "status",
    "max_price",
    "max_price_currency",
    "priority",
    "sale_price",
    "sale_currency",
    "sale_date",
)

# ~10 observations per item over the last year: k in 1..6+(id % 9); PriceCharting rows for
# the item's condition, shop rows with no condition, every 7th row a manual entry.
