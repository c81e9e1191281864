"""A comment's plain text as HTML: everything escaped, paragraphs and line breaks kept, links clickable."""

from __future__ import annotations

import html
import re

from django.utils.safestring import SafeString, mark_safe

LINK_REL = "nofollow ugc noopener"
_BLANK_LINES = re.compile(r"\n[^\S\n]*\n\s*")
# Only http(s) and www. links: no other scheme (javascript:, data:) ever becomes an href.
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'`]+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}»«\"'"


def _linkify(text: str) -> str:
    out = []
    pos = 0
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(_TRAILING)
        if len(url) <= len("www."):
            continue
        end = match.start() + len(url)
        href = url if url.lower().startswith(("http://", "https://")) else "https://" + url
        out.append(html.escape(text[pos:match.start()]))
        out.append(f'<a href="{html.escape(href)}" rel="{LINK_REL}">{html.escape(url)}</a>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def render_body(text: str) -> SafeString:
    """Blank lines separate paragraphs, single line breaks stay; no markup from the text survives."""
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [p.strip() for p in _BLANK_LINES.split(normalized) if p.strip()]
    return mark_safe("".join(  # noqa: S308 - every piece of the text is escaped in _linkify
        "<p>" + "<br>".join(_linkify(line) for line in p.split("\n")) + "</p>" for p in paragraphs
    ))
