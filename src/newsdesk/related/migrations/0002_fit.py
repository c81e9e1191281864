from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("related", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="Fit",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("documents", models.PositiveIntegerField()),
                ("frequencies", models.TextField()),
                ("fitted_at", models.DateTimeField(auto_now_add=True)),
            ],
        ),
        migrations.AddIndex(
            model_name="document",
            index=models.Index(fields=["indexed_at"], name="related_document_indexed_at"),
        ),
    ]
