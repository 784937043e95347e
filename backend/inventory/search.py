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

import html
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import F, QuerySet
from django.db.models.sql.compiler import SQLCompiler

from inventory.models import Collectible
from users.models import User

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
_WORD = re.compile(r"[^\W_]+")


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
        Collectible.objects.filter(vendor__memberships__user=user)
        .select_related("card_details")
        .defer("search_vector")
    )
    return apply_search(base, text).order_by(f"-{RANK_ANNOTATION}", "-created_at", "-id")


# --- Highlights -----------------------------------------------------------------------

MARK_OPEN, MARK_CLOSE = "<mark>", "</mark>"
NOTES_CONTEXT_BEFORE = 60
NOTES_CONTEXT_AFTER = 180

# Field name in `highlights` → SQL over `c` (collectible) and `cd` (card details).
_HIGHLIGHT_FIELDS: dict[str, str] = {
    "name": "c.name",
    "set_name": "c.set_name",
    "number": "c.number",
    "tags": "array_to_string(c.tags, ', ')",
    "card_details.game": "coalesce(cd.game, '')",
    "card_details.set_code": "coalesce(cd.set_code, '')",
    "notes": "c.notes",
}


def _html_escape_sql(expression: str) -> str:
    """SQL twin of `html.escape(text, quote=True)`."""
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;")):
        expression = f"replace({expression}, '{char}', '{entity}')"
    return f"replace({expression}, '''', '&#x27;')"


def _field_text(item: Collectible, field: str) -> str:
    if field == "tags":
        return ", ".join(item.tags)
    if field.startswith("card_details."):
        details = getattr(item, "card_details", None)
        return getattr(details, field.split(".", 1)[1]) if details is not None else ""
    return getattr(item, field) or ""


def _mark_original(headline: str, original: str) -> str | None:
    """Put the marks of `headline` (on escaped folded text) onto the escaped original.

    Folding maps one letter to one letter and escaping commutes with it, so the headline
    minus its marks has exactly the escaped original's length; if it ever did not, the
    folded headline (still safe HTML) is returned instead.
    """
    escaped = html.escape(original, quote=True)
    if MARK_OPEN not in headline:
        return None
    out: list[str] = []
    position = 0
    index = 0
    while index < len(headline):
        if headline.startswith(MARK_OPEN, index):
            out.append(MARK_OPEN)
            index += len(MARK_OPEN)
        elif headline.startswith(MARK_CLOSE, index):
            out.append(MARK_CLOSE)
            index += len(MARK_CLOSE)
        else:
            if position >= len(escaped):
                return headline
            out.append(escaped[position])
            position += 1
            index += 1
    if position != len(escaped):
        return headline
    return "".join(out)


def _excerpt(marked: str) -> str:
    """A window of a long marked text around its first match, cut at spaces.

    ts_headline marks single words, and entities hold no spaces, so a space is always
    outside marks and entities: a safe place to cut.
    """
    first = marked.find(MARK_OPEN)
    start = 0
    if first > NOTES_CONTEXT_BEFORE:
        space = marked.find(" ", first - NOTES_CONTEXT_BEFORE, first)
        start = space + 1 if space != -1 else first
    end = len(marked)
    if first + NOTES_CONTEXT_AFTER < len(marked):
        space = marked.rfind(" ", first, first + NOTES_CONTEXT_AFTER)
        if space == -1:
            space = marked.find(" ", first + NOTES_CONTEXT_AFTER)
        end = space if space != -1 else len(marked)
    return ("…" if start > 0 else "") + marked[start:end] + ("…" if end < len(marked) else "")


def highlights_for(
    items: Sequence[Collectible], text: str, *, using: str = "default"
) -> dict[int, dict[str, str]]:
    """{item id: {field: html}} for the fields of `items` that match `text`.

    One query over the ids of `items` (the returned page); none when `items` is empty.
    HTML is escaped; matches are wrapped in <mark>…</mark>.
    """
    if not items:
        return {}
    query_sql, query_params = tsquery_sql(parse_query(text))
    options = f"HighlightAll=true, StartSel={MARK_OPEN}, StopSel={MARK_CLOSE}"
    columns = ", ".join(
        f"ts_headline('{SEARCH_CONFIG}'::regconfig, omni_unaccent({_html_escape_sql(sql)}), "
        f"q.query, %s)"
        for sql in _HIGHLIGHT_FIELDS.values()
    )
    sql = f"""
        SELECT c.id, {columns}
        FROM inventory_collectible c
        LEFT JOIN inventory_carddetails cd ON cd.collectible_id = c.id
        CROSS JOIN (SELECT {query_sql} AS query) q
        WHERE c.id = ANY(%s)
    """  # noqa: S608 - constant SQL fragments only; user text is always a bound parameter
    params: list[Any] = [options] * len(_HIGHLIGHT_FIELDS) + query_params + [[i.pk for i in items]]
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        rows = {row[0]: row[1:] for row in cursor.fetchall()}
    result: dict[int, dict[str, str]] = {}
    for item in items:
        headlines = rows.get(item.pk)
        if headlines is None:
            continue
        marked_fields: dict[str, str] = {}
        for field, headline in zip(_HIGHLIGHT_FIELDS, headlines, strict=True):
            marked = _mark_original(headline or "", _field_text(item, field))
            if marked is not None:
                marked_fields[field] = _excerpt(marked) if field == "notes" else marked
        result[item.pk] = marked_fields
    return result


