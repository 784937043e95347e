import django_filters

from price_history.models import JobKind, JobStatus, PriceHistory, PriceSource, ScrapeJob


class ScrapeJobFilter(django_filters.FilterSet):
    collectible = django_filters.NumberFilter(help_text="Only jobs about this item.")
    status = django_filters.MultipleChoiceFilter(choices=JobStatus.choices)
    kind = django_filters.MultipleChoiceFilter(choices=JobKind.choices)

    class Meta:
        model = ScrapeJob
        fields: list[str] = []


class PriceEntryFilter(django_filters.FilterSet):
    source = django_filters.ChoiceFilter(
        choices=PriceSource.choices, help_text="Only this source (`manual`: entered by hand)."
    )

    class Meta:
        model = PriceHistory
        fields: list[str] = []
