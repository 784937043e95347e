"""Full-text search over collectibles: query building, ranking, highlighting, trigrams.

The database keeps `Collectible.search_vector` up to date by itself (triggers, see
migration 0003): every write path is covered, including bulk updates and raw SQL. Text is
folded with `omni_unaccent()` (an IMMUTABLE SQL function defined by that migration, a
`translate()` over the Latin letters of `unaccent_mapping()`), then parsed with the
`english` configuration, both when the vector is built and when a query is. So "pokemon"
finds "Pokémon", "Pokémon" finds "pokemon" and "charizards" finds "Charizard", with no
`unaccent` extension.

A query is `websearch_to_tsquery` syntax (quoted phrases, `or`, `-exclusion`); a trailing
bare word is also matched as a prefix (search-as-you-type: "chari" finds Charizard). User
text only ever reaches PostgreSQL as a bound parameter; the only tsquery syntax built here
wraps a word of letters and digits.

Ranking is `ts_rank_cd` on the stored vector of the rows that match (the GIN index finds
them); highlights (`ts_headline`) are computed in one more query for the returned page only.
Where `pg_trgm` is installed (detected once per database), a query that matches nothing is
corrected word by word against the words of the caller's item names ("charzard" →
"charizard"); without it, nothing is suggested.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F, QuerySet
from django.db.models.sql.compiler import SQLCompiler

from inventory.models import Collectible
from users.models import User
from vendors.selectors import vendor_ids_for_user

MAX_QUERY_LENGTH = 200
SEARCH_CONFIG = "english"
RANK_ANNOTATION = "search_rank"

# --- Accent folding -------------------------------------------------------------------

# Letters with no decomposition that still have an obvious one-letter base.
_EXTRA_FOLDS = {"ı": "i", "Ð": "D", "ð": "d", "ĸ": "k", "ſ": "s"}
_LATIN_BLOCKS = ((0x00C0, 0x024F), (0x1E00, 0x1EFF))
_NAMED_BASE = re.compile(r"LATIN (SMALL|CAPITAL) LETTER ([A-Z]) WITH [A-Z ]+")


def _latin_base(char: str) -> str | None:
    decomposed = unicodedata.normalize("NFD", char)
    if (
        len(decomposed) > 1
        and decomposed[0].isascii()
        and decomposed[0].isalpha()
        and all(unicodedata.combining(mark) for mark in decomposed[1:])
    ):
        return decomposed[0]
    # Letters such as ø, ł, đ, ħ do not decompose; their Unicode name gives the base.
    match = _NAMED_BASE.fullmatch(unicodedata.name(char, ""))
    if match and "LETTER" not in match.group(0).split(" WITH ", 1)[1]:
        letter = match.group(2)
        return letter.lower() if match.group(1) == "SMALL" else letter
    return _EXTRA_FOLDS.get(char)


def unaccent_mapping() -> tuple[str, str]:
    """(from, to) for `translate()`: each accented Latin letter → its ASCII base letter.

    One character to one character, so folding never changes a text's length (highlights
    computed on folded text map back onto the original). Ligatures (æ, œ, ß, ĳ) have no
    one-letter base and are left as they are. Migration 0003 holds the generated strings;
    a test checks that they still equal this function's output.
    """
    source, target = [], []
    for first, last in _LATIN_BLOCKS:
        for code_point in range(first, last + 1):
            char = chr(code_point)
            base = _latin_base(char)
            if base is not None:
                source.append(char)
                target.append(base)
    return "".join(source), "".join(target)


_FROM, _TO = unaccent_mapping()
_FOLD_TABLE = str.maketrans(_FROM, _TO)


def fold(text: str) -> str:
    """Python twin of the SQL `omni_unaccent()`."""
    return text.translate(_FOLD_TABLE)


# --- Query building -------------------------------------------------------------------

# A trailing word typed so far: letters/digits only, preceded by a space or the start.
_TRAILING_WORD = re.compile(r"(?:^|(?<=\s))([^\W_]+)$")
_TRAILING_OR = re.compile(r"\s+or\s*$", re.IGNORECASE)
WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class ParsedQuery:
    """`complete` goes to websearch_to_tsquery; `prefix` (if any) is matched as a prefix.

    `joiner` is `&&` (both must match) or `||` (the user typed "… or chari").
    """

    text: str
    complete: str
    prefix: str | None
    joiner: str


def parse_query(text: str) -> ParsedQuery:
    """Split `text` into its complete part and the word being typed, if any.

    A trailing space means the last word is finished: "chari " is not a prefix search.
    """
    match = _TRAILING_WORD.search(text)
    text = text.strip()
    if (
        match is None
        or text.count('"') % 2 == 1  # inside an unclosed phrase
        or match.group(1).lower() == "or"
    ):
        return ParsedQuery(text=text, complete=text, prefix=None, joiner="&&")
    complete = text[: len(text) - len(match.group(1))]
    joiner = "&&"
    if _TRAILING_OR.search(" " + complete):
        complete = _TRAILING_OR.sub("", " " + complete).strip()
        joiner = "||" if complete else "&&"
    return ParsedQuery(text=text, complete=complete, prefix=match.group(1), joiner=joiner)


def _lexeme(word: str) -> str:
    """A tsquery lexeme literal; `word` holds only letters and digits, quoting is belt and braces."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def tsquery_sql(parsed: ParsedQuery) -> tuple[str, list[str]]:
    """SQL for the tsquery of `parsed` and its parameters (user text is never inlined)."""
    cfg = f"'{SEARCH_CONFIG}'::regconfig"
    websearch = f"websearch_to_tsquery({cfg}, omni_unaccent(%s))"
    if parsed.prefix is None:
        return websearch, [parsed.complete]
    word = _lexeme(parsed.prefix)
    whole = f"to_tsquery({cfg}, omni_unaccent(%s))"
    # A stop word typed last ("charizard the") adds nothing; any other word matches its
    # stem as a prefix ('charizards' → 'charizard':*) or its unstemmed form as a prefix
    # ('chari':* — the stemmer may turn a partial word into something no lexeme starts with).
    prefix = (
        f"(CASE WHEN numnode({whole}) = 0 THEN {whole} "
        f"ELSE to_tsquery({cfg}, omni_unaccent(%s)) "
        f"|| to_tsquery('simple'::regconfig, omni_unaccent(%s)) END)"
    )
    sql = f"({websearch} {parsed.joiner} {prefix})"
    return sql, [parsed.complete, word, word, f"{word}:*", f"{word}:*"]


