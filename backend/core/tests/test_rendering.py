"""The API renders JSON with orjson (settings.REST_FRAMEWORK); it must write what DRF's own
JSON renderer writes, so switching renderers changed no response."""

import json
import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

from django.utils.translation import gettext_lazy
from rest_framework.renderers import JSONRenderer
from rest_framework.settings import api_settings
from rest_framework.utils.serializer_helpers import ReturnDict, ReturnList


def test_the_configured_renderer_writes_what_drfs_json_renderer_writes():
    (renderer_class,) = api_settings.DEFAULT_RENDERER_CLASSES
    assert renderer_class is not JSONRenderer
    body = ReturnDict(
        {
            "utc": datetime(2026, 3, 1, 12, 30, tzinfo=UTC),
            "offset": datetime(2026, 3, 1, 12, 30, 5, 120, tzinfo=timezone(timedelta(hours=2))),
            "naive": datetime(2026, 3, 1, 12, 30),
            "day": date(2026, 2, 28),
            "id": uuid.UUID("12345678-1234-5678-1234-567812345678"),
            "lazy": gettext_lazy("This field is required."),
            "text": 'Pokémon “Charizard” <b>&</b> \\ " ✓',
            "numbers": [0, -1, 2**53, 0.5, 12345.678, 0.1 + 0.2, None, True, False],
            "nested": ReturnList([{"a": {}}, []], serializer=None),
            5: "an integer key",
        },
        serializer=None,
    )

    assert renderer_class().render(body) == JSONRenderer().render(body)
    # Known differences. Exponents are written 1e-7, not 1e-07 (the same number):
    tiny = {"rank": 1e-7}
    assert json.loads(renderer_class().render(tiny)) == json.loads(JSONRenderer().render(tiny))
    # A Decimal that reached the renderer unformatted (serializers format every amount)
    # is a string, as amounts are everywhere in this API, where DRF's would write a float.
    assert renderer_class().render({"price": Decimal("1234.50")}) == b'{"price":"1234.50"}'


def test_responses_are_json_of_the_declared_type(auth_client):
    response = auth_client.get("/api/v1/collectibles/")

    assert response["Content-Type"] == "application/json"
    assert response.json()["results"] == []
