"""A price recorded where the product records prices (a worker's run, a price entered by
hand) leaves its item's stored valuation fresh and equal to a full recompute, and every
other row as it was (valuation.incremental)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import transaction
from django.utils import timezone

from inventory.factories import CollectibleFactory
from inventory.models import Collectible
from price_history import hooks
from price_history import services as price_services
from price_history.factories import TrackerFactory
from price_history.models import JobKind, PriceHistory
from price_history.tests.conftest import pages, scraper_settings  # noqa: F401 — fixtures
from valuation import incremental, selectors, services
from valuation.models import ItemValuation
from valuation.tests.conftest import price, rates
from valuation.tests.test_incremental import assert_matches_reference, stored_rows

pytestmark = pytest.mark.django_db

FIELDS = [f.name for f in ItemValuation._meta.fields if f.name not in ("valued_at", "collectible")]


def recomputed(item_id, at):
    """The item's row as valuing it afresh at `at` gives (not stored)."""
    item = Collectible.objects.only(*selectors.ITEM_FIELDS).get(pk=item_id)
    currencies = {item.vendor_id: item.vendor.default_currency}
    (row,) = selectors.item_valuations(items=[item], currencies=currencies, now=at)
    return {name: getattr(row, name) for name in FIELDS}


def assert_fresh_and_exact(item_id, since):
    stored = ItemValuation.objects.get(pk=item_id)
    assert stored.valued_at >= since
    assert {name: getattr(stored, name) for name in FIELDS} == recomputed(item_id, stored.valued_at)
    return stored


@pytest.fixture
def valued(vendor, now):
    """Three items with a week-old USD price each, every row stored."""
    rates([now.date() - timedelta(days=d) for d in range(0, 40)], USD="1.25")
    items = CollectibleFactory.create_batch(3, vendor=vendor, purchase_price=None)
    for item in items:
        price(item, "10", "USD", now - timedelta(days=7))
    services.valuations_ensure_fresh(vendor_ids=[vendor.pk], now=now)
    return items


def test_a_price_entered_by_hand_revalues_its_item_at_once(vendor, owner, valued):
    unpriced = CollectibleFactory(vendor=vendor, purchase_price=None)
    services.valuations_ensure_fresh(vendor_ids=[vendor.pk])
    before = stored_rows(vendor)
    started = timezone.now()

    price_services.price_record_manual(
        collectible=unpriced, recorded_by=owner, price=Decimal("30"), currency="USD"
    )

    stored = assert_fresh_and_exact(unpriced.pk, started)
    assert (stored.basis, stored.value) == ("manual", Decimal("24.00"))
    after = stored_rows(vendor)
    assert after.keys() == before.keys()
    assert {pk: after[pk] for pk in after if pk != unpriced.pk} == {
        pk: before[pk] for pk in before if pk != unpriced.pk
    }
    # Nothing is left for the next read to value.
    assert services.valuations_ensure_fresh(vendor_ids=[vendor.pk]) == []
    assert_matches_reference(vendor, timezone.now())


def test_a_worker_run_revalues_the_tracked_item(vendor, valued, scraper_settings, pages):  # noqa: F811
    before = stored_rows(vendor)
    tracker = TrackerFactory(collectible=valued[1], url=pages.url("/shop/charizard"))
    job = price_services.scrape_job_create(kind=JobKind.MANUAL, trackers=[tracker], publish=False)
    started = timezone.now()

    price_services.scrape_run_execute(run_id=job.runs.get().pk)

    assert PriceHistory.objects.filter(collectible=valued[1], run__isnull=False).exists()
    stored = assert_fresh_and_exact(valued[1].pk, started)
    assert (stored.price_amount, stored.price_currency) == (Decimal("349.95"), "USD")
    after = stored_rows(vendor)
    assert {pk: after[pk] for pk in after if pk != valued[1].pk} == {
        pk: before[pk] for pk in before if pk != valued[1].pk
    }
    assert services.valuations_ensure_fresh(vendor_ids=[vendor.pk]) == []


def test_a_failed_run_changes_no_row(vendor, valued, scraper_settings, pages):  # noqa: F811
    before = stored_rows(vendor)
    tracker = TrackerFactory(collectible=valued[2], url=pages.url("/missing"))
    job = price_services.scrape_job_create(kind=JobKind.MANUAL, trackers=[tracker], publish=False)

    price_services.scrape_run_execute(run_id=job.runs.get().pk)

    assert stored_rows(vendor) == before


def record(item, amount):
    row = PriceHistory.objects.create(
        collectible=item, source="structured", price=Decimal(amount), currency="USD",
        observed_at=timezone.now(),
    )  # fmt: skip
    hooks.prices_recorded(collectible=item, rows=[row], run=None)


def test_a_batch_values_its_items_together_when_it_ends(vendor, valued):
    started = timezone.now()
    with transaction.atomic(), incremental.batched():
        for n, item in enumerate(valued):
            record(item, str(20 + n))
        # Inside the block the triggers' deletions stand: nothing valued yet.
        assert not ItemValuation.objects.filter(vendor=vendor).exists()
    for n, item in enumerate(valued):
        stored = assert_fresh_and_exact(item.pk, started)
        assert stored.value == Decimal(20 + n) / Decimal("1.25")


def failing_import(item):
    with transaction.atomic(), incremental.batched():
        record(item, "50")
        raise RuntimeError("the import failed")


def test_a_batch_that_fails_values_nothing_and_the_read_path_still_does(vendor, valued):
    with pytest.raises(RuntimeError):
        failing_import(valued[0])
    # Rolled back with the prices: the stored rows are the ones from before.
    assert ItemValuation.objects.filter(vendor=vendor).count() == 3
    assert not PriceHistory.objects.filter(price=Decimal("50")).exists()

    # A price written around the hooks (raw SQL, the admin) is only invalidated.
    price(valued[0], "40", "USD", timezone.now())
    assert not ItemValuation.objects.filter(pk=valued[0].pk).exists()
    written = services.valuations_ensure_fresh(vendor_ids=[vendor.pk])
    assert [row.collectible_id for row in written] == [valued[0].pk]
    assert_fresh_and_exact(valued[0].pk, timezone.now() - timedelta(minutes=1))
