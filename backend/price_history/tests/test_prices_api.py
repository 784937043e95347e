from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from price_history import selectors
from price_history.factories import PriceHistoryFactory
from price_history.models import PriceHistory

pytestmark = pytest.mark.django_db


def prices_url(item_id: int) -> str:
    return f"/api/v1/collectibles/{item_id}/prices"


def at(day: int, hour: int = 12) -> datetime:
    return datetime(2024, 3, day, hour, tzinfo=UTC)


def add(item, day: int, price: str, hour: int = 12, **kwargs):
    return PriceHistoryFactory(
        collectible=item, observed_at=at(day, hour), price=Decimal(price), **kwargs
    )


MARCH = {"from": "2024-03-01", "to": "2024-03-31"}


def only_summary(item, *, start: datetime, end: datetime) -> dict:
    """The summary of the item's one series."""
    (key,) = set(PriceHistory.objects.values_list("source", "condition", "currency"))
    return selectors.series_summaries(collectible_id=item.pk, keys=[key], start=start, end=end)[key]


class TestSeries:
    def test_daily_buckets_average_low_high_count(self, viewer_client, item):
        add(item, 1, "10.00", hour=8)
        add(item, 1, "13.01", hour=20)
        add(item, 2, "20.00")

        response = viewer_client.get(prices_url(item.pk), MARCH)

        assert response.status_code == 200, response.json()
        body = response.json()
        assert (body["collectible"], body["interval"]) == (item.pk, "day")
        assert body["from"] == "2024-03-01T00:00:00Z"
        assert body["to"].startswith("2024-03-31T23:59:59")
        [series] = body["series"]
        assert (series["source"], series["condition"], series["currency"]) == (
            "structured",
            "",
            "USD",
        )
        assert series["points"] == [
            {"t": "2024-03-01T00:00:00Z", "price": "11.51", "low": "10.00", "high": "13.01", "count": 2},
            {"t": "2024-03-02T00:00:00Z", "price": "20.00", "low": "20.00", "high": "20.00", "count": 1},
        ]  # fmt: skip

    def test_week_and_month_buckets(self, owner_client, item):
        add(item, 4, "10.00")  # Monday
        add(item, 10, "20.00")  # Sunday, same ISO week
        add(item, 11, "30.00")  # next Monday

        weeks = owner_client.get(prices_url(item.pk), {**MARCH, "interval": "week"}).json()
        months = owner_client.get(prices_url(item.pk), {**MARCH, "interval": "month"}).json()

        assert [(p["t"], p["price"], p["count"]) for p in weeks["series"][0]["points"]] == [
            ("2024-03-04T00:00:00Z", "15.00", 2),
            ("2024-03-11T00:00:00Z", "30.00", 1),
        ]
        assert [(p["t"], p["price"]) for p in months["series"][0]["points"]] == [
            ("2024-03-01T00:00:00Z", "20.00")
        ]

    def test_raw_gives_every_observation(self, owner_client, item):
        add(item, 1, "10.00", hour=8)
        add(item, 1, "12.00", hour=9)

        body = owner_client.get(prices_url(item.pk), {**MARCH, "interval": "raw"}).json()

        assert [(p["t"], p["price"], p["count"]) for p in body["series"][0]["points"]] == [
            ("2024-03-01T08:00:00Z", "10.00", 1),
            ("2024-03-01T09:00:00Z", "12.00", 1),
        ]

    def test_series_by_source_condition_and_currency_never_mixed(self, owner_client, item):
        add(item, 1, "10.00", condition="loose", source="pricecharting")
        add(item, 1, "30.00", condition="cib", source="pricecharting")
        add(item, 1, "9.00", condition="loose", source="pricecharting", currency="EUR")
        add(item, 1, "11.00", source="manual")

        series = owner_client.get(prices_url(item.pk), MARCH).json()["series"]

        assert [(s["source"], s["condition"], s["currency"]) for s in series] == [
            ("manual", "", "USD"),
            ("pricecharting", "cib", "USD"),
            ("pricecharting", "loose", "EUR"),
            ("pricecharting", "loose", "USD"),
        ]

    def test_filters_by_source_and_condition_and_window(self, owner_client, item):
        add(item, 1, "10.00", condition="loose", source="pricecharting")
        add(item, 1, "30.00", condition="cib", source="pricecharting")
        add(item, 5, "12.00", condition="loose", source="pricecharting")
        add(item, 1, "11.00", source="manual")

        body = owner_client.get(
            prices_url(item.pk),
            {
                "from": "2024-03-02",
                "to": "2024-03-09",
                "source": "pricecharting",
                "condition": "loose",
            },
        ).json()

        [series] = body["series"]
        assert [p["price"] for p in series["points"]] == ["12.00"]

    def test_defaults_to_the_last_year_by_day(self, owner_client, item):
        now = datetime.now(UTC)
        PriceHistoryFactory(collectible=item, observed_at=now - timedelta(days=2))
        PriceHistoryFactory(collectible=item, observed_at=now - timedelta(days=400))

        body = owner_client.get(prices_url(item.pk)).json()

        assert body["interval"] == "day"
        assert len(body["series"][0]["points"]) == 1

    def test_too_many_raw_points_is_a_clear_400(self, owner_client, item, monkeypatch):
        monkeypatch.setattr(selectors, "MAX_POINTS", 2)
        for hour in (1, 2, 3):
            add(item, 1, "10.00", hour=hour)

        raw = owner_client.get(prices_url(item.pk), {**MARCH, "interval": "raw"})
        daily = owner_client.get(prices_url(item.pk), MARCH)

        assert raw.status_code == 400
        assert "3 points" in raw.json()["fields"]["interval"][0]
        assert daily.status_code == 200

    def test_too_many_buckets_is_a_400_too(self, owner_client, item, monkeypatch):
        monkeypatch.setattr(selectors, "MAX_POINTS", 1)
        add(item, 1, "10.00")
        add(item, 2, "10.00")

        response = owner_client.get(prices_url(item.pk), MARCH)

        assert response.status_code == 400
        assert "interval" in response.json()["fields"]

    @pytest.mark.parametrize(
        ("params", "field"),
        [
            ({"interval": "hour"}, "interval"),
            ({"from": "yesterday"}, "from"),
            ({"to": "2024-13-01"}, "to"),
            ({"from": "2024-03-10", "to": "2024-03-01"}, "from"),
            ({"to": "0001-01-01"}, "to"),
            ({"from": "0001-01-01T00:00:00Z"}, "from"),
            ({"to": "9999-12-31"}, "to"),
            ({"source": "no-such-market"}, "source"),
            ({"condition": "shiny"}, "condition"),
            ({"currency": "USD"}, "currency"),
        ],
    )
    def test_malformed_or_unknown_parameters_are_named(self, owner_client, item, params, field):
        response = owner_client.get(prices_url(item.pk), params)

        assert response.status_code == 400
        assert field in response.json()["fields"]

    def test_an_empty_history_has_no_series(self, owner_client, item):
        assert owner_client.get(prices_url(item.pk)).json()["series"] == []

    def test_another_vendor_and_anonymous(self, stranger_client, item):
        assert stranger_client.get(prices_url(item.pk)).status_code == 404
        assert APIClient().get(prices_url(item.pk)).status_code == 401


