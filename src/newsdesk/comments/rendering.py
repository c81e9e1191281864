"""A comment's plain text as HTML: everything escaped, paragraphs and line breaks kept, links clickable."""

from __future__ import annotations

import html
import re

from django.utils.safestring import SafeString, mark_safe

LINK_REL = "nofollow ugc noopener"
_BLANK_LINES = re.compile(r"\n[^\S\n]*\n\s*")
# Only http(s) and www. links: no other scheme (javascript:, data:) ever becomes an href.
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'`\ue000\ue001]+", re.IGNORECASE)
# Private-use sentinels mark highlighted ranges through escaping and linkifying; the text itself cannot carry them.
_MARK_OPEN, _MARK_CLOSE = "\ue000", "\ue001"
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


def render_body(text: str, marks: list[tuple[int, int]] | None = None) -> SafeString:
    """Blank lines separate paragraphs, single line breaks stay; no markup from the text survives.

    `marks`: (start, end) ranges of the text to highlight with <mark> (the moderation queue's trigger words);
    a range never spans a line break in the output (it is closed and reopened around it)."""
    text = text.replace(_MARK_OPEN, "").replace(_MARK_CLOSE, "")
    for start, end in sorted(marks or [], reverse=True):
        text = text[:start] + _MARK_OPEN + text[start:end] + _MARK_CLOSE + text[end:]
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [p.strip() for p in _BLANK_LINES.split(normalized) if p.strip()]
    html_text = "".join(
        "<p>" + "<br>".join(_linkify(line) for line in p.split("\n")) + "</p>" for p in paragraphs)
    if marks:
        html_text = _balance_marks(html_text)
    return mark_safe(html_text)  # noqa: S308 - every piece of the text is escaped in _linkify


def _balance_marks(html_text: str) -> str:
    """Sentinels → <mark>…</mark>, closed before and reopened after every <br> and paragraph boundary."""
    out, open_mark = [], False
    for token in re.split(r"(\ue000|\ue001|<br>|</p><p>)", html_text):
        if token == _MARK_OPEN:
            out.append("<mark>")
            open_mark = True
        elif token == _MARK_CLOSE:
            if open_mark:
                out.append("</mark>")
            open_mark = False
        elif token in ("<br>", "</p><p>") and open_mark:
            out.append("</mark>" + token + "<mark>")
        else:
            out.append(token)
    return "".join(out)
