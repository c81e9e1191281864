"""Embeds with privacy by default: which addresses are embeddable, and how the reader's click loads them.

A paragraph that holds only a link to a known provider becomes a placeholder rendered on our server
(`render_placeholder`); nothing is requested from the provider until the reader clicks its button
(media/static/media/embeds.js then inserts the iframe). oEmbed data (title, author, thumbnail) is fetched
once when an entry is saved (`fetch_embed_metadata`), with a 2 s timeout and a size limit, and the thumbnail
is copied to our storage, so readers never load it from the provider.

The provider table is `PROVIDERS`; sites add their own with the setting NEWSDESK_EMBED_PROVIDERS, a list of
dicts {"key", "name", "pattern", "iframe", "frame_origins", "oembed"} where `iframe` is a format string
over the pattern's named groups plus {url} (the address, URL-quoted).
"""

from __future__ import annotations

import json
import logging
import re
import urllib.error
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass
from hashlib import sha256
from urllib.parse import quote, urlencode

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

logger = logging.getLogger(__name__)

OEMBED_TIMEOUT_SECONDS = 2.0
OEMBED_MAX_BYTES = 256 * 1024
THUMBNAIL_MAX_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class Provider:
    key: str
    name: str
    pattern: re.Pattern
    iframe: str  # format string over the pattern's named groups and {url}
    frame_origins: tuple[str, ...]
    oembed: str = ""  # endpoint; "" when the provider has none usable without an API key
    ratio: str = "16 / 9"  # the iframe's aspect ratio ("auto": a fixed height)

    def iframe_url(self, url: str) -> str | None:
        match = self.pattern.match(url)
        if match is None:
            return None
        return self.iframe.format(url=quote(url, safe=""), **match.groupdict())


def _p(regex: str) -> re.Pattern:
    return re.compile(regex, re.IGNORECASE)


# Mastodon runs on many servers; these are recognised by default (NEWSDESK_MASTODON_HOSTS adds more).
DEFAULT_MASTODON_HOSTS = ("mastodon.social", "chaos.social", "social.bund.de", "mastodon.online", "troet.cafe")

