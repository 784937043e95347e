from django.db import migrations

from core.read_versions import triggers_sql


class Migration(migrations.Migration):
    """The value history is a cached answer too (core.response_cache): a snapshot written
    changes its vendor's read version."""

    dependencies = [("valuation", "0008_read_versions")]
    operations = [migrations.RunSQL(*triggers_sql("valuation_valuesnapshot", "vendor_id"))]
