"""What an import brought in (so a re-import updates instead of duplicating) and the old addresses' redirects."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedItem(models.Model):
    """One WordPress object and the newsdesk object made from it; identity is site + kind + WordPress id."""

    site = models.CharField(_("site"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20)  # post, page, attachment, author, category, tag, comment
    source_id = models.CharField(_("WordPress id"), max_length=200)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    # Digest of the WordPress item as last imported (unchanged source: nothing to do) and of the newsdesk object
    # right after that import (differs later: an editor changed it here, which a re-import keeps).
    source_digest = models.CharField(max_length=64)
    stored_digest = models.CharField(max_length=64)
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    last_seen_at = models.DateTimeField()

    class Meta:
        verbose_name = _("imported item")
        verbose_name_plural = _("imported items")
        constraints = [models.UniqueConstraint(fields=["site", "kind", "source_id"], name="imported_item_identity")]

    def __str__(self) -> str:
        return f"{self.site} {self.kind} {self.source_id}"


class Redirect(models.Model):
    """An old address (path, with the query for forms like /?p=123) answered with 301 to its new one."""

    old_path = models.CharField(_("old address"), max_length=500, unique=True,
                                help_text=_("Path on this host, e.g. /2024/05/03/hochwasser/ or /?p=123."))
    new_path = models.CharField(_("new address"), max_length=500,
                                help_text=_("A path on this site (/artikel/…/) or a full https:// address."))
    hits = models.PositiveBigIntegerField(_("hits"), default=0, editable=False)
    last_hit_at = models.DateTimeField(_("last hit"), null=True, blank=True, editable=False)
    source = models.CharField(_("source"), max_length=300, blank=True,
                              help_text=_("The imported site it came from; empty when added by hand."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("redirect")
        verbose_name_plural = _("redirects")
        ordering = ["old_path"]

    def __str__(self) -> str:
        return f"{self.old_path} → {self.new_path}"
