"""A check that saw several sellers' offers (a marketplace listings page, one row per
seller at the same moment): the best offer and the item's value take the cheapest."""

from datetime import timedelta
from decimal import Decimal

import pytest

from inventory.factories import CollectibleFactory
from price_history.factories import TrackerFactory
from valuation.selectors import best_offers
from valuation.selectors.values import latest_prices
from valuation.tests.conftest import price

pytestmark = pytest.mark.django_db


def listing_check(item, at):
    tracker = TrackerFactory(collectible=item)
    # Inserted cheapest first, as the scraper yields them: the newest row is the dearest.
    for seller, amount in (("A", "30"), ("B", "35"), ("C", "50")):
        price(item, amount, "EUR", at, tracker=tracker, seller=seller, seller_key=f"m|{seller}")
    return tracker


def test_the_best_offer_of_a_listings_check_is_its_cheapest_seller(vendor, now):
    item = CollectibleFactory(vendor=vendor, status="wanted", purchase_price=None,
                              purchase_currency="")  # fmt: skip
    listing_check(item, now - timedelta(hours=1))

    [offer] = best_offers(collectible=item, now=now)

    assert offer.price == Decimal("30.00")


def test_an_item_on_a_listings_page_is_valued_at_its_cheapest_seller(vendor, now):
    item = CollectibleFactory(vendor=vendor)
    listing_check(item, now - timedelta(hours=1))

    found = latest_prices([item], [now])

    assert found[(0, item.pk, False)].price == Decimal("30.00")
