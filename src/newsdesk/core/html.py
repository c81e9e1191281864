"""The one place where user-supplied HTML is cleaned (nh3) and turned into plain text."""

from __future__ import annotations

import html
import re

import nh3

RICH_TEXT_TAGS = frozenset(
    {"p", "br", "strong", "em", "b", "i", "u", "s", "a", "ul", "ol", "li", "blockquote", "h2", "h3", "h4", "img"}
)
RICH_TEXT_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "blockquote": {"cite"},
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
_WHITESPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+", re.UNICODE)


def looks_like_html(text: str) -> bool:
    return bool(re.search(r"<[a-zA-Z/!]", text))


def plain_text_to_html(text: str) -> str:
    """Blank lines separate paragraphs, single line breaks stay line breaks."""
    paragraphs = [p.strip() for p in _BLANK_LINES.split(text.replace("\r\n", "\n")) if p.strip()]
    return "".join("<p>" + html.escape(p).replace("\n", "<br>") + "</p>" for p in paragraphs)


def sanitize_rich_text(raw: str) -> str:
    """Clean editor input: HTML is filtered to the allowed tags, plain text becomes paragraphs."""
    source = raw if looks_like_html(raw) else plain_text_to_html(raw)
    return nh3.clean(
        source,
        tags=set(RICH_TEXT_TAGS),
        attributes={tag: set(attrs) for tag, attrs in RICH_TEXT_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        attribute_filter=filter_url_attribute,
        link_rel="noopener",
        strip_comments=True,
    ).strip()


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