class CollectibleSearchQuery(SearchQuery):
    """The tsquery of a user's search text, usable with `search_vector=` and SearchRank.

    A SearchQuery so that Django's `@@` lookup takes it as is; the SQL is `tsquery_sql()`.
    """

    def __init__(self, parsed: ParsedQuery) -> None:
        super().__init__(parsed.text)
        self.parsed = parsed

    def as_sql(  # type: ignore[override]
        self, compiler: SQLCompiler, connection: Any, **extra_context: Any
    ) -> tuple[str, Any]:
        return tsquery_sql(self.parsed)

    def __repr__(self) -> str:
        return f"CollectibleSearchQuery({self.parsed.text!r})"


def apply_search(queryset: QuerySet[Collectible], text: str) -> QuerySet[Collectible]:
    """Only the rows matching `text`, annotated with `search_rank` (not ordered)."""
    query = CollectibleSearchQuery(parse_query(text))
    return queryset.filter(search_vector=query).annotate(
        **{RANK_ANNOTATION: SearchRank(F("search_vector"), query, cover_density=True)}
    )


def search_queryset(*, user: User, text: str) -> QuerySet[Collectible]:
    """The caller's matching collectibles, best first (ties: newest first)."""
    base = (
        Collectible.objects.filter(vendor_id__in=vendor_ids_for_user(user=user))
        .select_related("card_details")
        .defer("search_vector")
    )
    return apply_search(base, text).order_by(f"-{RANK_ANNOTATION}", "-created_at", "-id")