class TestSummary:
    def test_latest_min_max_and_changes(self, owner_client, item):
        add(item, 1, "80.00")  # 30+ days before the latest
        add(item, 2, "50.00")
        add(item, 20, "100.00")  # 12 days before the latest
        add(item, 24, "90.00")  # 7 days before the latest, to the hour
        add(item, 31, "120.00", hour=12)
        PriceHistoryFactory(
            collectible=item, observed_at=datetime(2024, 1, 1, tzinfo=UTC), price=Decimal("60.00")
        )

        body = owner_client.get(
            prices_url(item.pk), {"from": "2024-03-02", "to": "2024-04-01T12:00:00Z"}
        ).json()

        summary = body["series"][0]["summary"]
        assert summary["latest"] == "120.00"
        assert summary["latest_at"] == "2024-03-31T12:00:00Z"
        assert (summary["min"], summary["max"]) == ("50.00", "120.00")
        assert summary["change_7d"] == {
            "absolute": "30.00",
            "percent": "33.33",
            "reference_price": "90.00",
            "reference_at": "2024-03-24T12:00:00Z",
        }
        # 30 days before Mar 31 12:00 is Mar 1 12:00: the Mar 1 price, outside the window.
        assert summary["change_30d"]["reference_price"] == "80.00"
        assert summary["change_30d"]["absolute"] == "40.00"
        assert summary["change_30d"]["percent"] == "50.00"

    def test_changes_are_null_without_old_enough_prices(self, owner_client, item):
        add(item, 30, "10.00")
        add(item, 31, "12.00")

        summary = owner_client.get(prices_url(item.pk), MARCH).json()["series"][0]["summary"]

        assert summary["change_7d"] is None
        assert summary["change_30d"] is None

    def test_a_drop_from_zero_has_no_percentage(self, db, item):
        add(item, 1, "0.00")
        add(item, 9, "5.00")

        summary = only_summary(item, start=at(1, 0), end=at(31))

        assert summary["change_7d"]["absolute"] == Decimal("5.00")
        assert summary["change_7d"]["percent"] is None

    def test_a_fall_is_negative(self, db, item):
        add(item, 1, "200.00")
        add(item, 9, "150.00")

        summary = only_summary(item, start=at(1), end=at(31))

        assert (summary["change_7d"]["absolute"], summary["change_7d"]["percent"]) == (
            Decimal("-50.00"),
            Decimal("-25.00"),
        )


