"""List price beside sale price, and structured-markup shapes seen on real shops."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from scraper import Money, extract


def _microdata(offers: str, box: str = "", name: str = "Zelda") -> str:
    return (
        '<html lang="it"><body><div itemscope itemtype="http://schema.org/Product">'
        f'<h1 itemprop="name">{name}</h1>{offers}{box}</div></body></html>'
    )


def _offer(price: str, style: str = "") -> str:
    return (
        f'<div itemprop="offers" itemscope itemtype="http://schema.org/Offer" {style}>'
        f'<meta itemprop="price" content="{price}"><meta itemprop="priceCurrency" content="EUR">'
        "</div>"
    )


def test_of_two_structured_prices_the_struck_one_is_the_list_price() -> None:
    box = (
        '<div class="pricing"><strong>€ <span>17,10</span></strong>'
        '<div class="full-price"><span class="barred">€ 18,00</span> <span>-5%</span></div></div>'
    )
    html = _microdata(_offer("18.00", 'style="display: none"') + _offer("17.10"), box)
    [obs] = extract(html, "https://books.example/zelda")
    assert obs.price == Money(Decimal("17.10"), "EUR")


@pytest.mark.parametrize(
    "struck",
    [
        "<del>EUR219.99</del>",
        '<s class="x">219,99 €</s>',
        '<span style="text-decoration: line-through">219,99 €</span>',
        '<span class="price price--old">219,99 €</span>',
        '<span class="original-price">EUR219.99</span>',
    ],
)
def test_a_lone_structured_list_price_gives_way_to_the_badged_sale_price(struck: str) -> None:
    box = (
        f'<div class="price-block"><div>{struck} <span class="badge">-50%</span></div>'
        '<div class="product-price"><span class="current-price">EUR110.00</span></div></div>'
    )
    [obs] = extract(_microdata(_offer("219.99"), box), "https://shop.example/dress")
    assert obs.price == Money(Decimal("110.00"), "EUR")


def test_without_an_agreeing_badge_the_structured_price_stands() -> None:
    box = (
        '<div class="price-block"><del>EUR219.99</del> <span>-10%</span>'
        '<span class="current-price">EUR110.00</span></div>'
    )
    [obs] = extract(_microdata(_offer("219.99"), box), "https://shop.example/dress")
    assert obs.price.amount == Decimal("219.99")


def test_the_sale_pair_nearest_the_heading_decides() -> None:
    buy_box = (
        '<div class="price-block"><del>EUR219.99</del> <span>-50%</span>'
        '<span class="current-price">EUR110.00</span></div>'
    )
    carousel = (
        '<section class="related"><div><div><div><div class="tile">'
        "<del>EUR219.99</del> <span>-30%</span> <span>EUR153.99</span></div></div></div></div>"
        "</section>"
    )
    html = _microdata(_offer("219.99"), buy_box).replace("</body>", carousel + "</body>")
    [obs] = extract(html, "https://shop.example/dress")
    assert obs.price.amount == Decimal("110.00")


def test_an_unstruck_lower_price_elsewhere_changes_nothing() -> None:
    box = '<div class="price">EUR49.99</div><div class="shipping">EUR4.99</div>'
    [obs] = extract(_microdata(_offer("49.99"), box), "https://shop.example/x")
    assert obs.price.amount == Decimal("49.99")


def test_jsonld_inside_cdata_comments_is_read() -> None:
    html = (
        '<html><head><script type="application/ld+json">/*<![CDATA[*/ {"@type":"Product",'
        '"name":"Shelf","offers":[{"@type":"Offer","priceCurrency":"EUR","price":"99.95"}]} '
        "/*]]>*/</script></head><body></body></html>"
    )
    [obs] = extract(html, "https://shop.example/shelf")
    assert obs.price == Money(Decimal("99.95"), "EUR")


def test_microdata_property_names_in_other_letter_case() -> None:
    html = (
        '<div itemscope itemtype="http://schema.org/Product"><span itemprop="NAME">Puzzle</span>'
        '<div itemprop="offers" itemscope itemtype="http://schema.org/Offer">'
        '<meta itemprop="PRICE" content="16.90"><meta itemprop="pricecurrency" content="EUR">'
        "</div></div>"
    )
    [obs] = extract(html, "https://shop.example/puzzle")
    assert obs.price == Money(Decimal("16.90"), "EUR")


def test_a_legacy_iso_code_in_price_currency() -> None:
    html = (
        '<script type="application/ld+json">{"@type":"Product","name":"Samovar",'
        '"offers":{"@type":"Offer","price":"4990","priceCurrency":"RUR"}}</script>'
    )
    [obs] = extract(html, "https://shop.example/samovar")
    assert obs.price == Money(Decimal("4990.00"), "RUB")


def test_a_delivery_charge_specification_is_not_the_items_price() -> None:
    offer = {
        "@type": "Offer",
        "priceCurrency": "EUR",
        "priceSpecification": [
            {"@type": "UnitPriceSpecification", "price": "20.00", "priceCurrency": "EUR"},
            {"@type": "DeliveryChargeSpecification", "price": "4.99", "priceCurrency": "EUR"},
            {"@type": "PaymentChargeSpecification", "price": "1.50", "priceCurrency": "EUR"},
        ],
    }
    product = {"@context": "https://schema.org", "@type": "Product", "name": "LP", "offers": offer}
    html = f'<script type="application/ld+json">{json.dumps(product)}</script><h1>LP</h1>'
    [obs] = extract(html, "https://records.example/lp")
    assert obs.price == Money(Decimal("20.00"), "EUR")
