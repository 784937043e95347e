"""Collector marketplace pages in the demo: eBay-like items and sold listings, and a
Cardmarket-like card page, in the markup the ``ebay`` and ``cardmarket`` sources read.

Routes (for the items of :data:`~scraper.demo_marketplace.catalogue.COLLECTOR_TRACKERS`):

* ``/ebay/itm/<slug>`` — a Buy It Now item page: a graded card, its grade in the
  condition and the item specifics, shipping and seller;
* ``/ebay/sch/<slug>`` — sold listings of the last :data:`SOLD_DAYS` days (before today):
  each day one sale in the tracked grade and one in another, plus eBay's "Shop on eBay"
  placeholder and an accepted best offer (asking price struck through), which are no
  sales to record;
* ``/cardmarket/Magic/Products/Singles/<slug>`` — price trend and offers in every
  condition, English non-foil and also German, foil and playset offers.

:func:`collector_price` is what a tracker on one of them records on a day, so
``seed_demo`` backfills a history that agrees with the pages.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from scraper.demo_marketplace.catalogue import CATALOGUE, COLLECTOR_TRACKERS, Product, price_for
from scraper.demo_marketplace.layout import _e, _page

__all__ = [
    "CARDMARKET_FACTORS",
    "EUR_PER_USD",
    "SOLD_DAYS",
    "collector_observations",
    "collector_page",
    "collector_price",
]

#: Days of sales a sold-listings page shows (yesterday back).
SOLD_DAYS = 7
#: The demo's fixed exchange rate for the EUR card market.
EUR_PER_USD = Decimal("0.92")
#: Cardmarket conditions (code, inventory condition, price factor against near mint).
CARDMARKET_FACTORS: tuple[tuple[str, str, str, Decimal], ...] = (
    ("MT", "Mint", "mint", Decimal("1.25")),
    ("NM", "Near Mint", "near_mint", Decimal("1")),
    ("EX", "Excellent", "excellent", Decimal("0.85")),
    ("GD", "Good", "good", Decimal("0.72")),
    ("PL", "Played", "played", Decimal("0.5")),
)
_CENT = Decimal("0.01")
#: How a sold listing states each grade (eBay's "Graded - <company> <grade>").
_GRADE_LABELS = {
    "ungraded": "Ungraded",
    "grade_7": "Graded - SGC 7",
    "grade_8": "Graded - PSA 8",
    "grade_9": "Graded - PSA 9",
    "grade_9_5": "Graded - BGS 9.5",
    "sgc_10": "Graded - SGC 10",
    "cgc_10": "Graded - CGC 10",
    "psa_10": "Graded - PSA 10",
    "bgs_10": "Graded - BGS 10",
}
_SELLERS = ("slab_vault", "graded-gems-usa", "hobby_corner_cards", "pristine_pulls")
_CM_SELLERS = ("GoyfGarage", "LotusLounge", "ModernStaples", "BudgetBinder")


def _money_us(amount: Decimal) -> str:
    return f"US ${amount:,.2f}"


def _euro(amount: Decimal) -> str:
    # Cardmarket writes euros the continental way: "1.234,56 €".
    whole, cents = f"{amount:,.2f}".split(".")
    return f"{whole.replace(',', '.')},{cents} €"


def _eur(usd: Decimal) -> Decimal:
    return (usd * EUR_PER_USD).quantize(_CENT, rounding=ROUND_HALF_UP)


def _cardmarket_price(slug: str, day: date, condition: str) -> Decimal:
    """The cheapest English non-foil offer in ``condition`` (EUR)."""
    factor = next(f for _, _, c, f in CARDMARKET_FACTORS if c == condition)
    return max((_eur(price_for(slug, day)) * factor).quantize(_CENT), _CENT)


def collector_price(slug: str, source: str, condition: str, day: date) -> tuple[Decimal, str]:
    """(amount, currency) a demo tracker on an eBay or Cardmarket page records for ``day``."""
    if source == "cardmarket":
        return _cardmarket_price(slug, day, condition), "EUR"
    return price_for(slug, day, condition), "USD"


def collector_observations(
    slug: str, source: str, url: str, condition: str, day: date
) -> list[tuple[Decimal, str, date]]:
    """What a check on ``day`` of the demo tracker on ``url`` records: (amount, currency,
    day of the price) each; a sold-listings page gives one sale a day, yesterday first."""
    days = [day]
    if "/ebay/sch/" in url:
        days = [day - timedelta(days=back) for back in range(1, SOLD_DAYS + 1)]
    return [(*collector_price(slug, source, condition, d), d) for d in days]


def _item_number(*parts: str) -> str:
    digest = hashlib.sha256("|".join(parts).encode()).digest()
    return str(100_000_000_000 + int.from_bytes(digest[:5], "big") % 900_000_000_000)


def _tracked(slug: str, source: str) -> str | None:
    for tracker_source, _, condition in COLLECTOR_TRACKERS.get(slug, ()):
        if tracker_source == source:
            return condition
    return None


def _ebay_item(product: Product, day: date, condition: str) -> str:
    price = price_for(product.slug, day, condition)
    grade = _GRADE_LABELS[condition].removeprefix("Graded - ")
    company, number = grade.split(" ")
    title = f"{product.display_title} {grade}"
    body = f"""<div class="x-item-title"><h1 class="x-item-title__mainTitle"><span class="ux-textspans ux-textspans--BOLD">{_e(title)}</span></h1></div>
