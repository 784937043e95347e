"""The collector marketplaces' rules one by one: grades, card condition scales, eBay's
dates, shipping and conditions, which source a URL gets, and that no page content makes
the eBay or Cardmarket source raise anything but a ScrapeFailure. (Whole saved pages are
the fixture pairs under ``fixtures/ebay`` and ``fixtures/cardmarket``.)"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scraper import ScrapeFailure, extract, source_for_url
from scraper.sources import source_options
from scraper.sources.card_grades import (
    CARDMARKET_SCALE,
    US_CARD_SCALE,
    find_grades,
    grade_condition,
    raw_condition,
)
from scraper.sources.ebay_text import (
    ebay_condition,
    item_id,
    parse_sold_date,
    seller_name,
    shipping_cost,
    site_currency,
)

NOW = datetime(2025, 3, 10, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("grader", "grade", "condition"),
    [
        ("psa", "10", "psa_10"),
        ("bgs", "10", "bgs_10"),
        ("cgc", "10", "cgc_10"),
        ("sgc", "10", "sgc_10"),
        ("bgs", "9.5", "grade_9_5"),
        ("cgc", "9.8", "grade_9_5"),
        ("psa", "9", "grade_9"),
        ("sgc", "8.5", "grade_8"),
        ("psa", "7", "grade_7"),
        ("psa", "6", None),  # no column below 7
        ("tag", "10", None),  # another company's 10
    ],
)
def test_every_grading_companys_grades_map(grader: str, grade: str, condition: str | None) -> None:
    assert grade_condition(grader, Decimal(grade)) == condition


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Graded - PSA 10", [("psa", "10", "psa_10")]),
        ("PSA GEM MT 10", [("psa", "10", "psa_10")]),
        ("Beckett 9.5", [("bgs", "9.5", "grade_9_5")]),
        ("BGS Pristine 10", [("bgs", "10", "bgs_10")]),  # Beckett's gold label is a BGS 10
        ("BGS 10 Black Label", [("bgs", "10", None)]),  # the black label trades apart
        ("BGS 10 Black", [("bgs", "10", None)]),
        ("CGC Pristine 10", [("cgc", "10", None)]),
        ("SGC 9", [("sgc", "9", "grade_9")]),
        ("PSA cert 81234567", []),  # a certification number is no grade
        ("PSA graded lot of 3", []),
        ("Charizard PSA 10 and BGS 9.5", [("psa", "10", "psa_10"), ("bgs", "9.5", "grade_9_5")]),
    ],
)
def test_grades_are_found_in_labels_and_titles(text: str, found: list[tuple]) -> None:  # type: ignore[type-arg]
    assert [(g.grader, str(g.value), g.condition) for g in find_grades(text)] == found


def test_lp_means_different_wear_on_each_scale() -> None:
    assert raw_condition("LP", CARDMARKET_SCALE) == "played"  # below Cardmarket's GD
    assert raw_condition("LP", US_CARD_SCALE) == "excellent"  # TCGplayer's / eBay's
    assert raw_condition("Lightly played (Excellent)", US_CARD_SCALE) == "excellent"
    assert raw_condition("DMG", US_CARD_SCALE) == "poor"
    assert raw_condition("MT", CARDMARKET_SCALE) == "mint"
    assert raw_condition("Very shiny", US_CARD_SCALE) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sold  Mar 3, 2025", "2025-03-03T12:00:00+00:00"),
        ("Sold 3 Mar 2025", "2025-03-03T12:00:00+00:00"),
        ("Verkauft 3. Mär 2025", "2025-03-03T12:00:00+00:00"),
        ("Vendu le 3 mars 2025", "2025-03-03T12:00:00+00:00"),
        ("Mar-03 14:22", "2025-03-03T12:00:00+00:00"),  # no year: the latest such day
        ("Dec-30 10:00", "2024-12-30T12:00:00+00:00"),
        ("This listing sold on Sat, Mar 2 at 7:08 PM.", "2025-03-02T12:00:00+00:00"),
        ("Sold  Mar 10, 2025", "2025-03-10T08:00:00+00:00"),  # today: never after now
        ("Sold  Feb 20, 2026", None),  # next year is no sale date
        ("Sold", None),
    ],
)
def test_sold_dates_in_ebays_formats(text: str, expected: str | None) -> None:
    found = parse_sold_date(text, NOW)
    assert (found.isoformat() if found else None) == expected


@pytest.mark.parametrize(
    ("text", "currency", "expected"),
    [
        ("+$4.99 shipping", "USD", ("4.99", "USD")),
        ("Free delivery", "USD", ("0.00", "USD")),
        ("+£3.20 postage", "GBP", ("3.20", "GBP")),
        ("+EUR 4,90 Versand", "EUR", ("4.90", "EUR")),
        ("Shipping not specified", "USD", None),
        ("Located in United Kingdom", "GBP", None),
    ],
)
def test_shipping_is_read_or_left_unknown(text: str, currency: str, expected: tuple | None) -> None:  # type: ignore[type-arg]
    cost = shipping_cost(text, currency)
    assert (None if cost is None else (str(cost.amount), cost.currency)) == expected


@pytest.mark.parametrize(
    ("condition", "title", "expected"),
    [
        ("Graded - PSA 10", "", "psa_10"),
        ("Graded - BGS 10", "", "bgs_10"),
        ("Graded", "Charizard PSA 9 Base Set", "grade_9"),  # the title names one grade
        ("Graded", "PSA 9 or BGS 10 - your pick", "graded"),  # two: no guess
        ("Graded - BGS 10 Black Label", "", "graded"),
        ("Ungraded - Near mint or better", "", "near_mint"),
        ("Ungraded", "", "ungraded"),
        ("Brand New", "", "new"),
        ("Pre-Owned", "", None),
        ("Very Good", "", None),  # a media condition, not a card's
        ("For parts or not working", "", "poor"),
    ],
)
def test_ebay_conditions_map_to_the_price_vocabulary(
    condition: str, title: str, expected: str | None
) -> None:
    assert ebay_condition(condition, title) == expected


def test_ebay_words() -> None:
    assert seller_name("cardking (1,234) 99.8%") == "cardking"
    assert seller_name("cardking 99.8% positive (1.2K)") == "cardking"
    assert item_id("https://www.ebay.com/itm/charizard-psa-9/123456789012?hash=x") == "123456789012"
    assert item_id("https://www.ebay.com/sch/i.html") is None
    assert site_currency("https://www.ebay.co.uk/itm/1") == "GBP"
    assert site_currency("https://www.ebay.com.au/itm/1") == "AUD"
    assert site_currency("http://127.0.0.1:8765/ebay/itm/1") is None


@pytest.mark.parametrize(
    ("url", "source"),
    [
        ("https://www.ebay.com/itm/1", "ebay"),
        ("https://ebay.de/sch/i.html?_nkw=x", "ebay"),
        ("https://m.ebay.co.uk/itm/1", "ebay"),
        ("https://www.cardmarket.com/en/Magic/Products/Singles/x/y", "cardmarket"),
        ("https://notebay.com/itm/1", "structured"),
        ("http://127.0.0.1:8765/ebay/itm/1", "structured"),  # a demo host is not eBay
    ],
)
def test_the_source_is_chosen_by_host(url: str, source: str) -> None:
    assert source_for_url(url) == source


def test_card_options_reach_only_the_card_market() -> None:
    card = {"language": "en", "finish": "foil"}
    assert source_options("https://www.cardmarket.com/x", None, None, card) == card
    assert source_options("http://127.0.0.1/x", "cardmarket", None, card) == card
    assert source_options("https://www.ebay.com/itm/1", None, None, card) == {}
    assert source_options("https://shop.example/x", None, ".price", card) == {}


_FRAGMENTS = st.lists(
    st.sampled_from(
        [
            "<ul class='srp-results'>",
            "<li class='s-item'>",
            "<li class='s-card' data-listingid='12'>",
            "<li class='srp-river-answer srp-river-answer--REWRITE_START'>",
            "</li>",
            "<span class='s-item__price'>",
            "<span class='s-card__price'>",
            "<span class='s-item__caption--signal POSITIVE'>Sold ",
            "<div class='s-card__caption'>Sold ",
            "<span class='STRIKETHROUGH'>",
            "Mar 3, 2025",
            "Feb-30 10:00",
            "$1,234.00",
            " to ",
            "<a class='s-item__link' href='/itm/123456789'>",
            "<div class='x-price-primary'>US $9</div>",
            "<div class='x-bid-price'>",
            "<div class='d-statusmessage'>This listing sold on",
            "<div class='info-list-container'><dl><dt>Price Trend</dt><dd>",
            "<div class='article-row'>",
            "<a class='article-condition'><span class='badge'>NM",
            "<span aria-label='Foil'></span>",
            "<div class='col-offer'><span class='color-primary'>",
            "12,50 €",
            "N/A",
            "</span>",
            "</div>",
        ]
    )
    | st.text(max_size=20),
    max_size=40,
).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    _FRAGMENTS,
    st.sampled_from(["ebay", "cardmarket"]),
    st.sampled_from([{}, {"language": "ja", "finish": "foil"}, {"finish": "non_foil"}]),
)
def test_any_page_gives_prices_or_a_typed_failure(html: str, source: str, options: dict) -> None:  # type: ignore[type-arg]
    message = "ok"
    try:
        observations = extract(html, "https://www.ebay.com/sch/i.html", source, **options)
    except ScrapeFailure as failure:
        message, observations = failure.message, []
    assert message
    assert all(o.price.amount > 0 for o in observations)


def test_the_cli_reads_a_named_source_on_any_host_and_the_cards_details(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from pathlib import Path

    from scraper.__main__ import main

    fixtures = Path(__file__).parent / "fixtures"
    sold = str(fixtures / "ebay" / "sold_results_cards.html")
    goyf = str(fixtures / "cardmarket" / "tarmogoyf_offers.html")

    assert (
        main(
            [
                "http://127.0.0.1:8765/ebay/sch/x",
                "--source",
                "ebay",
                "--file",
                sold,
                "--condition",
                "bgs_10",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.startswith("24500.00 USD  bgs_10  out_of_stock")
    url = "https://www.cardmarket.com/en/Magic/Products/Singles/Future-Sight/Tarmogoyf"
    assert main([url, "--file", goyf, "--language", "en", "--finish", "foil"]) == 0
    assert capsys.readouterr().out.startswith("64.99 EUR  near_mint  in_stock")
