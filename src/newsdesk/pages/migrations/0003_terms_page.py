"""The terms page with the moderation policy (issue 12, Art. 14 DSA), created like Impressum and Datenschutz."""

from django.db import migrations, models

from newsdesk.core.html import sanitize_rich_text
from newsdesk.pages.defaults import DEFAULTS


def create_terms(apps, schema_editor):
    LegalPage = apps.get_model("pages", "LegalPage")
    text = DEFAULTS["nutzungsbedingungen"]
    LegalPage.objects.get_or_create(kind="nutzungsbedingungen", defaults={
        "title": text["title"], "body": sanitize_rich_text(text["body"])})


class Migration(migrations.Migration):

    dependencies = [("pages", "0002_default_impressum_and_datenschutz")]

    operations = [
        migrations.AlterField(
            model_name="legalpage", name="kind",
            field=models.CharField(choices=[("impressum", "Legal notice (Impressum)"),
                                            ("datenschutz", "Privacy notice (Datenschutz)"),
                                            ("nutzungsbedingungen", "Terms and moderation policy")],
                                   editable=False, max_length=20, unique=True, verbose_name="page")),
        migrations.RunPython(create_terms, migrations.RunPython.noop),
    ]
