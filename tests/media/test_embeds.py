"""Embeds: every provider recognised (and look-alikes not), placeholders that load nothing, oEmbed at save time."""

from __future__ import annotations

import io
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import translation
from PIL import Image as PILImage

from newsdesk.core.html import sanitize_rich_text
from newsdesk.liveblogs import services
from newsdesk.media import embeds

# provider key: (addresses that must be recognised, look-alikes that must not)
CASES = {
    "youtube": (["https://www.youtube.com/watch?v=Xk3dEf9GhQ0", "https://youtu.be/Xk3dEf9GhQ0?t=12",
                 "https://m.youtube.com/shorts/Xk3dEf9GhQ0"],
                ["https://www.youtube.com/channel/UCabc", "https://youtube.com.evil.example/watch?v=Xk3dEf9GhQ0"]),
    "vimeo": (["https://vimeo.com/123456789", "https://player.vimeo.com/video/123456789"],
              ["https://vimeo.com/channels/staffpicks"]),
    "x": (["https://x.com/stadt_kelms/status/1790000000000000000", "https://twitter.com/stadt/status/17900"],
          ["https://x.com/stadt_kelms", "https://x.com.example/stadt/status/1"]),
    "instagram": (["https://www.instagram.com/p/C7abcDEF123/", "https://instagram.com/reel/C7abcDEF123"],
                  ["https://www.instagram.com/stadt_kelms/"]),
    "tiktok": (["https://www.tiktok.com/@stadt.kelms/video/7350000000000000000"], ["https://www.tiktok.com/@stadt"]),
    "facebook": (["https://www.facebook.com/stadtkelms/posts/pfbid0abc", "https://www.facebook.com/watch/?v=1234"],
                 ["https://www.facebook.com/stadtkelms"]),
    "bluesky": (["https://bsky.app/profile/stadt.example/post/3kabcxyz"], ["https://bsky.app/profile/stadt.example"]),
    "mastodon": (["https://mastodon.social/@stadt/112233445566", "https://chaos.social/@redaktion/1"],
                 ["https://unbekannt.example/@stadt/112233", "https://mastodon.social/@stadt"]),
    "threads": (["https://www.threads.net/@stadt.kelms/post/C7abc_DEF"], ["https://www.threads.net/@stadt.kelms"]),
    "telegram": (["https://t.me/stadtkelms/1234"], ["https://t.me/stadtkelms", "https://t.me/+invitecode"]),
    "spotify": (["https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk",
                 "https://open.spotify.com/intl-de/track/4rOoJ6Egrf8K2IrywzwOMk"],
                ["https://open.spotify.com/user/abc"]),
    "soundcloud": (["https://soundcloud.com/stadtkelms/pegelbericht-1"], ["https://soundcloud.com/stadtkelms"]),
    "datawrapper": (["https://datawrapper.dwcdn.net/Ab1Cd/3/", "https://www.datawrapper.de/_/Ab1Cd/"],
                    ["https://www.datawrapper.de/pricing"]),
    "flourish": (["https://public.flourish.studio/visualisation/17000000/"], ["https://flourish.studio/examples/"]),
}


@pytest.mark.parametrize("key", sorted(CASES))
def test_every_provider_is_recognised_and_look_alikes_are_not(key):
    positives, negatives = CASES[key]
    for url in positives:
        found = embeds.recognise(url)
        assert found is not None and found[0].key == key, url
        assert any(found[1].startswith(origin + "/") for origin in found[0].frame_origins), found[1]
    for url in negatives:
        found = embeds.recognise(url)
        assert found is None or found[0].key != key, url


def test_the_table_covers_every_provider_the_issue_names_and_exposes_frame_origins():
    assert {p.key for p in embeds.providers()} >= set(CASES)
    origins = embeds.frame_origins()
    assert "https://www.youtube-nocookie.com" in origins and all(o.startswith("https://") for o in origins)


def test_sites_can_add_providers(settings):
    settings.NEWSDESK_EMBED_PROVIDERS = [{
        "key": "lokaltv", "name": "Lokal-TV", "pattern": r"^https://tv\.example/v/(?P<id>\d+)$",
        "iframe": "https://player.tv.example/{id}", "frame_origins": ["https://player.tv.example"]}]
    provider, iframe = embeds.recognise("https://tv.example/v/42")
    assert (provider.name, iframe) == ("Lokal-TV", "https://player.tv.example/42")
    assert "https://player.tv.example" in embeds.frame_origins()


