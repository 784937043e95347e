"""The page's main product among several Product nodes (carousels, "also bought")."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from scraper import FailureKind, ScrapeFailure, extract

URL = "https://shop.example/p/zelda-ocarina-n64-12345"


def _product(name: str, price: str, **extra: Any) -> dict[str, Any]:
    offer = {"@type": "Offer", "price": price, "priceCurrency": "EUR"}
    return {"@type": "Product", "name": name, "offers": offer, **extra}


def _jsonld(*blocks: Any, head: str = "", body: str = "") -> str:
    scripts = "".join(
        f'<script type="application/ld+json">{json.dumps(b)}</script>' for b in blocks
    )
    return f"<html><head><title>Shop</title>{head}{scripts}</head><body>{body}</body></html>"


def _amount(html: str, url: str = URL) -> Decimal:
    [obs] = extract(html, url)
    return obs.price.amount


def test_the_product_whose_url_is_the_page_wins() -> None:
    html = _jsonld(
        _product("Mario Kart 64", "39.00", url="https://shop.example/p/mario-kart-64-999"),
        _product("Zelda Ocarina of Time", "49.00", url=URL + "?ref=home"),
    )
    assert _amount(html) == Decimal("49.00")


def test_the_canonical_link_identifies_the_product() -> None:
    canonical = '<link rel="canonical" href="https://shop.example/zelda">'
    html = _jsonld(
        _product("Zelda", "49.00", **{"@id": "https://shop.example/zelda#product"}),
        _product("Mario", "39.00", **{"@id": "https://shop.example/mario#product"}),
        head=canonical,
    )
    assert _amount(html, "https://shop.example/zelda?utm_source=x") == Decimal("49.00")


def test_a_sku_in_the_address_identifies_the_product() -> None:
    html = _jsonld(_product("Zelda", "49.00", sku="12345"), _product("Mario", "39.00", sku="999"))
    assert _amount(html) == Decimal("49.00")


def test_the_main_entity_of_the_web_page_wins() -> None:
    page = {
        "@type": "ItemPage",
        "mainEntity": _product("Zelda", "49.00"),
        "relatedLink": [],
    }
    html = _jsonld(page, _product("Mario", "39.00"))
    assert _amount(html, "https://shop.example/x") == Decimal("49.00")


def test_the_product_named_like_the_heading_wins() -> None:
    html = _jsonld(
        _product("Zelda Ocarina of Time", "49.00"),
        _product("Mario Kart 64", "39.00"),
        body="<h1>Zelda  Ocarina of Time</h1>",
    )
    assert _amount(html, "https://shop.example/x") == Decimal("49.00")


def test_products_inside_lists_lose_to_the_top_level_one() -> None:
    related = {
        "@type": "ItemList",
        "itemListElement": [_product("Mario", "39.00"), _product("Kirby", "29.00")],
    }
    main = _product("Zelda", "49.00", isRelatedTo=[_product("Star Fox", "19.00")])
    html = _jsonld(main, related)
    assert _amount(html, "https://shop.example/x") == Decimal("49.00")


def test_variants_of_one_product_stay_ambiguous() -> None:
    group = {
        "@type": "ProductGroup",
        "name": "Vinyl",
        "hasVariant": [_product("Black", "39.99"), _product("Gold", "59.99")],
    }
    with pytest.raises(ScrapeFailure) as info:
        extract(_jsonld(group), "https://records.example/vinyl")
    assert info.value.kind == FailureKind.AMBIGUOUS_PRICES


def test_two_unrelated_top_level_products_stay_ambiguous() -> None:
    html = _jsonld(_product("Zelda", "49.00"), _product("Mario", "39.00"))
    with pytest.raises(ScrapeFailure) as info:
        extract(html, "https://shop.example/x")
    assert info.value.kind == FailureKind.AMBIGUOUS_PRICES


def test_an_identified_main_product_without_a_price_gives_no_carousel_price() -> None:
    main = {"@type": "Product", "name": "Zelda", "url": URL, "offers": {"@type": "Offer"}}
    html = _jsonld(main, _product("Mario", "39.00"))
    with pytest.raises(ScrapeFailure) as info:
        extract(html, URL)
    assert info.value.kind == FailureKind.NO_PRICE_FOUND


def _microdata_product(name: str, price: str, heading: bool = False) -> str:
    title = (
        f'<h1 itemprop="name">{name}</h1>' if heading else f'<span itemprop="name">{name}</span>'
    )
    return (
        f'<div itemscope itemtype="https://schema.org/Product">{title}'
        '<div itemprop="offers" itemscope itemtype="https://schema.org/Offer">'
        f'<meta itemprop="price" content="{price}"><meta itemprop="priceCurrency" content="EUR">'
        "</div></div>"
    )


def test_the_microdata_scope_holding_the_heading_wins_over_a_carousel() -> None:
    carousel = (
        '<div class="slick-track"><div class="slick-slide">'
        + _microdata_product("Mario", "44.99")
        + '</div><div class="slick-slide">'
        + _microdata_product("Kirby", "49.99")
        + "</div></div>"
    )
    html = (
        f"<html><body>{_microdata_product('Zelda', '259.00', heading=True)}{carousel}</body></html>"
    )
    assert _amount(html, "https://shop.example/x") == Decimal("259.00")


def test_microdata_outside_lists_wins_when_nothing_else_tells() -> None:
    listed = "<ul><li>" + _microdata_product("Mario", "44.99") + "</li></ul>"
    html = f"<html><body>{_microdata_product('Zelda', '259.00')}{listed}</body></html>"
    assert _amount(html, "https://shop.example/x") == Decimal("259.00")


def test_a_web_page_scope_around_everything_does_not_hide_the_top_level_product() -> None:
    listed = "<ul><li>" + _microdata_product("Mario", "44.99") + "</li></ul>"
    html = (
        '<html><body itemscope itemtype="https://schema.org/WebPage">'
        f"{_microdata_product('Zelda', '259.00')}{listed}</body></html>"
    )
    assert _amount(html, "https://shop.example/x") == Decimal("259.00")