class TestManualEntry:
    def test_owner_records_a_price(self, owner_client, item):
        response = owner_client.post(
            prices_url(item.pk),
            {
                "price": "42.10",
                "currency": "eur",
                "condition": "mint",
                "observed_at": "2024-03-01T10:00:00Z",
            },
        )

        assert response.status_code == 201, response.json()
        body = response.json()
        assert (body["source"], body["price"], body["currency"], body["condition"]) == (
            "manual",
            "42.10",
            "EUR",
            "mint",
        )
        assert PriceHistory.objects.get().recorded_by is not None

    def test_defaults_currency_and_time(self, editor_client, item):
        body = editor_client.post(prices_url(item.pk), {"price": "5"}).json()

        assert (body["currency"], body["price"]) == ("USD", "5.00")

    @pytest.mark.parametrize(
        ("payload", "field"),
        [
            ({"price": "-1"}, "price"),
            ({"price": "abc"}, "price"),
            ({}, "price"),
            ({"price": "1", "currency": "ZZZ"}, "currency"),
            ({"price": "1", "condition": "shiny"}, "condition"),
            ({"price": "1", "observed_at": "2999-01-01T00:00:00Z"}, "observed_at"),
            ({"price": "1", "observed_at": "0001-01-01T00:00:00Z"}, "observed_at"),
        ],
    )
    def test_invalid_entries_are_refused(self, owner_client, item, payload, field):
        response = owner_client.post(prices_url(item.pk), payload)

        assert response.status_code == 400
        assert field in response.json()["fields"]

    def test_viewer_stranger_anonymous(self, viewer_client, stranger_client, item):
        assert viewer_client.post(prices_url(item.pk), {"price": "1"}).status_code == 403
        assert stranger_client.post(prices_url(item.pk), {"price": "1"}).status_code == 404
        assert APIClient().post(prices_url(item.pk), {"price": "1"}).status_code == 401
        assert not PriceHistory.objects.exists()


def test_the_points_text_is_what_the_declared_fields_say(item) -> None:
    """PostgreSQL writes the buckets' text and Python the raw points' (`Series`): both
    must say exactly what `PricePointSerializer`'s fields would of the same values —
    the average rounded half up to the cent, times in UTC with `Z`, microseconds kept."""
    from decimal import ROUND_HALF_UP

    from price_history.serializers import PricePointSerializer

    add(item, 1, "10.00", hour=8)
    add(item, 1, "10.01", hour=9)  # the average 10.005: half up 10.01 (half even: 10.00)
    odd = datetime(2024, 3, 2, 1, 0, 0, 123456, tzinfo=UTC)
    PriceHistoryFactory(collectible=item, observed_at=odd, price=Decimal("99999999.99"))
    PriceHistoryFactory(collectible=item, observed_at=odd, price=Decimal("0.00"))
    fields = PricePointSerializer().fields

    def said(t: datetime, price: str, low: str, high: str, count: int) -> dict:
        values = {"t": t, "low": Decimal(low), "high": Decimal(high), "count": count}
        values["price"] = Decimal(price).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        return {name: field.to_representation(values[name]) for name, field in fields.items()}

    def points(interval: str) -> list[dict]:
        (only,) = selectors.price_series(
            collectible=item, start=at(1, 0), end=at(31, 23), interval=interval
        )
        return PricePointSerializer(only.points, many=True).data

    assert points("day") == [
        said(datetime(2024, 3, 1, tzinfo=UTC), "10.005", "10.00", "10.01", 2),
        said(datetime(2024, 3, 2, tzinfo=UTC), "49999999.995", "0.00", "99999999.99", 2),
    ]
    assert points("raw") == [
        said(at(1, 8), "10.00", "10.00", "10.00", 1),
        said(at(1, 9), "10.01", "10.01", "10.01", 1),
        said(odd, "99999999.99", "99999999.99", "99999999.99", 1),
        said(odd, "0.00", "0.00", "0.00", 1),
    ]
    assert points("day")[0]["price"] == "10.01"
    assert points("raw")[-1]["t"] == "2024-03-02T01:00:00.123456Z"
