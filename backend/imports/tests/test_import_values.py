"""Reading cells as people type them, and the mapping suggested for known exports."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from imports import fields
from imports.fields import TARGETS
from imports.rows import RowReader
from imports.values import (
    ValueProblem,
    parse_choice,
    parse_date,
    parse_grade,
    parse_money,
    parse_quantity,
)

DISCOGS_HEADERS = [
    "Catalog#", "Artist", "Title", "Label", "Format", "Rating", "Released", "release_id",
    "CollectionFolder", "Date Added", "Collection Media Condition",
    "Collection Sleeve Condition", "Collection Notes",
]  # fmt: skip
PRICECHARTING_HEADERS = [
    "id", "product-name", "console-name", "loose-price", "cib-price", "new-price",
    "condition-string", "price-paid", "date-purchased", "quantity",
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("1,250.50", "1250.50", None),
        ("1.250,50", "1250.50", None),
        ("12,50 €", "12.50", "EUR"),
        ("$12", "12.00", "USD"),
        ("€ 1.250", "1250.00", "EUR"),
        ("GBP 3.99", "3.99", "GBP"),
        ("0", "0.00", None),
    ],
)
def test_prices_in_the_formats_people_type(text, amount, currency):
    assert parse_money(text) == (Decimal(amount), currency)


@pytest.mark.parametrize("text", ["abc", "-5", "twelve", "12345678901"])
def test_what_is_not_a_price(text):
    with pytest.raises(ValueProblem):
        parse_money(text)


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        ("2024-03-05", False, date(2024, 3, 5)),
        ("2024/03/05", True, date(2024, 3, 5)),
        ("2020-02-18 10:53:08", False, date(2020, 2, 18)),  # Discogs' Date Added
        ("05/03/2024", True, date(2024, 3, 5)),
        ("05/03/2024", False, date(2024, 5, 3)),
        ("25/03/2024", False, date(2024, 3, 25)),  # only one order reads it
        ("05.03.2024", False, date(2024, 3, 5)),  # dots: day first, as in Europe
        ("5/3/24", True, date(2024, 3, 5)),
        ("March 5, 2024", False, date(2024, 3, 5)),
        ("5 March 2024", False, date(2024, 3, 5)),
        ("Mar. 5 2024", True, date(2024, 3, 5)),
    ],
)
def test_dates(text, day_first, expected):
    assert parse_date(text, day_first=day_first) == expected


@pytest.mark.parametrize("text", ["31/31/2024", "2024-02-30", "soon", "1959"])
def test_what_is_not_a_date(text):
    with pytest.raises(ValueProblem, match="not a date"):
        parse_date(text, day_first=True)


@pytest.mark.parametrize(("text", "expected"), [("2", 2), ("x3", 3), ("4x", 4), ("1.0", 1)])
def test_quantities(text, expected):
    assert parse_quantity(text) == expected


@pytest.mark.parametrize("text", ["0", "-1", "two", "1.5"])
def test_what_is_not_a_quantity(text):
    with pytest.raises(ValueProblem):
        parse_quantity(text)


def test_grades_may_name_their_grader():
    assert parse_grade("9.5") == (None, Decimal("9.5"))
    assert parse_grade("PSA 10") == ("psa", Decimal("10"))
    with pytest.raises(ValueProblem):
        parse_grade("ACME 10")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("NM", "near_mint"), ("Near Mint", "near_mint"), ("near_mint", "near_mint"),
     ("LP", "excellent"), ("Loose", "loose"), ("CIB", "cib"), ("mint", "mint")],
)  # fmt: skip
def test_conditions_by_their_names_and_abbreviations(text, expected):
    assert parse_choice(text, TARGETS["condition"], {}) == expected


def test_a_value_map_comes_first_and_ignores_case():
    value_map = {"NM": "mint"}
    assert parse_choice("nm", TARGETS["condition"], value_map) == "mint"
    with pytest.raises(ValueProblem, match="Unknown condition 'shiny'"):
        parse_choice("shiny", TARGETS["condition"], value_map)


class TestSuggestedMapping:
    def test_the_generic_sheet(self):
        columns = ["name", "set", "number", "condition", "quantity", "price paid", "date"]
        suggestion = fields.suggest(columns)
        assert suggestion.profile == ""
        assert suggestion.mapping == {
            "name": "name", "set": "set_name", "number": "number", "condition": "condition",
            "quantity": "quantity", "price paid": "purchase_price", "date": "purchase_date",
        }  # fmt: skip

    def test_a_field_is_suggested_for_the_first_column_of_its_name_only(self):
        suggestion = fields.suggest(["Price", "Price paid"])
        assert suggestion.mapping == {"Price": "purchase_price", "Price paid": None}

    def test_the_discogs_collection_export(self):
        suggestion = fields.suggest(DISCOGS_HEADERS)
        assert suggestion.profile == "discogs"
        mapping = suggestion.mapping
        assert (mapping["Artist"], mapping["Title"]) == ("name", "name")
        assert mapping["release_id"] == "external_ids.discogs"
        assert mapping["Catalog#"] == "number"
        assert mapping["Collection Media Condition"] == "condition"
        assert mapping["CollectionFolder"] == "location"
        assert mapping["Rating"] is None
        assert suggestion.defaults == {"category": "vinyl"}
        assert suggestion.value_maps["condition"]["Very Good Plus (VG+)"] == "excellent"

    def test_the_pricecharting_export(self):
        suggestion = fields.suggest(PRICECHARTING_HEADERS)
        assert suggestion.profile == "pricecharting"
        mapping = suggestion.mapping
        assert mapping["id"] == "external_ids.pricecharting"
        assert (mapping["product-name"], mapping["console-name"]) == ("name", "set_name")
        assert mapping["loose-price"] is None  # a market price, not what was paid
        assert mapping["price-paid"] == "purchase_price"
        assert mapping["condition-string"] == "completeness"


def reader(columns, mapping, **options):
    return RowReader(
        columns=columns,
        mapping=mapping,
        value_maps=options.get("value_maps", {}),
        defaults=options.get("defaults", {"category": "trading_card"}),
        day_first=options.get("day_first", False),
        vendor_currency="USD",
    )


class TestRows:
    def test_a_discogs_row_as_it_would_be_stored(self):
        suggestion = fields.suggest(DISCOGS_HEADERS)
        row_reader = reader(
            DISCOGS_HEADERS, suggestion.mapping, value_maps=suggestion.value_maps,
            defaults=suggestion.defaults,
        )  # fmt: skip
        cells = ["CL 1355", "Miles Davis", "Kind of Blue", "Columbia", "Vinyl, LP, Album", "5",
                 "1959", "1234567", "Jazz Shelf", "2023-01-15 10:00:00",
                 "Very Good Plus (VG+)", "Very Good (VG)", "First pressing"]  # fmt: skip
        outcome = row_reader.read([2, *cells])
        assert outcome.ok, outcome.errors
        assert outcome.data["name"] == "Miles Davis – Kind of Blue"
        assert outcome.data["category"] == "vinyl"
        assert outcome.data["condition"] == "excellent"
        assert outcome.data["external_ids"] == {"discogs": "1234567"}
        assert outcome.data["tags"] == ["vinyl", "lp", "album"]
        assert outcome.data["location"] == "Jazz Shelf"
        assert outcome.data["notes"] == (
            "Collection Sleeve Condition: Very Good (VG)\nCollection Notes: First pressing"
        )

    def test_the_currency_comes_from_the_cell_else_the_column_else_the_vendor(self):
        columns = ["name", "price", "currency"]
        mapping = {"name": "name", "price": "purchase_price", "currency": "purchase_currency"}
        row_reader = reader(columns, mapping)
        assert row_reader.read([2, "A", "12,50 €", ""]).data["purchase_currency"] == "EUR"
        assert row_reader.read([3, "A", "12.50", "gbp"]).data["purchase_currency"] == "GBP"
        assert row_reader.read([4, "A", "12.50", ""]).data["purchase_currency"] == "USD"
        clash = row_reader.read([5, "A", "$12", "EUR"])
        assert clash.errors == [
            ("currency", "The price says USD but the currency column says EUR.")
        ]

    def test_loose_in_a_condition_column_is_the_completeness(self):
        row_reader = reader(["name", "cond"], {"name": "name", "cond": "condition"})
        outcome = row_reader.read([2, "Zelda", "Loose"])
        assert outcome.data["completeness"] == "loose"
        assert "condition" not in outcome.data

    def test_model_rules_are_reported_against_their_column(self):
        columns = ["name", "cert"]
        row_reader = reader(columns, {"name": "name", "cert": "cert_number"})
        outcome = row_reader.read([7, "A", "12345"])
        assert outcome.error_dicts() == [
            {
                "row": 7,
                "column": "cert",
                "message": "A certificate number needs a grader and a grade.",
            }
        ]

    def test_a_row_without_a_category_says_how_to_give_one(self):
        row_reader = reader(["name"], {"name": "name"}, defaults={})
        assert "default category" in row_reader.read([2, "A"]).errors[0][1]
