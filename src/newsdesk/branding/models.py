"""The site's identity (name, logos, icons, accent colour, social image) and its section navigation.

One SiteIdentity row (pk 1) exists at most; pages read it through selectors.identity() (cached), and every
change goes through services.identity_update(), which checks the values and clears the cache.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

SINGLETON_PK = 1
DEFAULT_ACCENT = "#0b4f8a"


class SiteIdentity(models.Model):
    name = models.CharField(_("site name"), max_length=80, blank=True,
                            help_text=_("Shown in the header, the page title, social cards and the web manifest. "
                                        "Empty: the NEWSDESK_SITE_NAME setting."))
    short_name = models.CharField(_("short name"), max_length=20, blank=True,
                                  help_text=_("Under the icon on a phone's home screen. Empty: the site name."))
    description = models.CharField(_("description"), max_length=200, blank=True,
                                   help_text=_("One sentence for search engines and the home page's social card."))
    logo_light = models.FileField(_("logo (light background)"), upload_to="branding/", blank=True,
                                  help_text=_("SVG or PNG, shown in the header."))
    logo_dark = models.FileField(_("logo (dark background)"), upload_to="branding/", blank=True,
                                 help_text=_("SVG or PNG for dark backgrounds: shown in the footer."))
    favicon_source = models.ImageField(_("icon"), upload_to="branding/", blank=True,
                                       help_text=_("One square PNG or JPEG, at least 512 × 512 pixels: the favicon "
                                                   "and the home-screen icons are made from it."))
    accent_color = models.CharField(_("accent colour"), max_length=7, default=DEFAULT_ACCENT,
                                    help_text=_("Hex colour such as #0b4f8a, for links, buttons and the icon. "
                                                "It must be dark enough for white text (WCAG AA, 4.5:1)."))
    social_image = models.ForeignKey("media.Image", on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+", verbose_name=_("default social image"),
                                     help_text=_("Shown when a shared page has no image of its own."))
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("site identity")
        verbose_name_plural = _("site identity")

    def __str__(self) -> str:
        return str(_("Site identity"))

    @property
    def version(self) -> str:
        """Changes with every save: appended to icon and logo addresses so browsers fetch the new ones."""
        return f"{self.updated_at:%Y%m%d%H%M%S%f}" if self.updated_at else "0"


class Section(models.Model):
    """A topic in the header navigation, in the editors' order."""

    topic = models.OneToOneField("articles.Topic", on_delete=models.CASCADE, related_name="+",
                                 verbose_name=_("topic"))
    label = models.CharField(_("label"), max_length=40, blank=True,
                             help_text=_("Shorter text for the navigation. Empty: the topic's name."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections (navigation)")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.label or self.topic.name
