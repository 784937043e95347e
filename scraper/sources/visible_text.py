"""A price from the visible page, for pages with no structured price at all.

About one real product page in five has no schema.org or OpenGraph price. A person
still finds the price at once: it is the prominent amount beside the product title
and the "add to cart" button. This layer does the same, in four steps:

1. **Anchor.** The page's ``<h1>`` (no heading: no guess). The *buy box* is the
   smallest ancestor of the heading that also holds an add-to-cart / buy-now control
   (matched by its text, value, label, id, class or name in a dozen languages);
   without one, the heading's nearest ancestor (at most six levels up) that shows a
   price. A buy box with more than :data:`MAX_BOX_TEXT` characters of text is not a
   box (the heading and the button are then far apart) and the page is refused.
2. **Candidates.** Short texts (at most 60 characters) in the box holding an amount
   with a currency marker (``€ 20,-``, ``294 元``, ``Rs 23,450``), or a bare amount
   in an element whose class, id or itemprop names a price. Dropped: struck list
   prices (see :mod:`scraper.sources.sale_price`), instalments, unit prices,
   shipping, savings and "from" prices (by the words around them), amounts inside
   navigation, header, footer, forms' option lists and product carousels.
3. **Score.** 1 for being a candidate, +1 for a price-naming class/id/itemprop on it
   or an ancestor close by, +1 for a "current / sale / final / now / our" price
   class, +0.5 for a written currency marker, +0.5 for emphasis (``strong``/``b``/a
   heading tag, a bold or ≥ 18 px inline style), -0.25 per level of distance from
   the heading. Equal amounts add up.
4. **Decide.** The best amount wins when its score leads the next different amount
   by at least :data:`MIN_LEAD`; the lead is the confidence reported in the notes.
   Otherwise two candidates are about equally likely and the page is refused
   (``ambiguous_prices``). A range ("$3.499 - $4.059") is refused the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from scraper.sources.base import Candidate, ExtractContext
from scraper.sources.dom import Document, Node, clean_text, spaced_text
from scraper.sources.main_product import main_heading
from scraper.sources.marketplaces import marketplace_prices
from scraper.sources.page_currency import currency_hints
from scraper.sources.price_text import find_prices
from scraper.sources.sale_price import OLD_PRICE_CSS, is_old_price
from scraper.sources.trace import note
from scraper.types import FailureKind, Money, ScrapeFailure

__all__ = ["MAX_BOX_TEXT", "MIN_LEAD", "fallback_prices", "visible_price"]

MAX_BOX_TEXT = 6000
MIN_LEAD = 1.0
_MAX_TEXT = 60
_MAX_LEVELS = 6
_MAX_NODES = 1500
_MAX_BOX_SCAN = 20_000

_CART_WORDS = re.compile(
    r"add[\s_-]?to[\s_-]?(?:cart|bag|basket|trolley)|addtocart|add-?to-?basket|buy[\s_-]?(?:it[\s_-]?)?now|"
    r"in den (?:warenkorb|einkaufswagen)|jetzt kaufen|ajouter au panier|acheter|"
    r"a[ñn]adir al (?:carrito|cesta)|agregar al carrito|comprar|aggiungi al carrello|acquista|"
    r"in winkelwagen|do koszyka|do košíku|kosárba|sepete ekle|lisää ostoskoriin|"
    r"legg i handlekurv|læg i kurv|lägg i varukorgen|в корзину|купить|加入購物車|加入购物车|"
    r"立即購買|立即购买|カートに入れる|今すぐ買う|장바구니|구매하기",
    re.IGNORECASE,
)
_CART_CSS = (
    "button, input[type=submit i], input[type=button i], input[type=image i], a[role=button i], "
    '[id*="cart" i], [class*="cart" i], [id*="basket" i], [class*="basket" i], [name*="cart" i], '
    '[id*="buy" i], [class*="buy" i], a[href*="cart" i], a[href*="buy" i], a[href*="basket" i], '
    '[onclick*="cart" i], [onclick*="buy" i]'
)
# Script links and handlers: href="javascript:buy_process(…)", onclick="addToCart(…)".
_CART_SCRIPT = re.compile(r"(?:buy|cart|basket)\w*\s*\(", re.IGNORECASE)
_PRICE_NAME = re.compile(
    r"price|preis|prix|prezzo|precio|pre[cç]o|cena|fiyat|hinta|pris|amount|cost|cijena|цена|價|价",
    re.IGNORECASE,
)
_CURRENT_NAME = re.compile(
    r"current|sale|final|now|special|actual|our|deal|selling|offer|promo|reduced|big|main|"
    r"primary|value|pay",
    re.IGNORECASE,
)
_CONTEXT_WORDS = re.compile(
    r"/\s?(?:mo|month|monat|mois|mes|mese|kg|g|l|ml|m|100\s?(?:g|ml)|st|stück|unit|piece)\b|"
    r"\bper\s|\bpro\s|每期|\d\s?期|\bx\s?\d|\d\s?x\b|cuotas?|\brate\b|raten|monatlich|mensual|"
    r"par mois|al mese|shipping|versand|livraison|env[ií]o|spedizione|postage|delivery|lieferung|"
    r"frete|доставк|save|spar|économ|risparmi|ahorr|ersparnis|reward|points|punti|bonus|coupon|"
    r"gutschein|cashback|\bfrom\b|\bab\b|à partir|a partir|\bdesde\b|alkaen|\bod\b|\bот\b|起|"
    r"\bwas\b|\bstatt\b|\bau lieu\b|uvp|rrp|msrp|建議售價|原價|定價",
    re.IGNORECASE,
)
_UNIT_AFTER = re.compile(
    r"\s*(?:/|per\b|pro\b|je\b|x\s?\d|mtl|monthly|mensuel|al mese|al mes\b|off\b|de (?:desconto|remise))",
    re.IGNORECASE,
)
_BLOCKED_TAGS = frozenset(
    {"nav", "header", "footer", "aside", "select", "option", "script", "style"}
)
_BLOCKED_CLASS = re.compile(
    r"slick|carousel|slider|swiper|owl-|related|recommend|upsell|cross-?sell|similar|also|"
    r"recent|suggest|breadcrumb|menu|footer|header|navbar|minicart|mini-cart|newsletter",
    re.IGNORECASE,
)
_BOLD_STYLE = re.compile(
    r"font-weight:\s*(?:bold|[6-9]00)|font:\s*bold|font-size:\s*(?:1[89]|[2-9]\d)px"
)
_EMPHASIS_TAGS = frozenset({"strong", "b", "h2", "h3", "h4", "big"})


@dataclass
class _Seen:
    money: Money
    score: float
    names_price: bool


def _ancestors(node: Node, limit: int) -> list[Node]:
    chain: list[Node] = []
    current = node.parent()
    while current is not None and len(chain) < limit:
        chain.append(current)
        current = current.parent()
    return chain


def _is_cart(node: Node) -> bool:
    label = " ".join(
        filter(
            None,
            [node.attr(a) for a in ("value", "title", "aria-label", "id", "class", "name", "alt")],
        )
    )
    text = spaced_text(node)
    script = " ".join(filter(None, [node.attr("href"), node.attr("onclick")]))
    return bool(
        _CART_WORDS.search(label)
        or (len(text) <= 40 and _CART_WORDS.search(text))
        or _CART_SCRIPT.search(script)
    )


def _buy_box(doc: Document, heading: Node) -> Node | None:
    """The smallest ancestor of the heading that holds an add-to-cart control (the
    control nearest the heading wins, so a header's mini-cart does not widen it)."""
    chain = [heading, *_ancestors(heading, 40)]
    depth_of = {n.key: d for d, n in enumerate(chain)}
    best: int | None = None
    for control in doc.select(_CART_CSS)[:400]:
        if not _is_cart(control):
            continue
        for ancestor in [control, *_ancestors(control, 40)]:
            depth = depth_of.get(ancestor.key)
            if depth is not None:
                best = depth if best is None else min(best, depth)
                break
    return chain[best] if best is not None else None


def _blocked(node: Node, box: Node) -> bool:
    current: Node | None = node
    for _ in range(30):
        if current is None or current.key == box.key:
            return False
        if current.tag in _BLOCKED_TAGS or _BLOCKED_CLASS.search(current.attr("class") or ""):
            return True
        current = current.parent()
    return False


def _in_context(node: Node, text: str) -> bool:
    """Words around the amount say it is not the item's price ("每期 $98", "/ 100 ml")."""
    if _CONTEXT_WORDS.search(text):
        return True
    # The words just before and after it in its parent: "3期 每期 $98", "$5 / month".
    parent = node.parent()
    around = spaced_text(parent)[:_MAX_BOX_SCAN] if parent is not None else ""
    at = around.find(text)
    if at < 0:
        return False
    before, after = around[max(0, at - 24) : at], around[at + len(text) : at + len(text) + 12]
    return bool(_CONTEXT_WORDS.search(before) or _UNIT_AFTER.match(after))


def _names_price(node: Node, levels: int = 2) -> tuple[bool, bool]:
    price = current = False
    for n in [node, *_ancestors(node, levels)]:
        names = " ".join(filter(None, (n.attr("class"), n.attr("id"), n.attr("itemprop"))))
        if _PRICE_NAME.search(names):
            price = True
            current = current or bool(_CURRENT_NAME.search(names))
    return price, current


def _candidates(
    box: Node, ctx: ExtractContext, hints: tuple[str | None, ...], depth: int
) -> dict[tuple[Decimal, str | None], _Seen]:
    struck: set[Decimal] = set()
    for node in box.select(OLD_PRICE_CSS)[:200]:
        text = spaced_text(node)
        if text and len(text) <= 40 and is_old_price(node):
            struck.update(
                t.money.amount for t in find_prices(text, page_hints=hints, unmarked=True)
            )
    seen: dict[tuple[Decimal, str | None], _Seen] = {}
    for node in box.select("*")[:_MAX_NODES]:
        if node.tag in _BLOCKED_TAGS:
            continue
        text = spaced_text(node)
        if not text or len(text) > _MAX_TEXT or not any(ch.isdigit() for ch in text):
            continue
        names_price, names_current = _names_price(node)
        tokens = find_prices(text, hint=ctx.currency_hint, page_hints=hints, unmarked=names_price)
        if len(tokens) != 1 or _in_context(node, text) or _blocked(node, box):
            continue
        token = tokens[0]
        if token.money.amount in struck:
            continue
        score = 1.0 + names_price + names_current + 0.5 * token.marked
        style = (node.attr("style") or "").lower()
        if node.tag in _EMPHASIS_TAGS or _BOLD_STYLE.search(style):
            score += 0.5
        score -= 0.25 * depth
        key = (token.money.amount, token.money.currency)
        entry = seen.get(key)
        if entry is None:
            seen[key] = _Seen(token.money, score, names_price)
        elif score > entry.score:  # nested elements show one amount once
            entry.score, entry.names_price = score, entry.names_price or names_price
    return seen


def visible_price(
    doc: Document, ctx: ExtractContext, hints: tuple[str | None, ...] | None = None
) -> list[Candidate]:
    """The buy-box price, or ``[]``; raises ``ambiguous_prices`` on a tie (docstring)."""
    heading = main_heading(doc)
    if heading is None:
        return []
    hints = currency_hints(doc, ctx) if hints is None else hints
    box = _buy_box(doc, heading)
    levels: list[tuple[Node, int]]
    if box is not None:
        if len(clean_text(box.text())) > MAX_BOX_TEXT:
            note("visible text: heading and add-to-cart are far apart")
            return []
        levels = [(box, 0)]
    else:
        levels = [(n, d) for d, n in enumerate(_ancestors(heading, _MAX_LEVELS))]
    for area, depth in levels:
        if len(spaced_text(area)) > MAX_BOX_TEXT:
            break
        seen = _candidates(area, ctx, hints, 0 if box is not None else depth)
        if not seen:
            continue
        ranked = sorted(seen.values(), key=lambda s: s.score, reverse=True)
        lead = ranked[0].score - (ranked[1].score if len(ranked) > 1 else 0.0)
        if lead < MIN_LEAD:
            shown = ", ".join(str(s.money) for s in ranked[:4])
            raise ScrapeFailure(
                FailureKind.AMBIGUOUS_PRICES,
                f"The page at {ctx.where} has no structured price and shows several prices "
                f"near the product title ({shown}) that are about equally likely.",
                url=ctx.url,
                code="several_prices_near_title",
                params={"where": ctx.where, "shown": shown},
            )
        if box is None and not ranked[0].names_price:
            # Neither a buy control nor a price-named element: an article that quotes
            # a price ("I paid $20 for it"), not a product page.
            note("visible text: no buy control and no price element near the heading")
            return []
        note(f"visible text: {ranked[0].money} near the heading, confidence {lead:.2f}")
        return [Candidate(ranked[0].money, None, clean_text(heading.text())[:300], None)]
    return []


def fallback_prices(doc: Document, ctx: ExtractContext) -> tuple[list[Candidate], bool]:
    """Marketplace buy boxes, then the visible text: ``(candidates, out_of_stock)``."""
    hints = currency_hints(doc, ctx)
    found, unavailable = marketplace_prices(doc, ctx, hints)
    if found or unavailable:
        return found, unavailable and not found
    return visible_price(doc, ctx, hints), False
