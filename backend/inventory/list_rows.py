"""A list page's rows formatted by hand, exactly as `CollectibleSerializer` formats each
item (a test pins the two): DRF's per-object, per-field machinery was most of a list
request's time (docs/performance.md)."""

from datetime import datetime, tzinfo
from typing import Any

from django.utils import timezone

from core.serializers import date_text, datetime_text, decimal_text
from inventory import extensions
from inventory.photo_serializers import cover_photo_of


def collectible_list_rows(
    rows: list[dict[str, Any]], *, now: datetime | None = None
) -> list[dict[str, Any]]:
    """A list page's rows (`selectors.CollectibleRows`) formatted by hand, exactly as
    `CollectibleSerializer` formats each item (a test pins the two): DRF's per-object,
    per-field machinery was most of a list request's time (docs/performance.md).
    `now`: the instant price ages are counted to (default: now)."""
    now = now or timezone.now()
    zone = timezone.get_current_timezone()
    return [_list_row(row, now, zone) for row in rows]


def _list_row(row: dict[str, Any], now: datetime, zone: tzinfo) -> dict[str, Any]:
    formatted = {
        "id": row["id"],
        "vendor": row["vendor_id"],
        "created_by": row["created_by_id"],
        "name": row["name"],
        "category": row["category"],
        "set_name": row["set_name"],
        "number": row["number"],
        "condition": row["condition"],
        "completeness": row["completeness"],
        "grader": row["grader"],
        "grade": decimal_text(row["grade"], 1),
        "cert_number": row["cert_number"],
        "quantity": row["quantity"],
        "purchase_price": decimal_text(row["purchase_price"], 2),
        "purchase_currency": row["purchase_currency"],
        "purchase_date": date_text(row["purchase_date"]),
        "purchase_fees": decimal_text(row["purchase_fees"], 2),
        "purchase_shipping": decimal_text(row["purchase_shipping"], 2),
        "status": row["status"],
        "sale_price": decimal_text(row["sale_price"], 2),
        "sale_currency": row["sale_currency"],
        "sale_date": date_text(row["sale_date"]),
        "sale_fees": decimal_text(row["sale_fees"], 2),
        "max_price": decimal_text(row["max_price"], 2),
        "max_price_currency": row["max_price_currency"],
        "priority": row["priority"],
        "location": row["location"],
        "notes": row["notes"],
        "tags": list(row["tags"]),
        "external_ids": row["external_ids"],
        "card_details": _card_details_of_row(row),
        "cover_photo": cover_photo_of(row["cover_image"], row["cover_thumbnail"]),
    }
    for extension in extensions.registered():
        formatted[extension.field] = extension.format_row(row, now=now, zone=zone)
    formatted["created_at"] = datetime_text(row["created_at"], zone)
    formatted["updated_at"] = datetime_text(row["updated_at"], zone)
    return formatted


def _card_details_of_row(row: dict[str, Any]) -> dict[str, Any] | None:
    if row["card_details__pk"] is None:
        return None
    return {
        "game": row["card_details__game"],
        "language": row["card_details__language"],
        "market_region": row["card_details__market_region"],
        "rarity": row["card_details__rarity"],
        "finish": row["card_details__finish"],
        "release_date": date_text(row["card_details__release_date"]),
        "set_code": row["card_details__set_code"],
    }
