"""The item valuations' admin: read-only, with a "revalue" action through the service."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from inventory.factories import CollectibleFactory
from users.factories import UserFactory
from valuation import services
from valuation.models import ItemValuation
from valuation.tests.conftest import price

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:valuation_itemvaluation_changelist"


@pytest.fixture
def admin_client() -> Client:
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_item_valuations_are_read_only(admin_client, vendor, now):
    item = CollectibleFactory(vendor=vendor, quantity=1)
    price(item, "12.50", "EUR", now)
    services.valuations_ensure_fresh(item_ids=[item.pk], now=now)

    listing = admin_client.get(reverse(CHANGELIST))
    detail = admin_client.get(reverse("admin:valuation_itemvaluation_change", args=[item.pk]))

    assert listing.status_code == 200
    assert b"12.50" in listing.content
    assert detail.status_code == 200
    assert b'name="_save"' not in detail.content
    assert admin_client.get(reverse("admin:valuation_itemvaluation_add")).status_code == 403
    delete = reverse("admin:valuation_itemvaluation_delete", args=[item.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403


def test_revalue_computes_the_selected_rows_again(admin_client, vendor, now):
    item = CollectibleFactory(vendor=vendor, quantity=2)
    price(item, "10.00", "EUR", now)
    services.valuations_ensure_fresh(item_ids=[item.pk], now=now)
    # A row the triggers would not correct (say, written by hand during a repair).
    ItemValuation.objects.filter(pk=item.pk).update(value=Decimal("1.00"))

    response = admin_client.post(
        reverse(CHANGELIST), {"action": "revalue", "_selected_action": [item.pk]}, follow=True
    )

    assert "Revalued 1 item(s)." in response.content.decode()
    assert ItemValuation.objects.get(pk=item.pk).value == Decimal("20.00")
