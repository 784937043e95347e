"""What a column can be imported as (the targets), and the suggested mapping of a file's
columns: by normalised header name and synonyms, and by the known exports (Discogs,
PriceCharting, the generic "name, set, number, condition, quantity, price paid, date"
sheet). Pure: no database.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace

from inventory.models import (
    Category,
    CollectibleStatus,
    Completeness,
    Condition,
    Finish,
    Grader,
    Language,
    MarketRegion,
)

#: Kinds of target, each read by its parser in `values.py`.
TEXT, CHOICE, PRICE, DATE, QUANTITY, GRADE, CURRENCY, TAGS, EXTERNAL_ID, URL, PRIORITY = (
    "text", "choice", "price", "date", "quantity", "grade", "currency", "tags",
    "external_id", "url", "priority",
)  # fmt: skip
KINDS = (TEXT, CHOICE, PRICE, DATE, QUANTITY, GRADE, CURRENCY, TAGS, EXTERNAL_ID, URL, PRIORITY)


#: The groups a mapping screen offers the targets in, in order (`offered_targets`).
ITEM, PURCHASE_AND_SALE, WANT_LIST, CARD_DETAILS, MARKETPLACES = (
    "Item", "Purchase and sale", "Want list", "Card details", "Marketplaces and tracking",
)  # fmt: skip
GROUPS = (ITEM, PURCHASE_AND_SALE, WANT_LIST, CARD_DETAILS, MARKETPLACES)


@dataclass(frozen=True)
class Target:
    name: str
    kind: str
    label: str
    #: (value, label) pairs of a choice field.
    choices: tuple[tuple[str, str], ...] = ()
    #: Where a mapping screen offers it (one of `GROUPS`).
    group: str = ITEM

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(value for value, _ in self.choices)


def _choice(name: str, label: str, choices: type) -> Target:
    return Target(name, CHOICE, label, tuple(choices.choices))  # type: ignore[attr-defined]


def _grouped(group: str, *targets: Target) -> tuple[Target, ...]:
    return tuple(replace(target, group=group) for target in targets)


TARGETS: dict[str, Target] = {
    target.name: target
    for target in (
        *_grouped(
            ITEM,
            Target("name", TEXT, "Name"),
            _choice("category", "Category", Category),
            Target("set_name", TEXT, "Set / series"),
            Target("number", TEXT, "Number"),
            _choice("condition", "Condition", Condition),
            _choice("completeness", "Completeness", Completeness),
            _choice("grader", "Grader", Grader),
            Target("grade", GRADE, "Grade"),
            Target("cert_number", TEXT, "Certificate number"),
            Target("quantity", QUANTITY, "Quantity"),
            Target("location", TEXT, "Location"),
            Target("notes", TEXT, "Notes"),
            Target("tags", TAGS, "Tags"),
        ),
        *_grouped(
            PURCHASE_AND_SALE,
            Target("purchase_price", PRICE, "Purchase price"),
            Target("purchase_currency", CURRENCY, "Purchase currency"),
            Target("purchase_date", DATE, "Purchase date"),
            Target("purchase_fees", PRICE, "Purchase fees"),
            Target("purchase_shipping", PRICE, "Purchase shipping"),
            _choice("status", "Status", CollectibleStatus),
            Target("sale_price", PRICE, "Sale price"),
            Target("sale_currency", CURRENCY, "Sale currency"),
            Target("sale_date", DATE, "Sale date"),
            Target("sale_fees", PRICE, "Sale fees"),
        ),
        *_grouped(
            WANT_LIST,
            Target("max_price", PRICE, "Maximum price"),
            Target("max_price_currency", CURRENCY, "Maximum price currency"),
            Target("priority", PRIORITY, "Priority"),
        ),
        *_grouped(
            CARD_DETAILS,
            Target("card_details.game", TEXT, "Game"),
            _choice("card_details.language", "Language", Language),
            _choice("card_details.market_region", "Market region", MarketRegion),
            Target("card_details.rarity", TEXT, "Rarity"),
            _choice("card_details.finish", "Finish", Finish),
            Target("card_details.release_date", DATE, "Release date"),
            Target("card_details.set_code", TEXT, "Set code"),
        ),
        *_grouped(
            MARKETPLACES,
            # The marketplaces collectors import from most; any other is `target_for`'s.
            Target("external_ids.discogs", EXTERNAL_ID, "Discogs id"),
            Target("external_ids.pricecharting", EXTERNAL_ID, "PriceCharting id"),
            Target("external_ids.tcgplayer", EXTERNAL_ID, "TCGplayer id"),
            Target("tracker_url", URL, "Tracker URL"),
        ),
    )
}
EXTERNAL_ID_PREFIX = "external_ids."
_EXTERNAL_ID_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,49}$")
#: Fields several columns may fill together: their texts are joined (a name with a dash between them).
JOINABLE_KINDS = frozenset({TEXT, TAGS})
#: Fields a collector can give a default for (used where a row's cell is empty).
DEFAULTABLE = frozenset(
    name for name, target in TARGETS.items() if target.kind in {TEXT, CHOICE, CURRENCY}
) - {"name"}


def target_for(name: str) -> Target | None:
    """The target called `name` (`external_ids.<marketplace>` for any marketplace name of
    lower-case letters, digits, `_` and `-`), or None."""
    if name in TARGETS:
        return TARGETS[name]
    if name.startswith(EXTERNAL_ID_PREFIX):
        marketplace = name.removeprefix(EXTERNAL_ID_PREFIX)
        if _EXTERNAL_ID_NAME.match(marketplace):
            return Target(name, EXTERNAL_ID, f"{marketplace} id", group=MARKETPLACES)
    return None


def offered_targets(names: Iterable[str | None] = ()) -> list[Target]:
    """What a column can be imported as, group by group (`GROUPS`): every field, and the
    other marketplaces' ids that `names` (a job's mappings) use."""
    others = dict.fromkeys(name for name in names if name and name not in TARGETS)
    targets = [*TARGETS.values(), *filter(None, map(target_for, others))]
    return sorted(targets, key=lambda target: GROUPS.index(target.group))  # stable


def normalise_header(text: str) -> str:
    """ "Price Paid ($)" → "price paid": accents, case, punctuation and units dropped."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"\([^)]*\)", " ", text.lower())
    text = re.sub(r"[^a-z0-9#]+", " ", text)
    return " ".join(text.split())


