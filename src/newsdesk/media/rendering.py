"""From stored rich text to what readers get: photo figures and privacy-friendly embed placeholders.

Bodies store a photo as `<figure data-image-id="ID"></figure>` (sanitize_rich_text keeps exactly that) and an
embed as a paragraph holding only a link; both are expanded here, at render time, so a changed caption or a
new provider shows everywhere, and feeds and mails (which get the stored body) keep a plain link.
"""

from __future__ import annotations

import re

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from newsdesk.media import embeds
from newsdesk.media.models import Image

IMAGE_FIGURE = re.compile(r'<figure data-image-id="(?P<id>\d+)">.*?</figure>', re.DOTALL)


def image_ids(body: str) -> list[int]:
    return [int(match["id"]) for match in IMAGE_FIGURE.finditer(body)]


def _figures(body: str, *, sizes: str) -> str:
    ids = image_ids(body)
    if not ids:
        return body
    images = Image.objects.in_bulk(ids)

    def swap(match: re.Match) -> str:
        image = images.get(int(match["id"]))
        if image is None:
            return ""  # the photo was deleted from the library: leave no empty frame
        return render_to_string("media/_figure.html", {
            "image": image, "dialog_id": f"lightbox-image-{image.pk}", "sizes": sizes, "eager": False,
            "enlarge": True, "css_class": "inline-image",
        }).strip()

    return IMAGE_FIGURE.sub(swap, body)


def render_rich_body(body: str, embed_metadata: dict | None = None,
                     sizes: str = "(min-width: 46rem) 40rem, 100vw") -> SafeString:
    """`body` must be sanitized HTML (it is, once stored through a service)."""
    return mark_safe(embeds.replace_embeds(  # noqa: S308 (sanitized body, autoescaped partials)
        _figures(body, sizes=sizes), embed_metadata))


def portable_body(body: str) -> str:
    """For feeds: photo figures become a plain <img> with absolute address, caption and credit; embeds stay
    the link they are stored as (feed readers load no iframes, and nothing should load unasked)."""
    from django.utils.html import escape

    from newsdesk.core.seo import absolute_url

    ids = image_ids(body)
    if not ids:
        return body
    images = Image.objects.in_bulk(ids)

    def swap(match: re.Match) -> str:
        image = images.get(int(match["id"]))
        if image is None:
            return ""
        credit = "(" + _("Photo: %(credit)s") % {"credit": image.credit} + ")" if image.credit else ""
        caption = " ".join(part for part in (image.caption, credit) if part)
        return (f'<figure><img src="{escape(absolute_url(image.large_url))}" alt="{escape(image.alt_text)}" '
                f'width="{image.width}" height="{image.height}">'
                + (f"<figcaption>{escape(caption)}</figcaption>" if caption else "") + "</figure>")

    return IMAGE_FIGURE.sub(swap, body)
