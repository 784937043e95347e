from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    """The one shape of every 4xx/5xx response body."""

    detail = serializers.CharField(help_text="A sentence for people, safe to show in a UI.")
    code = serializers.CharField(
        help_text="A stable machine-readable code, e.g. `invalid`, `not_found`, `throttled`."
    )
    # Named like Serializer.fields; the metaclass moves declared fields aside, so it is safe.
    fields = serializers.DictField(  # type: ignore[assignment]
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text=(
            "Validation errors by field (dotted names for nested fields, "
            "e.g. `card_details.release_date`). Present only on 400 responses."
        ),
    )