# --- Trigram correction ---------------------------------------------------------------

_trigram_cache: dict[tuple[str, str, str], bool] = {}
FUZZY_MIN_WORD_LENGTH = 3
FUZZY_MAX_WORDS = 5
FUZZY_CANDIDATES = 30
# pg_trgm's default `strict_word_similarity_threshold` (the `<<%` operator).
FUZZY_SIMILARITY = 0.5


def trigram_available(using: str = "default") -> bool:
    """Whether pg_trgm is installed in this database (asked once per database)."""
    connection = connections[using]
    settings = connection.settings_dict
    key = (using, str(settings.get("HOST") or ""), str(settings.get("NAME") or ""))
    if key not in _trigram_cache:
        with connection.cursor() as cursor:
            cursor.execute("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm')")
            _trigram_cache[key] = bool(cursor.fetchone()[0])
    return _trigram_cache[key]


def _trigrams(word: str) -> set[str]:
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def trigram_similarity(first: str, second: str) -> float:
    """pg_trgm's `similarity()` for two single lower-case words."""
    a, b = _trigrams(first), _trigrams(second)
    return len(a & b) / len(a | b) if a or b else 0.0


def positive_words(text: str) -> list[str]:
    """Folded lower-case words of `text` that must match: not excluded, not `or`."""
    words: list[str] = []
    for token in text.split():
        if token.startswith("-"):
            continue
        for word in _WORD.findall(fold(token).lower()):
            if word != "or" and len(word) >= FUZZY_MIN_WORD_LENGTH and word not in words:
                words.append(word)
    return words[:FUZZY_MAX_WORDS]


def _candidate_names(*, user: User, words: Sequence[str], using: str) -> list[str]:
    """Names of the caller's items that hold a word similar to one of `words`."""
    similar = " OR ".join(["%s <<%% omni_unaccent(c.name)"] * len(words))
    closeness = ", ".join(["strict_word_similarity(%s, omni_unaccent(c.name))"] * len(words))
    sql = f"""
        SELECT c.name FROM inventory_collectible c
        WHERE c.vendor_id IN (SELECT vendor_id FROM vendors_membership WHERE user_id = %s)
          AND ({similar})
        ORDER BY greatest({closeness}) DESC, c.id
        LIMIT %s
    """  # noqa: S608 - constant SQL fragments only; user text is always a bound parameter
    params: list[Any] = [user.pk, *words, *words, FUZZY_CANDIDATES]
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def _corrections(words: Iterable[str], names: Iterable[str]) -> dict[str, str]:
    vocabulary = {word for name in names for word in _WORD.findall(fold(name).lower())}
    corrections: dict[str, str] = {}
    for word in words:
        if word in vocabulary:
            continue
        scored = [(trigram_similarity(word, known), known) for known in vocabulary]
        best = max(scored, default=(0.0, ""), key=lambda pair: (pair[0], -len(pair[1])))
        if best[0] >= FUZZY_SIMILARITY:
            corrections[word] = best[1]
    return corrections


def suggest_correction(*, user: User, text: str, using: str = "default") -> str | None:
    """`text` with misspelt words replaced by the closest words of the caller's item names.

    None without pg_trgm, or when no word is close to anything. The caller still has to
    check that the suggestion matches something before offering it.
    """
    if not trigram_available(using):
        return None
    words = positive_words(text)
    if not words:
        return None
    corrections = _corrections(words, _candidate_names(user=user, words=words, using=using))
    if not corrections:
        return None

    def replace(match: re.Match[str]) -> str:
        return corrections.get(fold(match.group(0)).lower(), match.group(0))

    suggestion = _WORD.sub(replace, text.strip())
    return suggestion if suggestion != text.strip() else None
