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
        IDENTITY = "identity", _("identity or topic term (fairness)")

    class Group(models.TextChoices):
        RELIGION = "religion", _("religions and their adherents")
        ORIGIN = "herkunft", _("nationalities and origins")
        POLITICS = "politik", _("parties and leading politicians")
        GENDER = "geschlecht", _("gender and sexuality")
        MIGRATION = "flucht", _("refugees and migration")

    kind = models.CharField(_("list"), max_length=10, choices=Kind.choices)
    entry = models.CharField(
        _("entry"), max_length=100,
        help_text=_("wort = the whole word; wort* = words starting with it; *wort = words ending with it; "
                    "*wort* = anywhere in a word. Spelling tricks (look-alike letters, zero-width characters, "
                    "1 for i, s-p-a-c-e-d letters) are folded before matching."))
    # Only for identity terms: the group the fairness report counts it in.
    group = models.CharField(_("group"), max_length=12, choices=Group.choices, blank=True)
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
        if self.kind == self.Kind.IDENTITY and not self.group:
            raise ValidationError({"group": _("Identity terms need a group.")})
        if self.kind != self.Kind.IDENTITY:
            self.group = ""


class ModelVersion(models.Model):
    """A trained offensive-language model file under DATA_DIR/moderation-models/, its figures, and whether it
    is the one in use (exactly one active row at most; none = the shipped model)."""

    version = models.CharField(_("version"), max_length=60, unique=True)
    file_name = models.CharField(_("file"), max_length=200)
    figures = models.JSONField(_("figures"), default=dict, blank=True)
    active = models.BooleanField(_("in use"), default=False)
    # The model that was active when this one was switched in: "return to the previous model" goes there.
    previous = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                 verbose_name=_("previous model"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("offence model version")
        verbose_name_plural = _("offence model versions")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["active"], condition=models.Q(active=True),
                                               name="moderation_one_active_model")]

    def __str__(self) -> str:
        return self.version
