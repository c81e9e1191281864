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
from urllib.parse import urlsplit

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
_IMG_ATTRIBUTE = re.compile(r'([\w-]+)\s*=\s*("([^"]*)"|\'([^\']*)\')')
_SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")
_BLOCK_START = re.compile(r"^\s*<(?:p|h[1-6]|ul|ol|li|blockquote|figure|div|table|pre|hr|address|section|dl|form|"
                          r"iframe|video|audio)\b", re.I)
_BARE_URL_LINE = re.compile(r"^\s*(https?://[^\s<>\"]+)\s*$", re.M)
_URL = re.compile(r"https?://[^\s<>\"\]]+")


@dataclass
class ImageRef:
    src: str
    alt: str
    width: int
    height: int
    caption: str = ""


@dataclass
class Conversion:
    html: str
    unknown_shortcodes: set[str] = field(default_factory=set)
    missing_images: list[str] = field(default_factory=list)


ImageLookup = Callable[[str], "ImageRef | None"]  # an uploads URL or an attachment id -> our rendition


def upload_key(url: str) -> str:
    """Host-free path of an uploads URL without WordPress's size suffix: …/05/bild-300x200.jpg -> …/05/bild.jpg."""
    path = urlsplit(html.unescape(url.strip())).path
    return _SIZE_SUFFIX.sub("", path)


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


def _figure(ref: ImageRef, caption: str) -> str:
    caption = caption.strip()
    figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
    # data-newsdesk marks an image already pointed at our rendition (nh3 drops the attribute later).
    return (f'\n\n<figure><img data-newsdesk src="{html.escape(ref.src)}" alt="{html.escape(ref.alt)}" '
            f'width="{ref.width}" height="{ref.height}">{figcaption}</figure>\n\n')


def _img_attributes(tag: str) -> dict[str, str]:
    return {m.group(1).lower(): html.unescape(m.group(3) if m.group(3) is not None else m.group(4))
            for m in _IMG_ATTRIBUTE.finditer(tag)}


class _Converter:
    def __init__(self, lookup: ImageLookup, attached: list[str]) -> None:
        self.lookup = lookup
        self.attached = attached
        self.unknown: set[str] = set()
        self.missing: list[str] = []

    def image(self, tag: str) -> str:
        """An <img> of the old site pointed at our rendition (alt kept, else the image's own alt text)."""
        if "data-newsdesk" in tag:
            return tag
        attributes = _img_attributes(tag)
        src = attributes.get("src", "")
        ref = self.lookup(src) if src else None
        if ref is None:
            if src:
                self.missing.append(src)
            return tag
        alt = attributes.get("alt") or ref.alt
        return (f'<img src="{html.escape(ref.src)}" alt="{html.escape(alt)}" width="{ref.width}" '
                f'height="{ref.height}">')

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
        ref = self.lookup(_img_attributes(tag.group(0)).get("src", ""))
        if ref is None:  # the <img> itself is reported (and kept) by image() below
            return f"\n\n<figure>{tag.group(0)}<figcaption>{caption}</figcaption></figure>\n\n"
        return _figure(ref, caption)

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
            parts.append(_figure(ref, ref.caption))
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


def wpautop(text: str) -> str:
    """WordPress's classic-editor rule: blank lines separate paragraphs, single line breaks become <br>.

    Chunks that already start with a block element (a heading, list, figure, paragraph) stay as they are.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    chunks = [c.strip() for c in re.split(r"\n\s*\n", text) if c.strip()]
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
    text = _IMG.sub(lambda m: converter.image(m.group(0)), text)
    text = wpautop(text)  # Gutenberg paragraphs start with <p> and stay as they are
    return Conversion(html=text.strip(), unknown_shortcodes=converter.unknown, missing_images=converter.missing)
