import pytest
from django.urls import reverse

from users.factories import UserFactory
from valuation.factories import ExchangeRateFactory, ValueSnapshotFactory

pytestmark = pytest.mark.django_db


def test_admin_lists_rates_and_snapshots(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    ExchangeRateFactory()
    snapshot = ValueSnapshotFactory()

    assert client.get(reverse("admin:valuation_exchangerate_changelist")).status_code == 200
    assert client.get(reverse("admin:valuation_valuesnapshot_changelist")).status_code == 200
    change = reverse("admin:valuation_valuesnapshot_change", args=[snapshot.pk])
    assert client.get(change).status_code == 200
    assert client.get(reverse("admin:valuation_valuesnapshot_add")).status_code == 403