# Header words people use for each field (normalised as `normalise_header` does).
_HEADER_WORDS: dict[str, list[str]] = {
    "name": ["item", "item name", "title", "card", "card name", "product", "product name"],
    "category": ["type", "item type", "kind"],
    "set_name": ["set", "series", "set name", "edition", "expansion", "collection"],
    "number": [
        "no",
        "#",
        "card number",
        "collector number",
        "issue",
        "issue number",
        "catalog number",
        "catalogue number",
        "catalog#",
        "cat no",
    ],
    "condition": ["cond", "grade condition", "state"],
    "completeness": ["contents", "box contents"],
    "grader": ["grading company", "graded by", "grading service"],
    "grade": ["grading", "score"],
    "cert_number": ["cert", "cert #", "certificate", "certification number", "cert number"],
    "quantity": ["qty", "count", "copies", "amount owned", "owned", "quantity owned"],
    "purchase_price": [
        "price paid",
        "paid",
        "cost",
        "purchase cost",
        "buy price",
        "bought for",
        "price",
        "paid price",
        "purchase",
    ],
    "purchase_currency": ["currency", "price currency"],
    "purchase_date": [
        "date",
        "date purchased",
        "purchased",
        "purchased on",
        "bought",
        "bought on",
        "acquired",
        "date acquired",
    ],
    "purchase_fees": ["fees", "fee", "buyer fees"],
    "purchase_shipping": ["shipping", "postage", "shipping cost"],
    "sale_price": ["sold for", "sold price"],
    "sale_date": ["sold", "date sold", "sold on"],
    "max_price": ["max", "maximum", "max price", "budget", "price limit", "target price"],
    "priority": ["prio", "want priority"],
    "location": ["storage", "stored in", "box", "binder", "shelf", "folder", "place"],
    "notes": ["note", "comment", "comments", "description", "remarks"],
    "tags": ["tag", "labels", "keywords"],
    "card_details.game": ["game", "tcg"],
    "card_details.language": ["language", "lang"],
    "card_details.rarity": ["rarity"],
    "card_details.finish": ["finish", "foil", "printing"],
    "card_details.set_code": ["set code", "set id"],
    "card_details.release_date": ["release date", "released on"],
    "tracker_url": ["url", "link", "tracker", "tracker url", "product url", "listing url"],
}  # fmt: skip

