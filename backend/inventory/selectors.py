from functools import cache
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Model, OuterRef, QuerySet, Subquery

from inventory import extensions
from inventory.extensions import CollectibleExtension
from inventory.models import CardDetails, Collectible, Photo
from users.models import User
from vendors.selectors import vendor_ids_for_user


def collectible_list_for_user(
    *, user: User, vendor_ids: list[int] | None = None
) -> QuerySet[Collectible]:
    """Every collectible of every vendor the user belongs to, with card details and the
    relations of the registered extensions joined (the valuation: `inventory.extensions`).

    The vendor ids are read first (one tiny query) and passed as constants: filtering
    through a join on memberships, the planner would assume the average vendor's size and
    sort a whole 10k-item shop instead of walking its (vendor, created_at) index for one
    page (docs/performance.md). `vendor_ids`: the user's, when the caller read them already.
    """
    if vendor_ids is None:
        vendor_ids = list(vendor_ids_for_user(user=user))
    registered = extensions.registered()
    relations = [e.relation for e in registered if e.relation is not None]
    items = Collectible.objects.filter(vendor_id__in=vendor_ids).select_related(
        "card_details", *relations
    )
    for extension in registered:
        items = extension.scoped(items, vendor_ids=vendor_ids)
    return items


def model_columns(model: type[Model], *, leaving_out: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The attribute names of a model's concrete fields (`vendor_id` for `vendor`)."""
    return tuple(f.attname for f in model._meta.concrete_fields if f.name not in leaving_out)


LIST_ITEM_FIELDS = model_columns(Collectible, leaving_out=("search_vector",))
LIST_CARD_FIELDS = model_columns(CardDetails, leaving_out=("collectible",))


def _cover_file(column: str) -> Subquery:
    # One probe of the partial unique index (collectible) WHERE is_cover per listed item.
    covers = Photo.objects.filter(collectible_id=OuterRef("pk"), is_cover=True)
    return Subquery(covers.values(column)[:1])


#: The cover's file names a list row carries (null: the item has no photos).
COVER_COLUMNS = ("cover_image", "cover_thumbnail")


def with_cover_columns(queryset: QuerySet[Collectible]) -> QuerySet[Collectible]:
    return queryset.annotate(
        cover_image=_cover_file("image"), cover_thumbnail=_cover_file("thumbnail")
    )


def list_columns() -> tuple[str, ...]:
    """What a list page reads of each item, as `values_list` names: all its own fields but
    the search vector, its card details, its cover's files and the columns each registered
    extension reads of its relation; a related `…__pk` is null when the item has no such row."""
    return _list_columns(extensions.registered())


@cache
def _list_columns(registered: tuple[CollectibleExtension, ...]) -> tuple[str, ...]:
    columns = [
        *LIST_ITEM_FIELDS,
        "card_details__pk",
        *(f"card_details__{name}" for name in LIST_CARD_FIELDS),
        *COVER_COLUMNS,
    ]
    for extension in registered:
        relation = extension.relation
        if relation is not None:
            columns += [f"{relation}__pk", *(f"{relation}__{name}" for name in extension.columns)]
    return tuple(columns)


class CollectibleRows:
    """The items of a filtered, ordered queryset as plain rows (dicts of `list_columns()`,
    and of `columns`: e.g. a cursor's sort key), read off the cursor from the statement the
    ORM builds, with the ORM's own value converters applied. Counted and sliced like a
    queryset, so DRF's paginator pages it; `reading()` gives a cursor paginator the same
    rows of another queryset (`core.pagination.PageOrCursorPagination`).

    A list page is 25 items with their card details and valuation: building those model
    instances and serializing them field by field cost more than the query itself
    (docs/performance.md).

    A slice is one statement whose page is found first, in a subquery over the item (and
    the relations its filters and ordering need) alone, and whose wide row (card details,
    valuation, cover) is joined to those 25 ids only: page 200 walks 5,000 narrow index
    entries of the caller's vendors instead of joining 5,000 wide rows (it hash-joined
    every user's card details at 1M items), and a page sorted on an expression (the
    converted value) sorts the scope's narrow rows, about 4x cheaper than wide ones.
    """

    def __init__(self, queryset: QuerySet[Collectible], columns: tuple[str, ...] = ()) -> None:
        self._queryset = queryset
        self._columns = columns
        self.ordered = queryset.ordered  # the paginator warns about unordered lists

    @property
    def queryset(self) -> QuerySet[Collectible]:
        return self._queryset

    def reading(
        self, queryset: QuerySet[Collectible], columns: tuple[str, ...]
    ) -> "CollectibleRows":
        return CollectibleRows(queryset, columns)

    def count(self) -> int:
        return self._queryset.count()

    def __getitem__(self, key: slice) -> list[dict[str, Any]]:
        queryset = self._queryset.all()  # a clone: never a cached list
        if key != slice(None):
            page = queryset.values("pk")[key]  # the page's ids (same filters and order)
            queryset, key = queryset.filter(pk__in=page), slice(None)  # their rows, in order
        return self._read(with_cover_columns(queryset)[key], self._columns)

    @staticmethod
    def item(row: dict[str, Any]) -> Collectible:
        """The row's item as a model instance (every field but the search vector)."""
        return Collectible(**{name: row[name] for name in LIST_ITEM_FIELDS})

    @staticmethod
    def _read(queryset: QuerySet[Collectible], extra: tuple[str, ...]) -> list[dict[str, Any]]:
        columns = [*list_columns(), *extra]
        rows_query = queryset.values_list(*columns)
        compiler = rows_query.query.get_compiler(using=rows_query.db)
        try:
            statement, params = compiler.as_sql()
        except EmptyResultSet:  # a filter no row can match (e.g. no vendors): as the ORM
            return []
        with connections[rows_query.db].cursor() as cursor:
            cursor.execute(statement, params)
            fetched = cursor.fetchall()
        if compiler.has_extra_select:  # ordering columns the ORM appended (as it strips them)
            fetched = [row[: compiler.col_count] for row in fetched]
        rows = compiler.results_iter(results=[fetched])  # the fields' converters (JSON)
        return [dict(zip(columns, row, strict=True)) for row in rows]
