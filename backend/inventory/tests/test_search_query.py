"""Query parsing and the pure helpers of inventory.search (no database)."""

import pytest

from inventory.search.corrections import _corrections, positive_words, trigram_similarity
from inventory.search.highlights import _excerpt, _mark_original
from inventory.search.query import ParsedQuery, parse_query


@pytest.mark.parametrize(
    ("text", "complete", "prefix", "joiner"),
    [
        ("chari", "", "chari", "&&"),
        ("base chari", "base ", "chari", "&&"),
        ("  base   chari", "base   ", "chari", "&&"),
        ("chari ", "chari", None, "&&"),  # a trailing space ends the word
        ("charizard -holo", "charizard -holo", None, "&&"),  # an exclusion is not a prefix
        ('"base set"', '"base set"', None, "&&"),
        ('"base se', '"base se', None, "&&"),  # inside an unclosed phrase
        ("4/102", "4/102", None, "&&"),  # not a bare word
        ("charizard or", "charizard or", None, "&&"),
        ("charizard or blast", "charizard", "blast", "||"),
        ("charizard OR blast", "charizard", "blast", "||"),
        ("or blast", "", "blast", "&&"),
        ("pokém", "", "pokém", "&&"),
        ("trading_card", "trading_card", None, "&&"),
    ],
)
def test_the_last_bare_word_is_the_prefix(text, complete, prefix, joiner):
    assert parse_query(text) == ParsedQuery(
        text=text.strip(), complete=complete, prefix=prefix, joiner=joiner
    )


def test_positive_words_skip_exclusions_or_and_short_words():
    assert positive_words('"Base Set" Charzard -reprint or ex Pokémon') == [
        "base",
        "set",
        "charzard",
        "pokemon",
    ]


def test_trigram_similarity_matches_pg_trgm():
    # SELECT similarity('charzard', 'charizard') → 0.5833333
    assert trigram_similarity("charzard", "charizard") == pytest.approx(0.5833333, abs=1e-6)
    assert trigram_similarity("mew", "mew") == 1.0


def test_corrections_pick_the_closest_known_word_and_keep_known_ones():
    names = ["Charizard ex", "Charmander", "Base Set booster"]

    assert _corrections(["charzard", "base", "zzzz"], names) == {"charzard": "charizard"}


def test_marks_land_on_the_original_text_with_its_accents():
    headline = "<mark>Pokemon</mark> &amp; Cafe"

    assert _mark_original(headline, "Pokémon & Café") == "<mark>Pokémon</mark> &amp; Café"
    assert _mark_original("Pokemon", "Pokémon") is None  # no match, no highlight
    # Should lengths ever differ, the folded headline (still escaped) is kept.
    assert _mark_original("<mark>abc</mark>", "abcd") == "<mark>abc</mark>"


def test_excerpts_cut_at_spaces_and_keep_short_text_whole():
    short = "a <mark>hit</mark> here"
    assert _excerpt(short) == short

    long = " ".join(["before"] * 30) + " <mark>hit</mark> " + " ".join(["after"] * 60)
    excerpt = _excerpt(long)
    assert excerpt.startswith("…before ")
    assert excerpt.endswith(" after…")
    assert "<mark>hit</mark>" in excerpt
    assert "befor…" not in excerpt
