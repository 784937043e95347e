import pytest

from devtools.demo_values import ensure_demo_values
from valuation.models import ExchangeRate
from valuation.tests.conftest import collection, now, owner, vendor  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


def test_demo_hook_loads_rates_and_backfills(vendor, collection):  # noqa: F811
    assert ensure_demo_values(vendor=vendor, days=30) == 31
    assert ExchangeRate.objects.filter(currency="USD").count() > 1000
