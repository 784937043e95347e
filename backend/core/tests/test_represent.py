"""`core.serializers.represent`: one built serializer answers as a new one would."""

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from decimal import Decimal

from rest_framework import serializers

from core.serializers import represent


class _Line(serializers.Serializer):
    name = serializers.CharField()
    price = serializers.DecimalField(max_digits=8, decimal_places=2, allow_null=True)
    seen_at = serializers.DateTimeField()


class _Answer(serializers.Serializer):
    title = serializers.CharField()
    top = _Line(allow_null=True)
    lines = _Line(many=True)


def _answer(n: int) -> dict:
    line = {
        "name": f"item {n}",
        "price": Decimal(n) / 4,
        "seen_at": datetime(2026, 1, n % 28 + 1, tzinfo=UTC),
    }
    return {"title": f"answer {n}", "top": line if n % 2 else None, "lines": [line] * (n % 4)}


def test_a_built_serializer_gives_what_a_new_one_gives_each_time():
    for n in range(1, 9):
        assert represent(_Answer, _answer(n)) == _Answer(_answer(n)).data


def test_threads_share_it_without_mixing_answers():
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda n: represent(_Answer, _answer(n)), range(1, 200)))
    assert got == [_Answer(_answer(n)).data for n in range(1, 200)]
