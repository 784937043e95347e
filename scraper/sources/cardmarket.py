"""Cardmarket product pages (``https://www.cardmarket.com/<lang>/<Game>/Products/Singles/…``).

Structure of the real page:

.. code-block:: html

    <h1>Tarmogoyf<span class="h4 text-muted">Future Sight</span></h1>
    <div class="info-list-container"><dl class="labeled row">
      <dt>Available items</dt><dd>1234</dd>
      <dt>From</dt><dd>10,00 €</dd>
      <dt>Price Trend</dt><dd><span>18,52 €</span></dd>
      <dt>30-days average price</dt><dd><span>18,97 €</span></dd> …</dl></div>
    <div id="articleRow1234" class="row article-row">
      <span class="seller-name"><a href="/en/Magic/Users/CardKingdomDE">CardKingdomDE</a></span>
      <div class="product-attributes">
        <a class="article-condition condition-nm"><span class="badge"
           data-bs-original-title="Near Mint">NM</span></a>
        <span class="icon" aria-label="English" data-bs-original-title="English"></span>
        <span class="icon st_SpecialIcon" aria-label="Foil"></span></div>
      <div class="col-offer">
        <div class="price-container"><span class="color-primary">17,50 €</span></div>
        <div class="mobile-offer-container"><span class="color-primary">17,50 €</span></div>
      </div></div>

Observations: the price guide's **trend** (no condition: it is the product's market price,
the one a tracker with no matching offer falls back to), and for each condition the
**lowest offer** on the page (what a buyer pays now, with its seller), among the offers
in the item's ``language`` and ``finish`` (options; the backend passes the item's card
details). Cardmarket's condition scale (MT NM EX GD LP PL PO) maps onto the inventory
scale (:data:`~scraper.sources.card_grades.CARDMARKET_SCALE`). Playsets (a price for
four), signed and altered cards are other goods and are left out. The trend is not
recorded for a foil or reverse-holo item: it is the regular version's. Prices are EUR.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from scraper.prices import parse_price
from scraper.sources.base import ExtractContext, Source
from scraper.sources.card_grades import CARDMARKET_SCALE, raw_condition
from scraper.sources.dom import Document, Node, clean_text
from scraper.types import FailureKind, Money, Observation, ScrapeFailure, Seller

__all__ = ["LANGUAGES", "CardmarketSource"]

#: Cardmarket's language names (its English, German and French sites) → language codes.
LANGUAGES: dict[str, str] = {
    **dict.fromkeys(("englisch", "anglais"), "en"),
    **dict.fromkeys(("deutsch", "allemand"), "de"),
    **dict.fromkeys(("französisch", "français"), "fr"),
    **dict.fromkeys(("spanisch", "espagnol"), "es"),
    **dict.fromkeys(("italienisch", "italien"), "it"),
    **dict.fromkeys(("portugiesisch", "portugais"), "pt"),
    **dict.fromkeys(("russisch", "russe"), "ru"),
    **dict.fromkeys(("japanisch", "japonais"), "ja"),
    **dict.fromkeys(("koreanisch", "coréen"), "ko"),
    **dict.fromkeys(("s-chinesisch", "chinois-s"), "zh_hans"),
    **dict.fromkeys(("t-chinesisch", "chinois-t"), "zh_hant"),
    "english": "en",
    "french": "fr",
    "german": "de",
    "spanish": "es",
    "italian": "it",
    "portuguese": "pt",
    "russian": "ru",
    "japanese": "ja",
    "korean": "ko",
    "s-chinese": "zh_hans",
    "simplified chinese": "zh_hans",
    "t-chinese": "zh_hant",
    "traditional chinese": "zh_hant",
    "dutch": "nl",
    "polish": "pl",
}
#: Finishes an offer must be flagged with ("foil", "reverse holo"); others need no flag.
_FLAGGED_FINISHES = {"foil": "foil", "etched": "foil", "reverse_holo": "reverse holo"}
_OTHER_GOODS = {"playset", "signed", "altered"}
_TREND = re.compile(r"trend|tendenz|tendance|tendenza|tendencia", re.IGNORECASE)
_AVERAGE_30 = re.compile(r"\b30\b", re.IGNORECASE)


def _labels(node: Node) -> list[str]:
    """The words of an offer's attribute icons (tooltips, aria labels, badge text)."""
    found = []
    for each in node.select(
        "[aria-label], [data-bs-original-title], [data-original-title], [title]"
    ):
        for name in ("data-bs-original-title", "data-original-title", "aria-label", "title"):
            value = clean_text(each.attr(name))
            if value:
                found.append(value.lower())
                break
    return found


def _title(doc: Document) -> str | None:
    for heading in doc.select("h1"):
        whole = clean_text(heading.text())
        sub = " ".join(clean_text(s.text()) for s in heading.select("span"))
        name = whole[: -len(sub)].strip() if sub and whole.endswith(sub) else whole
        if name:
            return (f"{name} ({sub})" if sub else name)[:300]
    return None


