"""The demo marketplace's catalogue and its deterministic daily prices.

Pure data and arithmetic: no I/O, no Django. ``seed_demo`` imports :func:`price_for`
and :func:`product_urls` to give the demo collection trackers pointing at the local
marketplace and a backfilled history that agrees with what the server shows today.

Every collectible of ``backend/devtools/demo_data.py`` has one :class:`Product`,
matched by its exact ``name`` (:data:`BY_NAME`). Trading cards and video games also
have a PriceCharting-like page at ``/game/<pricecharting>`` with a price per
condition; for items that carry a PriceCharting external id, ``pricecharting`` *is*
that id. Every product is also sold in every shop shape (JSON-LD, microdata,
OpenGraph, plain HTML for a CSS selector, and a marketplace listings page where several
sellers offer it: ``market.py``); ``shop`` names the one its demo tracker watches, so
the demo collection exercises every source.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

__all__ = [
    "BY_NAME",
    "CARD_CONDITIONS",
    "CATALOGUE",
    "COLLECTOR_TRACKERS",
    "GAME_CONDITIONS",
    "LISTING_SELECTOR",
    "SHOP_PATHS",
    "Product",
    "condition_ladder",
    "price_for",
    "product_for_name",
    "product_urls",
    "shop_path",
    "wobble",
]

#: PriceCharting conditions for video games, cheapest first, with price multipliers.
GAME_CONDITIONS: dict[str, Decimal] = {
    "loose": Decimal("1"),
    "cib": Decimal("2.4"),
    "new": Decimal("6"),
    "graded": Decimal("10"),
}
#: PriceCharting grades for trading cards (the scraper's vocabulary), cheapest first; each
#: grading company's 10 has its own price (the full price guide lists them).
CARD_CONDITIONS: dict[str, Decimal] = {
    "ungraded": Decimal("1"),
    "grade_7": Decimal("2.5"),
    "grade_8": Decimal("4"),
    "grade_9": Decimal("8"),
    "grade_9_5": Decimal("14"),
    "sgc_10": Decimal("20"),
    "cgc_10": Decimal("24"),
    "psa_10": Decimal("40"),
    "bgs_10": Decimal("48"),
}

#: Shop page shapes → the URL prefix serving them (``<prefix><slug>``).
SHOP_PATHS: dict[str, str] = {
    "jsonld": "/shop/product/",
    "microdata": "/store/item/",
    "opengraph": "/og/",
    "css": "/listing/",
    "market": "/market/",
}
#: The CSS selector that finds the price on a ``/listing/`` page.
LISTING_SELECTOR = ".price-now"

_CENT = Decimal("0.01")
_TWO_PI = 2 * math.pi


@dataclass(frozen=True, slots=True)
class Product:
    """One item the demo marketplace sells.

    ``base_price`` is the market price (in ``currency``) of the item in ``condition``
    before the daily wobble; the other conditions are derived from the ladder.
    """

    slug: str
    #: ``Collectible.name`` of the demo item in ``backend/devtools/demo_data.py``.
    name: str
    category: str
    base_price: Decimal
    #: Shop shape the demo tracker watches: a key of :data:`SHOP_PATHS`.
    shop: str
    #: ``<console-or-set>/<product>`` after ``/game/`` (cards and games only).
    pricecharting: str | None = None
    #: The rung of the condition ladder the collector's item is in (PriceCharting items).
    condition: str | None = None
    #: Marketplace title (defaults to ``name``).
    title: str = ""
    currency: str = "USD"

    @property
    def display_title(self) -> str:
        return self.title or self.name

    @property
    def conditions(self) -> tuple[str, ...]:
        """Conditions priced for this product (empty for shop-only products)."""
        return tuple(condition_ladder(self))

    @property
    def console(self) -> str | None:
        return self.pricecharting.split("/", 1)[0] if self.pricecharting else None


def condition_ladder(product: Product) -> dict[str, Decimal]:
    if product.pricecharting is None:
        return {}
    return CARD_CONDITIONS if product.category == "trading_card" else GAME_CONDITIONS


_CARD = "trading_card"
_GAME = "video_game"

_PRODUCTS: list[Product] = [
    # --- Trading cards (PriceCharting grade columns) ----------------------------------
    Product("charizard-4", "Charizard", _CARD, Decimal("2600"), "jsonld",
            "pokemon-base-set/charizard-4", "grade_9", "Charizard #4"),
    Product("blastoise-2", "Blastoise", _CARD, Decimal("560"), "microdata",
            "pokemon-base-set/blastoise-2", "grade_8", "Blastoise #2"),
    Product("venusaur-15", "Venusaur", _CARD, Decimal("110"), "opengraph",
            "pokemon-base-set/venusaur-15", "ungraded", "Venusaur #15"),
    Product("pikachu-red-cheeks-58", "Pikachu (Red Cheeks)", _CARD, Decimal("290"), "css",
            "pokemon-base-set/pikachu-red-cheeks-58", "grade_8", "Pikachu [Red Cheeks] #58"),
    Product("umbreon-vmax-215", "Umbreon VMAX (Alternate Art)", _CARD, Decimal("1650"),
            "jsonld", "pokemon-evolving-skies/umbreon-vmax-215", "psa_10", "Umbreon VMAX #215"),
    Product("charizard-ex-201", "Charizard ex (Special Illustration Rare)", _CARD,
            Decimal("120"), "microdata", "pokemon-japanese-151/charizard-ex-201", "ungraded",
            "Charizard ex #201"),
    Product("black-lotus-233", "Black Lotus", _CARD, Decimal("10500"), "opengraph",
            "magic-unlimited/black-lotus-233", "ungraded", "Black Lotus #233"),
    Product("lightning-bolt-161", "Lightning Bolt", _CARD, Decimal("450"), "css",
            "magic-alpha/lightning-bolt-161", "ungraded", "Lightning Bolt #161"),
    Product("tarmogoyf-153", "Tarmogoyf", _CARD, Decimal("22"), "jsonld",
            "magic-future-sight/tarmogoyf-153", "ungraded", "Tarmogoyf #153"),
    Product("the-one-ring-246", "The One Ring", _CARD, Decimal("70"), "microdata",
            "magic-lord-of-the-rings/the-one-ring-246", "ungraded", "The One Ring #246"),
    Product("blue-eyes-white-dragon-lob-001", "Blue-Eyes White Dragon", _CARD,
            Decimal("1200"), "opengraph",
            "yugioh-legend-of-blue-eyes-white-dragon/blue-eyes-white-dragon-lob-001",
            "grade_9", "Blue-Eyes White Dragon LOB-001"),
    Product("dark-magician-lob-005", "Dark Magician", _CARD, Decimal("50"), "css",
            "yugioh-legend-of-blue-eyes-white-dragon/dark-magician-lob-005", "ungraded",
            "Dark Magician LOB-005"),
    Product("monkey-d-luffy-alternate-art-op01-003", "Monkey.D.Luffy (Alternate Art)", _CARD,
            Decimal("135"), "jsonld", "one-piece-romance-dawn/monkey-d-luffy-alternate-art-op01-003",
            "ungraded", "Monkey.D.Luffy [Alternate Art] OP01-003"),
    Product("elsa-spirit-of-winter-enchanted-207", "Elsa - Spirit of Winter (Enchanted)", _CARD,
            Decimal("700"), "microdata",
            "lorcana-the-first-chapter/elsa-spirit-of-winter-enchanted-207", "grade_9_5",
            "Elsa - Spirit of Winter [Enchanted] #207"),
    Product("ken-griffey-jr-1", "Ken Griffey Jr. Rookie Card", _CARD, Decimal("1900"),
            "jsonld", "baseball-cards-1989-upper-deck/ken-griffey-jr-1", "bgs_10",
            "Ken Griffey Jr. #1"),
    Product("michael-jordan-57", "Michael Jordan Rookie Card", _CARD, Decimal("9200"),
            "opengraph", "basketball-cards-1986-fleer/michael-jordan-57", "grade_9_5",
            "Michael Jordan #57"),
    # --- Video games (PriceCharting loose / complete / new / graded) ------------------
    Product("earthbound", "EarthBound", _GAME, Decimal("520"), "css",
            "super-nintendo/earthbound", "cib"),
    Product("chrono-trigger", "Chrono Trigger", _GAME, Decimal("170"), "jsonld",
            "super-nintendo/chrono-trigger", "loose"),
    Product("super-mario-64", "Super Mario 64", _GAME, Decimal("35"), "microdata",
            "nintendo-64/super-mario-64", "loose"),
    Product("zelda-ocarina-of-time-collectors-edition",
            "The Legend of Zelda: Ocarina of Time (Collector's Edition)", _GAME,
            Decimal("260"), "opengraph",
            "nintendo-64/zelda-ocarina-of-time-collectors-edition", "cib",
            "Zelda Ocarina of Time [Collector's Edition]"),
    Product("pokemon-red", "Pokémon Red Version", _GAME, Decimal("42"), "css",
            "gameboy/pokemon-red", "loose", "Pokemon Red"),
    Product("castlevania-symphony-of-the-night", "Castlevania: Symphony of the Night", _GAME,
            Decimal("95"), "jsonld", "playstation/castlevania-symphony-of-the-night", "cib"),
    Product("panzer-dragoon-saga", "Panzer Dragoon Saga", _GAME, Decimal("1200"), "microdata",
            "sega-saturn/panzer-dragoon-saga", "cib"),
    Product("metroid-prime", "Metroid Prime (Sealed)", _GAME, Decimal("650"), "opengraph",
            "gamecube/metroid-prime", "graded", "Metroid Prime"),
    Product("mother-3", "Mother 3", _GAME, Decimal("65"), "css",
            "jp-gameboy-advance/mother-3", "cib"),
    # --- Vinyl (shops only) -----------------------------------------------------------
    Product("pink-floyd-dark-side-of-the-moon-harvest-1973",
            "Pink Floyd – The Dark Side of the Moon", "vinyl", Decimal("450"), "jsonld",
            title="Pink Floyd – The Dark Side of the Moon (Harvest UK, 1973 first press)"),
    Product("beatles-abbey-road-apple-1969", "The Beatles – Abbey Road", "vinyl",
            Decimal("190"), "microdata", title="The Beatles – Abbey Road (Apple UK, 1969)"),
    Product("radiohead-ok-computer-1997", "Radiohead – OK Computer", "vinyl", Decimal("580"),
            "opengraph", title="Radiohead – OK Computer (Parlophone, 1997 first press)"),
    Product("daft-punk-random-access-memories", "Daft Punk – Random Access Memories", "vinyl",
            Decimal("48"), "css", title="Daft Punk – Random Access Memories (2LP, sealed)"),
    Product("miles-davis-kind-of-blue-mono", "Miles Davis – Kind of Blue", "vinyl",
            Decimal("410"), "jsonld", title="Miles Davis – Kind of Blue (Columbia six-eye mono)"),
    Product("fleetwood-mac-rumours-1977", "Fleetwood Mac – Rumours", "vinyl", Decimal("30"),
            "microdata", title="Fleetwood Mac – Rumours (Warner Bros., 1977)"),
    # --- Comics -----------------------------------------------------------------------
    Product("amazing-spider-man-300-cgc-9-4", "The Amazing Spider-Man #300", "comic",
            Decimal("1300"), "opengraph", title="The Amazing Spider-Man #300 (CGC 9.4)"),
    Product("x-men-1-1991-cover-e", "X-Men #1 (1991, Cover E gatefold)", "comic",
            Decimal("14"), "css"),
    Product("batman-killing-joke-first-print-cgc-9-8", "Batman: The Killing Joke (First Print)",
            "comic", Decimal("560"), "jsonld",
            title="Batman: The Killing Joke (First Print, CGC 9.8)"),
    Product("saga-1", "Saga #1", "comic", Decimal("100"), "microdata",
            title="Saga #1 (Image Comics, 2012)"),
    Product("watchmen-1", "Watchmen #1", "comic", Decimal("42"), "opengraph",
            title="Watchmen #1 (DC, 1986)"),
    # --- Coins ------------------------------------------------------------------------
    Product("morgan-dollar-1921-pcgs-ms64", "1921 Morgan Dollar", "coin", Decimal("98"), "css",
            title="1921 Morgan Dollar PCGS MS64"),
    Product("american-silver-eagle-1986-ngc-ms69", "1986 American Silver Eagle", "coin",
            Decimal("115"), "jsonld", title="1986 American Silver Eagle NGC MS69"),
    Product("sacagawea-dollar-2000-p", "2000-P Sacagawea Dollar", "coin", Decimal("2.75"),
            "microdata"),
    Product("krugerrand-1oz-gold", "Krugerrand 1 oz Gold", "coin", Decimal("2350"),
            "opengraph", title="South African Krugerrand 1 oz Gold (2023)"),
    # --- Figures ----------------------------------------------------------------------
    Product("boba-fett-kenner-1979", "Boba Fett (Kenner, 1979)", "figure", Decimal("100"),
            "css", title="Star Wars Boba Fett (Kenner, 1979, loose)"),
    Product("optimus-prime-g1-1984", "Optimus Prime (Transformers G1, 1984)", "figure",
            Decimal("480"), "jsonld"),
    Product("funko-freddy-funko-boba-fett-sdcc-2011",
            "Funko Pop! Vinyl: Freddy Funko as Boba Fett", "figure", Decimal("1250"),
            "microdata", title="Funko Pop! Freddy Funko as Boba Fett (SDCC 2011, 480 pcs)"),
    Product("hot-toys-iron-man-mark-iii-mms256", "Hot Toys Iron Man Mark III (MMS256)",
            "figure", Decimal("400"), "opengraph"),
    # --- The demo want list: tracked on marketplace listings (several sellers each) ---
    Product("led-zeppelin-iv-atlantic-1971", "Led Zeppelin – IV", "vinyl", Decimal("85"),
            "market", title="Led Zeppelin – IV (Atlantic, 1971)"),
    Product("nirvana-nevermind-dgc-1991", "Nirvana – Nevermind", "vinyl", Decimal("60"),
            "market", title="Nirvana – Nevermind (DGC, 1991 first press)"),
    Product("daredevil-168", "Daredevil #168", "comic", Decimal("140"), "market",
            title="Daredevil #168 (Marvel, 1981, first Elektra)"),
]  # fmt: skip

#: slug → product, in display order.
CATALOGUE: dict[str, Product] = {p.slug: p for p in _PRODUCTS}
#: demo collectible name → slug.
BY_NAME: dict[str, str] = {p.name: p.slug for p in _PRODUCTS}
assert len(CATALOGUE) == len(_PRODUCTS) == len(BY_NAME), "duplicate slug or name"


#: Demo items also watched on the collector marketplaces' pages (``collector_pages.py``):
#: slug → (source, path, tracked condition) of each tracker. The tracker names its source
#: (the demo host is not eBay's); what it records is ``collector_pages.collector_price``.
COLLECTOR_TRACKERS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "ken-griffey-jr-1": (("ebay", "/ebay/sch/ken-griffey-jr-1", "bgs_10"),),
    "michael-jordan-57": (("ebay", "/ebay/sch/michael-jordan-57", "grade_9_5"),),
    "umbreon-vmax-215": (("ebay", "/ebay/itm/umbreon-vmax-215", "psa_10"),),
    "tarmogoyf-153": (
        ("cardmarket", "/cardmarket/Magic/Products/Singles/tarmogoyf-153", "near_mint"),
    ),
    "lightning-bolt-161": (
        ("cardmarket", "/cardmarket/Magic/Products/Singles/lightning-bolt-161", "good"),
    ),
}


def product_for_name(name: str) -> Product | None:
    """The product for a demo collectible's ``name`` (``None`` if it has none)."""
    slug = BY_NAME.get(name)
    return CATALOGUE[slug] if slug else None


