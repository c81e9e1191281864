"""`{% social_meta %}`: canonical link, Open Graph and Twitter card tags in one line."""

from __future__ import annotations

from django import template

from newsdesk.core.seo import absolute_url

register = template.Library()


@register.inclusion_tag("_social_meta.html", takes_context=True)
def social_meta(context, title: str, description: str, path: str, image=None, type: str = "website") -> dict:
    # A page without its own picture shares the site's default image (context "brand", set by the branding app).
    image = image or getattr(context.get("brand"), "social_image", None)
    return {
        "title": title, "description": description, "url": absolute_url(path), "type": type, "image": image,
        "image_url": absolute_url(image.large_url) if image else "", "site_name": context.get("site_name", ""),
    }


@register.filter
def absolute(path: str) -> str:
    return absolute_url(path)
