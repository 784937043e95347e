"""The pure rules: what each kind needs and when its condition holds."""

from decimal import Decimal

from alerts.models import AlertKind
from alerts.rules import (
    Offer,
    PriceContext,
    Situation,
    price_verdict,
    rule_problems,
    value_change_verdict,
)

NO_HISTORY = PriceContext(lowest_before={}, highest_within={})
#: 1 EUR = 1.10 USD (what the service builds from valuation's RateBook).
RATES = {"EUR": Decimal("1"), "USD": Decimal("1.10")}


def convert(amount, source, target):
    if source not in RATES or target not in RATES:
        return None
    return (amount / RATES[source] * RATES[target]).quantize(Decimal("0.01"))


def verdict(kind, current, context=NO_HISTORY, out_of_stock=False, news=None, **params):
    values = {"target_amount": None, "target_currency": "", "percent": None, "window_days": None}
    situation = Situation(
        current=current,
        news=current if news is None else news,
        out_of_stock=out_of_stock,
        context=context,
    )
    return price_verdict(kind=kind, situation=situation, convert=convert, **{**values, **params})


def offer(key, price, currency="EUR", in_stock=True):
    return Offer(key=key, price=Decimal(price), currency=currency, in_stock=in_stock)


def test_the_lowest_offer_converted_to_the_targets_currency_triggers():
    found = verdict(
        AlertKind.PRICE_AT_OR_BELOW,
        [offer(1, "12"), offer(2, "9.50"), offer(3, "10", "USD")],  # 10 USD = 9.09 EUR
        target_amount=Decimal("10"),
        target_currency="EUR",
    )
    assert (found.holds, found.offer.key, found.compared) == (True, 3, Decimal("9.09"))


def test_an_offer_without_a_usable_rate_is_skipped_not_fired():
    params = {"target_amount": Decimal("10"), "target_currency": "EUR"}
    assert verdict(AlertKind.PRICE_AT_OR_BELOW, [offer(1, "1", "JPY")], **params).holds is None
    found = verdict(AlertKind.PRICE_AT_OR_BELOW, [offer(1, "1", "JPY"), offer(2, "12")], **params)
    assert (found.holds, found.offer.key) == (False, 2)


def test_an_out_of_stock_offer_is_no_offer():
    found = verdict(
        AlertKind.PRICE_AT_OR_BELOW,
        [offer(1, "5", in_stock=False)],
        target_amount=Decimal("10"),
        target_currency="EUR",
    )
    assert found.holds is None


def test_two_current_offers_either_side_of_the_target_keep_it_true():
    # Whichever tracker ran last, the item's best current offer is the same.
    current = [offer(1, "9"), offer(2, "12")]
    params = {"target_amount": Decimal("10"), "target_currency": "EUR"}
    for news in ([current[0]], [current[1]]):
        found = verdict(AlertKind.PRICE_AT_OR_BELOW, current, news=news, **params)
        assert (found.holds, found.offer.key) == (True, 1)


def test_back_in_stock_is_false_when_out_of_stock_and_unknown_without_news():
    assert verdict(AlertKind.BACK_IN_STOCK, [], out_of_stock=True).holds is False
    assert verdict(AlertKind.BACK_IN_STOCK, [offer(1, "5", in_stock=False)]).holds is False
    assert verdict(AlertKind.BACK_IN_STOCK, []).holds is None
    # Another tracker still offers it: still in stock.
    current = [offer(1, "5", in_stock=False), offer(2, "6")]
    assert verdict(AlertKind.BACK_IN_STOCK, current, out_of_stock=True).holds is True


def test_drop_compares_with_the_highest_price_in_the_window_in_its_currency():
    context = PriceContext(lowest_before={}, highest_within={7: {"EUR": Decimal("50")}})
    params = {"percent": Decimal("10"), "window_days": 7}
    assert verdict(AlertKind.DROP_PERCENT, [offer(1, "45")], context, **params).holds is True
    assert verdict(AlertKind.DROP_PERCENT, [offer(1, "46")], context, **params).holds is False
    assert verdict(AlertKind.DROP_PERCENT, [offer(1, "1", "USD")], context, **params).holds is None


def test_an_all_time_low_is_among_the_news_only():
    context = PriceContext(lowest_before={"EUR": Decimal("10")}, highest_within={})
    older = offer(1, "8")  # a current offer of another tracker, not news
    found = verdict(AlertKind.ALL_TIME_LOW, [older, offer(2, "9")], context, news=[offer(2, "9")])
    assert (found.holds, found.offer.key) == (True, 2)
    assert verdict(AlertKind.ALL_TIME_LOW, [offer(3, "10")], context).holds is False
    assert verdict(AlertKind.ALL_TIME_LOW, [offer(3, "1", "USD")], context).holds is None


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
