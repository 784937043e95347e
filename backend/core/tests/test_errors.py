import pytest
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from core.exceptions import api_exception_handler, flatten_errors

pytestmark = pytest.mark.django_db


def test_unknown_api_url_is_json_404_in_the_error_shape(client):
    response = client.get("/api/v1/no-such-thing/")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found.", "code": "not_found"}


def test_unsupported_method_is_405_in_the_error_shape(auth_client):
    response = auth_client.delete("/api/v1/auth/me")

    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"


def test_malformed_json_is_400_in_the_error_shape(auth_client):
    response = auth_client.post(
        "/api/v1/collectibles/", data="{not json", content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"
    assert "JSON" in response.json()["detail"]


def test_unexpected_exception_becomes_a_500_without_internals():
    response = api_exception_handler(RuntimeError("secret stack detail"), {"view": None})

    assert response is not None
    assert response.status_code == 500
    assert response.data == {
        "detail": "Something went wrong on our side. Please try again.",
        "code": "server_error",
    }


def test_non_field_errors_become_the_detail():
    response = api_exception_handler(
        ValidationError({"non_field_errors": ["Dates overlap."]}), {"view": None}
    )

    assert response.data == {"detail": "Dates overlap.", "code": "invalid"}


def test_nested_errors_are_flattened_to_dotted_names():
    class Inner(serializers.Serializer):
        release_date = serializers.DateField()

    class Outer(serializers.Serializer):
        name = serializers.CharField()
        card_details = Inner()
        tags = serializers.ListField(child=serializers.CharField(max_length=2))

    serializer = Outer(data={"card_details": {"release_date": "x"}, "tags": ["ok", "toolong"]})
    assert not serializer.is_valid()

    assert set(flatten_errors(serializer.errors)) == {
        "name",
        "card_details.release_date",
        "tags.1",
    }
