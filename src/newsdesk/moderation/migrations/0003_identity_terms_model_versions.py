"""Identity/topic terms as a third editable list (with a group), and the registry of trained model versions.

The default identity terms are read from the shipped data file at migration time (the file is data that the
fairness report and the model share; copying 130 entries here would let the two drift apart).
"""

from pathlib import Path

import django.db.models.deletion
from django.core.cache import cache
from django.db import migrations, models

TERMS_FILE = Path(__file__).resolve().parent.parent / "data" / "identity-terms-de.txt"
NOTE = "Voreinstellung von newsdesk"


def add_identity_terms(apps, schema_editor):
    from newsdesk.moderation.identity import IdentityTerms

    WordEntry = apps.get_model("moderation", "WordEntry")
    for group, entries in IdentityTerms.from_file(TERMS_FILE).groups:
        for entry in entries:
            WordEntry.objects.get_or_create(kind="identity", entry=entry, defaults={"group": group, "note": NOTE})
    cache.delete("moderation:identity:v1")


def remove_identity_terms(apps, schema_editor):
    apps.get_model("moderation", "WordEntry").objects.filter(kind="identity").delete()
    cache.delete("moderation:identity:v1")


class Migration(migrations.Migration):
    dependencies = [("moderation", "0002_default_word_lists")]

    operations = [
        migrations.AlterField(
            model_name="wordentry", name="kind",
            field=models.CharField(choices=[("banned", "banned word (reject)"), ("suspect", "suspect word (hold)"),
                                            ("identity", "identity or topic term (fairness)")],
                                   max_length=10, verbose_name="list"),
        ),
        migrations.AddField(
            model_name="wordentry", name="group",
            field=models.CharField(blank=True, choices=[
                ("religion", "religions and their adherents"), ("herkunft", "nationalities and origins"),
                ("politik", "parties and leading politicians"), ("geschlecht", "gender and sexuality"),
                ("flucht", "refugees and migration")], max_length=12, verbose_name="group"),
        ),
        migrations.CreateModel(
            name="ModelVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("version", models.CharField(max_length=60, unique=True, verbose_name="version")),
                ("file_name", models.CharField(max_length=200, verbose_name="file")),
                ("figures", models.JSONField(blank=True, default=dict, verbose_name="figures")),
                ("active", models.BooleanField(default=False, verbose_name="in use")),
                ("note", models.CharField(blank=True, max_length=300, verbose_name="note")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("previous", models.ForeignKey(blank=True, null=True,
                                               on_delete=django.db.models.deletion.SET_NULL, related_name="+",
                                               to="moderation.modelversion", verbose_name="previous model")),
            ],
            options={"verbose_name": "offence model version", "verbose_name_plural": "offence model versions",
                     "ordering": ["-created_at"]},
        ),
        migrations.AddConstraint(
            model_name="modelversion",
            constraint=models.UniqueConstraint(condition=models.Q(("active", True)), fields=("active",),
                                               name="moderation_one_active_model"),
        ),
        migrations.RunPython(add_identity_terms, remove_identity_terms),
    ]
