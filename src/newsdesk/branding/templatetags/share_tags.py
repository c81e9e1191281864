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


# Placeholders of the page's one share menu template (quote() leaves them as they are); the template's
# data-url and data-title carry them, and liveblog.js reads them from there.
MENU_URL, MENU_TITLE = "__share_url__", "__share_title__"


@register.inclusion_tag("branding/_share.html")
def share_links(path: str, title: str, compact: bool = False, copy: bool = True) -> dict:
    url = absolute_url(path)
    return {"url": url, "title": title, "targets": share_targets(url, title), "compact": compact, "copy": copy}


@register.inclusion_tag("branding/_share_menu_template.html")
def share_menu_template() -> dict:
    """The compact share menu once per live page, with placeholders for the address and title.

    Entries pushed to readers carry only a stub (`share_stub`): the six links of both languages were 4.4 of
    the 7 KB every reader received per entry. The page's script builds each pushed entry's menu from this
    template, so the links are the ones `share_links` renders into the page itself.
    """
    return {"url": MENU_URL, "title": MENU_TITLE, "targets": share_targets(MENU_URL, MENU_TITLE),
            "compact": True, "copy": False}


@register.inclusion_tag("branding/_share_stub.html")
def share_stub(path: str, title: str) -> dict:
    return {"url": absolute_url(path), "title": title}
