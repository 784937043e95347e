"""Trackers on eBay and Cardmarket: the source chosen from the URL's host, sold listings
recorded once each at their sale date, and the card market read in the item's language
and finish. Pages are the scraper's saved real-shaped fixtures, served locally."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from inventory.factories import CardDetailsFactory
from price_history import gateway
from price_history.factories import TrackerFactory
from price_history.models import PriceCondition, PriceHistory, RunStatus
from price_history.tests.conftest import SCRAPER_FIXTURES, Reply, page
from price_history.tests.test_services_runs import run_once
from price_history.tests.test_trackers_api import trackers_url
from scraper.sources.card_grades import CARDMARKET_SCALE, GRADER_TENS, US_CARD_SCALE

pytestmark = pytest.mark.django_db

MARKET_HOSTS = ["www.ebay.com", "www.ebay.co.uk", "www.cardmarket.com", "www.pricecharting.com"]


@pytest.mark.parametrize(
    ("url", "extra", "source"),
    [
        ("https://www.ebay.com/itm/395012345678", {}, "ebay"),
        ("https://www.ebay.co.uk/sch/i.html?_nkw=mother+3&LH_Sold=1", {}, "ebay"),
        (
            "https://www.cardmarket.com/en/Magic/Products/Singles/Alpha/Black-Lotus",
            {},
            "cardmarket",
        ),
        ("https://www.pricecharting.com/game/nes/zelda", {}, "pricecharting"),
        ("http://93.184.215.14/shop/item", {}, "structured"),
        ("http://93.184.215.14/shop/item", {"selector": ".price"}, "css"),
    ],
)
def test_a_tracker_created_without_a_source_gets_the_one_owning_its_host(
    owner_client, item, settings, url, extra, source
):
    settings.SCRAPER_ALLOWED_HOSTS = MARKET_HOSTS

    response = owner_client.post(trackers_url(item.pk), {"url": url, **extra})

    assert response.status_code == 201, response.json()
    assert response.json()["source"] == source


def test_a_named_source_is_kept_whatever_the_host(owner_client, item, settings):
    settings.SCRAPER_ALLOWED_HOSTS = ["127.0.0.1:8765"]

    response = owner_client.post(
        trackers_url(item.pk), {"url": "http://127.0.0.1:8765/ebay/itm/1", "source": "ebay"}
    )

    assert response.status_code == 201
    assert response.json()["source"] == "ebay"


def test_every_condition_the_card_sources_report_is_a_price_condition():
    reported = {*GRADER_TENS.values(), *CARDMARKET_SCALE.values(), *US_CARD_SCALE.values()}
    reported |= {"grade_7", "grade_8", "grade_9", "grade_9_5", "graded", "ungraded", "new"}

    assert reported <= set(PriceCondition.values)


def _serve(pages, path: str, fixture: str) -> str:
    pages.routes[path] = Reply(body=page(fixture, SCRAPER_FIXTURES))
    return pages.url(path)


class TestEbaySoldListings:
    def test_each_sale_is_recorded_once_at_its_date_with_its_grade_and_shipping(
        self, scraper_settings, pages, item
    ):
        url = _serve(pages, "/sch/charizard", "ebay/sold_results_cards.html")
        tracker = TrackerFactory(collectible=item, url=url, source="ebay", currency="USD")

        first = run_once(tracker)
        second = run_once(tracker)

        assert first.status == second.status == RunStatus.SUCCEEDED
        rows = list(PriceHistory.objects.filter(tracker=tracker).order_by("observed_at"))
        assert [(r.price, r.condition, r.observed_at.date().isoformat()) for r in rows] == [
            (Decimal("2049.00"), "grade_9_5", "2024-12-19"),
            (Decimal("3150.00"), "grade_9", "2024-12-20"),
            (Decimal("24500.00"), "bgs_10", "2024-12-27"),
            (Decimal("389.99"), "near_mint", "2024-12-28"),
            (Decimal("3150.00"), "grade_9", "2024-12-30"),
        ]
        assert first.observations_recorded == 5
        assert second.observations_recorded == 0  # the same sales, seen again
        nm = next(r for r in rows if r.condition == "near_mint")
        assert (nm.shipping, nm.seller, nm.url) == (
            Decimal("4.99"),
            "pallet-town-cards",
            "https://www.ebay.com/itm/276543210987",
        )
        assert all(r.dedupe_key.startswith(f"sale:{tracker.pk}:ebay:") for r in rows)

    def test_a_tracker_for_one_grade_records_only_that_grade(self, scraper_settings, pages, item):
        url = _serve(pages, "/sch/charizard", "ebay/sold_results_cards.html")
        tracker = TrackerFactory(collectible=item, url=url, source="ebay", condition="bgs_10")

        run_once(tracker)

        row = PriceHistory.objects.get(tracker=tracker)
        assert (row.price, row.condition) == (Decimal("24500.00"), "bgs_10")
        assert row.observed_at == datetime(2024, 12, 27, 12, tzinfo=UTC)


class TestCardmarket:
    def test_the_items_language_and_finish_choose_the_offers(self, scraper_settings, pages, item):
        CardDetailsFactory(collectible=item, language="en", finish="non_foil")
        url = _serve(
            pages, "/en/Magic/Products/Singles/Tarmogoyf", "cardmarket/tarmogoyf_offers.html"
        )
        tracker = TrackerFactory(collectible=item, url=url, source="cardmarket")

        run = run_once(tracker)

        assert run.status == RunStatus.SUCCEEDED
        rows = {r.condition: r for r in PriceHistory.objects.filter(tracker=tracker)}
        assert {c: (r.price, r.currency) for c, r in rows.items()} == {
            "": (Decimal("21.37"), "EUR"),  # the price trend
            "excellent": (Decimal("14.00"), "EUR"),
            "near_mint": (Decimal("19.50"), "EUR"),  # English, not the German 17.90
            "played": (Decimal("11.25"), "EUR"),
        }
        assert rows["near_mint"].seller == "ModernStaples"

    def test_a_foil_item_gets_only_foil_offers(self, scraper_settings, pages, item):
        CardDetailsFactory(collectible=item, language="en", finish="foil")
        url = _serve(
            pages, "/en/Magic/Products/Singles/Tarmogoyf", "cardmarket/tarmogoyf_offers.html"
        )
        tracker = TrackerFactory(collectible=item, url=url, source="cardmarket")

        run_once(tracker)

        row = PriceHistory.objects.get(tracker=tracker)
        assert (row.price, row.condition, row.seller) == (
            Decimal("64.99"),
            "near_mint",
            "ShinyThings",
        )

    def test_only_a_card_source_is_given_the_card_details(self, item):
        CardDetailsFactory(collectible=item, language="ja", finish="holo")
        market = TrackerFactory(collectible=item, source="cardmarket")
        shop = TrackerFactory(collectible=item, source="structured")

        assert dict(gateway.target_for(market).options) == {"language": "ja", "finish": "holo"}
        assert dict(gateway.target_for(shop).options) == {}
