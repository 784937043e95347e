from datetime import date
from decimal import Decimal

import factory

from valuation.models import ExchangeRate, ValueSnapshot


class ExchangeRateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExchangeRate
        django_get_or_create = ("currency", "date")

    date = date(2026, 11, 20)
    currency = "USD"
    rate = Decimal("1.250000")


class ValueSnapshotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ValueSnapshot

    vendor = factory.SubFactory("vendors.factories.VendorFactory")
    day = date(2026, 11, 20)
    currency = "USD"
    total_value = Decimal("100.00")
    cost_basis = Decimal("80.00")
    item_count = 1
    priced_count = 1
