"""Sellers and marketplace listings pages: who offers the item, for what shipping, and one
observation per seller where a page lists several sellers' offers for one product."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from scraper import FailureKind, Money, ScrapeFailure, Seller, extract
from scraper.sources.listings import MAX_LISTING_OFFERS

FIXTURES = Path(__file__).parent / "fixtures" / "structured"


def _fixture(case: str) -> list:
    spec = json.loads((FIXTURES / f"{case}.json").read_text(encoding="utf-8"))
    html = (FIXTURES / f"{case}.html").read_text(encoding="utf-8")
    return extract(html, spec["url"])


def _page(product: dict, extra: str = "") -> str:
    script = json.dumps(product)
    return (
        "<html><head><title>Page</title>"
        f'<script type="application/ld+json">{script}</script>{extra}</head>'
        "<body><h1>Page</h1></body></html>"
    )


def _offer(price: str, seller: object = None, **extra: object) -> dict:
    offer: dict = {"@type": "Offer", "price": price, "priceCurrency": "USD", **extra}
    if seller is not None:
        offer["seller"] = seller
    return offer


def _product(*offers: dict, name: str = "Chrono Trigger") -> dict:
    return {"@context": "https://schema.org", "@type": "Product", "name": name, "offers": offers}


def test_a_listings_page_gives_each_sellers_best_offer_with_its_shipping() -> None:
    observations = _fixture("listings_jsonld_sellers")

    got = [(o.seller, o.price.amount, o.condition, o.shipping) for o in observations]
    palace = Seller("Pixel Palace", "https://market.example/sellers/pixel-palace")
    assert got == [
        # Two shipping rates (two destinations): unknown, not a guess.
        (Seller("retro_ann", "https://market.example/u/4711"), Decimal("39.99"), None, None),
        # The in-stock offer beats the same seller's cheaper sold-out one.
        (palace, Decimal("42.50"), None, Money(Decimal("4.90"), "EUR")),
        # A seller named only by a string: its cheaper offer of the two.
        (Seller("Game Vault Berlin"), Decimal("44.00"), None, None),
        # The same seller in another condition is another offer; shipping zero is free.
        (palace, Decimal("95.00"), "new", Money(Decimal("0.00"), "EUR")),
    ]


def test_a_microdata_listings_page_reads_the_seller_scope_and_the_shipping_rate() -> None:
    observations = _fixture("listings_microdata_sellers")

    assert [(o.seller, o.shipping) for o in observations] == [
        (Seller("Dusty Grooves"), None),
        (
            Seller("Vinyl Corner", "https://records.example/shop/vinyl-corner"),
            Money(Decimal("3.95"), "GBP"),
        ),
    ]


def test_a_shop_page_naming_itself_as_seller_keeps_its_one_price_and_says_who() -> None:
    seller = {"@type": "Organization", "name": "Toy Attic", "identifier": "toy-attic-ltd"}
    observations = extract(_page(_product(_offer("79.00", seller))), "https://shop.example/p/1")

    assert [(o.price.amount, o.seller) for o in observations] == [
        (Decimal("79.00"), Seller("Toy Attic", "toy-attic-ltd"))
    ]


def test_one_seller_with_two_prices_is_still_ambiguous() -> None:
    page = _page(_product(_offer("79.00", "Toy Attic"), _offer("99.00", "Toy Attic")))

    with pytest.raises(ScrapeFailure) as info:
        extract(page, "https://shop.example/p/1")

    assert info.value.kind == FailureKind.AMBIGUOUS_PRICES


def test_offers_of_different_products_are_not_one_listing() -> None:
    # Two products (say a carousel of related items), each from its own seller: the page
    # is not a listing of one product, so the ordinary rules apply and refuse to guess.
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            _product(_offer("79.00", "Seller A"), name="Chrono Trigger"),
            _product(_offer("24.00", "Seller B"), name="Secret of Mana"),
        ],
    }
    with pytest.raises(ScrapeFailure) as info:
        extract(_page(graph), "https://market.example/listing")

    assert info.value.kind == FailureKind.AMBIGUOUS_PRICES


def test_offers_without_a_seller_on_a_listings_page_are_left_out() -> None:
    page = _page(
        _product(_offer("60.00", "Seller A"), _offer("55.00", "Seller B"), _offer("10.00"))
    )

    observations = extract(page, "https://market.example/listing")

    assert [(o.seller.name if o.seller else None, o.price.amount) for o in observations] == [
        ("Seller B", Decimal("55.00")),
        ("Seller A", Decimal("60.00")),
    ]


@pytest.mark.parametrize(
    ("seller", "expected"),
    [
        (
            {"name": "A", "url": "../sellers/a?ref=1"},
            Seller("A", "https://m.example/p/sellers/a?ref=1"),
        ),
        ({"name": "A", "@id": "_:b0"}, Seller("A")),
        ({"name": "A", "@id": "#seller"}, Seller("A")),
        ({"name": "A", "url": "javascript:alert(1)"}, Seller("A")),
        ({"name": "A", "identifier": "urn:seller:77"}, Seller("A", "urn:seller:77")),
        ({"name": "A", "identifier": "shop-77"}, Seller("A", "shop-77")),
        (
            {"url": "https://m.example/s/9"},
            Seller("https://m.example/s/9", "https://m.example/s/9"),
        ),
        ({"legalName": "  A   GmbH "}, Seller("A GmbH")),
        ({"identifier": {"@type": "PropertyValue", "value": 42}, "name": "A"}, Seller("A", "42")),
        ([{"name": "First"}, {"name": "Second"}], Seller("First")),
        ("  Spaced   Name ", Seller("Spaced Name")),
        ({"@type": "Organization"}, None),
        (17, None),
    ],
)
def test_seller_ids_are_stable_handles(seller: object, expected: Seller | None) -> None:
    observations = extract(_page(_product(_offer("5.00", seller))), "https://m.example/p/x/1")

    assert observations[0].seller == expected


def test_seller_keys_fold_names_but_prefer_ids() -> None:
    assert Seller("Game  Vault", None).key == Seller("game vault").key == "game vault"
    assert Seller("Game Vault", "https://m.example/s/1").key == "https://m.example/s/1"


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ({"shippingRate": {"value": "2.5"}}, Money(Decimal("2.50"), "USD")),
        ({"shippingRate": {"value": 0, "currency": "USD"}}, Money(Decimal("0.00"), "USD")),
        ({"shippingRate": {"value": "4", "currency": "EUR"}}, Money(Decimal("4.00"), "EUR")),
        ({"shippingRate": {"value": "£3.10"}}, Money(Decimal("3.10"), "GBP")),
        ({"shippingRate": {"value": "-1"}}, None),
        ({"shippingRate": {"value": "free"}}, None),
        ({"shippingRate": [{"value": "1"}, {"value": "1.00"}]}, Money(Decimal("1.00"), "USD")),
        ({"shippingRate": [{"value": "1"}, {"value": "2"}]}, None),
        ({"shippingRate": "nonsense"}, None),
    ],
)
def test_shipping_is_the_one_rate_the_offer_states(details: dict, expected: Money | None) -> None:
    offer = _offer("5.00", "A", shippingDetails=details)

    observations = extract(_page(_product(offer)), "https://m.example/p/1")

    assert observations[0].shipping == expected


def test_a_listings_page_yields_a_bounded_number_of_offers_cheapest_first() -> None:
    offers = [_offer(f"{100 + n}.00", f"Seller {n}") for n in range(MAX_LISTING_OFFERS + 20)]

    observations = extract(_page(_product(*offers)), "https://market.example/listing")

    assert len(observations) == MAX_LISTING_OFFERS
    assert observations[0].price.amount == Decimal("100.00")
    assert observations[-1].price.amount == Decimal(f"{100 + MAX_LISTING_OFFERS - 1}.00")


def test_the_cli_form_of_an_observation_carries_seller_and_shipping() -> None:
    (first, *_) = _fixture("listings_microdata_sellers")

    assert first.to_dict()["seller"] == {"name": "Dusty Grooves", "id": None}
    assert (first.to_dict()["shipping"], first.to_dict()["shipping_currency"]) == (None, None)
    second = _fixture("listings_microdata_sellers")[1].to_dict()
    assert (second["shipping"], second["shipping_currency"]) == ("3.95", "GBP")
