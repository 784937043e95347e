"""``extract`` raises nothing but ScrapeFailure, whatever the page contains."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scraper import SOURCES, ScrapeFailure, extract

URLS = ["https://shop.example/item", "https://www.pricecharting.com/game/nes/x", "not a url"]

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["Product", "Offer", "AggregateOffer", "InStock", "OutOfStock", "USD"]),
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(
            st.sampled_from(
                [
                    "@type",
                    "@id",
                    "@graph",
                    "name",
                    "offers",
                    "price",
                    "priceCurrency",
                    "lowPrice",
                    "highPrice",
                    "offerCount",
                    "availability",
                    "priceSpecification",
                    "itemCondition",
                    "priceType",
                ]
            )
            | st.text(max_size=8),
            children,
            max_size=6,
        )
    ),
    max_leaves=30,
)

html_fragments = st.lists(
    st.sampled_from(
        [
            "<div>",
            "</div>",
            "<span itemprop='price' content='12'>",
            "<div itemscope itemtype='https://schema.org/Offer'>",
            "<meta itemprop='priceCurrency' content='EUR'>",
            "<meta property='product:price:amount' content='x'>",
            "<table id='price_data'><td id='used_price'><span class='price js-price'>",
            "<span class='change'>",
            "$12.00",
            "-",
            "<script type='application/ld+json'>",
            "</script>",
            "<h1 id='product_name'>",
            "<!--",
            "&amp;",
        ]
    )
    | st.text(max_size=30),
    max_size=30,
).map("".join)


def _run(html: str, url: str, source: str | None, **options: object) -> None:
    try:
        observations = extract(html, url, source, **options)
    except ScrapeFailure as failure:
        message = failure.message
        observations = []
    else:
        message = "ok"
    assert message
    for obs in observations:
        assert obs.price.amount > 0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000), st.sampled_from(URLS), st.sampled_from([None, *SOURCES]))
def test_extract_on_arbitrary_text(html: str, url: str, source: str | None) -> None:
    _run(html, url, source, selector=".price")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_fragments, st.sampled_from([None, *SOURCES]), st.sampled_from([".p", "td", "[["]))
def test_extract_on_html_soup(html: str, source: str | None, selector: str) -> None:
    _run(html, URLS[0], source, selector=selector)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=500))
def test_extract_on_arbitrary_text_in_jsonld(text: str) -> None:
    html = f'<script type="application/ld+json">{text}</script>'
    _run(html, URLS[0], "structured")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_values)
def test_extract_on_arbitrary_jsonld_documents(value: object) -> None:
    html = f'<script type="application/ld+json">{json.dumps(value)}</script>'
    _run(html, URLS[0], "structured")


@pytest.mark.parametrize(
    "html",
    [
        "",
        "\x00\x00",
        "\ud800 lone surrogate",
        "<" * 5000,
        "<div>" * 3000,
        '<script type="application/ld+json">' + "[" * 5000 + "</script>",
        '<script type="application/ld+json">{"offers": ' * 200 + "</script>",
        '<script type="application/ld+json">{"offers": {"price": 1e999}}</script>',
        '<script type="application/ld+json">{"offers": {"price": NaN}}</script>',
        '<script type="application/ld+json">{"offers": {"price": "' + "9" * 5000 + '"}}</script>',
    ],
)
def test_extract_on_pathological_pages(html: str) -> None:
    for source in SOURCES:
        _run(html, URLS[0], source, selector="div")


def test_unknown_source_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="Unknown scraper source"):
        extract("<html></html>", URLS[0], "nope")


def test_source_is_chosen_by_host_and_selector() -> None:
    from scraper import source_for_url

    assert source_for_url("https://www.pricecharting.com/game/nes/x") == "pricecharting"
    assert source_for_url("https://pricecharting.com/game/nes/x") == "pricecharting"
    assert source_for_url("https://notpricecharting.com/x") == "structured"
    assert source_for_url("https://shop.example/x") == "structured"
    obs = extract("<p class=p>$3</p>", "https://shop.example/x", selector=".p")
    assert obs[0].source == "css"
