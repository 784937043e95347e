import copy
from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils.translation import get_language
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


class MultipleChoiceFilter(django_filters.MultipleChoiceFilter):
    """django-filter's, without the `DISTINCT` it adds by default (for a to-many relation,
    where OR-ed choices could match a row twice). Every such filter here reads the row's
    own columns or a one-to-one relation, which cannot repeat a row; the `DISTINCT` made
    PostgreSQL compare whole rows (the search vector, the notes) before counting and
    paging every filtered list — the SPA's collection and want list always filter."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("distinct", False)
        super().__init__(*args, **kwargs)


class FilterSet(django_filters.FilterSet):
    """django-filter's FilterSet without its per-request deep copies: of the class's
    filters (their choice lists, querysets), then of the form fields just built from
    those copies, and without building again the fields no request changes: the
    collectibles list's filters validated in 1.6 ms of CPU, now 0.5 (docs/performance.md)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        declared_filters: dict[str, Any] = type(self).base_filters
        self.base_filters: dict[str, Any] = {}  # what django-filter deep-copies: nothing, now
        try:
            super().__init__(*args, **kwargs)
        finally:
            del self.base_filters  # the class's again
        model = self.queryset.model
        self.filters = {}
        for name, declared in declared_filters.items():
            own = copy.copy(declared)
            # A queryset filter writes the request's choices (the user's vendors) into
            # `extra`: a dict shared with the class would leak them to other requests.
            own.extra = dict(declared.extra)
            own.method = declared.method  # its FilterMethod bound to this copy
            own.model, own.parent = model, self
            self.filters[name] = own

    @property
    def form(self) -> Any:
        if not hasattr(self, "_form"):
            data = self.data if self.is_bound else None
            form = self._meta.form(data, prefix=self.form_prefix)
            # The form's class declares no fields, so its __init__ had none to copy.
            form.fields = {name: self._field(name, f) for name, f in self.filters.items()}
            self._form = form
        return self._form

    def _field(self, name: str, own: django_filters.Filter) -> Any:
        """A filter built the generic way (from its declaration alone) validates with a
        field shared by every request in that language: validating changes no field.
        The others (the user's vendors as choices, values read from the table) build
        their own."""
        if type(own).field is not django_filters.Filter.field:
            return own.field
        key = (type(self), name, get_language())
        shared = _SHARED_FIELDS.get(key)
        if shared is None:
            shared = _SHARED_FIELDS.setdefault(key, own.field)
        return shared


#: (filterset class, filter name, language) → its form field (labels are translated).
_SHARED_FIELDS: dict[tuple[type, str, str | None], Any] = {}
