"""WordPress post HTML to newsdesk body HTML: blocks, shortcodes, wpautop paragraphs, images, embeds.

The result still goes through `core.html.sanitize_rich_text` in the article service (the same nh3 cleaning as
every article); this module only turns WordPress's own conventions into plain HTML.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

# Hosts whose links on a line of their own WordPress turns into an embed (oEmbed providers it knows).
EMBED_PROVIDERS = frozenset({
    "youtube.com", "youtu.be", "vimeo.com", "twitter.com", "x.com", "facebook.com", "instagram.com",
    "wordpress.tv", "soundcloud.com", "spotify.com", "open.spotify.com", "tiktok.com", "flickr.com",
    "dailymotion.com", "mixcloud.com", "reddit.com", "ted.com", "tumblr.com", "imgur.com", "slideshare.net",
    "scribd.com", "speakerdeck.com", "issuu.com", "kickstarter.com", "videopress.com", "screencast.com",
    "amazon.com", "amazon.de", "cloudup.com", "crowdsignal.com", "polldaddy.com", "smugmug.com",
    "animoto.com", "reverbnation.com", "pinterest.com", "mastodon.social",
})
KNOWN_SHORTCODES = ("caption", "wp_caption", "gallery", "embed", "video", "audio", "playlist")

_BLOCK_WITH_EMBED = re.compile(r"<!--\s*wp:(core-embed/[\w-]+|embed)\s+(\{.*?\})\s*-->(.*?)<!--\s*/wp:\1\s*-->",
                               re.S)
_BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:[^>]*?-->\s*", re.S)
_SHORTCODE = re.compile(r"\[(\[?)([a-zA-Z][\w-]*)(\s[^\]]*)?(/?)\](?:(.*?)\[/\2\])?(\]?)", re.S)
_ATTRIBUTE = re.compile(r'([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*\'([^\']*)\'|([\w-]+)\s*=\s*([^\s\'"]+)'
                        r'|"([^"]*)"|(\S+)')
_IMG = re.compile(r"<img\b[^>]*>", re.I)
# A figure (Gutenberg's wp-block-image, or any) with one image inside; never spans two figures.
_FIGURE_WITH_IMG = re.compile(r"<figure\b[^>]*>((?:(?!</figure>).)*?<img\b(?:(?!</figure>).)*?)</figure>", re.S | re.I)
_FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption>", re.S | re.I)
# Classic editor: an image wrapped in a link to its file or attachment page.
_LINKED_IMG = re.compile(r"<a\b[^>]*>\s*(<img\b[^>]*>)\s*</a>", re.I)
# Tags our text has no room for, mapped to their nearest kept ones (else the cleaner would flatten them).
_RENAMED = {"h1": "h2", "h5": "h4", "h6": "h4", "del": "s", "strike": "s", "tt": "code", "kbd": "code",
            "address": "p"}
_RENAMED_TAG = re.compile(r"<(/?)(h1|h5|h6|del|strike|tt|kbd|address)\b", re.I)
_MEDIA_ELEMENT = re.compile(r"(?:<figure\b[^>]*>\s*)?<(video|audio)\b[^>]*>.*?</\1>"
                            r"(?:\s*<figcaption\b.*?</figcaption>)?(?:\s*</figure>)?", re.S | re.I)
_SRC = re.compile(r"""\bsrc\s*=\s*["']([^"']+)["']""", re.I)
_DEFINITION = re.compile(r"<(/?)(dl|dt|dd)\b[^>]*>", re.I)
# Paragraphs with nothing to read, and a lone &nbsp; (the classic editor's spacer) between blocks.
_DIV = re.compile(r"</?div\b[^>]*>", re.I)
_EMPTY_PARAGRAPH = re.compile(r"<p>(?:\s|&nbsp;|\xa0|<br\s*/?>|</?(?:strong|em|b|i|span)>)*</p>\n?"
                              r"|(?<=>)(?:\s*&nbsp;)+\s*(?=\n<)")
_WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")
_PHOTO = re.compile(r'<figure data-image-id="\d+"></figure>')
# A paragraph with a photo inside (an inline image of the classic editor): the photo goes before the text.
_PARAGRAPH_WITH_PHOTO = re.compile(r"<p>((?:(?!</?p[ >]).)*?)(<figure data-image-id=\"\d+\"></figure>)"
                                   r"((?:(?!</?p[ >]).)*?)</p>", re.S)
_IMG_ATTRIBUTE = re.compile(r'([\w-]+)\s*=\s*("([^"]*)"|\'([^\']*)\')')
_SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")
_BLOCK_START = re.compile(r"^\s*<(?:p|h[1-6]|ul|ol|li|blockquote|figure|div|table|pre|hr|address|section|dl|form|"
                          r"iframe|video|audio)\b", re.I)
_BARE_URL_LINE = re.compile(r"^\s*(https?://[^\s<>\"]+)\s*$", re.M)
_URL = re.compile(r"https?://[^\s<>\"\]]+")


@dataclass
class ImageRef:
    id: int
    caption: str = ""


@dataclass
class Conversion:
    html: str
    unknown_shortcodes: set[str] = field(default_factory=set)
    missing_images: list[str] = field(default_factory=list)
    captions: dict[int, str] = field(default_factory=dict)  # image id -> caption written beside it in the post


ImageLookup = Callable[[str], "ImageRef | None"]  # an uploads URL or an attachment id -> our rendition


def upload_path(url: str) -> str:
    """Host-free path of an uploads URL (query and fragment dropped)."""
    return unquote(urlsplit(html.unescape(url.strip())).path)


def upload_key(url: str) -> str:
    """upload_path without WordPress's size suffix: …/05/bild-300x200.jpg -> …/05/bild.jpg (a resized copy)."""
    return _SIZE_SUFFIX.sub("", upload_path(url))