<div class="x-price-section"><div class="x-bin-price"><div class="x-price-primary" data-testid="x-price-primary"><span class="ux-textspans">{_money_us(price)}</span></div></div></div>
<div class="x-item-condition"><div class="x-item-condition-text"><span class="ux-textspans">{_e(_GRADE_LABELS[condition])}: Gem Mint</span></div></div>
<div class="x-sellercard-atf__info__about-seller"><a href="/ebay/usr/{_SELLERS[0]}"><span class="ux-textspans ux-textspans--BOLD">{_SELLERS[0]}</span></a></div>
<div class="ux-labels-values ux-labels-values--shipping"><div class="ux-labels-values__labels"><span class="ux-textspans">Shipping:</span></div><div class="ux-labels-values__values"><span class="ux-textspans ux-textspans--BOLD">US $5.00</span> <span class="ux-textspans">USPS Ground Advantage</span></div></div>
<dl class="ux-labels-values ux-labels-values--professionalGrader"><dt class="ux-labels-values__labels"><span class="ux-textspans">Professional Grader</span></dt><dd class="ux-labels-values__values"><span class="ux-textspans">{company}</span></dd></dl>
<dl class="ux-labels-values ux-labels-values--grade"><dt class="ux-labels-values__labels"><span class="ux-textspans">Grade</span></dt><dd class="ux-labels-values__values"><span class="ux-textspans">{number}</span></dd></dl>"""
    return _page(f"{title} | eBay (demo)", body)


def _sold_row(product: Product, day: date, condition: str, seller: str, shipping: str) -> str:
    price = price_for(product.slug, day, condition)
    label = _GRADE_LABELS[condition]
    number = _item_number(product.slug, day.isoformat(), condition)
    title = f"{product.display_title} {label.removeprefix('Graded - ')}"
    return f"""<li class="s-item s-item__pl-on-bottom" data-view="mi:1686|iid:{number[-3:]}">
  <div class="s-item__info clearfix">
    <div class="s-item__caption"><span class="s-item__caption--signal POSITIVE"><span>Sold  {day:%b} {day.day}, {day.year}</span></span></div>
    <a class="s-item__link" href="/ebay/itm/{number}"><div class="s-item__title"><span role="heading" aria-level="3">{_e(title)}</span></div></a>
    <div class="s-item__subtitle"><span class="SECONDARY_INFO">{_e(label)}</span></div>
    <span class="s-item__price"><span class="POSITIVE">{_money_us(price).removeprefix("US ")}</span></span>
    <span class="s-item__shipping s-item__logisticsCost">{shipping}</span>
    <span class="s-item__seller-info"><span class="s-item__seller-info-text">{seller} (1,204) 99.8%</span></span>
  </div>
