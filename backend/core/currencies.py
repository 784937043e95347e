"""ISO 4217 currency codes, from pycountry's copy of the ISO tables."""

from functools import cache
from typing import Any

import pycountry
from django.core.exceptions import ValidationError
from rest_framework import serializers

# Funds, precious metals and testing codes are not money a collector pays with.
_NON_TENDER = {
    "XAG",
    "XAU",
    "XPD",
    "XPT",
    "XBA",
    "XBB",
    "XBC",
    "XBD",
    "XDR",
    "XSU",
    "XTS",
    "XUA",
    "XXX",
    "BOV",
    "CHE",
    "CHW",
    "CLF",
    "COU",
    "MXV",
    "USN",
    "UYI",
    "UYW",
}


@cache
def currency_codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.currencies) - _NON_TENDER


def validate_currency_code(value: str) -> None:
    if value not in currency_codes():
        raise ValidationError(
            "%(value)s is not an ISO 4217 currency code (for example USD, EUR, GBP, JPY).",
            code="invalid_currency",
            params={"value": value},
        )


class CurrencyField(serializers.CharField):
    """An ISO 4217 code; accepts any case and stores it upper-cased."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 3)
        kwargs.setdefault("help_text", "ISO 4217 currency code, e.g. USD, EUR, GBP, JPY.")
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> str:
        value = super().to_internal_value(data).upper()
        if value:
            try:
                validate_currency_code(value)
            except ValidationError as exc:
                raise serializers.ValidationError(exc.messages) from exc
        return value
