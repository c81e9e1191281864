from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Image(models.Model):
    """An uploaded picture with the texts that must travel with it wherever it is shown."""

    file = models.ImageField(_("file"), upload_to="images/%Y/%m/")
    # Read once at upload, so pages can set width/height (no layout shift) without opening the file.
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    alt_text = models.CharField(_("alt text"), max_length=300)
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # [{"width", "height", "jpeg", "webp"}] (storage names), narrowest first; written once by image_create so
    # pages build srcset without another query or a look at the disk.
    renditions = models.JSONField(default=list, blank=True, editable=False)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self) -> str:
        return self.caption or self.alt_text

    def _srcset(self, kind: str) -> str:
        from django.core.files.storage import default_storage

        return ", ".join(f"{default_storage.url(r[kind])} {r['width']}w" for r in self.renditions)

    @property
    def srcset_jpeg(self) -> str:
        return self._srcset("jpeg")

    @property
    def srcset_webp(self) -> str:
        return self._srcset("webp")

    @property
    def large_url(self) -> str:
        """The widest JPEG rendition (the enlarge view); the original for images stored before renditions."""
        from django.core.files.storage import default_storage

        return default_storage.url(self.renditions[-1]["jpeg"]) if self.renditions else self.file.url
