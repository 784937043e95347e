"""Trigram index on folded names, only where pg_trgm can be installed.

CI and production PostgreSQL ship pg_trgm; the embedded PostgreSQL (pgserver) does not.
The DO block checks pg_available_extensions, so this migration succeeds on both; where the
extension cannot be created (missing, or not allowed), it does nothing and search simply
offers no spelling corrections (`inventory.search.trigram_available()` detects that at run
time).

Reversing drops the index but leaves the extension: other objects, or the operator, may
rely on it.
"""

from django.db import migrations

CREATE = """
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'pg_trgm is available but may not be created here: no trigram index.';
            RETURN;
        END;
        CREATE INDEX IF NOT EXISTS collectible_name_trgm
            ON inventory_collectible USING gin (omni_unaccent(name) gin_trgm_ops);
    END IF;
END
$$;
"""

DROP = "DROP INDEX IF EXISTS collectible_name_trgm;"


class Migration(migrations.Migration):

    dependencies = [
        ("inventory", "0003_collectible_search_vector"),
    ]

    operations = [migrations.RunSQL(CREATE, reverse_sql=DROP)]
