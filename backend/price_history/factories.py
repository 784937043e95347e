from datetime import UTC, datetime
from decimal import Decimal

import factory

from price_history.models import JobKind, PriceHistory, ScrapeJob, ScrapeRun, Tracker


class TrackerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tracker

    collectible = factory.SubFactory("inventory.factories.CollectibleFactory")
    source = "structured"
    url = factory.Sequence(lambda n: f"https://shop.example/item-{n}")
    interval_minutes = 60 * 24
    next_run_at = factory.LazyFunction(lambda: datetime.now(UTC))


class PriceHistoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PriceHistory

    collectible = factory.SubFactory("inventory.factories.CollectibleFactory")
    source = "structured"
    price = Decimal("100.00")
    currency = "USD"
    condition = ""
    observed_at = factory.LazyFunction(lambda: datetime.now(UTC))


class ScrapeJobFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScrapeJob

    kind = JobKind.MANUAL


class ScrapeRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScrapeRun

    job = factory.SubFactory(ScrapeJobFactory)
    tracker = factory.SubFactory(TrackerFactory)
