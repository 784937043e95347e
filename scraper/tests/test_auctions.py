"""Auction pages: the current bid with its bid count and end time, or a refusal."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from scraper import FailureKind, Money, ScrapeFailure, extract

STARTING_PRICE_JSONLD = (
    '<script type="application/ld+json">{"@type":"Product","name":"Pokémon Base Set booster",'
    '"offers":{"@type":"Offer","price":"1.00","priceCurrency":"GBP"}}</script>'
)


def _auction(box: str) -> str:
    return (
        f"<html><head>{STARTING_PRICE_JSONLD}</head><body><div class='item'>"
        f"<h1>Pokémon Base Set booster</h1>{box}</div></body></html>"
    )


def test_the_current_bid_replaces_the_starting_price() -> None:
    html = _auction(
        '<div class="bid-info"><span class="label">Current bid:</span> <span>£41.00</span></div>'
        '<div><a href="#bids">17 bids</a></div>'
        '<div>Time left: <time datetime="2026-03-01T20:15:00Z">2d 4h</time></div>'
        "<div><span>Starting bid:</span> <span>£1.00</span></div>"
        '<button id="bidBtn_btn">Place bid</button>'
    )
    [obs] = extract(html, "https://auctions.example/item/1")
    assert obs.price == Money(Decimal("41.00"), "GBP")
    assert obs.auction is not None
    assert obs.auction.bids == 17
    assert obs.auction.ends_at == datetime(2026, 3, 1, 20, 15, tzinfo=UTC)
    assert obs.to_dict()["auction"] == {"bids": 17, "ends_at": "2026-03-01T20:15:00+00:00"}


def test_a_bid_price_element_and_an_epoch_end_time() -> None:
    html = _auction(
        '<span id="prcIsum_bidPrice">EUR 12,50</span><span data-end-time="1772395200000">x</span>'
        '<input type="submit" value="Gebot abgeben">'
    )
    [obs] = extract(html, "https://auktion.example.de/item/1")
    assert obs.price == Money(Decimal("12.50"), "EUR")
    assert obs.auction is not None
    assert obs.auction.ends_at is not None
    assert obs.auction.bids is None


def test_an_auction_without_a_readable_bid_is_refused_never_its_starting_price() -> None:
    html = _auction("<div>Starting bid: £1.00</div><button>Place bid</button>")
    with pytest.raises(ScrapeFailure) as info:
        extract(html, "https://auctions.example/item/2")
    assert info.value.kind == FailureKind.NO_PRICE_FOUND
    assert "auction" in info.value.message


def test_a_fixed_price_page_is_not_an_auction() -> None:
    html = _auction("<p>We bid farewell to summer with a sale.</p><button>Add to cart</button>")
    [obs] = extract(html, "https://shop.example/booster")
    assert obs.price.amount == Decimal("1.00")
    assert obs.auction is None


def test_an_auction_with_no_bid_yet_is_refused() -> None:
    html = _auction(
        "<div>Current bid: <span>£1.00</span></div><div>0 bids</div><button>Place bid</button>"
    )
    with pytest.raises(ScrapeFailure) as info:
        extract(html, "https://auctions.example/item/3")
    assert info.value.kind == FailureKind.NO_PRICE_FOUND
    assert "no bid yet" in info.value.message