@pytest.mark.parametrize("key", sorted(CASES))
def test_the_placeholder_loads_nothing_from_anywhere(key):
    url = CASES[key][0][0]
    body = sanitize_rich_text(f"Vorweg.\n\n{url}")
    with translation.override("de"):
        rendered = embeds.replace_embeds(body)
    assert "data-embed" in rendered and "Vorweg." in rendered
    # No element that loads by itself: no src, srcset, iframe, script, link or style, no inline handler.
    assert not re.search(r"\s(src|srcset|poster|data)=|<(iframe|script|link|style|object|embed)\b|\son\w+=",
                         rendered.replace("data-embed", "")), rendered
    # The only address of the provider is a plain link (the no-JavaScript path) and the iframe data.
    assert f'href="{url}"' in rendered.replace("&amp;", "&")
    assert "Inhalt von " in rendered and "laden</button>" in rendered


def test_a_link_inside_text_stays_a_link():
    body = sanitize_rich_text('<p>Siehe <a href="https://youtu.be/Xk3dEf9GhQ0">das Video</a> der Stadt.</p>')
    assert embeds.replace_embeds(body) == body


# --- oEmbed against a local fake provider -------------------------------------------------------------------

def _png() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (480, 270), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


class FakeOEmbed(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):
        FakeOEmbed.requests.append(self.path)
        base = f"http://127.0.0.1:{self.server.server_port}"
        if self.path.startswith("/oembed"):
            payload = json.dumps({"title": "Pegel live von der Brücke", "author_name": "Stadtkanal Kelmsbrück",
                                  "thumbnail_url": f"{base}/thumb.png", "html": "<iframe></iframe>"}).encode()
            content_type = "application/json"
        elif self.path.startswith("/huge"):
            payload, content_type = b"{" + b" " * (embeds.OEMBED_MAX_BYTES + 10) + b"}", "application/json"
        else:
            payload, content_type = _png(), "image/png"
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_provider(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeOEmbed)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}"
    settings.NEWSDESK_EMBED_PROVIDERS = [{
        "key": "testtv", "name": "TestTV", "pattern": r"^https://testtv\.example/v/(?P<id>\d+)$",
        "iframe": "https://player.testtv.example/{id}", "frame_origins": ["https://player.testtv.example"],
        "oembed": f"{base}/oembed"}]
    FakeOEmbed.requests = []
    yield base
    server.shutdown()


@pytest.mark.django_db
def test_oembed_is_fetched_once_at_save_and_the_thumbnail_served_from_our_storage(fake_provider, liveblog, editor):
    entry = services.entry_create(liveblog=liveblog, author=editor, body="Live:\n\nhttps://testtv.example/v/7")
    meta = entry.embeds["https://testtv.example/v/7"]
    assert meta["title"] == "Pegel live von der Brücke" and meta["author"] == "Stadtkanal Kelmsbrück"
    assert meta["thumbnail"].startswith("/media/embeds/") and "127.0.0.1" not in meta["thumbnail"]
    assert len(FakeOEmbed.requests) == 2  # the oEmbed answer and the thumbnail
    rendered = embeds.replace_embeds(entry.body, entry.embeds)
    assert "Pegel live von der Brücke" in rendered and f'src="{meta["thumbnail"]}"' in rendered
    # Saving again with the same address asks nobody again.
    services.entry_update(entry=entry, editor=editor, version=entry.version, body=entry.body + "<p>Nachtrag.</p>")
    assert len(FakeOEmbed.requests) == 2


@pytest.mark.django_db
def test_an_unreachable_or_oversized_provider_leaves_the_placeholder_with_the_address(settings, fake_provider,
                                                                                         liveblog, editor):
    settings.NEWSDESK_EMBED_PROVIDERS = [{**settings.NEWSDESK_EMBED_PROVIDERS[0], "oembed": f"{fake_provider}/huge"}]
    entry = services.entry_create(liveblog=liveblog, author=editor, body="https://testtv.example/v/8")
    assert entry.embeds == {"https://testtv.example/v/8": {}}
    settings.NEWSDESK_EMBED_PROVIDERS = [{**settings.NEWSDESK_EMBED_PROVIDERS[0], "oembed": "http://127.0.0.1:9/x"}]
    entry = services.entry_create(liveblog=liveblog, author=editor, body="https://testtv.example/v/9")
    assert entry.embeds == {"https://testtv.example/v/9": {}}
    with translation.override("de"):
        rendered = embeds.replace_embeds(entry.body, entry.embeds)
    assert ">https://testtv.example/v/9</a>" in rendered
    assert "Inhalt von TestTV laden" in rendered and "Immer laden für TestTV" in rendered
