from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import filters
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request

# Parameters understood by every list endpoint, whatever its filters.
COMMON_QUERY_PARAMS = frozenset({"page", "page_size", "ordering", "format"})


class StrictQueryParamsFilterBackend:
    """Reject query parameters a list endpoint does not understand.

    A typo such as `?categroy=coin` would otherwise return the unfiltered list and look
    like a result; a 400 naming the parameter is the honest answer.
    """

    def filter_queryset(self, request: Request, queryset: QuerySet, view: Any) -> QuerySet:
        if getattr(view, "action", "list") != "list":
            return queryset
        allowed = set(COMMON_QUERY_PARAMS) | set(getattr(view, "extra_query_params", ()))
        filterset_class = getattr(view, "filterset_class", None)
        if filterset_class is not None:
            # Names only: touching `.field` on the class-level filters would cache form
            # fields built without the request (and so without the user's querysets).
            allowed |= set(filterset_class.base_filters)
        unknown = sorted(set(request.query_params) - allowed)
        if unknown:
            raise ValidationError({name: [_("Unknown query parameter.")] for name in unknown})
        return queryset

    def get_schema_operation_parameters(self, view: Any) -> list:
        return []


class StrictOrderingFilter(filters.OrderingFilter):
    """Like DRF's OrderingFilter, but an unknown field is a 400 instead of being ignored.

    A view may also declare `ordering_expressions` (name → expression: a term that is not
    a plain column, e.g. one computed over a relation), sorted with nulls last in both
    directions, and `ordering_tiebreakers` appended to every requested ordering so that
    equal values keep a stable order from page to page.
    """

    def filter_queryset(self, request: Request, queryset: QuerySet, view: Any) -> QuerySet:
        ordering = self.get_ordering(request, queryset, view)
        if not ordering:
            return queryset
        if not request.query_params.get(self.ordering_param):
            return queryset.order_by(*ordering)  # the view's default, as declared
        expressions = getattr(view, "ordering_expressions", {})
        terms: list[Any] = []
        for term in ordering:
            name = term.lstrip("-")
            if name in expressions:
                expression = expressions[name]
                descending = term.startswith("-")
                terms.append(
                    expression.desc(nulls_last=True)
                    if descending
                    else expression.asc(nulls_last=True)
                )
            else:
                terms.append(term)
        named = {term.lstrip("-") for term in ordering}
        tiebreakers = getattr(view, "ordering_tiebreakers", ())
        return queryset.order_by(*terms, *(t for t in tiebreakers if t.lstrip("-") not in named))

    def get_ordering(self, request: Request, queryset: QuerySet, view: Any) -> Any:
        raw = request.query_params.get(self.ordering_param)
        if raw:
            requested = [term.strip() for term in raw.split(",") if term.strip()]
            valid = {
                name for name, _label in self.get_valid_fields(queryset, view, {"request": request})
            }
            invalid = [term for term in requested if term.lstrip("-") not in valid]
            if invalid or not requested:
                raise ValidationError(
                    {
                        self.ordering_param: [
                            _(
                                "Unknown ordering %(ordering)s. "
                                "Use one of: %(fields)s (prefix '-' to reverse)."
                            )
                            % {
                                "ordering": repr(", ".join(invalid) or raw),
                                "fields": ", ".join(sorted(valid)),
                            }
                        ]
                    }
                )
            return requested
        return self.get_default_ordering(view)

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        """`ordering` as what it is: a comma-separated list of the view's fields, each
        optionally prefixed with `-`."""
        declared = getattr(view, "ordering_fields", None)
        if not isinstance(declared, list | tuple):
            return super().get_schema_operation_parameters(view)
        fields = [item if isinstance(item, str) else item[0] for item in declared]
        return [
            {
                "name": self.ordering_param,
                "required": False,
                "in": "query",
                "description": getattr(
                    view,
                    "ordering_description",
                    "Sort by these fields, comma-separated; prefix `-` to reverse.",
                ),
                "schema": {
                    "type": "array",
                    "items": {
                        "type": "string",
                        "enum": [f"{sign}{name}" for name in fields for sign in ("", "-")],
                    },
                },
                "style": "form",
                "explode": False,
            }
        ]


class FilterSetBackend(DjangoFilterBackend):
    """django-filter's backend, except that a request naming none of the filterset's
    parameters is left unfiltered without building the filterset: its form (a field per
    filter, the vendor choices queried) was a fifth of an unfiltered page's time, for a
    result known in advance (docs/performance.md)."""

    def filter_queryset(self, request: Request, queryset: QuerySet, view: Any) -> QuerySet:
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is None or request.query_params.keys().isdisjoint(
            filterset_class.base_filters
        ):
            return queryset
        return super().filter_queryset(request, queryset, view)
