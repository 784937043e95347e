from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from inventory.factories import CardDetailsFactory, CollectibleFactory
from inventory.models import CardDetails, Category, Collectible
from vendors.factories import VendorFactory

pytestmark = pytest.mark.django_db

CARD_INLINE_EMPTY = {
    "card_details-TOTAL_FORMS": "0",
    "card_details-INITIAL_FORMS": "0",
    "card_details-MIN_NUM_FORMS": "0",
    "card_details-MAX_NUM_FORMS": "1",
}


def _collectible_post(vendor_id: int, **overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "vendor": vendor_id,
        "name": "EarthBound",
        "category": Category.VIDEO_GAME,
        "set_name": "Super Nintendo",
        "number": "",
        "condition": "excellent",
        "completeness": "cib",
        "grader": "",
        "grade": "",
        "quantity": "1",
        "purchase_price": "480.00",
        "purchase_currency": "",
        "purchase_date": "2022-06-18",
        "purchase_fees": "",
        "purchase_shipping": "",
        "status": "owned",
        "sale_price": "",
        "sale_currency": "",
        "sale_date": "",
        "sale_fees": "",
        "max_price": "",
        "max_price_currency": "",
        "priority": "3",
        "location": "",
        "cert_number": "",
        "notes": "",
        "tags": " SNES, RPG ,snes,  big   box ",
        "external_ids": '{"pricecharting": "super-nintendo/earthbound"}',
        "created_by": "",
        **CARD_INLINE_EMPTY,
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("model", ["collectible", "carddetails"])
def test_superuser_opens_changelist_add_and_change_pages(admin_client: Client, model: str) -> None:
    card = CardDetailsFactory()
    obj = card.collectible if model == "collectible" else card

    assert admin_client.get(reverse(f"admin:inventory_{model}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"admin:inventory_{model}_add")).status_code == 200
    response = admin_client.get(reverse(f"admin:inventory_{model}_change", args=[obj.pk]))
    assert response.status_code == 200


def test_collectible_change_page_shows_card_details_inline(admin_client: Client) -> None:
    card = CardDetailsFactory(game="Magic: The Gathering", set_code="LEA", rarity="Mythic-ish")

    response = admin_client.get(
        reverse("admin:inventory_collectible_change", args=[card.collectible_id])
    )

    body = response.content.decode()
    assert 'name="card_details-0-game"' in body
    assert "Magic: The Gathering" in body
    assert "Mythic-ish" in body


def test_collectible_changelist_search(admin_client: Client) -> None:
    CollectibleFactory(name="Tarmogoyf")
    CollectibleFactory(name="Lightning Bolt")
    CardDetailsFactory(
        collectible=CollectibleFactory(name="Blue-Eyes White Dragon"), set_code="LOB"
    )
    url = reverse("admin:inventory_collectible_changelist")

    by_name = admin_client.get(url, {"q": "goyf"}).content.decode()
    by_set_code = admin_client.get(url, {"q": "LOB"}).content.decode()

    assert "Tarmogoyf" in by_name
    assert "Lightning Bolt" not in by_name
    assert "Blue-Eyes White Dragon" in by_set_code


def test_collectible_changelist_filters_by_category(admin_client: Client) -> None:
    CollectibleFactory(name="Chrono Trigger", category=Category.VIDEO_GAME)
    CollectibleFactory(name="Saga #1", category=Category.COMIC)

    body = admin_client.get(
        reverse("admin:inventory_collectible_changelist"), {"category__exact": "comic"}
    ).content.decode()

    assert "Saga #1" in body
    assert "Chrono Trigger" not in body


def test_collectible_changelist_query_count_does_not_grow_with_rows(
    admin_client: Client, django_assert_max_num_queries: object
) -> None:
    vendor = VendorFactory()
    for _ in range(3):
        CollectibleFactory(vendor=vendor)
    url = reverse("admin:inventory_collectible_changelist")
    admin_client.get(url)  # warm the session / content types

    with django_assert_max_num_queries(12) as few:  # type: ignore[operator]
        admin_client.get(url)
    for _ in range(20):
        CollectibleFactory(vendor=VendorFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):  # type: ignore[operator]
        admin_client.get(url)


def test_collectible_add_normalises_tags_and_defaults_currency(
    admin_client: Client, admin_user: object
) -> None:
    vendor = VendorFactory(default_currency="GBP")

    response = admin_client.post(
        reverse("admin:inventory_collectible_add"), _collectible_post(vendor.pk)
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    item = Collectible.objects.get(name="EarthBound")
    assert item.tags == ["snes", "rpg", "big box"]
    assert item.purchase_currency == "GBP"
    assert item.purchase_price == Decimal("480.00")
    assert item.external_ids == {"pricecharting": "super-nintendo/earthbound"}
    assert item.created_by == admin_user


def test_collectible_add_rejects_invalid_external_ids(admin_client: Client) -> None:
    vendor = VendorFactory()

    response = admin_client.post(
        reverse("admin:inventory_collectible_add"),
        _collectible_post(vendor.pk, external_ids='{"pricecharting": 6910}'),
    )

    assert response.status_code == 200
    assert "must be a non-empty string" in response.content.decode()
    assert not Collectible.objects.exists()


def test_collectible_add_rejects_grade_without_grader(admin_client: Client) -> None:
    vendor = VendorFactory()

    response = admin_client.post(
        reverse("admin:inventory_collectible_add"), _collectible_post(vendor.pk, grade="9.5")
    )

    assert response.status_code == 200
    assert not Collectible.objects.exists()


def test_collectible_add_with_card_details_inline(admin_client: Client) -> None:
    vendor = VendorFactory()
    data = _collectible_post(
        vendor.pk,
        name="Charizard",
        category=Category.TRADING_CARD,
        completeness="",
        tags="pokemon",
        external_ids="{}",
        **{
            "card_details-TOTAL_FORMS": "1",
            "card_details-0-game": "Pokémon",
            "card_details-0-set_code": "BS",
            "card_details-0-language": "en",
            "card_details-0-market_region": "north_america",
            "card_details-0-rarity": "Holo Rare",
            "card_details-0-finish": "holo",
            "card_details-0-release_date": "1999-01-09",
        },
    )

    response = admin_client.post(reverse("admin:inventory_collectible_add"), data)

    assert response.status_code == 302, response.content.decode()[:3000]
    card = CardDetails.objects.get(collectible__name="Charizard")
    assert card.set_code == "BS"
    assert card.finish == "holo"


def test_card_details_inline_refused_for_other_categories(admin_client: Client) -> None:
    vendor = VendorFactory()
    data = _collectible_post(
        vendor.pk, **{"card_details-TOTAL_FORMS": "1", "card_details-0-game": "Pokémon"}
    )

    response = admin_client.post(reverse("admin:inventory_collectible_add"), data)

    assert response.status_code == 200
    assert "Card details apply to trading cards only." in response.content.decode()
    assert not Collectible.objects.exists()


def test_card_details_admin_search(admin_client: Client) -> None:
    CardDetailsFactory(collectible=CollectibleFactory(name="Black Lotus"), game="Magic")
    CardDetailsFactory(collectible=CollectibleFactory(name="Dark Magician"), game="Yu-Gi-Oh!")

    body = admin_client.get(
        reverse("admin:inventory_carddetails_changelist"), {"q": "lotus"}
    ).content.decode()

    assert "Black Lotus" in body
    assert "Dark Magician" not in body


def test_collectible_marked_sold_in_the_admin_gets_the_sale_defaults(
    admin_client: Client,
) -> None:
    item = CollectibleFactory(vendor=VendorFactory(default_currency="EUR"), category="video_game")
    data = _collectible_post(item.vendor_id, status="sold", sale_price="90.00")

    response = admin_client.post(
        reverse("admin:inventory_collectible_change", args=[item.pk]), data
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    item.refresh_from_db()
    assert (item.status, item.sale_currency, item.sale_date) == (
        "sold",
        "EUR",
        timezone.localdate(),
    )


def test_collectible_back_to_owned_in_the_admin_forgets_the_sale(admin_client: Client) -> None:
    item = CollectibleFactory(category="video_game")
    Collectible.objects.filter(pk=item.pk).update(
        status="sold", sale_price="90", sale_currency="USD", sale_date="2024-01-01"
    )
    data = _collectible_post(
        item.vendor_id, sale_price="90.00", sale_currency="USD", sale_date="2024-01-01"
    )

    response = admin_client.post(
        reverse("admin:inventory_collectible_change", args=[item.pk]), data
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    item.refresh_from_db()
    assert (item.status, item.sale_price, item.sale_date, item.sale_currency) == (
        "owned",
        None,
        None,
        "",
    )


def test_collectible_changelist_filters_by_status_and_location(admin_client: Client) -> None:
    CollectibleFactory(name="In the box", location="Box 1")
    CollectibleFactory(name="Elsewhere", location="Shelf")

    response = admin_client.get(
        reverse("admin:inventory_collectible_changelist"), {"location": "Box 1", "status": "owned"}
    )

    assert response.status_code == 200
    assert "In the box" in response.content.decode()
    assert "Elsewhere" not in response.content.decode()


def test_collectible_add_wanted_defaults_the_max_price_currency(
    admin_client: Client, admin_user: object
) -> None:
    vendor = VendorFactory(default_currency="GBP")
    post = _collectible_post(
        vendor.pk, status="wanted", purchase_price="", purchase_date="", max_price="30.00",
        priority="1",
    )  # fmt: skip

    response = admin_client.post(reverse("admin:inventory_collectible_add"), post)

    assert response.status_code == 302, response.content.decode()[:3000]
    item = Collectible.objects.get(name="EarthBound")
    assert (item.status, item.max_price_currency, item.priority) == ("wanted", "GBP", 1)
