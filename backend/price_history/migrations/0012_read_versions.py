from django.db import migrations

from core.read_versions import triggers_sql


class Migration(migrations.Migration):
    """Every write to these tables changes the read version of the vendors it touches
    (core.read_versions): the cached answers that show them are not served again."""

    dependencies = [("core", "0001_read_versions"), ("price_history", "0011_scrape_job_queue_error_text")]
    operations = [
        migrations.RunSQL(*triggers_sql("price_history_pricehistory", "collectible_id", via="inventory_collectible")),
    ]
