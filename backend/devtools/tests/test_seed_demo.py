from io import StringIO

import pytest
from django.core.management import call_command

from devtools import demo_data
from inventory.models import MAX_TAG_LENGTH, MAX_TAGS, CardDetails, Category, Collectible
from inventory.serializers import CollectibleSerializer
from inventory.tags import normalize_tag
from users.models import User
from vendors.models import Membership, Role, Vendor

pytestmark = pytest.mark.django_db


def _seed(*args: str) -> str:
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def _snapshot() -> dict[str, object]:
    return {
        "users": list(User.objects.values_list("id", "email", "password", "display_name")),
        "vendors": list(Vendor.objects.values_list("id", "name", "default_currency", "updated_at")),
        "memberships": list(Membership.objects.values_list("id", "user_id", "vendor_id", "role")),
        "collectibles": list(Collectible.objects.order_by("id").values_list("id", "updated_at")),
        "card_details": CardDetails.objects.count(),
    }


def test_seed_creates_demo_account_personal_collection_and_items() -> None:
    output = _seed()

    user = User.objects.get(email=demo_data.DEMO_EMAIL)
    assert user.display_name == "Demo Collector"
    assert user.check_password("demo-collector-2026")
    assert user.email_verified  # its address gets no mail: no banner asking to verify it
    vendor = Vendor.objects.get(memberships__user=user)
    assert vendor.is_personal
    assert vendor.default_currency == "USD"
    assert Membership.objects.get(user=user).role == Role.OWNER
    items = Collectible.objects.filter(vendor=vendor)
    assert items.count() == len(demo_data.DEMO_COLLECTIBLES) >= 40
    assert set(items.values_list("category", flat=True)) == set(Category.values) - {"other"}
    assert set(items.values_list("created_by", flat=True)) == {user.pk}
    assert "demo@omni-stock.local" in output
    assert "demo-collector-2026" in output
    assert f"Added {len(demo_data.DEMO_COLLECTIBLES)} items" in output


def test_seeded_cards_have_card_details_and_some_are_graded() -> None:
    _seed()

    cards = Collectible.objects.filter(category=Category.TRADING_CARD)
    assert cards.exists()
    assert CardDetails.objects.filter(collectible__in=cards).count() == cards.count()
    assert not CardDetails.objects.exclude(collectible__category=Category.TRADING_CARD).exists()
    graders = set(Collectible.objects.exclude(grader="").values_list("grader", flat=True))
    assert {"psa", "bgs", "cgc", "pcgs", "ngc"} <= graders
    charizard = Collectible.objects.get(name="Charizard")
    assert charizard.number == "4/102"
    assert charizard.card_details.set_code == "BS"
    coin_grades = Collectible.objects.filter(category=Category.COIN).exclude(grade=None)
    assert all(1 <= c.grade <= 70 for c in coin_grades)


def test_seed_is_idempotent() -> None:
    _seed()
    before = _snapshot()

    output = _seed()

    assert _snapshot() == before
    assert "Nothing to do" in output
    assert User.objects.filter(email=demo_data.DEMO_EMAIL).count() == 1
    assert Vendor.objects.count() == 1
    assert Collectible.objects.count() == len(demo_data.DEMO_COLLECTIBLES)


def test_seed_resets_a_changed_password_and_restores_missing_items() -> None:
    _seed()
    user = User.objects.get(email=demo_data.DEMO_EMAIL)
    user.set_password("someone-changed-it-42")
    user.save()
    Collectible.objects.get(name="EarthBound").delete()
    edited = Collectible.objects.get(name="Saga #1")
    edited.notes = "edited during the demo"
    edited.save()

    output = _seed()

    user.refresh_from_db()
    assert user.check_password(demo_data.DEMO_PASSWORD)
    assert "password" in output
    assert Collectible.objects.filter(name="EarthBound").count() == 1
    assert Collectible.objects.count() == len(demo_data.DEMO_COLLECTIBLES)
    # Items already there are left alone without --reset...
    assert Collectible.objects.get(name="Saga #1").notes == "edited during the demo"

    _seed("--reset")

    # ...and restored with it.
    assert Collectible.objects.get(name="Saga #1").notes == "First print, raw."
    assert Collectible.objects.count() == len(demo_data.DEMO_COLLECTIBLES)


def test_seed_recreates_a_missing_personal_collection() -> None:
    _seed()
    Vendor.objects.all().delete()

    _seed()

    user = User.objects.get(email=demo_data.DEMO_EMAIL)
    vendor = Vendor.objects.get(memberships__user=user, is_personal=True)
    assert vendor.collectibles.count() == len(demo_data.DEMO_COLLECTIBLES)


def test_demo_data_names_are_unique_and_tags_normalised() -> None:
    names = [entry["name"] for entry in demo_data.DEMO_COLLECTIBLES]
    assert len(names) == len(set(names))
    for entry in demo_data.DEMO_COLLECTIBLES:
        tags = entry.get("tags", [])
        assert len(tags) <= MAX_TAGS
        assert all(tag == normalize_tag(tag) and len(tag) <= MAX_TAG_LENGTH for tag in tags)
        assert ("card_details" in entry) == (entry["category"] == Category.TRADING_CARD)


def test_seeded_items_pass_the_api_validation() -> None:
    """What the demo shows must be data a collector could have entered through the API."""
    _seed()

    for item in Collectible.objects.select_related("card_details"):
        payload = CollectibleSerializer(item).data
        payload.pop("vendor")
        serializer = CollectibleSerializer(data=payload)
        assert serializer.is_valid(), (item.name, serializer.errors)
