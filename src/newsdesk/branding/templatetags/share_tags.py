"""`{% share_links path title %}`: plain share links (no third-party script, no tracking parameters)."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from django import template

from newsdesk.core.seo import absolute_url

register = template.Library()


def share_targets(url: str, title: str) -> list[dict[str, str]]:
    """(key, name, href) for each service; the address is the page's canonical one, unchanged."""
    text = f"{title} {url}" if title else url
    return [
        {"key": "email", "name": "E-Mail",
         "href": f"mailto:?{urlencode({'subject': title, 'body': url}, quote_via=quote)}"},
        {"key": "whatsapp", "name": "WhatsApp", "href": f"https://wa.me/?{urlencode({'text': text}, quote_via=quote)}"},
        {"key": "x", "name": "X", "href": "https://x.com/intent/post?"
                                           f"{urlencode({'text': title, 'url': url}, quote_via=quote)}"},
        {"key": "facebook", "name": "Facebook",
         "href": f"https://www.facebook.com/sharer/sharer.php?{urlencode({'u': url}, quote_via=quote)}"},
        {"key": "linkedin", "name": "LinkedIn",
         "href": f"https://www.linkedin.com/sharing/share-offsite/?{urlencode({'url': url}, quote_via=quote)}"},
        {"key": "bluesky", "name": "Bluesky",
         "href": f"https://bsky.app/intent/compose?{urlencode({'text': text}, quote_via=quote)}"},
    ]


@register.inclusion_tag("branding/_share.html")
def share_links(path: str, title: str, compact: bool = False, copy: bool = True) -> dict:
    url = absolute_url(path)
    return {"url": url, "title": title, "targets": share_targets(url, title), "compact": compact, "copy": copy}
