from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("liveblogs", "0003_entryrevision_breaking")]

    operations = [
        migrations.AddField(model_name="entry", name="embeds", field=models.JSONField(blank=True, default=dict)),
    ]
