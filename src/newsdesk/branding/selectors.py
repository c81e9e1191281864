"""Reads of the site identity for every page: one cache look-up, no query (cleared by services on change)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.urls import NoReverseMatch, reverse

from newsdesk.branding.models import DEFAULT_ACCENT, SINGLETON_PK, Section, SiteIdentity

CACHE_KEY = "branding:frame:v1"
CACHE_SECONDS = 3600  # a safety net: saves clear it at once


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    slug: str


@dataclass
class Frame:
    """What the page frame shows: plain values, so it pickles into any cache backend."""

    name: str
    short_name: str
    description: str
    accent: str
    version: str
    logo_light_url: str = ""
    logo_dark_url: str = ""
    has_icon_upload: bool = False
    social_image: object | None = None  # media.Image with its renditions
    sections: list[NavItem] = field(default_factory=list)


def stored_identity() -> SiteIdentity:
    """The identity row, or an unsaved one with the defaults (nothing is written by a read)."""
    found = SiteIdentity.objects.select_related("social_image").filter(pk=SINGLETON_PK).first()
    return found or SiteIdentity(pk=SINGLETON_PK)


def _build() -> Frame:
    identity = stored_identity()
    name = identity.name or settings.SITE_NAME
    sections = []
    for section in Section.objects.select_related("topic").order_by("position", "id"):
        try:
            url = reverse("articles:topic", kwargs={"slug": section.topic.slug})
        except NoReverseMatch:  # an odd slug must not break every page
            continue
        sections.append(NavItem(label=section.label or section.topic.name, url=url, slug=section.topic.slug))
    return Frame(
        name=name,
        short_name=identity.short_name or name[:20],
        description=identity.description,
        accent=identity.accent_color or DEFAULT_ACCENT,
        version=identity.version,
        logo_light_url=identity.logo_light.url if identity.logo_light else "",
        logo_dark_url=identity.logo_dark.url if identity.logo_dark else "",
        has_icon_upload=bool(identity.favicon_source),
        social_image=identity.social_image,
        sections=sections,
    )


def frame() -> Frame:
    cached = cache.get(CACHE_KEY)
    if cached is None:
        cached = _build()
        cache.set(CACHE_KEY, cached, CACHE_SECONDS)
    return cached


def forget() -> None:
    cache.delete(CACHE_KEY)