_BUILTIN = [
    Provider("youtube", "YouTube",
             _p(r"^https?://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?(?:.*&)?v=|shorts/|live/|embed/)|youtu\.be/)"
                r"(?P<id>[\w-]{11})(?:[?&#].*)?$"),
             "https://www.youtube-nocookie.com/embed/{id}?autoplay=1", ("https://www.youtube-nocookie.com",),
             "https://www.youtube.com/oembed"),
    Provider("vimeo", "Vimeo", _p(r"^https?://(?:www\.|player\.)?vimeo\.com/(?:video/)?(?P<id>\d+)(?:[/?#].*)?$"),
             "https://player.vimeo.com/video/{id}?dnt=1", ("https://player.vimeo.com",),
             "https://vimeo.com/api/oembed.json"),
    Provider("x", "X", _p(r"^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/\w{1,15}/status(?:es)?/(?P<id>\d+)(?:[/?#].*)?$"),
             "https://platform.twitter.com/embed/Tweet.html?id={id}&dnt=true", ("https://platform.twitter.com",),
             "https://publish.twitter.com/oembed", "auto"),
    Provider("instagram", "Instagram",
             _p(r"^https?://(?:www\.)?instagram\.com/(?:p|reel|tv)/(?P<id>[\w-]+)/?(?:[?#].*)?$"),
             "https://www.instagram.com/p/{id}/embed/", ("https://www.instagram.com",), "", "auto"),
    Provider("tiktok", "TikTok", _p(r"^https?://(?:www\.)?tiktok\.com/@[\w.-]+/video/(?P<id>\d+)(?:[/?#].*)?$"),
             "https://www.tiktok.com/embed/v2/{id}", ("https://www.tiktok.com",),
             "https://www.tiktok.com/oembed", "auto"),
    Provider("facebook", "Facebook",
             _p(r"^https?://(?:www\.|m\.)?facebook\.com/(?:[\w.-]+/(?:posts|videos)/[\w.-]+|watch/?\?v=\d+|"
                r"permalink\.php\?[^#\s]+|share/[prv]/[\w-]+)/?(?:[?#].*)?$"),
             "https://www.facebook.com/plugins/post.php?href={url}&show_text=true", ("https://www.facebook.com",),
             "", "auto"),
    Provider("bluesky", "Bluesky",
             _p(r"^https?://bsky\.app/profile/(?P<actor>[\w.:-]+)/post/(?P<id>[\w]+)/?(?:[?#].*)?$"),
             "https://embed.bsky.app/embed/{actor}/app.bsky.feed.post/{id}", ("https://embed.bsky.app",),
             "https://embed.bsky.app/oembed", "auto"),
    Provider("threads", "Threads",
             _p(r"^https?://(?:www\.)?threads\.(?:net|com)/@(?P<user>[\w.]+)/post/(?P<id>[\w-]+)/?(?:[?#].*)?$"),
             "https://www.threads.net/@{user}/post/{id}/embed", ("https://www.threads.net",), "", "auto"),
    Provider("telegram", "Telegram", _p(r"^https?://t\.me/(?P<channel>[A-Za-z]\w{3,})/(?P<id>\d+)/?(?:[?#].*)?$"),
             "https://t.me/{channel}/{id}?embed=1", ("https://t.me",), "", "auto"),
    Provider("spotify", "Spotify",
             _p(r"^https?://open\.spotify\.com/(?:intl-\w+/)?(?P<kind>track|album|playlist|episode|show|artist)/"
                r"(?P<id>\w+)(?:[?#].*)?$"),
             "https://open.spotify.com/embed/{kind}/{id}", ("https://open.spotify.com",),
             "https://open.spotify.com/oembed", "auto"),
    Provider("soundcloud", "SoundCloud",
             _p(r"^https?://(?:www\.|m\.)?soundcloud\.com/[\w-]+/[\w-]+(?:/[\w-]+)?/?(?:[?#].*)?$"),
             "https://w.soundcloud.com/player/?url={url}", ("https://w.soundcloud.com",),
             "https://soundcloud.com/oembed", "auto"),
    Provider("datawrapper", "Datawrapper",
             _p(r"^https?://(?:datawrapper\.dwcdn\.net|www\.datawrapper\.de/_)/(?P<id>\w{5})(?:/\d+)?/?(?:[?#].*)?$"),
             "https://datawrapper.dwcdn.net/{id}/", ("https://datawrapper.dwcdn.net",),
             "https://api.datawrapper.de/v3/oembed", "4 / 3"),
    Provider("flourish", "Flourish",
             _p(r"^https?://(?:public\.)?flourish\.studio/(?P<kind>visualisation|story)/(?P<id>\d+)/?(?:[?#].*)?$"),
             "https://flo.uri.sh/{kind}/{id}/embed", ("https://flo.uri.sh",),
             "https://app.flourish.studio/api/v1/oembed", "4 / 3"),
]


def _mastodon(hosts: Iterable[str]) -> Provider:
    pattern = "|".join(re.escape(host) for host in hosts)
    return Provider("mastodon", "Mastodon",
                    _p(rf"^https://(?P<host>{pattern})/@(?P<user>\w+)(?:@[\w.-]+)?/(?P<id>\d+)/?(?:[?#].*)?$"),
                    "https://{host}/@{user}/{id}/embed", tuple(f"https://{host}" for host in hosts), "", "auto")


def _from_setting(row: dict) -> Provider:
    return Provider(row["key"], row["name"], _p(row["pattern"]), row["iframe"], tuple(row["frame_origins"]),
                    row.get("oembed", ""), row.get("ratio", "16 / 9"))


def providers() -> list[Provider]:
    """The built-in table, Mastodon on the configured hosts, then the site's own providers (they win)."""
    hosts = (*DEFAULT_MASTODON_HOSTS, *getattr(settings, "NEWSDESK_MASTODON_HOSTS", ()))
    own = [_from_setting(row) for row in getattr(settings, "NEWSDESK_EMBED_PROVIDERS", ())]
    return [*own, *_BUILTIN, _mastodon(hosts)]


def recognise(url: str) -> tuple[Provider, str] | None:
    """The provider of an address and the iframe address for it, or None."""
    for provider in providers():
        iframe = provider.iframe_url(url.strip())
        if iframe:
            return provider, iframe
    return None


