from django.db import migrations

from core.read_versions import triggers_sql


class Migration(migrations.Migration):
    """Every write to these tables changes the read version of the vendors it touches
    (core.read_versions): the cached answers that show them are not served again."""

    dependencies = [("core", "0001_read_versions"), ("inventory", "0012_collectible_vendor_status_created_index")]
    operations = [
        migrations.RunSQL(*triggers_sql("inventory_collectible", "vendor_id")),
        migrations.RunSQL(*triggers_sql("inventory_carddetails", "collectible_id", via="inventory_collectible")),
        migrations.RunSQL(*triggers_sql("inventory_photo", "collectible_id", via="inventory_collectible")),
    ]