def is_provider_link(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    host = host[4:] if host.startswith("www.") else host
    return host in EMBED_PROVIDERS or any(host.endswith("." + p) for p in EMBED_PROVIDERS)


def link_paragraph(url: str) -> str:
    """A paragraph holding only a link: the form the embed renderer (media) turns into an embed for providers."""
    url = html.escape(html.unescape(url.strip()), quote=True)
    return f'\n\n<p><a href="{url}">{url}</a></p>\n\n'


def shortcode_attributes(text: str) -> dict[str, str]:
    attributes: dict[str, str] = {}
    for n, match in enumerate(_ATTRIBUTE.finditer(text or "")):
        if match.group(1):
            attributes[match.group(1).lower()] = match.group(2)
        elif match.group(3):
            attributes[match.group(3).lower()] = match.group(4)
        elif match.group(5):
            attributes[match.group(5).lower()] = match.group(6)
        else:
            attributes[str(n)] = match.group(7) or match.group(8) or ""
    return attributes


def _photo(ref: ImageRef) -> str:
    # Our stored form of a photo (media/rendering.py renders it with renditions, caption and credit).
    return f'\n\n<figure data-image-id="{ref.id}"></figure>\n\n'


def _img_attributes(tag: str) -> dict[str, str]:
    return {m.group(1).lower(): html.unescape(m.group(3) if m.group(3) is not None else m.group(4))
            for m in _IMG_ATTRIBUTE.finditer(tag)}


class _Converter:
    def __init__(self, lookup: ImageLookup, attached: list[str]) -> None:
        self.lookup = lookup
        self.attached = attached
        self.unknown: set[str] = set()
        self.missing: list[str] = []
        self.captions: dict[int, str] = {}

    def find(self, tag: str) -> ImageRef | None:
        """Our image for an <img> of the old site: by its wp-image-N class (the attachment), else by its file."""
        attributes = _img_attributes(tag)
        wp_class = _WP_IMAGE_CLASS.search(attributes.get("class", ""))
        ref = self.lookup(f"attachment:{wp_class.group(1)}") if wp_class else None
        src = attributes.get("src", "")
        if ref is None and src:
            ref = self.lookup(src)
        if ref is None and src:
            self.missing.append(src)
        return ref

    def photo(self, tag: str, caption: str = "", *, block: bool = True) -> str | None:
        """`block`: the photo stands on its own (figure, [caption]); else it may sit inside a paragraph."""
        ref = self.find(tag)
        if ref is None:
            return None
        caption = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", caption)).split())
        if caption and caption != ref.caption:
            self.captions.setdefault(ref.id, caption)
        return _photo(ref) if block else _photo(ref).strip()

    def figure(self, match: re.Match) -> str:
        inner = match.group(1)
        tag = _IMG.search(inner)
        caption = _FIGCAPTION.search(inner)
        result = self.photo(tag.group(0), caption.group(1) if caption else "") if tag else None
        return result if result is not None else match.group(0)

    def linked(self, match: re.Match) -> str:
        return self.photo(match.group(1), block=False) or match.group(0)

    def image(self, match: re.Match) -> str:
        """A bare <img> of the old site becomes our photo; an unknown one stays (reported as missing)."""
        return self.photo(match.group(0), block=False) or match.group(0)

    def shortcode(self, match: re.Match) -> str:
        if match.group(1) == "[" and match.group(6) == "]":
            return match.group(0)[1:-1]  # [[gallery]] is WordPress's way to write the literal text
        name = match.group(2).lower()
        attributes = shortcode_attributes(match.group(3) or "")
        inner = match.group(5) or ""
        if name in {"caption", "wp_caption"}:
            return self.caption(attributes, inner)
        if name == "gallery":
            return self.gallery(attributes)
        if name == "embed":
            url = inner.strip() or attributes.get("src", "")
            return link_paragraph(url) if url else ""
        if name in {"video", "audio"}:
            url = attributes.get("src") or next(
                (attributes[k] for k in ("mp4", "m4v", "webm", "ogv", "mp3", "ogg", "wav", "m4a", "flv", "wmv")
                 if attributes.get(k)), "") or inner.strip()
            return link_paragraph(url) if url else ""
        if name == "playlist":
            return ""
        self.unknown.add(name)
        return match.group(0)

    def caption(self, attributes: dict[str, str], inner: str) -> str:
        tag = _IMG.search(inner)
        caption = attributes.get("caption", "")
        if tag is None:
            return inner
        if not caption:
            caption = _IMG.sub("", re.sub(r"</?a\b[^>]*>", "", inner)).strip()
        found = self.photo(tag.group(0), caption)
        if found is None:  # the <img> itself was reported missing and is kept with its caption
            return f"\n\n<figure>{tag.group(0)}<figcaption>{caption}</figcaption></figure>\n\n"
        return found

    def gallery(self, attributes: dict[str, str]) -> str:
        # Without ids WordPress shows the images attached to the post (those read before it, in a stream).
        ids = [i.strip() for i in attributes.get("ids", "").split(",") if i.strip()] or self.attached
        if not ids:
            self.missing.append("gallery: no images attached to the post")
            return ""
        parts = []
        for image_id in ids:
            ref = self.lookup(f"attachment:{image_id}")
            if ref is None:
                self.missing.append(f"attachment {image_id}")
                continue
            parts.append(_photo(ref))
        return "".join(parts)

    def embed_block(self, match: re.Match) -> str:
        try:
            url = json.loads(match.group(2)).get("url", "")
        except ValueError:
            url = ""
        if not url:
            found = _URL.search(match.group(3))
            url = found.group(0) if found else ""
        return link_paragraph(url) if url else ""


_CONTAINER = re.compile(r"<(/?)(table|pre|ul|ol|blockquote|figure|dl)\b[^>]*>", re.I)


def _chunks(text: str) -> list[str]:
    """Splits at blank lines, but not inside a table, list, quote, figure or <pre> (whose own blank lines
    are part of them), as WordPress's wpautop leaves those alone."""
    chunks, start, depth, position = [], 0, 0, 0
    for match in _CONTAINER.finditer(text):
        if depth == 0:
            for gap in re.finditer(r"\n\s*\n", text[position:match.start()]):
                chunks.append(text[start:position + gap.start()])
                start = position + gap.end()
        depth = max(0, depth + (-1 if match.group(1) else 1))
        position = match.end()
    if depth == 0:
        for gap in re.finditer(r"\n\s*\n", text[position:]):
            chunks.append(text[start:position + gap.start()])
            start = position + gap.end()
    chunks.append(text[start:])
    return [chunk.strip() for chunk in chunks if chunk.strip()]


def wpautop(text: str) -> str:
    """WordPress's classic-editor rule: blank lines separate paragraphs, single line breaks become <br>.

    Chunks that already start with a block element (a heading, list, figure, paragraph) stay as they are.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    chunks = _chunks(text)
    out = []
    for chunk in chunks:
        if _BLOCK_START.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + re.sub(r"\s*\n\s*", "<br>\n", chunk) + "</p>")
    return "\n".join(out)


def convert(raw: str, lookup: ImageLookup, attached: list[str] | None = None) -> Conversion:
    """WordPress post content (Gutenberg or classic) to HTML for the article service.

    `attached`: ids of the images attached to the post, for a [gallery] without ids.
    """
    converter = _Converter(lookup, attached or [])
    text = (raw or "").replace("\r\n", "\n")
    text = _BLOCK_WITH_EMBED.sub(converter.embed_block, text)
    text = _BLOCK_COMMENT.sub("", text)  # block markers go, the block's HTML stays
    text = _SHORTCODE.sub(converter.shortcode, text)
    # A provider link alone on its line is an embed in WordPress; keep it as a paragraph holding only the link.
    text = _BARE_URL_LINE.sub(lambda m: link_paragraph(m.group(1)) if is_provider_link(m.group(1)) else m.group(0),
                              text)
    # A video or audio element (Gutenberg's blocks) becomes a link to its file, as [video] and [audio] do.
    text = _MEDIA_ELEMENT.sub(lambda m: link_paragraph(src.group(1)) if (src := _SRC.search(m.group(0))) else "",
                              text)
    # Definition lists: the term in bold, the description as its paragraph.
    text = _DEFINITION.sub(lambda m: {"dl": "\n\n", "/dl": "\n\n", "dt": "<p><strong>", "/dt": "</strong></p>",
                                      "dd": "<p>", "/dd": "</p>"}.get(m.group(1) + m.group(2).lower(), ""), text)
    text = _FIGURE_WITH_IMG.sub(converter.figure, text)
    text = _LINKED_IMG.sub(converter.linked, text)
    text = _IMG.sub(converter.image, text)
    # Wrappers (Gutenberg's <div class="wp-block-image">, a theme's columns) go; their content stands alone,
    # so a paragraph is never opened around a closing </div>.
    text = _DIV.sub("\n\n", text)
    text = wpautop(text)  # Gutenberg paragraphs start with <p> and stay as they are
    text = _EMPTY_PARAGRAPH.sub("", _hoist_photos(text))
    text = _RENAMED_TAG.sub(lambda m: f"<{m.group(1)}{_RENAMED[m.group(2).lower()]}", text)
    return Conversion(html=text.strip(), unknown_shortcodes=converter.unknown, missing_images=converter.missing,
                      captions=converter.captions)


def _hoist_photos(text: str) -> str:
    """<p>Text <photo> more</p> -> <p>Text</p><photo><p>more</p>: a figure cannot stand inside a paragraph."""
    edge_breaks = re.compile(r"^(?:\s*<br\s*/?>)+|(?:<br\s*/?>\s*)+$")

    def split(match: re.Match) -> str:
        before, after = (edge_breaks.sub("", part).strip() for part in (match.group(1), match.group(3)))
        return (f"<p>{before}</p>\n" if before else "") + match.group(2) + (f"\n<p>{after}</p>" if after else "")

    previous = None
    while previous != text:  # a paragraph with two photos needs a second pass
        previous, text = text, _PARAGRAPH_WITH_PHOTO.sub(split, text)
    return text