def frame_origins() -> list[str]:
    """Every origin an embed iframe may load from: the CSP frame-src list (CSP_EMBED_FRAME_SRC)."""
    return sorted({origin for provider in providers() for origin in provider.frame_origins})


# --- finding embeds in sanitized HTML ----------------------------------------------------------------

# sanitize_rich_text writes links as <a href="…" rel="noopener">; title is the only other attribute.
EMBED_PARAGRAPH = re.compile(r'<p>\s*<a href="(?P<href>[^"]+)"[^>]*>(?P<text>[^<]*)</a>\s*</p>')


def _unescape(value: str) -> str:
    import html

    return html.unescape(value)


def embed_urls(body: str) -> list[str]:
    """Addresses of the paragraphs in `body` that will show as embeds, in order."""
    return [_unescape(m["href"]) for m in EMBED_PARAGRAPH.finditer(body) if recognise(_unescape(m["href"]))]


def render_placeholder(url: str, metadata: dict | None = None) -> SafeString | None:
    found = recognise(url)
    if found is None:
        return None
    provider, iframe = found
    metadata = metadata or {}
    return mark_safe(render_to_string("media/_embed.html", {  # noqa: S308 (an autoescaped template)
        "url": url, "iframe_url": iframe, "provider": provider, "title": metadata.get("title", ""),
        "author": metadata.get("author", ""), "thumbnail": metadata.get("thumbnail", ""),
    }).strip())


def replace_embeds(body: str, metadata: dict | None = None) -> str:
    metadata = metadata or {}

    def swap(match: re.Match) -> str:
        url = _unescape(match["href"])
        return render_placeholder(url, metadata.get(url)) or match.group(0)

    return EMBED_PARAGRAPH.sub(swap, body)


# --- oEmbed at save time ------------------------------------------------------------------------------

def _get(url: str, *, max_bytes: int, timeout: float) -> bytes | None:
    if not url.startswith(("http://", "https://")):
        return None
    request = urllib.request.Request(  # noqa: S310 (http/https only, checked above)
        url, headers={"User-Agent": "newsdesk-oembed/1", "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (http/https only)
            data = response.read(max_bytes + 1)
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        logger.info("oEmbed fetch failed for %s: %s", url, exc)
        return None
    if len(data) > max_bytes:
        logger.info("oEmbed answer too large: %s", url)
        return None
    return data


def _store_thumbnail(url: str) -> str:
    if not url.startswith(("http://", "https://")):
        return ""
    data = _get(url, max_bytes=THUMBNAIL_MAX_BYTES, timeout=OEMBED_TIMEOUT_SECONDS)
    if not data:
        return ""
    from newsdesk.media.services import thumbnail_extension

    extension = thumbnail_extension(data)
    if extension is None:
        return ""
    name = default_storage.save(f"embeds/{sha256(url.encode()).hexdigest()[:20]}.{extension}", ContentFile(data))
    return default_storage.url(name)


def fetch_metadata(url: str) -> dict:
    """Title, author and a thumbnail copied to our storage; {} when the provider cannot be reached."""
    if not getattr(settings, "NEWSDESK_OEMBED_ENABLED", True):
        return {}
    found = recognise(url)
    if found is None or not found[0].oembed:
        return {}
    endpoint = found[0].oembed
    raw = _get(f"{endpoint}?{urlencode({'url': url, 'format': 'json'})}", max_bytes=OEMBED_MAX_BYTES,
               timeout=OEMBED_TIMEOUT_SECONDS)
    if raw is None:
        return {}
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return {}
    if not isinstance(data, dict):
        return {}
    metadata = {key: str(data[source])[:300] for key, source in (("title", "title"), ("author", "author_name"))
                if isinstance(data.get(source), str) and data[source].strip()}
    thumbnail = data.get("thumbnail_url")
    if isinstance(thumbnail, str) and (stored := _store_thumbnail(thumbnail)):
        metadata["thumbnail"] = stored
    return metadata


def fetch_embed_metadata(body: str, known: dict | None = None) -> dict:
    """Metadata for every embed in `body`; addresses already known are not fetched again."""
    known = known or {}
    return {url: known[url] if url in known else fetch_metadata(url) for url in dict.fromkeys(embed_urls(body))}