def _unit(*parts: str) -> float:
    """A stable number in [0, 1) from ``parts`` (sha256; independent of PYTHONHASHSEED)."""
    digest = hashlib.sha256("|".join(parts).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def wobble(slug: str, day: date, condition: str | None = None) -> Decimal:
    """The day's price factor for ``slug`` (and ``condition``): within 0.86 to 1.14.

    Two sines per product (a slow 3 to 8 week swing and a faster 10 to 17 day ripple, with
    phases and periods from a hash of the slug) plus a ±2 % per-condition ripple. Each
    term is continuous in the day number, so prices drift smoothly from day to day.
    """
    n = day.toordinal()
    slow_period = 21 + 35 * _unit(slug, "slow-period")
    fast_period = 10 + 7 * _unit(slug, "fast-period")
    cond_period = 8 + 9 * _unit(slug, condition or "", "cond-period")
    w = (
        0.09 * math.sin(_TWO_PI * (n / slow_period + _unit(slug, "slow-phase")))
        + 0.03 * math.sin(_TWO_PI * (n / fast_period + _unit(slug, "fast-phase")))
        + 0.02 * math.sin(_TWO_PI * (n / cond_period + _unit(slug, condition or "", "cond")))
    )
    # Rounded to 6 places so platform-level float differences cannot move a cent.
    return Decimal(f"{1 + w:.6f}")


def _reference(product: Product, condition: str | None) -> Decimal:
    """Base price of ``product`` in ``condition`` (no wobble)."""
    ladder = condition_ladder(product)
    if not ladder:
        if condition is not None:
            raise ValueError(
                f"{product.slug!r} is sold without conditions; pass condition=None "
                f"(got {condition!r})."
            )
        return product.base_price
    wanted = condition or product.condition
    if wanted not in ladder:
        known = ", ".join(ladder)
        raise ValueError(f"{product.slug!r} has no condition {condition!r}; known: {known}.")
    return product.base_price * ladder[wanted] / ladder[product.condition or wanted]


def price_for(slug: str, day: date, condition: str | None = None) -> Decimal:
    """The price the demo marketplace shows for ``slug`` on ``day`` (UTC calendar day).

    ``condition`` is a rung of the product's PriceCharting ladder (games ``loose`` <
    ``cib`` < ``new`` < ``graded``; cards ``ungraded`` < ``grade_7`` < … < ``psa_10``);
    ``None`` means the collector's own condition (``Product.condition``), which is also
    the price every shop page shows. Shop-only products accept only ``None``.

    Pure and deterministic: base price times :func:`wobble`, rounded half-up to cents.
    Raises ``KeyError`` for an unknown slug and ``ValueError`` for an unknown condition.
    """
    product = CATALOGUE[slug]
    reference = _reference(product, condition)
    effective = condition or product.condition
    amount = (reference * wobble(slug, day, effective)).quantize(_CENT, rounding=ROUND_HALF_UP)
    return max(amount, _CENT)


def shop_path(slug: str, shape: str) -> str:
    """The path of ``slug``'s page in shop ``shape`` (see :data:`SHOP_PATHS`)."""
    return SHOP_PATHS[shape] + slug


def _tracker(
    source: str, url: str, condition: str | None, selector: str | None = None
) -> dict[str, Any]:
    return {
        "source": source,
        "url": url,
        "selector": selector,
        "attribute": None,
        "condition": condition,
    }


def product_urls(slug: str, base_url: str) -> list[dict[str, Any]]:
    """Tracker definitions for the demo item sold as ``slug`` at ``base_url``.

    Each dict has ``source``, ``url``, ``selector``, ``attribute`` and ``condition``
    (``None`` where not applicable). PriceCharting items get a ``pricecharting``
    tracker for the item's own condition; every item gets one shop tracker in its
    ``shop`` shape (``structured`` for JSON-LD / microdata / OpenGraph and marketplace
    listings, ``css`` with selector ``.price-now`` for plain listings). Each tracker
    observes ``price_for(slug, day, tracker["condition"])``, a listings tracker one
    offer per seller around it (``market.market_offers``). Items of
    :data:`COLLECTOR_TRACKERS` also get their eBay and Cardmarket trackers, each
    observing ``collector_pages.collector_price(…)``.
    """
    product = CATALOGUE[slug]
    base = base_url.rstrip("/")
    trackers: list[dict[str, Any]] = []
    if product.pricecharting:
        trackers.append(
            _tracker("pricecharting", f"{base}/game/{product.pricecharting}", product.condition)
        )
    shop_url = base + shop_path(slug, product.shop)
    if product.shop == "css":
        trackers.append(_tracker("css", shop_url, None, LISTING_SELECTOR))
    else:
        trackers.append(_tracker("structured", shop_url, None))
    for source, path, condition in COLLECTOR_TRACKERS.get(slug, ()):
        trackers.append(_tracker(source, base + path, condition))
    return trackers