def _guide_price(doc: Document) -> Money | None:
    """The price guide's trend (else its 30-day average), EUR."""
    for dl in doc.select(".info-list-container dl, dl.labeled"):
        terms = [clean_text(n.text()) for n in dl.select("dt")]
        values = [clean_text(n.text()) for n in dl.select("dd")]
        pairs = list(zip(terms, values, strict=False))
        for pattern in (_TREND, _AVERAGE_30):
            for term, value in pairs:
                if pattern.search(term):
                    money = parse_price(value, "EUR")
                    if money is not None and money.amount > 0:
                        return money
    return None


def _wanted(ctx: ExtractContext) -> tuple[str | None, str | None]:
    """(language code, finish flag) the offers must have; ``None`` = any. The flag is
    "foil" or "reverse holo", or "" for a regular (non-foil) card."""
    language = ctx.options.get("language")
    finish = ctx.options.get("finish")
    lang = language.strip().lower() if isinstance(language, str) and language.strip() else None
    finish = finish.strip().lower() if isinstance(finish, str) else ""
    flag = _FLAGGED_FINISHES.get(finish, "" if finish == "non_foil" else None)
    return lang, flag


@dataclass(frozen=True, slots=True)
class _Offer:
    condition: str
    price: Money
    seller: Seller | None


def _offer(row: Node, url: str, language: str | None, flag: str | None) -> _Offer | None:
    """The offer of ``row`` if it is a single card in the wanted language and finish."""
    labels = _labels(row)
    if _OTHER_GOODS & set(labels):
        return None
    badge = ""
    for node in row.select(".article-condition .badge, .article-condition"):
        badge = clean_text(node.text())
        if badge:
            break
    condition = raw_condition(badge, CARDMARKET_SCALE)
    if condition is None:
        return None
    offered = next((LANGUAGES[x] for x in labels if x in LANGUAGES), None)
    if language is not None and offered is not None and offered != language:
        return None
    flags = {x for x in labels if x in ("foil", "reverse holo")}
    if (flag == "" and flags) or (flag and flag not in flags):
        return None
    price_nodes = row.select(".col-offer .price-container .color-primary") or row.select(
        ".col-offer .color-primary"
    )
    money = parse_price(clean_text(price_nodes[0].text()), "EUR") if price_nodes else None
    if money is None or money.amount <= 0:
        return None
    return _Offer(condition, money, _seller(row, url))


def _seller(row: Node, url: str) -> Seller | None:
    for link in row.select(".seller-name a[href]"):
        name = clean_text(link.text())
        if name:
            return Seller(name=name[:200], id=urljoin(url, link.attr("href") or "").split("?")[0])
    return None


class CardmarketSource(Source):
    name = "cardmarket"
    hosts = ("cardmarket.com",)
    option_names = ("language", "finish")

    def extract(self, doc: Document, ctx: ExtractContext) -> list[Observation]:
        rows = doc.select(".article-row")
        guide = _guide_price(doc)
        if not rows and guide is None and not doc.select(".info-list-container"):
            raise ScrapeFailure(
                FailureKind.NO_PRICE_FOUND,
                f"The page at {ctx.where} is not a Cardmarket product page (no price guide "
                "and no offers). Link the tracker to a single card's page.",
                url=ctx.url,
                code="cardmarket_not_a_product_page",
                params={"where": ctx.where},
            )
        language, flag = _wanted(ctx)
        title = _title(doc)
        lowest: dict[str, _Offer] = {}
        for row in rows:
            offer = _offer(row, ctx.url, language, flag)
            if offer is None:
                continue
            if (
                offer.condition not in lowest
                or offer.price.amount < lowest[offer.condition].price.amount
            ):
                lowest[offer.condition] = offer
        observations = [
            Observation(
                price=offer.price,
                condition=offer.condition,
                title=title,
                availability="in_stock",
                url=ctx.url,
                source=self.name,
                observed_at=ctx.observed_at,
                seller=offer.seller,
            )
            for offer in lowest.values()
        ]
        if guide is not None and not flag:
            observations.insert(
                0, Observation(guide, None, title, None, ctx.url, self.name, ctx.observed_at)
            )
        if not observations:
            wanted = " ".join(x for x in (language, "non-foil" if flag == "" else flag) if x)
            if wanted:
                raise ScrapeFailure(
                    FailureKind.NO_PRICE_FOUND,
                    f"Cardmarket shows no price for this card at {ctx.where} in {wanted} (no "
                    "price trend yet and no matching offer).",
                    url=ctx.url,
                    code="cardmarket_no_price_in",
                    params={"where": ctx.where, "wanted": wanted},
                )
            raise ScrapeFailure(
                FailureKind.NO_PRICE_FOUND,
                f"Cardmarket shows no price for this card at {ctx.where} (no price trend yet "
                "and no matching offer).",
                url=ctx.url,
                code="cardmarket_no_price",
                params={"where": ctx.where},
            )
        return observations
