"""The legal pages every German news site needs: Impressum and Datenschutz (privacy notice)."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class LegalPage(models.Model):
    class Kind(models.TextChoices):
        IMPRESSUM = "impressum", _("Legal notice (Impressum)")
        DATENSCHUTZ = "datenschutz", _("Privacy notice (Datenschutz)")
        TERMS = "nutzungsbedingungen", _("Terms and moderation policy")

    # One row per kind, created by a migration; the admin edits them but cannot add or delete any.
    kind = models.CharField(_("page"), max_length=20, choices=Kind.choices, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))  # sanitized HTML (core.html)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("legal page")
        verbose_name_plural = _("legal pages")
        ordering = ["kind"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(f"pages:{self.kind}")


class Page(models.Model):
    """A simple page (e.g. "Über uns", brought along from WordPress): title, text and its address /seite/<slug>/."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=200, unique=True,
                            help_text=_("The page is shown at /seite/<address>/."))
    body = models.TextField(_("text"), blank=True)  # sanitized HTML (core.html)
    published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("pages:page", kwargs={"slug": self.slug})
