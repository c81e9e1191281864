"""The one place where user-supplied HTML is cleaned (nh3) and turned into plain text."""

from __future__ import annotations

import html
import re

import nh3

# The rich-text editor (core/static/newsdesk/editor.js) produces exactly a subset of this list, so nothing an
# editor writes is dropped on save: p, br, strong, em, a[href], ul, ol, li, blockquote, h2/h3 and
# <figure data-image-id="N"></figure> for a photo (the server renders the figure, see media/rendering.py).
# Its schema also holds everything else listed here (tables, code, rules, sub/superscript, images by
# address, h2–h4), so a body that came another way (a WordPress import, the API) survives a save in the editor.
RICH_TEXT_TAGS = frozenset(
    {"p", "br", "strong", "em", "b", "i", "u", "s", "a", "ul", "ol", "li", "blockquote", "h2", "h3", "h4", "img",
     "figure", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "pre", "code", "hr", "sub", "sup"}
)
RICH_TEXT_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "blockquote": {"cite"},
    "figure": {"data-image-id"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})

# Attributes whose value is a URL (or, for srcset, a list of them): each is scheme-checked, whatever ammonia's own
# url_schemes covers (it does not look at cite, for one).
URL_ATTRIBUTES = frozenset({"href", "src", "cite", "srcset", "poster", "action", "formaction", "data", "longdesc",
                            "background", "ping", "xlink:href"})
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
# Browsers drop these before reading a scheme ("java\tscript:" is "javascript:").
_URL_IGNORED = re.compile(r"[\x00-\x20\x7f]")


def _url_allowed(url: str) -> bool:
    compact = _URL_IGNORED.sub("", html.unescape(url))
    match = _SCHEME.match(compact)
    return match is None or match.group(1).lower() in URL_SCHEMES


def filter_url_attribute(tag: str, attribute: str, value: str) -> str | None:
    """nh3 attribute_filter: drop a URL-bearing attribute whose URL has a scheme outside URL_SCHEMES."""
    if attribute.lower() not in URL_ATTRIBUTES:
        return value
    if attribute.lower() == "srcset":
        candidates = [part.strip().split(maxsplit=1)[0] for part in value.split(",") if part.strip()]
        return value if all(_url_allowed(url) for url in candidates) else None
    return value if _url_allowed(value) else None


