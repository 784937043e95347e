import django_filters

from alerts.models import AlertEvent, AlertKind, AlertRule
from core.filters import FilterSet, MultipleChoiceFilter


class AlertRuleFilter(FilterSet):
    collectible = django_filters.NumberFilter(help_text="Only rules on this item.")
    vendor = django_filters.NumberFilter(help_text="Only rules on this vendor (or its items).")
    kind = MultipleChoiceFilter(choices=AlertKind.choices)
    enabled = django_filters.BooleanFilter()

    class Meta:
        model = AlertRule
        fields: list[str] = []


class AlertEventFilter(FilterSet):
    rule = django_filters.NumberFilter(help_text="Only events of this rule.")
    collectible = django_filters.NumberFilter(help_text="Only events about this item.")

    class Meta:
        model = AlertEvent
        fields: list[str] = []
