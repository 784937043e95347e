"""The pure rules of cost basis and realised gain, on items in memory (no database)."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from inventory.models import Collectible
from valuation import rules

NOW = datetime(2026, 11, 20, 12, tzinfo=UTC)
BOUGHT = date(2024, 1, 10)
SOLD_ON = date(2026, 6, 1)


class FixedRates:
    """Units per euro by (currency, day); the euro is 1 (as `RateBook`)."""

    def __init__(self, **by_day: dict[str, str]) -> None:
        self.by_day = by_day

    def convert(self, amount: Decimal, source: str, target: str, day: date) -> Decimal | None:
        if source == target:
            return amount
        table = {"EUR": "1", **self.by_day.get(day.isoformat(), {})}
        if source not in table or target not in table:
            return None
        return amount / Decimal(table[source]) * Decimal(table[target])


RATES = FixedRates(
    **{
        BOUGHT.isoformat(): {"USD": "1.25", "JPY": "160"},
        SOLD_ON.isoformat(): {"USD": "1.10", "JPY": "170"},
        NOW.date().isoformat(): {"USD": "1.00", "JPY": "150"},
    }
)


def item(**fields):
    defaults = {
        "pk": 1,
        "quantity": 1,
        "purchase_price": Decimal("100"),
        "purchase_currency": "EUR",
        "purchase_date": BOUGHT,
        "created_at": datetime(2024, 1, 10, tzinfo=UTC),
    }
    return Collectible(**{**defaults, **fields})


def value(it, *, currency="EUR", observed=None):
    return rules.value_item(
        item=it, observed=observed, manual=None, currency=currency, as_of=NOW, rates=RATES
    )


def test_cost_basis_adds_fees_and_shipping_once_per_line():
    line = item(quantity=3, purchase_fees=Decimal("4.50"), purchase_shipping=Decimal("6"))

    assert rules.line_cost(line) == Decimal("310.50")  # 3 x 100 + 4.50 + 6
    assert value(line).cost == Decimal("310.50")


def test_cost_basis_converts_fees_at_the_purchase_date_rate():
    line = item(
        purchase_price=Decimal("1000"), purchase_currency="USD",
        purchase_fees=Decimal("25"), purchase_shipping=Decimal("25"),
    )  # fmt: skip

    assert value(line).cost == Decimal("840.00")  # 1050 USD / 1.25


def test_without_a_purchase_price_fees_make_no_cost_basis():
    assert rules.line_cost(item(purchase_price=None, purchase_fees=Decimal("5"))) is None
    assert value(item(purchase_price=Decimal("0"), purchase_shipping=Decimal("5"))).cost == 5


def test_a_purchase_basis_value_is_the_price_paid_not_the_fees():
    valued = value(item(quantity=2, purchase_fees=Decimal("10")))

    assert (valued.basis, valued.unit_value, valued.value, valued.cost) == (
        "purchase", Decimal("100.00"), Decimal("200.00"), Decimal("210.00"),
    )  # fmt: skip


def sold(**fields):
    return item(**{"status": "sold", "sale_price": Decimal("330"), "sale_date": SOLD_ON, **fields})


def test_a_sold_item_has_a_realised_gain_at_the_sale_date_rate_not_a_value():
    line = sold(
        purchase_currency="USD", purchase_fees=Decimal("25"), sale_currency="USD",
        sale_fees=Decimal("22"),
    )  # fmt: skip
    observed = rules.Price(Decimal("999"), "EUR", NOW, "pricecharting", "")

    result = value(line, observed=observed)

    assert result.basis == "sold"
    assert (result.value, result.unit_value, result.price) == (None, None, None)
    assert result.cost == Decimal("100.00")  # 125 USD / 1.25 on the purchase date
    assert result.proceeds == Decimal("280.00")  # (330 - 22) USD / 1.10 on the sale date
    assert result.realised_gain == Decimal("180.00")


def test_a_blank_sale_currency_is_the_vendors():
    assert value(sold(), currency="EUR").proceeds == Decimal("330.00")


def test_a_sale_without_its_days_rate_is_unconvertible_never_a_wrong_number():
    result = value(sold(sale_currency="CHF"))

    assert (result.proceeds, result.realised_gain, result.unconvertible) == (None, None, True)


def test_a_sold_item_without_a_cost_has_proceeds_but_no_realised_gain():
    result = value(sold(purchase_price=None))

    assert (result.proceeds, result.realised_gain) == (Decimal("330.00"), None)


@pytest.mark.parametrize(
    ("day", "owned", "sold_item"),
    [
        (date(2024, 1, 9), False, False),  # not yet bought
        (BOUGHT, True, True),
        (date(2026, 5, 31), True, True),  # the day before the sale
        (SOLD_ON, True, False),  # sold that day: out by its end
        (NOW.date(), True, False),
    ],
)
def test_an_item_is_in_the_collection_from_its_purchase_until_its_sale(day, owned, sold_item):
    assert rules.in_collection_on(item(), day) is owned
    assert rules.in_collection_on(sold(), day) is sold_item


def test_totals_keep_sold_items_out_of_the_collection_and_in_the_realised_gain():
    owned = value(item())
    winner, loser = value(sold()), value(sold(sale_price=Decimal("40"), sale_fees=Decimal("4")))
    unknown = value(sold(purchase_price=None))

    summary = rules.totals([owned, winner, loser, unknown])

    assert (summary.item_count, summary.total_value, summary.cost_basis) == (
        1, Decimal("100.00"), Decimal("100.00"),
    )  # fmt: skip
    assert summary.sold_count == 3
    assert summary.realised == {
        "amount": Decimal("166.00"),  # (330 - 100) + (36 - 100)
        "percent": Decimal("83.00"),
        "proceeds": Decimal("366.00"),
        "cost": Decimal("200.00"),
        "item_count": 2,
    }