_BLANK_LINES = re.compile(r"\n\s*\n")
# Block-level tags: blank lines inside one of them do not start a paragraph of their own.
_BLOCK_TAG = re.compile(r"<(/?)(p|ul|ol|li|blockquote|h[1-6]|figure|div|table|pre)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"(<[^>]*>)")
_BARE_URL_PARAGRAPH = re.compile(r"<p>\s*(https?://[^\s<>\"']+)\s*</p>")
# Google Docs wraps a whole paste in <b style="font-weight:normal" id="docs-internal-guid-…"> and marks bold
# and italic with styled spans; the editor reads those styles, the server's cleaner translates them too.
_DOCS_WRAPPER = re.compile(r'<b\b[^>]*id="docs-internal-guid[^"]*"[^>]*>(.*)</b>', re.DOTALL | re.IGNORECASE)
_STYLED_SPAN = re.compile(r'<span\b[^>]*style="(?P<style>[^"]*)"[^>]*>(?P<text>[^<]*)</span>', re.IGNORECASE)
_BARE_URL = re.compile(r"^https?://[^\s<>\"']+$")
_WORD_COMMENTS = re.compile(r"<!--.*?-->|<!\[if [^\]]*\]>.*?<!\[endif\]>|</?o:p>|</?xml[^>]*>", re.DOTALL)
_WHITESPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+", re.UNICODE)


def looks_like_html(text: str) -> bool:
    return bool(re.search(r"<[a-zA-Z/!]", text))


def _line_breaks(markup: str) -> str:
    """Single line breaks in the text become <br>; those inside tags or between two tags stay whitespace."""
    parts = _TAG.split(markup)
    for index in range(0, len(parts), 2):  # even parts are text, odd ones tags
        if parts[index].strip():
            parts[index] = parts[index].replace("\n", "<br>")
    return "".join(parts)


def _paragraph(text: str, *, escape: bool) -> str:
    """One paragraph; a paragraph that is only an address becomes a link (and so maybe an embed)."""
    if _BARE_URL.match(text):
        url = html.escape(text)
        return f'<p><a href="{url}">{url}</a></p>'
    return "<p>" + (html.escape(text).replace("\n", "<br>") if escape else _line_breaks(text)) + "</p>"


def plain_text_to_html(text: str) -> str:
    """Blank lines separate paragraphs, single line breaks stay line breaks."""
    paragraphs = [p.strip() for p in _BLANK_LINES.split(text.replace("\r\n", "\n")) if p.strip()]
    return "".join(_paragraph(p, escape=True) for p in paragraphs)


def _top_level_chunks(markup: str) -> list[str]:
    """Splits HTML at blank lines that stand outside every block element."""
    chunks, start, depth, position = [], 0, 0, 0
    for match in _BLOCK_TAG.finditer(markup):
        if depth == 0:
            for gap in _BLANK_LINES.finditer(markup, position, match.start()):
                chunks.append(markup[start:gap.start()])
                start = gap.end()
        depth = max(0, depth + (-1 if match.group(1) else 1))
        position = match.end()
    if depth == 0:
        for gap in _BLANK_LINES.finditer(markup, position):
            chunks.append(markup[start:gap.start()])
            start = gap.end()
    chunks.append(markup[start:])
    return [chunk.strip() for chunk in chunks if chunk.strip()]


def html_with_paragraphs(markup: str) -> str:
    """Text with some tags (API clients, old entries): blank lines still make paragraphs.

    Chunks that already are a block element stay as they are; loose text and inline tags become <p>.
    """
    markup = markup.replace("\r\n", "\n")
    parts = []
    for chunk in _top_level_chunks(markup):
        parts.append(chunk if _BLOCK_TAG.search(chunk) else _paragraph(chunk, escape=False))
    return "\n".join(parts)


def _styled_emphasis(match: re.Match) -> str:
    style = match["style"].replace(" ", "").lower()
    text = match["text"]
    if re.search(r"font-weight:(bold|[6-9]00)", style):
        text = f"<strong>{text}</strong>"
    if "font-style:italic" in style:
        text = f"<em>{text}</em>"
    return text


def _pasted_office_html(markup: str) -> str:
    """Word's list paragraphs and conditional comments, Docs' wrapper and styled spans, made plain HTML."""
    markup = _WORD_COMMENTS.sub("", _word_lists_to_html(markup))
    markup = _DOCS_WRAPPER.sub(r"\1", markup)
    return _STYLED_SPAN.sub(_styled_emphasis, markup)


def sanitize_rich_text(raw: str) -> str:
    """Clean editor input: HTML is filtered to the allowed tags, plain text becomes paragraphs.

    Pasted Word, Google Docs and web HTML keeps paragraphs, emphasis, links and lists; styles, classes,
    fonts, ids and tracking attributes (data-*, ping, on*) go, because only the allow-list survives.
    """
    source = html_with_paragraphs(_pasted_office_html(raw)) if looks_like_html(raw) else plain_text_to_html(raw)
    cleaned = nh3.clean(
        source,
        tags=set(RICH_TEXT_TAGS),
        attributes={tag: set(attrs) for tag, attrs in RICH_TEXT_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        attribute_filter=filter_url_attribute,
        link_rel="noopener",
        strip_comments=True,
    ).strip()
    # <p>https://…</p> from an importer or an API client: the address becomes a link (and so maybe an embed).
    return _BARE_URL_PARAGRAPH.sub(r'<p><a href="\1" rel="noopener">\1</a></p>', cleaned)


# Short texts (promo boxes): emphasis and line breaks inside a few paragraphs; no links (the box is the link).
SHORT_TEXT_TAGS = frozenset({"p", "br", "strong", "em", "b", "i"})


def sanitize_short_text(raw: str) -> str:
    """Clean a short text: HTML keeps only SHORT_TEXT_TAGS (no attributes), plain text becomes paragraphs."""
    source = html_with_paragraphs(raw) if looks_like_html(raw) else plain_text_to_html(raw)
    return nh3.clean(source, tags=set(SHORT_TEXT_TAGS), attributes={}, strip_comments=True).strip()


_WORD_LIST_PARAGRAPH = re.compile(
    r"<p\b[^>]*\bclass=\"?MsoListParagraph\w*\"?[^>]*>(.*?)</p>", re.IGNORECASE | re.DOTALL)
_WORD_BULLET = re.compile(
    r"<!\[if !supportLists\]>.*?<!\[endif\]>|<span[^>]*mso-list:\s*Ignore[^>]*>.*?</span>(?:\s*</span>)*",
    re.IGNORECASE | re.DOTALL)
_WORD_NUMBERED = re.compile(r"^\s*(?:<[^>]+>\s*)*\d+[.)]", re.DOTALL)


def _word_lists_to_html(markup: str) -> str:
    """Desktop Word pastes lists as paragraphs of class MsoListParagraph*; make them real lists."""
    if "MsoListParagraph" not in markup:
        return markup
    result, position, items, numbered = [], 0, [], False

    def flush():
        if items:
            tag = "ol" if numbered else "ul"
            result.append(f"<{tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>")
            items.clear()

    for match in _WORD_LIST_PARAGRAPH.finditer(markup):
        between = markup[position:match.start()]
        if between.strip():
            flush()
            result.append(between)
        content = match.group(1)
        numbered = bool(_WORD_NUMBERED.match(html.unescape(nh3.clean(content, tags=set()))))
        items.append(_WORD_BULLET.sub("", content).strip())
        position = match.end()
    flush()
    result.append(markup[position:])
    return "".join(result)


def html_to_text(markup: str) -> str:
    """Visible text of sanitized HTML, whitespace folded."""
    spaced = re.sub(r"<(?:/p|br|/li|/h[1-6]|/blockquote)\s*/?>", " ", markup)
    return _WHITESPACE.sub(" ", html.unescape(nh3.clean(spaced, tags=set()))).strip()


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


WORDS_PER_MINUTE = 200


def reading_minutes(words: int) -> int:
    """The reading-time rule: 200 words a minute, rounded up, at least one minute."""
    return max(1, -(-words // WORDS_PER_MINUTE))