# Normalised header → target. Our own export's column names map to themselves too (its
# card details are `card_game`, `card_language`, …).
SYNONYMS: dict[str, str] = {
    **{normalise_header(name): name for name in TARGETS},
    **{
        normalise_header(name.replace("card_details.", "card_")): name
        for name in TARGETS
        if name.startswith("card_details.")
    },
    **{normalise_header(target.label): name for name, target in TARGETS.items()},
    **{
        normalise_header(header): target
        for target, headers in _HEADER_WORDS.items()
        for header in headers
    },
}


@dataclass(frozen=True)
class Profile:
    """A known export: how its columns map, the values it writes, and what its rows are."""

    name: str
    signature: frozenset[str]  # normalised headers that must all be present
    mapping: dict[str, str | None]  # normalised header → target (None: leave out)
    value_maps: dict[str, dict[str, str]]
    defaults: dict[str, str]


#: Discogs media/sleeve grades (Goldmine scale) → our scale; docs/imports.md lists them.
DISCOGS_CONDITIONS = {
    "Mint (M)": "mint",
    "Near Mint (NM or M-)": "near_mint",
    "Very Good Plus (VG+)": "excellent",
    "Very Good (VG)": "good",
    "Good Plus (G+)": "played",
    "Good (G)": "played",
    "Fair (F)": "poor",
    "Poor (P)": "poor",
}
#: PriceCharting's collection condition words are box contents, not wear.
PRICECHARTING_CONDITIONS = {
    "Loose": "loose",
    "CIB": "cib",
    "Complete": "cib",
    "Complete in Box": "cib",
    "New": "new",
    "Sealed": "new",
}

PROFILES = (
    Profile(
        name="discogs",
        signature=frozenset({"release id", "collection media condition"}),
        mapping={
            "catalog#": "number",
            "artist": "name",
            "title": "name",
            "label": "set_name",
            "format": "tags",
            "rating": None,
            "released": None,
            "release id": "external_ids.discogs",
            "collectionfolder": "location",
            "date added": None,
            "collection media condition": "condition",
            "collection sleeve condition": "notes",
            "collection notes": "notes",
        },
        value_maps={"condition": DISCOGS_CONDITIONS},
        defaults={"category": Category.VINYL},
    ),
    Profile(
        name="pricecharting",
        signature=frozenset({"product name", "console name"}),
        mapping={
            "id": "external_ids.pricecharting",
            "product name": "name",
            "console name": "set_name",
            "condition string": "completeness",
            "condition": "completeness",
            "price paid": "purchase_price",
            "paid price": "purchase_price",
            "date purchased": "purchase_date",
            "date entered": None,
            "quantity": "quantity",
            "notes": "notes",
            # Market prices, not what was paid: the price engine records those.
            "loose price": None,
            "cib price": None,
            "new price": None,
            "graded price": None,
            "box only price": None,
            "manual only price": None,
            "release date": None,
            "upc": "external_ids.upc",
            "genre": None,
            "sales volume": None,
        },
        value_maps={"completeness": PRICECHARTING_CONDITIONS},
        defaults={"category": Category.VIDEO_GAME},
    ),
)


@dataclass(frozen=True)
class Suggestion:
    profile: str
    mapping: dict[str, str | None]
    value_maps: dict[str, dict[str, str]]
    defaults: dict[str, str]


def suggest(columns: list[str]) -> Suggestion:
    """The mapping a collector most likely wants: a known export's own when its columns
    are there, else each column by its name; a field is suggested for one column only
    (the first), except the text fields a known export joins."""
    normalised = {column: normalise_header(column) for column in columns}
    present = set(normalised.values())
    profile = next((p for p in PROFILES if p.signature <= present), None)
    mapping: dict[str, str | None] = {}
    taken: set[str] = set()
    for column, header in normalised.items():
        target: str | None
        if profile is not None and header in profile.mapping:
            target = profile.mapping[header]
        else:
            target = SYNONYMS.get(header) or SYNONYMS.get(header.rstrip("s"))
            if target is None and header.startswith("external ids "):
                candidate = f"{EXTERNAL_ID_PREFIX}{header.removeprefix('external ids ')}"
                target = candidate if target_for(candidate) else None
            if target in taken and TARGETS.get(target or "") is not None:
                target = None  # by name, one column per field: the first wins
        mapping[column] = target
        if target is not None:
            taken.add(target)
    if profile is None:
        return Suggestion(profile="", mapping=mapping, value_maps={}, defaults={})
    return Suggestion(
        profile=profile.name,
        mapping=mapping,
        value_maps={field: dict(values) for field, values in profile.value_maps.items()},
        defaults=dict(profile.defaults),
    )
