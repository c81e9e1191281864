"""`{% picture %}` and `{% figure %}`: responsive images with credits, the same markup everywhere."""

from __future__ import annotations

from django import template

from newsdesk.media.models import Image

register = template.Library()

# Column width of article and newsblog pages (44rem) on desktops, the full width on phones.
DEFAULT_SIZES = "(min-width: 46rem) 44rem, 100vw"


@register.inclusion_tag("media/_picture.html")
def picture(image: Image | None, sizes: str = DEFAULT_SIZES, eager: bool = False, decorative: bool = False,
            css_class: str = "") -> dict:
    """WebP with a JPEG fallback; lazy unless `eager` (the lead image is the largest paint: load it at once)."""
    return {"image": image, "sizes": sizes, "eager": eager, "decorative": decorative, "css_class": css_class}


@register.inclusion_tag("media/_figure.html")
def figure(image: Image | None, dialog_id: str = "lightbox", sizes: str = DEFAULT_SIZES, eager: bool = False,
           enlarge: bool = True, css_class: str = "lead-image") -> dict:
    """A picture with caption and "Foto: …" credit, and an enlarge dialog that works with the keyboard."""
    return {"image": image, "dialog_id": dialog_id, "sizes": sizes, "eager": eager, "enlarge": enlarge,
            "css_class": css_class}


@register.filter
def rich_body(body: str, embed_metadata: dict | None = None):
    """Stored rich text with its photo figures and embed placeholders: `{{ entry.body|rich_body:entry.embeds }}`."""
    from newsdesk.media.rendering import render_rich_body

    return render_rich_body(body or "", embed_metadata)
