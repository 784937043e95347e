from datetime import date
from decimal import Decimal

import pytest
from conftest import client_for
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inventory.factories import CardDetailsFactory, CollectibleFactory
from vendors.factories import MembershipFactory, VendorFactory
from vendors.models import Role

pytestmark = pytest.mark.django_db

URL = "/api/v1/collectibles/"


class TestFilteringOrderingPagination:
    @pytest.fixture
    def collection(self, personal, user):
        base = CollectibleFactory(
            vendor=personal,
            name="Charizard",
            category="trading_card",
            condition="mint",
            tags=["holo", "vintage"],
            purchase_price=Decimal("300"),
            purchase_date=date(2023, 1, 10),
        )
        CardDetailsFactory(
            collectible=base,
            language="en",
            market_region="north_america",
            release_date=date(1999, 1, 9),
        )
        japanese = CollectibleFactory(
            vendor=personal,
            name="Lugia",
            category="trading_card",
            condition="played",
            tags=["holo"],
            purchase_price=Decimal("80"),
            purchase_date=date(2024, 6, 1),
        )
        CardDetailsFactory(
            collectible=japanese,
            language="ja",
            market_region="japan",
            release_date=date(2000, 11, 1),
        )
        game = CollectibleFactory(
            vendor=personal,
            name="EarthBound",
            category="video_game",
            condition="good",
            tags=["snes"],
            purchase_price=Decimal("150"),
            purchase_date=date(2022, 3, 3),
        )
        coin = CollectibleFactory(
            vendor=personal,
            name="Morgan Dollar",
            category="coin",
            condition="excellent",
            purchase_price=None,
            purchase_date=None,
        )
        return {"charizard": base, "lugia": japanese, "earthbound": game, "morgan": coin}

    def names(self, response) -> list[str]:
        assert response.status_code == 200, response.json()
        return [row["name"] for row in response.json()["results"]]

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("category=video_game", {"EarthBound"}),
            ("category=video_game&category=coin", {"EarthBound", "Morgan Dollar"}),
            ("condition=mint", {"Charizard"}),
            ("tag=HOLO", {"Charizard", "Lugia"}),
            ("language=ja", {"Lugia"}),
            ("market_region=north_america", {"Charizard"}),
            ("release_date_after=2000-01-01", {"Lugia"}),
            ("release_date_before=1999-12-31", {"Charizard"}),
            ("purchase_date_after=2023-01-01&purchase_date_before=2023-12-31", {"Charizard"}),
        ],
    )
    def test_filters_narrow_the_list(self, auth_client, collection, query, expected):
        assert set(self.names(auth_client.get(f"{URL}?{query}"))) == expected

    def test_vendor_filter(self, user, collection):
        shop = MembershipFactory(user=user, role=Role.VIEWER).vendor
        CollectibleFactory(vendor=shop, name="Shop card")

        assert self.names(client_for(user).get(f"{URL}?vendor={shop.id}")) == ["Shop card"]

    def test_vendor_filter_with_a_foreign_vendor_is_400(self, auth_client, collection):
        response = auth_client.get(f"{URL}?vendor={VendorFactory().id}")

        assert response.status_code == 400
        assert "vendor" in response.json()["fields"]

    @pytest.mark.parametrize(
        ("query", "parameter"),
        [
            ("category=stamp", "category"),
            ("condition=like_new", "condition"),
            ("release_date_after=yesterday", "release_date_after"),
            ("purchase_date_before=2024-13-01", "purchase_date_before"),
            ("vendor=abc", "vendor"),
            ("categroy=coin", "categroy"),
            ("ordering=price", "ordering"),
            ("page_size=0", "page_size"),
            ("page_size=101", "page_size"),
            ("page_size=ten", "page_size"),
        ],
    )
    def test_malformed_or_unknown_parameters_are_400_naming_them(
        self, auth_client, collection, query, parameter
    ):
        response = auth_client.get(f"{URL}?{query}")

        assert response.status_code == 400
        assert parameter in response.json()["fields"], response.json()

    @pytest.mark.parametrize(
        ("ordering", "expected"),
        [
            ("name", ["Charizard", "EarthBound", "Lugia", "Morgan Dollar"]),
            ("-name", ["Morgan Dollar", "Lugia", "EarthBound", "Charizard"]),
            ("purchase_price", ["Lugia", "EarthBound", "Charizard", "Morgan Dollar"]),
            ("-purchase_date", ["Morgan Dollar", "Lugia", "Charizard", "EarthBound"]),
        ],
    )
    def test_ordering(self, auth_client, collection, ordering, expected):
        assert self.names(auth_client.get(f"{URL}?ordering={ordering}")) == expected

    def test_default_ordering_is_newest_first(self, auth_client, collection):
        assert self.names(auth_client.get(URL))[0] == "Morgan Dollar"

    def test_pagination(self, auth_client, collection):
        first = auth_client.get(f"{URL}?page_size=3&ordering=name").json()
        second = auth_client.get(first["next"]).json()

        assert first["count"] == 4
        assert [r["name"] for r in first["results"]] == ["Charizard", "EarthBound", "Lugia"]
        assert first["previous"] is None
        assert [r["name"] for r in second["results"]] == ["Morgan Dollar"]
        assert second["next"] is None

    def test_page_past_the_end_is_404(self, auth_client, collection):
        assert auth_client.get(f"{URL}?page=9").status_code == 404

    def test_list_runs_a_fixed_number_of_queries_whatever_the_page_size(
        self, auth_client, personal
    ):
        for n in range(30):
            CardDetailsFactory(collectible=CollectibleFactory(vendor=personal, name=f"Card {n}"))

        def count(size):
            with CaptureQueriesContext(connection) as ctx:
                response = auth_client.get(f"{URL}?page_size={size}")
            assert len(response.json()["results"]) == size
            assert all(result["valuation"] for result in response.json()["results"])
            return len(ctx.captured_queries)

        # Cold: the page's items have no valuation row yet and are valued first (vendor
        # currencies, prices, rates, one upsert) — the same queries for 1 item or 30.
        cold = [count(1), count(30)]
        # Warm: the rows are joined to the page (memberships, the read versions of the
        # answer cache, count, page).
        warm = [count(1), count(30)]

        assert cold[0] == cold[1] <= 7
        assert warm[0] == warm[1] <= 4
