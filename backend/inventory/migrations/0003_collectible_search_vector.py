"""A search vector on collectibles that the database keeps right, whatever writes the rows.

* `omni_unaccent(text)`: IMMUTABLE accent folding by `translate()` over the Latin letters of
  `inventory.search.unaccent_mapping()` (no `unaccent` extension needed: the embedded
  PostgreSQL has none). A test checks that UNACCENT_FROM/TO still equal that function.
* `inventory_collectible.search_vector`, weighted: A name; B set / series, number (also
  split into its parts, so "102" finds "4/102"), card set code; C tags, card game, category
  as words ("trading card"); D notes. Folded, then parsed with the `english` configuration.
* A BEFORE INSERT/UPDATE trigger on collectibles computes it, so QuerySet.update,
  bulk_create, the admin and raw SQL all keep it right (an UPDATE that sets none of the
  searched columns skips the work). Statement-level triggers on card details refresh the
  parents whose game or set code changed (insert, update, delete).
* Existing rows are backfilled, then the GIN index is built.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations

UNACCENT_FROM = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïðñòóôõöøùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĴĵĶķĸĹĺĻļĽľĿŀŁłŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſƀƁƂƃƇƈƊƋƌƑƒƓƗƘƙƚƝƞƟƠơƤƥƫƬƭƮƯưƲƳƴƵƶǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǤǥǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻǾǿȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȠȡȤȥȦȧȨȩȪȫȬȭȮȯȰȱȲȳȴȵȶȺȻȼȽȾȿɀɃɆɇɈɉɋɌɍɎɏḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẚẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹỾỿ"
UNACCENT_TO = "AAAAAACEEEEIIIIDNOOOOOOUUUUYaaaaaaceeeeiiiidnoooooouuuuyyAaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjKkkLlLlLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzsbBBbCcDDdFfGIKklNnOOoPptTtTUuVYyZzAaIiOoUuUuUuUuUuAaAaGgGgKkOoOojGgNnAaOoAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhNdZzAaEeOoOoOoOoYylntACcLTszBEeJjqRrYyAaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMmMmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVvWwWwWwWwWwXxXxYyZzZzZzhtwyaAaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEeEeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYyYy"

CREATE_UNACCENT = f"""
CREATE FUNCTION omni_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT translate($1, '{UNACCENT_FROM}', '{UNACCENT_TO}') $$;
"""
DROP_UNACCENT = "DROP FUNCTION IF EXISTS omni_unaccent(text);"

CREATE_TRIGGERS = """
CREATE FUNCTION inventory_collectible_search_vector() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    card_game text;
    card_set_code text;
BEGIN
    SELECT cd.game, cd.set_code INTO card_game, card_set_code
        FROM inventory_carddetails cd WHERE cd.collectible_id = NEW.id;
    NEW.search_vector :=
        setweight(to_tsvector('english'::regconfig,
            omni_unaccent(coalesce(NEW.name, ''))), 'A')
        || setweight(to_tsvector('english'::regconfig, omni_unaccent(concat_ws(' ',
            NEW.set_name,
            NEW.number,
            nullif(regexp_replace(coalesce(NEW.number, ''), '[^[:alnum:]]+', ' ', 'g'), NEW.number),
            card_set_code))), 'B')
        || setweight(to_tsvector('english'::regconfig, omni_unaccent(concat_ws(' ',
            array_to_string(NEW.tags, ' '),
            card_game,
            replace(NEW.category, '_', ' ')))), 'C')
        || setweight(to_tsvector('english'::regconfig,
            omni_unaccent(coalesce(NEW.notes, ''))), 'D');
    RETURN NEW;
END;
$$;

CREATE TRIGGER collectible_search_vector
    BEFORE INSERT OR UPDATE OF name, set_name, number, tags, category, notes, search_vector
    ON inventory_collectible
    FOR EACH ROW EXECUTE FUNCTION inventory_collectible_search_vector();

-- Setting search_vector makes the trigger above recompute the parent collectible.
CREATE FUNCTION inventory_carddetails_refresh_search_vector() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE inventory_collectible SET search_vector = NULL
            WHERE id IN (SELECT collectible_id FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE inventory_collectible SET search_vector = NULL
            WHERE id IN (SELECT collectible_id FROM old_rows);
    ELSE
        UPDATE inventory_collectible SET search_vector = NULL
            WHERE id IN (
                SELECT n.collectible_id FROM new_rows n
                WHERE NOT EXISTS (
                    SELECT 1 FROM old_rows o
                    WHERE o.collectible_id = n.collectible_id
                      AND o.game IS NOT DISTINCT FROM n.game
                      AND o.set_code IS NOT DISTINCT FROM n.set_code)
                UNION
                SELECT o.collectible_id FROM old_rows o
                WHERE NOT EXISTS (
                    SELECT 1 FROM new_rows n WHERE n.collectible_id = o.collectible_id)
            );
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER carddetails_search_vector_insert
    AFTER INSERT ON inventory_carddetails
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inventory_carddetails_refresh_search_vector();
CREATE TRIGGER carddetails_search_vector_update
    AFTER UPDATE ON inventory_carddetails
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inventory_carddetails_refresh_search_vector();
CREATE TRIGGER carddetails_search_vector_delete
    AFTER DELETE ON inventory_carddetails
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inventory_carddetails_refresh_search_vector();
"""

DROP_TRIGGERS = """
DROP TRIGGER IF EXISTS carddetails_search_vector_delete ON inventory_carddetails;
DROP TRIGGER IF EXISTS carddetails_search_vector_update ON inventory_carddetails;
DROP TRIGGER IF EXISTS carddetails_search_vector_insert ON inventory_carddetails;
DROP FUNCTION IF EXISTS inventory_carddetails_refresh_search_vector();
DROP TRIGGER IF EXISTS collectible_search_vector ON inventory_collectible;
DROP FUNCTION IF EXISTS inventory_collectible_search_vector();
"""

# Setting the column fires the trigger, which computes the real value.
BACKFILL = "UPDATE inventory_collectible SET search_vector = NULL;"


class Migration(migrations.Migration):

    dependencies = [
        ("inventory", "0002_initial"),
    ]

    operations = [
        migrations.RunSQL(CREATE_UNACCENT, reverse_sql=DROP_UNACCENT),
        migrations.AddField(
            model_name="collectible",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False,
                help_text="Maintained by the database (triggers); never written by the app.",
                null=True,
            ),
        ),
        migrations.RunSQL(CREATE_TRIGGERS, reverse_sql=DROP_TRIGGERS),
        migrations.RunSQL(BACKFILL, reverse_sql=migrations.RunSQL.noop),
        migrations.AddIndex(
            model_name="collectible",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"], name="collectible_search_gin"
            ),
        ),
    ]
