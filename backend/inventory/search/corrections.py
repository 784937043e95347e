""" "Did you mean": where `pg_trgm` is installed (detected once per database), a query that
matches nothing is corrected word by word against the words of the caller's item names."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connections

from inventory.models import Collectible
from inventory.search.query import WORD, fold
from users.models import User
from vendors.selectors import vendor_ids_for_user

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
        for word in WORD.findall(fold(token).lower()):
            if word != "or" and len(word) >= FUZZY_MIN_WORD_LENGTH and word not in words:
                words.append(word)
    return words[:FUZZY_MAX_WORDS]


def _candidate_names(*, user: User, words: Sequence[str], using: str) -> list[str]:
    """Names of the caller's items that hold a word similar to one of `words`."""
    similar = " OR ".join(["%s <<%% omni_unaccent(c.name)"] * len(words))
    closeness = ", ".join(["strict_word_similarity(%s, omni_unaccent(c.name))"] * len(words))
    vendors_sql, vendors_params = vendor_ids_for_user(user=user).query.sql_with_params()
    sql = f"""
        SELECT c.name FROM {Collectible._meta.db_table} c
        WHERE c.vendor_id IN ({vendors_sql})
          AND ({similar})
        ORDER BY greatest({closeness}) DESC, c.id
        LIMIT %s
    """  # noqa: S608 - constant SQL fragments only; user text is always a bound parameter
    params: list[Any] = [*vendors_params, *words, *words, FUZZY_CANDIDATES]
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def _corrections(words: Iterable[str], names: Iterable[str]) -> dict[str, str]:
    vocabulary = {word for name in names for word in WORD.findall(fold(name).lower())}
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

    suggestion = WORD.sub(replace, text.strip())
    return suggestion if suggestion != text.strip() else None
