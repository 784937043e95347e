from django.db import migrations

from core.read_versions import triggers_sql


class Migration(migrations.Migration):
    """Every write to these tables changes the read version of the vendors it touches
    (core.read_versions): the cached answers that show them are not served again."""

    dependencies = [("core", "0001_read_versions"), ("vendors", "0004_sharing")]
    operations = [
        migrations.RunSQL(*triggers_sql("vendors_vendor", "id")),
        migrations.RunSQL(*triggers_sql("vendors_membership", "vendor_id")),
    ]
