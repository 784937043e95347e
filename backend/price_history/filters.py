import django_filters

from core.filters import FilterSet, MultipleChoiceFilter
from price_history.models import JobKind, JobStatus, PriceHistory, PriceSource, ScrapeJob


class ScrapeJobFilter(FilterSet):
    collectible = django_filters.NumberFilter(help_text="Only jobs about this item.")
    status = MultipleChoiceFilter(choices=JobStatus.choices)
    kind = MultipleChoiceFilter(choices=JobKind.choices)

    class Meta:
        model = ScrapeJob
        fields: list[str] = []


class PriceEntryFilter(FilterSet):
    source = django_filters.ChoiceFilter(
        choices=PriceSource.choices, help_text="Only this source (`manual`: entered by hand)."
    )

    class Meta:
        model = PriceHistory
        fields: list[str] = []
