"""An exchange-rate write no longer deletes every stored valuation (issue 14).

The statement-level trigger of 0003 (`DELETE FROM valuation_itemvaluation` on any insert,
update, delete or truncate of a rate) is replaced by three with transition tables that
find the rates that really changed (a new day or currency, a corrected rate; an upsert
that rewrites the same rate is no change) and pass the earliest such day, *first*, to
`valuation_rates_changed(first)`. A row valued on day *d* read its rates at *d* (the
current value), *d* − 7 and *d* − 30 (the movers), the purchase date (cost, a
purchase-basis value) and the sale date (proceeds), each the latest rate on or before
that day; a rate of day *first* can change only lookups of days ≥ *first*. So it deletes:

* market rows (observed, manual) with *first* ≤ *d* − 7 (their past values may change);
* rows with a purchase price acquired on or after *first*, sold rows sold on or after it;
* market rows with *first* ≤ *d* — unless the writer said it re-prices them itself in
  the same transaction (`SET LOCAL valuation.reprice = 'on'`:
  `valuation.services.exchange_rates_store` does, with one set-based UPDATE of the
  current values); the trigger then records *first* in `valuation.repriced_from`.

The daily ECB load adds today's (or yesterday's) rates: only the few items acquired or
sold that day lose their row. A TRUNCATE has no transition table: every row, as before.
"""

from django.db import migrations

CREATE = """
DROP TRIGGER IF EXISTS exchange_rate_valuation ON valuation_exchangerate;

CREATE FUNCTION valuation_rates_changed(first_day date) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    repriced boolean := coalesce(current_setting('valuation.reprice', true), '') = 'on';
    earlier text := coalesce(current_setting('valuation.repriced_from', true), '');
BEGIN
    IF first_day IS NULL THEN
        RETURN;
    END IF;
    DELETE FROM valuation_itemvaluation v
    USING inventory_collectible c
    WHERE c.id = v.collectible_id AND (
        (v.basis IN ('observed', 'manual')
            AND first_day <= (v.valued_at AT TIME ZONE 'UTC')::date
                             - CASE WHEN repriced THEN 7 ELSE 0 END)
        OR (v.basis <> 'wanted' AND c.purchase_price IS NOT NULL
            AND coalesce(c.purchase_date, (c.created_at AT TIME ZONE 'UTC')::date) >= first_day)
        OR (v.basis = 'sold' AND c.sale_date >= first_day)
    );
    IF repriced THEN
        PERFORM set_config(
            'valuation.repriced_from',
            CASE WHEN earlier = '' THEN first_day::text
                 ELSE least(earlier::date, first_day)::text END,
            true);
    END IF;
END;
$$;

CREATE FUNCTION valuation_rates_inserted() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM valuation_rates_changed((SELECT min(date) FROM new_rows));
    RETURN NULL;
END;
$$;

CREATE FUNCTION valuation_rates_deleted() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM valuation_rates_changed((SELECT min(date) FROM old_rows));
    RETURN NULL;
END;
$$;

CREATE FUNCTION valuation_rates_updated() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM valuation_rates_changed((
        SELECT min(least(o.date, n.date)) FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.date, o.currency, o.rate) IS DISTINCT FROM (n.date, n.currency, n.rate)));
    RETURN NULL;
END;
$$;

CREATE TRIGGER exchange_rate_valuation_insert
    AFTER INSERT ON valuation_exchangerate
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION valuation_rates_inserted();
CREATE TRIGGER exchange_rate_valuation_update
    AFTER UPDATE ON valuation_exchangerate
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION valuation_rates_updated();
CREATE TRIGGER exchange_rate_valuation_delete
    AFTER DELETE ON valuation_exchangerate
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION valuation_rates_deleted();
CREATE TRIGGER exchange_rate_valuation_truncate
    AFTER TRUNCATE ON valuation_exchangerate
    FOR EACH STATEMENT EXECUTE FUNCTION valuation_invalidate_all();
"""

DROP = """
DROP TRIGGER IF EXISTS exchange_rate_valuation_truncate ON valuation_exchangerate;
DROP TRIGGER IF EXISTS exchange_rate_valuation_delete ON valuation_exchangerate;
DROP TRIGGER IF EXISTS exchange_rate_valuation_update ON valuation_exchangerate;
DROP TRIGGER IF EXISTS exchange_rate_valuation_insert ON valuation_exchangerate;
DROP FUNCTION IF EXISTS valuation_rates_updated();
DROP FUNCTION IF EXISTS valuation_rates_deleted();
DROP FUNCTION IF EXISTS valuation_rates_inserted();
DROP FUNCTION IF EXISTS valuation_rates_changed(date);
CREATE TRIGGER exchange_rate_valuation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON valuation_exchangerate
    FOR EACH STATEMENT EXECUTE FUNCTION valuation_invalidate_all();
DELETE FROM valuation_itemvaluation;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("valuation", "0005_item_valuation_wanted_basis"),
    ]

    operations = [migrations.RunSQL(CREATE, reverse_sql=DROP)]
