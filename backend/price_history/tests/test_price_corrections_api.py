"""Correcting and deleting prices entered by hand (`price-entries/`), the record of each
change (`price-corrections/`), and observed prices staying as they were seen."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from price_history.factories import PriceHistoryFactory
from price_history.models import PriceCorrection, PriceHistory

pytestmark = pytest.mark.django_db

SEEN = datetime(2024, 3, 5, 12, 0, tzinfo=UTC)


def entries_url(item) -> str:
    return f"/api/v1/collectibles/{item.pk}/price-entries/"


def entry_url(entry: PriceHistory) -> str:
    return f"/api/v1/collectibles/{entry.collectible_id}/price-entries/{entry.pk}/"


def corrections_url(item) -> str:
    return f"/api/v1/collectibles/{item.pk}/price-corrections/"


@pytest.fixture
def manual(item):
    return PriceHistoryFactory(
        collectible=item, source="manual", price=Decimal("12.50"), currency="EUR", observed_at=SEEN
    )


@pytest.fixture
def observed(item):
    return PriceHistoryFactory(collectible=item, source="structured", price=Decimal("99.00"))


def test_an_editor_corrects_a_manual_price_and_the_change_is_recorded(editor_client, manual, item):
    response = editor_client.patch(
        entry_url(manual), {"price": "1250.50", "currency": "usd", "condition": "near_mint"}
    )

    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["price"], body["currency"], body["condition"]) == ("1250.50", "USD", "near_mint")
    manual.refresh_from_db()
    assert manual.price == Decimal("1250.50")
    corrections = editor_client.get(corrections_url(item)).json()["results"]
    assert len(corrections) == 1
    correction = corrections[0]
    assert (correction["entry"], correction["action"]) == (manual.pk, "changed")
    assert correction["before"] == {
        "price": "12.50",
        "currency": "EUR",
        "condition": "",
        "observed_at": "2024-03-05T12:00:00Z",
    }
    assert correction["after"]["price"] == "1250.50"
    assert correction["corrected_by"] is not None


def test_a_correction_that_changes_nothing_records_nothing(owner_client, manual):
    response = owner_client.patch(entry_url(manual), {"price": "12.50"})

    assert response.status_code == 200
    assert not PriceCorrection.objects.exists()


def test_a_correction_is_validated_like_a_new_entry(owner_client, manual):
    future = (datetime.now(UTC) + timedelta(days=2)).isoformat()

    for body, field in (
        ({"observed_at": future}, "observed_at"),
        ({"price": "-1"}, "price"),
        ({"currency": "XYZ"}, "currency"),
        ({"condition": "shiny"}, "condition"),
    ):
        response = owner_client.patch(entry_url(manual), body)
        assert response.status_code == 400, body
        assert field in response.json()["fields"]
    manual.refresh_from_db()
    assert manual.price == Decimal("12.50")
    assert not PriceCorrection.objects.exists()


def test_deleting_a_manual_price_keeps_a_record_of_it(owner_client, manual, item):
    response = owner_client.delete(entry_url(manual))

    assert response.status_code == 204
    assert not PriceHistory.objects.filter(pk=manual.pk).exists()
    (correction,) = owner_client.get(corrections_url(item)).json()["results"]
    assert (correction["action"], correction["after"]) == ("deleted", None)
    assert correction["before"]["price"] == "12.50"


def test_observed_prices_cannot_be_changed_or_deleted(owner_client, observed):
    for response in (
        owner_client.patch(entry_url(observed), {"price": "1.00"}),
        owner_client.delete(entry_url(observed)),
    ):
        assert response.status_code == 400
        assert response.json()["code"] == "observed_price_immutable"
        assert "entered by hand" in response.json()["detail"]
    observed.refresh_from_db()
    assert observed.price == Decimal("99.00")
    assert not PriceCorrection.objects.exists()


def test_entries_are_listed_newest_first_and_filtered_by_source(owner_client, manual, observed):
    every = owner_client.get(entries_url(manual.collectible)).json()["results"]
    by_hand = owner_client.get(entries_url(manual.collectible), {"source": "manual"}).json()

    assert [e["id"] for e in every] == [observed.pk, manual.pk]
    assert [e["id"] for e in by_hand["results"]] == [manual.pk]


def test_viewers_read_but_cannot_correct(viewer_client, manual):
    assert viewer_client.get(entry_url(manual)).status_code == 200
    assert viewer_client.get(corrections_url(manual.collectible)).status_code == 200
    assert viewer_client.patch(entry_url(manual), {"price": "1.00"}).status_code == 403
    assert viewer_client.delete(entry_url(manual)).status_code == 403
    assert PriceHistory.objects.filter(pk=manual.pk, price=Decimal("12.50")).exists()


def test_another_vendors_prices_and_corrections_are_404(stranger_client, manual):
    assert stranger_client.get(entries_url(manual.collectible)).status_code == 404
    assert stranger_client.patch(entry_url(manual), {"price": "1.00"}).status_code == 404
    assert stranger_client.delete(entry_url(manual)).status_code == 404
    assert stranger_client.get(corrections_url(manual.collectible)).status_code == 404


def test_the_admin_shows_corrections_read_only(owner_client, manual, admin_client):
    owner_client.delete(entry_url(manual))
    correction = PriceCorrection.objects.get()

    listing = admin_client.get("/admin/price_history/pricecorrection/")
    page = admin_client.get(f"/admin/price_history/pricecorrection/{correction.pk}/change/")

    assert listing.status_code == 200
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
