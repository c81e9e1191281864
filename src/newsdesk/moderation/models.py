"""Editable word lists (banned: reject on arrival; suspect: hold for a moderator), kept in the database.

The matching itself stays plain Python (`wordlists.WordList`); `lists.current()` turns these rows into compiled
lists for `screen()`, cached until an entry is saved or deleted.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from newsdesk.moderation.wordlists import parse_entry


class WordEntry(models.Model):
    class Kind(models.TextChoices):
        BANNED = "banned", _("banned word (reject)")
        SUSPECT = "suspect", _("suspect word (hold)")

    kind = models.CharField(_("list"), max_length=10, choices=Kind.choices)
    entry = models.CharField(
        _("entry"), max_length=100,
        help_text=_("wort = the whole word; wort* = words starting with it; *wort = words ending with it; "
                    "*wort* = anywhere in a word. Spelling tricks (look-alike letters, zero-width characters, "
                    "1 for i, s-p-a-c-e-d letters) are folded before matching."))
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("word list entry")
        verbose_name_plural = _("word lists")
        ordering = ["kind", "entry"]
        constraints = [models.UniqueConstraint(fields=["kind", "entry"], name="moderation_word_unique")]

    def __str__(self) -> str:
        return self.entry

    def clean(self) -> None:
        self.entry = " ".join((self.entry or "").split())
        if self.entry.startswith("#") or parse_entry(self.entry) is None:
            raise ValidationError({"entry": _("The entry needs at least one letter or digit (and may not start "
                                              "with #).")})
