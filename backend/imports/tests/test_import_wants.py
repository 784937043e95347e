"""Importing a want list: status, maximum price (+ currency) and priority, checked row by
row like the other fields, and the list export read back as it was written."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import client_for

from imports import fields
from imports.tests.importing import Queue, commit, record_commits, upload
from imports.tests.test_import_values import reader
from imports.values import ValueProblem, parse_priority
from inventory.factories import CardDetailsFactory, CollectibleFactory
from inventory.models import Collectible
from users.factories import UserFactory
from vendors.factories import MembershipFactory
from vendors.models import Role
from vendors.selectors import personal_vendor_for_user

WANTS = ["name", "status", "max price", "max price currency", "priority"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1", 1), ("5", 5), ("2.0", 2), ("Highest", 1), ("high", 2), ("Normal", 3),
     ("medium", 3), ("LOW", 4), ("lowest", 5), ("1 (highest)", 1), ("5 (lowest)", 5)],
)  # fmt: skip
def test_priorities_by_number_or_word(text, expected):
    assert parse_priority(text) == expected


@pytest.mark.parametrize("text", ["0", "6", "12", "urgent", "-1", "1.5"])
def test_what_is_not_a_priority(text):
    with pytest.raises(ValueProblem, match="1 highest to 5 lowest"):
        parse_priority(text)


def test_a_want_list_sheet_is_mapped_by_its_headers():
    offered = [t.name for t in fields.offered_targets() if t.group == fields.WANT_LIST]
    assert offered == ["max_price", "max_price_currency", "priority"]
    mapping = fields.suggest(["Card", "Status", "Max price", "Budget currency", "Prio"]).mapping
    assert mapping == {
        "Card": "name",
        "Status": "status",
        "Max price": "max_price",
        "Budget currency": None,
        "Prio": "priority",
    }
    assert fields.suggest(["maximum price currency"]).mapping == {
        "maximum price currency": "max_price_currency"
    }


class TestRows:
    def test_a_wanted_row_as_it_would_be_stored(self):
        row_reader = reader(WANTS, {column: fields.SYNONYMS[column] for column in WANTS})
        outcome = row_reader.read([2, "Charizard", "Wishlist", "45,50 €", "", "high"])
        assert outcome.ok, outcome.errors
        assert {k: outcome.data[k] for k in ("status", "max_price", "max_price_currency")} == {
            "status": "wanted",
            "max_price": Decimal("45.50"),
            "max_price_currency": "EUR",
        }
        assert outcome.data["priority"] == 2
        # Without a currency anywhere, the vendor's (as the API does).
        plain = row_reader.read([3, "Mew", "wanted", "20", "", "1"])
        assert (plain.data["max_price_currency"], plain.data["priority"]) == ("USD", 1)
        stated = row_reader.read([4, "Mew", "wanted", "20", "gbp", ""])
        assert stated.data["max_price_currency"] == "GBP"

    def test_problems_are_named_by_row_and_column(self):
        row_reader = reader(WANTS, {column: fields.SYNONYMS[column] for column in WANTS})
        owned = row_reader.read([2, "Charizard", "owned", "45", "", ""])
        assert owned.error_dicts() == [
            {"row": 2, "column": "max price", "message": "Only a wanted item has a maximum price."}
        ]
        currency_only = row_reader.read([3, "Charizard", "", "", "EUR", ""])
        assert currency_only.errors == [
            ("max price currency", "Only a wanted item has a maximum price.")
        ]
        urgent = row_reader.read([4, "Charizard", "wanted", "", "", "urgent"])
        assert [column for column, _ in urgent.errors] == ["priority"]
        assert "is not a priority" in urgent.errors[0][1]
        clash = row_reader.read([5, "Charizard", "wanted", "$45", "EUR", ""])
        assert clash.errors == [
            ("max price currency", "The price says USD but the currency column says EUR.")
        ]

    def test_a_wanted_row_has_no_purchase_from_its_cells_and_defaults_leave_it_alone(self):
        columns = ["name", "status", "price paid", "currency"]
        mapping = {"name": "name", "status": "status", "price paid": "purchase_price",
                   "currency": "purchase_currency"}  # fmt: skip
        defaults = {"category": "trading_card", "purchase_currency": "EUR",
                    "max_price_currency": "EUR"}  # fmt: skip
        row_reader = reader(columns, mapping, defaults=defaults)
        paid = row_reader.read([2, "Mew", "wanted", "12", ""])
        assert paid.errors == [
            ("price paid", "A wanted item has no purchase yet: acquire it instead.")
        ]
        currency = row_reader.read([3, "Mew", "wanted", "", "GBP"])
        assert [column for column, _ in currency.errors] == ["currency"]
        assert "the maximum price" in currency.errors[0][1]
        # The defaults fill in only what each row's status has.
        wanted = row_reader.read([4, "Mew", "wanted", "", ""])
        owned = row_reader.read([5, "Pikachu", "owned", "3", ""])
        assert wanted.ok, wanted.errors
        assert owned.ok, owned.errors
        assert "purchase_currency" not in wanted.data
        assert wanted.data["max_price_currency"] == "EUR"
        assert "max_price_currency" not in owned.data
        assert owned.data["purchase_currency"] == "EUR"


@pytest.fixture
def owner(db):
    return UserFactory()


@pytest.fixture
def client(owner):
    return client_for(owner)


@pytest.fixture
def commits(monkeypatch) -> Queue:
    return record_commits(monkeypatch)


def _wants(vendor):
    mew = CollectibleFactory(
        vendor=vendor, name="Mew", set_name="Promo", number="8", category="trading_card",
        condition="excellent", purchase_price=None, purchase_currency="", status="wanted",
        max_price=Decimal("45.50"), max_price_currency="USD", priority=1, tags=["psychic"],
    )  # fmt: skip
    CardDetailsFactory(collectible=mew, language="ja", set_code="PR")
    CollectibleFactory(
        vendor=vendor, name="Zelda", category="video_game", condition="good",
        completeness="cib", purchase_price=None, purchase_currency="", status="wanted",
        max_price=None, max_price_currency="", priority=4,
    )  # fmt: skip


WANT_FIELDS = ("name", "set_name", "number", "category", "condition", "completeness",
               "status", "max_price", "max_price_currency", "priority", "tags",
               "purchase_price", "purchase_currency")  # fmt: skip


def _as_stored(items):
    return sorted(
        (*(getattr(item, name) for name in WANT_FIELDS),
         getattr(getattr(item, "card_details", None), "language", None))
        for item in items
    )  # fmt: skip


@pytest.mark.parametrize("export_format", ["csv", "xlsx", "json"])
def test_the_exported_want_list_imports_back_as_it_was(
    client, owner, commits, django_capture_on_commit_callbacks, export_format
):
    personal = personal_vendor_for_user(user=owner)
    _wants(personal)
    CollectibleFactory(vendor=personal, name="Owned one")  # not on the want list
    shop = MembershipFactory(user=owner, role=Role.EDITOR).vendor

    response = client.get("/api/v1/collectibles/export", {"status": "wanted",
                                                          "format": export_format})  # fmt: skip
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    job = upload(client, body, name=f"wants.{export_format}", vendor=shop.pk)
    assert job.status_code == 201, job.json()
    assert job.json()["counts"]["error"] == 0, job.json()["errors"]
    done = commit(client, job.json()["id"], commits, django_capture_on_commit_callbacks)

    assert (done["status"], done["created"]) == ("succeeded", 2)
    imported = Collectible.objects.filter(vendor=shop).select_related("card_details")
    original = Collectible.objects.filter(vendor=personal, status="wanted")
    assert _as_stored(imported) == _as_stored(original.select_related("card_details"))


def test_a_wanted_row_is_not_the_copy_already_owned(client, owner, commits,
                                                     django_capture_on_commit_callbacks):  # fmt: skip
    personal = personal_vendor_for_user(user=owner)
    CollectibleFactory(vendor=personal, name="Mew", set_name="", number="", condition="near_mint",
                       grade=None, grader="", external_ids={"tcg": "1"})  # fmt: skip
    sheet = ("name,category,status,max price,external_ids.tcg\n"
             "Mew,trading_card,wanted,40,1\nMew,trading_card,owned,,1\n")  # fmt: skip

    job = upload(client, sheet).json()
    assert [row["action"] for row in job["preview"]] == ["create", "skip"]
    done = commit(client, job["id"], commits, django_capture_on_commit_callbacks)

    assert (done["created"], done["skipped"]) == (1, 1)
    assert Collectible.objects.get(vendor=personal, status="wanted").max_price == Decimal("40")
