"""The words of an alert's notification: one code per kind of firing, its parameters
(JSON), and the renderer that writes title and body in the active language.

Evaluation composes each firing with `price_text` / `paused_text` / `value_text`: the
English text is stored (the event's message, the inbox row's fallback) and the code with
its parameters goes into the notification's data, so the inbox and every delivery write
it again in their reader's language (notifications.texts). No query: everything the
words need is what evaluation already read.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from alerts.models import AlertKind
from notifications.texts import (
    Text,
    day_text,
    moment_text,
    money_text,
    number_text,
    percent_text,
    register_text,
    text_compose,
)
from price_history.failure_texts import paused_text as paused_reason_text

PRICE = "alert.price"
PAUSED = "alert.tracker_paused"
VALUE = "alert.collection_value"


def _amount(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def price_text(
    *,
    kind: str,
    item: str,
    price: Decimal,
    currency: str,
    observed_at: datetime,
    source: str,
    url: str,
    target_amount: Decimal | None = None,
    target_currency: str = "",
    percent: Decimal | None = None,
    window_days: int | None = None,
    converted: Decimal | None = None,
) -> Text:
    """A price rule fired by an offer (`converted`: its price in the target's currency)."""
    return text_compose(
        PRICE,
        {
            "kind": kind, "item": item, "price": _amount(price), "currency": currency,
            "observed_at": observed_at.isoformat(), "source": source,
            "host": (urlsplit(url).hostname or "") if url else "",
            "target_amount": _amount(target_amount), "target_currency": target_currency,
            "percent": None if percent is None else str(percent), "window_days": window_days,
            "converted": _amount(converted),
        },
    )  # fmt: skip


def _price(params: Mapping[str, Any]) -> tuple[str, str]:
    seen = money_text(params["price"], params["currency"])
    money = seen
    converted = params.get("converted")
    if converted is not None:
        money += f" ({money_text(converted, params['target_currency'])})"
    kind, item = params["kind"], params["item"]
    if kind == AlertKind.PRICE_AT_OR_BELOW:
        target = money_text(params["target_amount"], params["target_currency"])
        title = _("%(item)s: %(money)s, at or below your %(target)s") % {
            "item": item, "money": money, "target": target,
        }  # fmt: skip
    elif kind == AlertKind.DROP_PERCENT:
        days = int(params["window_days"])
        title = ngettext(
            "%(item)s: %(money)s, down %(percent)s or more in %(days)s day",
            "%(item)s: %(money)s, down %(percent)s or more in %(days)s days",
            days,
        ) % {"item": item, "money": money, "percent": percent_text(params["percent"]), "days": days}
    elif kind == AlertKind.ALL_TIME_LOW:
        title = _("%(item)s: new all-time low, %(money)s") % {"item": item, "money": money}
    else:
        title = _("%(item)s is back in stock: %(money)s") % {"item": item, "money": money}
    where = params["source"] + (f" ({params['host']})" if params.get("host") else "")
    body = _("Seen on %(where)s at %(moment)s.") % {
        "where": where, "moment": moment_text(params["observed_at"]),
    }  # fmt: skip
    if converted is not None:
        body += " " + _("%(price)s is %(converted)s at today's exchange rate.") % {
            "price": seen, "converted": money_text(converted, params["target_currency"]),
        }  # fmt: skip
    return title, body


def paused_text(
    *, item: str, url: str, reason: str, failures: int, error: Mapping[str, Any]
) -> Text:
    """A tracker paused after failures; `error`: its last one (kind, message, code,
    params), `reason` the pause's stored English reason."""
    return text_compose(
        PAUSED,
        {
            "item": item, "host": urlsplit(url).hostname or "", "reason": reason,
            "failures": failures, "error": dict(error),
        },
    )  # fmt: skip


def _paused(params: Mapping[str, Any]) -> tuple[str, str]:
    title = _("%(item)s: a tracker stopped (%(host)s)") % {
        "item": params["item"], "host": params["host"],
    }  # fmt: skip
    error = params["error"]
    body = paused_reason_text(
        reason=params["reason"], failures=int(params["failures"]), kind=error.get("kind", ""),
        message=error.get("message", ""), code=error.get("code", ""), params=error.get("params"),
    )  # fmt: skip
    return title, body


def value_text(
    *,
    vendor: str,
    change: Decimal,
    before: Decimal,
    now: Decimal,
    currency: str,
    before_day: date,
    day: date,
) -> Text:
    """A collection's value moved by `change` % between two snapshots."""
    return text_compose(
        VALUE,
        {
            "vendor": vendor, "change": str(change), "before": _amount(before),
            "now": _amount(now), "currency": currency, "before_day": before_day.isoformat(),
            "day": day.isoformat(),
        },
    )  # fmt: skip


def _value(params: Mapping[str, Any]) -> tuple[str, str]:
    change = Decimal(params["change"])
    values = {"vendor": params["vendor"], "change": percent_text(abs(change))}
    if change > 0:
        title = _("%(vendor)s: collection value up %(change)s") % values
    else:
        title = _("%(vendor)s: collection value down %(change)s") % values
    body = _("%(before)s → %(now)s (%(from)s → %(to)s).") % {
        "before": number_text(params["before"]),
        "now": money_text(params["now"], params["currency"]),
        "from": day_text(params["before_day"]),
        "to": day_text(params["day"]),
    }
    return title, body


def register() -> None:
    """From `AlertsConfig.ready()`: the renderers of the alerts' codes."""
    register_text(PRICE, _price)
    register_text(PAUSED, _paused)
    register_text(VALUE, _value)
