"""Impressum and Datenschutz exist from the first migration on, so the footer links never lead to a 404."""

from django.db import migrations

from newsdesk.core.html import sanitize_rich_text
from newsdesk.pages.defaults import DEFAULTS


def create_pages(apps, schema_editor):
    LegalPage = apps.get_model("pages", "LegalPage")
    for kind, text in DEFAULTS.items():
        LegalPage.objects.get_or_create(kind=kind, defaults={"title": text["title"],
                                                             "body": sanitize_rich_text(text["body"])})


class Migration(migrations.Migration):

    dependencies = [("pages", "0001_legal_page")]

    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
