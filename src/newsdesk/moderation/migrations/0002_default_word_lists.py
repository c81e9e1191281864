"""German default word lists, shipped so a new site screens from its first comment; admins edit them later.

Kept short on purpose: banned = slurs, Nazi slogans and the gravest sexual insults (rejected on arrival);
suspect = common insults and spam phrases (held for a moderator). The entries are copied here, not imported,
so the migration stays the same when the code's defaults change.
"""

from django.core.cache import cache
from django.db import migrations

BANNED = (
    "heil hitler", "sieg heil", "judensau*", "untermensch*", "kanake*", "neger*", "fotze*",
    "hurensohn*", "hurensoehne*", "kinderficker*", "*wichser*", "vergasen",
)
SUSPECT = (
    "*idiot*", "*arschloch*", "*drecks*", "*schlampe*", "*abschaum*", "*gesindel*", "*volksverraeter*",
    "*luegenpresse*", "*schmarotzer*", "*missgeburt*", "*spast*", "*vollpfosten*", "halts maul", "*ungeziefer*",
    # spam phrases
    "*casino*", "*viagra*", "schnell reich", "sofort reich", "jetzt klicken", "gratis bonus",
)
NOTE = "Voreinstellung von newsdesk"


def add_defaults(apps, schema_editor):
    WordEntry = apps.get_model("moderation", "WordEntry")
    for kind, entries in (("banned", BANNED), ("suspect", SUSPECT)):
        for entry in entries:
            WordEntry.objects.get_or_create(kind=kind, entry=entry, defaults={"note": NOTE})
    cache.delete("moderation:wordlists:v1")  # historical models send no signal the cache listens to


def remove_defaults(apps, schema_editor):
    WordEntry = apps.get_model("moderation", "WordEntry")
    WordEntry.objects.filter(note=NOTE).delete()
    cache.delete("moderation:wordlists:v1")


class Migration(migrations.Migration):
    dependencies = [("moderation", "0001_word_lists")]

    operations = [migrations.RunPython(add_defaults, remove_defaults)]