</li>"""


def _ebay_sold(product: Product, day: date, condition: str) -> str:
    others = [c for c in _GRADE_LABELS if c != condition and c in product.conditions]
    rows = [
        '<li class="s-item"><div class="s-item__info"><a class="s-item__link" '
        'href="/ebay/itm/123456"><div class="s-item__title"><span>Shop on eBay</span></div>'
        '</a><span class="s-item__price">$20.00</span></div></li>'
    ]
    for back in range(1, SOLD_DAYS + 1):
        sold = day - timedelta(days=back)
        seller = _SELLERS[back % len(_SELLERS)]
        shipping = "Free shipping" if back % 2 else "+$6.50 shipping"
        rows.append(_sold_row(product, sold, condition, seller, shipping))
        other = others[back % len(others)]
        rows.append(_sold_row(product, sold, other, _SELLERS[(back + 1) % 4], "+$4.99 shipping"))
    best_offer = price_for(product.slug, day - timedelta(days=2), condition) * Decimal("1.2")
    rows.append(
        '<li class="s-item"><div class="s-item__info"><div class="s-item__caption">'
        f'<span class="s-item__caption--signal POSITIVE"><span>Sold  {day:%b} {day.day}, '
        f'{day.year}</span></span></div><a class="s-item__link" href="/ebay/itm/'
        f'{_item_number(product.slug, "offer")}"><div class="s-item__title"><span>'
        f"{_e(product.display_title)} {_e(_GRADE_LABELS[condition])}</span></div></a>"
        '<span class="s-item__price"><span class="STRIKETHROUGH POSITIVE ITALIC">'
        f"${best_offer.quantize(_CENT):,.2f}</span></span>"
        '<span class="s-item__purchaseOptions">Best offer accepted</span></div></li>'
    )
    body = (
        f"<h1>{_e(product.display_title)}: sold listings</h1>\n"
        '<ul class="srp-results srp-list clearfix">\n' + "\n".join(rows) + "\n</ul>"
    )
    return _page(f"{product.display_title} for sale | eBay (demo)", body)


def _cm_row(
    number: int, seller: str, code: str, name: str, language: str, extra: str, price: Decimal
) -> str:
    icon = (
        f'<span class="icon me-1" aria-label="{extra}" data-bs-original-title="{extra}"></span>'
        if extra
        else ""
    )
    return f"""<div id="articleRow{number}" class="row g-0 article-row">
  <div class="col-sellerProductInfo col"><div class="col-seller"><span class="seller-info"><span class="seller-name d-flex"><span class="d-flex"><a href="/cardmarket/Magic/Users/{seller}">{seller}</a></span></span></span></div>
  <div class="col-product"><div class="product-attributes col"><a href="/cardmarket/Help/CardCondition" class="article-condition condition-{code.lower()}"><span class="badge" data-bs-original-title="{name}">{code}</span></a><span class="icon me-2" aria-label="{language}" data-bs-original-title="{language}"></span>{icon}</div></div></div>
  <div class="col-offer col-auto"><div class="price-container"><span class="color-primary small text-end text-nowrap fw-bold">{_euro(price)}</span></div><div class="mobile-offer-container d-md-none"><span class="color-primary">{_euro(price)}</span></div></div>
</div>"""


def _cardmarket(product: Product, day: date) -> str:
    rows: list[str] = []
    prices: list[Decimal] = []
    number = int(_item_number(product.slug, "cm")[:9])

    def offer(seller: str, code: str, name: str, language: str, extra: str, price: Decimal) -> None:
        price = price.quantize(_CENT)
        rows.append(_cm_row(number + len(rows), seller, code, name, language, extra, price))
        prices.append(price)

    for index, (code, name, condition, _) in enumerate(CARDMARKET_FACTORS):
        cheapest = _cardmarket_price(product.slug, day, condition)
        offer(_CM_SELLERS[index % 4], code, name, "English", "", cheapest * Decimal("1.06"))
        offer(_CM_SELLERS[(index + 1) % 4], code, name, "English", "", cheapest)
        # Offers an English non-foil card's tracker passes over: other goods, cheaper or not.
        offer("KartenKiste", code, name, "German", "", cheapest * Decimal("0.9"))
        offer("FoilFiend", code, name, "English", "Foil", cheapest * 3)
        offer("PlaysetPalace", code, name, "English", "Playset", cheapest * Decimal("3.4"))
    trend = _eur(price_for(product.slug, day))
    average = (trend * Decimal("1.02")).quantize(_CENT)
    expansion = (product.console or "").replace("-", " ").title()
    body = (
        f'<div class="page-title-container"><h1>{_e(product.name)}'
        f'<span class="h4 text-muted">{_e(expansion)}</span></h1></div>\n'
        '<div class="info-list-container"><dl class="labeled row g-0 mx-auto">'
        f"<dt>Available items</dt><dd>{len(rows)}</dd>"
        f"<dt>From</dt><dd>{_euro(min(prices))}</dd>"
        f"<dt>Price Trend</dt><dd><span>{_euro(trend)}</span></dd>"
        f"<dt>30-days average price</dt><dd><span>{_euro(average)}</span></dd>"
        "</dl></div>\n"
        '<div class="table article-table table-striped"><div class="table-body">\n'
        + "\n".join(rows)
        + "\n</div></div>"
    )
    return _page(f"{product.name} | Cardmarket (demo)", body)


def collector_page(path: str, day: date) -> str | None:
    """The page at ``path`` on ``day``, or ``None`` if it is not a collector page."""
    for prefix, source in (
        ("/ebay/itm/", "ebay"),
        ("/ebay/sch/", "ebay"),
        ("/cardmarket/Magic/Products/Singles/", "cardmarket"),
    ):
        if not path.startswith(prefix):
            continue
        slug = path[len(prefix) :]
        product = CATALOGUE.get(slug)
        condition = _tracked(slug, source)
        if product is None or condition is None:
            return None
        if source == "cardmarket":
            return _cardmarket(product, day)
        if prefix == "/ebay/itm/" and f"/ebay/itm/{slug}" in _paths(slug):
            return _ebay_item(product, day, condition)
        if prefix == "/ebay/sch/" and f"/ebay/sch/{slug}" in _paths(slug):
            return _ebay_sold(product, day, condition)
    return None


def _paths(slug: str) -> set[str]:
    return {path for _, path, _ in COLLECTOR_TRACKERS.get(slug, ())}
