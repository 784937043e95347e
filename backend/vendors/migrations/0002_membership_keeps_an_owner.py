"""A vendor that still has members always has an owner, whatever writes to the table.

The API's services check this first to give a clear message; this trigger is the guarantee
for every other path (admin inlines, bulk updates, raw SQL). A vendor left with no members
at all (its only member's account deleted) is allowed; operators clean those up.
"""

from django.db import migrations

CREATE = """
CREATE FUNCTION vendors_membership_keeps_an_owner() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM vendors_membership WHERE vendor_id = OLD.vendor_id)
       AND NOT EXISTS (
           SELECT 1 FROM vendors_membership WHERE vendor_id = OLD.vendor_id AND role = 'owner'
       )
    THEN
        RAISE EXCEPTION 'Vendor % would be left without an owner.', OLD.vendor_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER membership_keeps_an_owner
    AFTER UPDATE OF role, vendor_id OR DELETE ON vendors_membership
    DEFERRABLE INITIALLY IMMEDIATE
    FOR EACH ROW EXECUTE FUNCTION vendors_membership_keeps_an_owner();
"""

DROP = """
DROP TRIGGER IF EXISTS membership_keeps_an_owner ON vendors_membership;
DROP FUNCTION IF EXISTS vendors_membership_keeps_an_owner();
"""


class Migration(migrations.Migration):
    dependencies = [("vendors", "0001_initial")]

    operations = [migrations.RunSQL(CREATE, reverse_sql=DROP)]
