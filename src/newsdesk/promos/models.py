"""Promo boxes: a title, a short text and a link that editors place in fixed slots of the reader pages.

A box shows from `starts_at` until `ends_at` (if any), optionally only beside articles of chosen topics. Boxes
marked as advertising carry the label "Anzeige" and `rel="sponsored"`. Nothing is tracked: a box is plain HTML
rendered with the page and cached with it (newsdesk.promos.selectors).
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Slot(models.TextChoices):
    ARTICLE_END = "article_end", _("After the article text")
    SIDEBAR = "sidebar", _("Sidebar (home page and below articles)")
    NEWSBLOG = "newsblog", _("Between newsblog entries")
    HOME = "home", _("Home page, between top stories and latest articles")


class Style(models.TextChoices):
    # A fixed set, each checked for AA contrast in promos.css: editors choose a mood, not a colour.
    LIGHT = "light", _("Light grey")
    ACCENT = "accent", _("Accent colour")
    WARM = "warm", _("Warm sand")
    DARK = "dark", _("Dark")


class PromoBox(models.Model):
    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(_("text"), blank=True,
                            help_text=_("A few sentences; bold, italics and line breaks are kept, nothing else."))
    link_url = models.CharField(_("link"), max_length=500,
                                help_text=_("An address starting with https:// or a path on this site such as "
                                            "/newsletter/."))
    link_label = models.CharField(_("link text"), max_length=60, blank=True,
                                  help_text=_("The button, e.g. “Jetzt anmelden”. Empty: “Mehr erfahren”."))
    image = models.ForeignKey("media.Image", verbose_name=_("image"), on_delete=models.SET_NULL, null=True,
                              blank=True, related_name="+")
    style = models.CharField(_("colour style"), max_length=10, choices=Style.choices, default=Style.LIGHT)
    sponsored = models.BooleanField(_("advertisement (“Anzeige”)"), default=False,
                                    help_text=_("Paid content: shown with the label “Anzeige”, the link marked "
                                                "as sponsored."))
    slots = models.JSONField(_("slots"), default=list, blank=True)
    every_n_entries = models.PositiveSmallIntegerField(
        _("in newsblogs: after every N entries"), default=5,
        help_text=_("Only for the slot between newsblog entries (2 to 50)."))
    topics = models.ManyToManyField("articles.Topic", verbose_name=_("only for topics"), blank=True,
                                    related_name="+",
                                    help_text=_("Empty: everywhere. Otherwise only beside articles of these topics."))
    starts_at = models.DateTimeField(_("shown from"), default=timezone.now)
    ends_at = models.DateTimeField(_("shown until"), null=True, blank=True,
                                   help_text=_("Empty: until switched off."))
    active = models.BooleanField(_("switched on"), default=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0,
                                                help_text=_("Smaller numbers come first within a slot."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("promo box")
        verbose_name_plural = _("promo boxes")
        ordering = ["position", "-starts_at", "id"]

    def __str__(self) -> str:
        return self.title

    def shows_at(self, now) -> bool:
        return self.active and self.starts_at <= now and (self.ends_at is None or now < self.ends_at)
