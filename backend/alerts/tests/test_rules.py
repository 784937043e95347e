"""The pure rules: what each kind needs and when its condition holds."""

from decimal import Decimal

from alerts.models import AlertKind
from alerts.rules import Offer, PriceContext, price_verdict, rule_problems, value_change_verdict

NO_HISTORY = PriceContext(lowest_before={}, highest_within={})


def verdict(kind, offers, context=NO_HISTORY, out_of_stock=False, **params):
    values = {"target_amount": None, "target_currency": "", "percent": None, "window_days": None}
    return price_verdict(
        kind=kind, offers=offers, out_of_stock=out_of_stock, context=context, **{**values, **params}
    )


def offer(key, price, currency="EUR", in_stock=True):
    return Offer(key=key, price=Decimal(price), currency=currency, in_stock=in_stock)


def test_the_lowest_offer_in_the_targets_currency_triggers():
    found = verdict(
        AlertKind.PRICE_AT_OR_BELOW,
        [offer(1, "12"), offer(2, "9"), offer(3, "1", "USD")],
        target_amount=Decimal("10"),
        target_currency="EUR",
    )
    assert (found.holds, found.offer.key) == (True, 2)


def test_an_out_of_stock_offer_is_no_offer():
    found = verdict(
        AlertKind.PRICE_AT_OR_BELOW,
        [offer(1, "5", in_stock=False)],
        target_amount=Decimal("10"),
        target_currency="EUR",
    )
    assert found.holds is None


def test_back_in_stock_is_false_when_out_of_stock_and_unknown_without_news():
    assert verdict(AlertKind.BACK_IN_STOCK, [], out_of_stock=True).holds is False
    assert verdict(AlertKind.BACK_IN_STOCK, []).holds is None


def test_drop_compares_with_the_highest_price_in_the_window():
    context = PriceContext(lowest_before={}, highest_within={7: {"EUR": Decimal("50")}})
    params = {"percent": Decimal("10"), "window_days": 7}
    assert verdict(AlertKind.DROP_PERCENT, [offer(1, "45")], context, **params).holds is True
    assert verdict(AlertKind.DROP_PERCENT, [offer(1, "46")], context, **params).holds is False


def test_value_change_either_way():
    assert value_change_verdict(
        percent=Decimal("10"), before=Decimal("100"), now=Decimal("89")
    ) == (True, Decimal("-11.00"))
    assert value_change_verdict(percent=Decimal("10"), before=Decimal("0"), now=Decimal("5")) == (
        None,
        None,
    )


def test_problems_name_the_field():
    assert rule_problems(kind=AlertKind.TRACKER_PAUSED, has_item=False, values={}) == {}
    assert set(
        rule_problems(kind=AlertKind.DROP_PERCENT, has_item=True, values={"window_days": 0})
    ) == {"percent", "window_days"}
