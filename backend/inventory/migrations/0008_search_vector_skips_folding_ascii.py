"""The search vector trigger folds accents only in text that has some.

`omni_unaccent()` is `translate()` over ~700 accented letters, which scans that whole
`from` string for every character of its input; the trigger calls it four times per row,
so re-indexing 10,000 items (a bulk edit of their tags, an import) spent most of its time
there (8.7 s of a 13 s UPDATE on a loaded machine; 1.8 s with this). `omni_fold_ascii()`
returns ASCII text as it is (no ASCII character is in the `from` string: same result) and
calls `omni_unaccent()` otherwise.

`omni_unaccent()` itself is left as it is: the trigram index is built on it, and sessions
that cached its inlined body would stop matching that index if it changed.
"""

import importlib

from django.db import migrations

_0003 = importlib.import_module("inventory.migrations.0003_collectible_search_vector")

_START = "CREATE FUNCTION inventory_collectible_search_vector()"
_END = "CREATE TRIGGER collectible_search_vector"
ORIGINAL_TRIGGER_FUNCTION = _0003.CREATE_TRIGGERS[
    _0003.CREATE_TRIGGERS.index(_START) : _0003.CREATE_TRIGGERS.index(_END)
].replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION")

CREATE_FOLD_ASCII = r"""
CREATE FUNCTION omni_fold_ascii(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT CASE WHEN $1 ~ '^[\x01-\x7F]*$' THEN $1 ELSE omni_unaccent($1) END $$;
"""

FAST = CREATE_FOLD_ASCII + ORIGINAL_TRIGGER_FUNCTION.replace("omni_unaccent(", "omni_fold_ascii(")
PREVIOUS = ORIGINAL_TRIGGER_FUNCTION + "DROP FUNCTION IF EXISTS omni_fold_ascii(text);"


class Migration(migrations.Migration):
    dependencies = [
        ("inventory", "0007_photo"),
    ]

    operations = [migrations.RunSQL(FAST, reverse_sql=PREVIOUS)]
