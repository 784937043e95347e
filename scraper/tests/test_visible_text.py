"""The visible-text fallback and the marketplace buy boxes (pages with no structured price)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from scraper import FailureKind, Money, ScrapeFailure, extract
from scraper.sources.trace import tracing


def _page(body: str, lang: str = "en") -> str:
    return f'<html lang="{lang}"><head><title>Shop</title></head><body>{body}</body></html>'


def _one(html: str, url: str = "https://shop.example/item") -> Money:
    [obs] = extract(html, url)
    return obs.price


def _refusal(html: str, url: str = "https://shop.example/item") -> FailureKind:
    with pytest.raises(ScrapeFailure) as info:
        extract(html, url)
    return info.value.kind


NAV = (
    '<nav><a href="/deals">Deals from £5</a></nav><header><span class="price">£0.00 basket</span>'
    '<a class="minicart" onclick="openCart()">Cart (0)</a></header>'
)


def test_the_price_between_the_title_and_the_add_to_cart_button() -> None:
    html = _page(
        NAV + '<main><div class="product"><h1>Game Boy Advance SP</h1>'
        '<p class="rating">4.5 of 5 (120 reviews)</p>'
        '<div class="price-box"><span class="price">£89.99</span></div>'
        '<p class="promo"><span class="price">£5</span> off your first order</p>'
        '<button class="btn">Add to basket</button></div>'
        '<section class="related"><h2>Customers also bought</h2>'
        '<div class="price">£12.99</div><div class="price">£24.99</div></section></main>'
    )
    with tracing() as notes:
        assert _one(html) == Money(Decimal("89.99"), "GBP")
    assert any("confidence" in n for n in notes)


def test_a_classified_ad_without_cart_uses_the_price_next_to_its_heading() -> None:
    html = _page(
        '<div class="box"><div class="cnt"><div class="headline"><h1>Fernbedienung TV</h1></div>'
        '<div class="price has-type"><strong>€ <span>20,-</span></strong>'
        '<div class="type">Verhandlungsbasis</div></div><div>Anzeige: 278526196</div></div></div>',
        lang="de-AT",
    )
    assert _one(html, "https://kleinanzeigen.example.at/x") == Money(Decimal("20.00"), "EUR")


def test_struck_prices_and_instalments_are_not_the_price() -> None:
    html = _page(
        "<table><tr><td><h1>不鏽鋼碗籃組</h1>"
        "<table><tr><td><strong>建議售價</strong> <del>$3200</del>元</td></tr>"
        '<tr><td><strong>特價</strong> <span style="font:bold 27px Verdana">2320</span> 元</td></tr>'
        "<tr><td>3期 每期<span>$<span>806</span></span></td></tr>"
        "<tr><td>6期 每期<span>$<span>405</span></span></td></tr></table>"
        '<a href="javascript:buy_process(\'x\')"><img alt=""></a></td></tr></table>'
    )
    assert _one(html, "https://www.shop.example.com.tw/p/1") == Money(Decimal("2320"), "TWD")


def test_two_equally_likely_prices_are_refused() -> None:
    html = _page(
        '<div><h1>Boots</h1><span class="price">$3.499</span> - <span class="price">$4.059</span>'
        "<button>Add to cart</button></div>"
    )
    assert _refusal(html, "https://shop.example.com.ar/boots") == FailureKind.AMBIGUOUS_PRICES


def test_an_article_quoting_a_price_is_not_a_product_page() -> None:
    html = _page(
        "<article><h1>My top 10 NES games</h1><p>I paid $20 for Contra in 1995.</p></article>"
    )
    assert _refusal(html, "https://blog.example/nes") == FailureKind.NO_PRICE_FOUND


def test_no_heading_no_guess() -> None:
    html = _page('<div><span class="price">$20.00</span><button>Add to cart</button></div>')
    assert _refusal(html) == FailureKind.NO_PRICE_FOUND


def test_a_heading_far_from_the_cart_is_not_a_buy_box() -> None:
    filler = "<p>" + "Lorem ipsum dolor sit amet. " * 300 + "</p>"
    html = _page(f'<h1>Item</h1>{filler}<span class="price">$5</span><button>Add to cart</button>')
    assert _refusal(html) == FailureKind.NO_PRICE_FOUND


def test_shipping_and_savings_lines_are_ignored() -> None:
    html = _page(
        '<div class="pdp"><h1>N64 controller</h1><div class="price">29,90 €</div>'
        '<div class="price">Versand: 4,95 €</div><div class="price">Sie sparen 5,00 €</div>'
        "<button>In den Warenkorb</button></div>",
        lang="de-DE",
    )
    assert _one(html, "https://shop.example.de/n64") == Money(Decimal("29.90"), "EUR")


AMAZON_BOX = (
    '<div id="centerCol"><h1 id="title"><span id="productTitle">Zelda</span></h1>'
    '<div id="price"><table><tr><td>Statt:</td><td><span class="a-text-strike">12,99 €</span></td></tr>'
    '<tr><td>Jetzt:</td><td><span id="priceblock_ourprice">8,71 €</span>'
    '<span class="a-size-small">(4,36 € / 100 ml)</span></td></tr></table></div></div>'
    '<div id="buybox"><span id="newBuyBoxPrice">8,71 €</span>'
    '<input id="add-to-cart-button" type="submit" value="In den Einkaufswagen"></div>'
)


def test_amazon_buy_box() -> None:
    [obs] = extract(_page(AMAZON_BOX, lang="de-de"), "https://www.amazon.de/dp/B000000000")
    assert obs.price == Money(Decimal("8.71"), "EUR")
    assert obs.availability == "in_stock"


def test_amazon_deal_price_comes_first() -> None:
    html = _page(
        AMAZON_BOX.replace(
            '<div id="buybox">', '<span id="priceblock_dealprice">7,99 €</span><div id="buybox">'
        )
    )
    assert _one(html, "https://www.amazon.fr/dp/B000000000").amount == Decimal("7.99")


def test_amazon_unavailable_without_price_is_out_of_stock() -> None:
    html = _page(
        '<h1 id="title">Zelda</h1><div id="outOfStock"><span class="a-color-price">'
        "Derzeit nicht verfügbar.</span></div>"
    )
    assert _refusal(html, "https://www.amazon.de/dp/B000000000") == FailureKind.OUT_OF_STOCK


def test_amazon_dollar_on_a_country_domain() -> None:
    html = _page('<h1>x</h1><span id="priceblock_ourprice">$ 24.99</span>')
    assert _one(html, "https://www.amazon.ca/dp/B000000000") == Money(Decimal("24.99"), "CAD")


def test_marketplace_selectors_stay_on_their_hosts() -> None:
    html = _page('<div><span id="priceblock_ourprice">8,71 €</span></div>')  # no heading
    assert _one(html, "https://www.amazon.it/dp/1").amount == Decimal("8.71")
    assert _refusal(html, "https://www.notamazon.example/dp/1") == FailureKind.NO_PRICE_FOUND
