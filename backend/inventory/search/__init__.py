"""Full-text search over collectibles: query building and ranking (`query`), highlights
(`highlights`) and "did you mean" corrections (`corrections`). See docs/search.md."""

from inventory.search.corrections import suggest_correction, trigram_available
from inventory.search.highlights import highlights_for
from inventory.search.query import (
    MAX_QUERY_LENGTH,
    RANK_ANNOTATION,
    SEARCH_CONFIG,
    apply_search,
    fold,
    parse_query,
    search_queryset,
    unaccent_mapping,
)

__all__ = [
    "MAX_QUERY_LENGTH",
    "RANK_ANNOTATION",
    "SEARCH_CONFIG",
    "apply_search",
    "fold",
    "highlights_for",
    "parse_query",
    "search_queryset",
    "suggest_correction",
    "trigram_available",
    "unaccent_mapping",
]
