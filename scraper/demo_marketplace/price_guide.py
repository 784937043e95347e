"""PriceCharting-like price guide pages (``/game/<console>/<product>``): one price per
condition in a six-cell table, each with its change since yesterday."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from decimal import Decimal

from scraper.demo_marketplace.catalogue import CARD_CONDITIONS, CATALOGUE, Product, price_for
from scraper.demo_marketplace.layout import _e, _money, _page

_CONSOLE_NAMES = {
    "pokemon-base-set": "Pokemon Base Set",
    "pokemon-evolving-skies": "Pokemon Evolving Skies",
    "pokemon-japanese-151": "Pokemon Japanese 151",
    "magic-unlimited": "Magic Unlimited",
    "magic-alpha": "Magic Alpha",
    "magic-future-sight": "Magic Future Sight",
    "magic-lord-of-the-rings": "Magic Lord of the Rings",
    "yugioh-legend-of-blue-eyes-white-dragon": "YuGiOh Legend of Blue Eyes White Dragon",
    "one-piece-romance-dawn": "One Piece Romance Dawn",
    "lorcana-the-first-chapter": "Lorcana The First Chapter",
    "basketball-cards-1986-fleer": "Basketball Cards 1986 Fleer",
    "super-nintendo": "Super Nintendo",
    "nintendo-64": "Nintendo 64",
    "gameboy": "GameBoy",
    "playstation": "Playstation",
    "sega-saturn": "Sega Saturn",
    "gamecube": "Gamecube",
    "jp-gameboy-advance": "JP GameBoy Advance",
    "nes": "NES",
}
_GAME_HEADINGS = ("Loose", "Complete", "New", "Graded", "Box Only", "Manual Only")
_CARD_HEADINGS = ("Ungraded", "Grade 7", "Grade 8", "Grade 9", "Grade 9.5", "PSA 10")
_CELL_IDS = (
    "used_price",
    "complete_price",
    "new_price",
    "graded_price",
    "box_only_price",
    "manual_only_price",
)
#: The six cells of a card page; the other tens are in its full price guide only.
_CARD_CELLS = ("ungraded", "grade_7", "grade_8", "grade_9", "grade_9_5", "psa_10")
#: Row labels of a card page's full price guide (``#full-prices``), as the real page has.
_FULL_GUIDE_LABELS = {
    "ungraded": "Ungraded",
    "grade_7": "Grade 7",
    "grade_8": "Grade 8",
    "grade_9": "Grade 9",
    "grade_9_5": "Grade 9.5",
    "sgc_10": "SGC 10",
    "cgc_10": "CGC 10",
    "psa_10": "PSA 10",
    "bgs_10": "BGS 10",
}
_PC_INDEX: dict[str, Product] = {p.pricecharting: p for p in CATALOGUE.values() if p.pricecharting}


def _console_name(console: str) -> str:
    return _CONSOLE_NAMES.get(console) or console.replace("-", " ").title()


def _pc_cells(product: Product, day: date) -> list[tuple[Decimal | None, Decimal | None]]:
    """(price, change since yesterday) for the six cells of the price table."""
    yesterday = day - timedelta(days=1)
    if product.category == "trading_card":
        conditions = list(_CARD_CELLS)
        cells = [
            (price_for(product.slug, day, c), price_for(product.slug, yesterday, c))
            for c in conditions
        ]
    else:
        conditions = ["loose", "cib", "new", "graded"]
        cells = [
            (price_for(product.slug, day, c), price_for(product.slug, yesterday, c))
            for c in conditions
        ]
        # Box only / manual only are parts, not the item: a fraction of the loose price.
        loose_today, loose_before = cells[0]
        for share in (Decimal("0.35"), Decimal("0.12")):
            cells.append(
                (
                    (loose_today * share).quantize(Decimal("0.01")),
                    (loose_before * share).quantize(Decimal("0.01")),
                )
            )
    return [(today, today - before) for today, before in cells]


def _change_span(change: Decimal | None) -> str:
    if change is None:
        return ""
    sign = "+" if change > 0 else ("-" if change < 0 else "")
    return (
        '\n      <span class="change" title="dollar change from last update">'
        f'{sign}<span class="js-price">{_money(abs(change))}</span></span>'
    )


def _pricecharting_page(
    product_title: str,
    console: str,
    path: str,
    cells: list[tuple[Decimal | None, Decimal | None]],
    card: bool,
    product_id: int,
    full_guide: str = "",
) -> str:
    headings = _CARD_HEADINGS if card else _GAME_HEADINGS
    console_label = _console_name(console)
    hidden = ' class="tablet-portrait-hidden"'
    th = "".join(f"<th{hidden if i >= 3 else ''}>{h}</th>" for i, h in enumerate(headings))
    tds = []
    for i, (cell_id, (price, change)) in enumerate(zip(_CELL_IDS, cells, strict=True)):
        css = hidden if i >= 3 else ""
        tds.append(
            f'    <td id="{cell_id}"{css}>\n      <span class="price js-price">{_money(price)}</span>'
            f"{_change_span(change if price is not None else None)}\n    </td>"
        )
    repeated = "".join(
        f'<td id="{cell_id}"><span class="price js-price">{_money(price)}</span></td>'
        for cell_id, (price, _) in list(zip(_CELL_IDS, cells, strict=True))[3:]
    )
    kind = "Cards" if card else "Games"
    body = (
        '<div id="game-page">\n'
        f'<h1 id="product_name" class="chart_title" title="{product_id}">{_e(product_title)}\n'
        f'  <a href="/console/{_e(console)}">{_e(console_label)}</a></h1>\n'
        '<table id="price_data" class="info_box">\n'
        f"  <thead><tr>{th}</tr></thead>\n"
        "  <tbody><tr>\n" + "\n".join(tds) + "\n  </tr></tbody>\n"
        f'  <tbody><tr class="additional_data">{repeated}</tr></tbody>\n'
        "</table>\n"
        f"{full_guide}\n"
        '<p class="disclaimer">Prices are based on completed sales (demo data).</p>\n'
        "</div>"
    )
    return _page(
        f"{product_title} Prices | {console_label} | {kind}",
        body,
        canonical=path,
    )


def _full_price_guide(product: Product, day: date) -> str:
    """A card page's full price guide: every grade, each company's 10, and a BGS Black
    Label 10 (a premium slab the scraper must not read as a BGS 10)."""
    rows = [
        (label, price_for(product.slug, day, condition))
        for condition, label in _FULL_GUIDE_LABELS.items()
        if condition in CARD_CONDITIONS
    ]
    black = price_for(product.slug, day, "bgs_10") * Decimal("2.5")
    rows.append(("BGS 10 Black", black.quantize(Decimal("0.01"))))
    body = "".join(
        f'<tr><td>{_e(label)}</td><td class="price js-price">{_money(price)}</td></tr>'
        for label, price in rows
    )
    return (
        f'<div id="full-prices"><h2>Full Price Guide: {_e(product.display_title)}</h2>\n'
        f"<table><thead><tr><th>Condition</th><th>Price</th></tr></thead>\n<tbody>{body}"
        "</tbody></table></div>"
    )


def _product_id(slug: str) -> int:
    return int.from_bytes(hashlib.sha256(slug.encode()).digest()[:3], "big")


def _render_game(product: Product, day: date) -> str:
    assert product.pricecharting
    assert product.console
    return _pricecharting_page(
        product.display_title,
        product.console,
        f"/game/{product.pricecharting}",
        _pc_cells(product, day),
        product.category == "trading_card",
        _product_id(product.slug),
        _full_price_guide(product, day) if product.category == "trading_card" else "",
    )
