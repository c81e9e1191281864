"""Feeds of newsblogs and of the site: valid for any content, conditional GET, autodiscovery."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime

import feedparser
import pytest
from django.test import Client

from newsdesk.core.html import sanitize_rich_text
from newsdesk.liveblogs import services
from newsdesk.liveblogs.models import Entry

HOSTILE = "Steuer\x01zeichen \x0b und ]]> und <b>fett</b> & 🌊 " + "sehr lang " * 2000


@pytest.fixture
def blog_with_entries(liveblog, editor):
    services.entry_create(liveblog=liveblog, author=editor, body="<p>Erster Eintrag.</p>", headline="Eins")
    entry = services.entry_create(liveblog=liveblog, author=editor, body=HOSTILE.replace("\x01", "").replace(
        "\x0b", ""), headline="Titel mit <script>x</script>", key_event=True)
    # The services refuse control characters now (issue 16); text stored before that must still make valid feeds.
    Entry.objects.filter(pk=entry.pk).update(body=sanitize_rich_text(HOSTILE))
    liveblog.refresh_from_db()
    return liveblog


def feed_urls(slug: str) -> dict[str, str]:
    return {
        "rss": f"/newsblog/{slug}/feed/",
        "atom": f"/newsblog/{slug}/feed/atom/",
        "json": f"/newsblog/{slug}/feed/json/",
        "site-rss": "/feed/",
        "site-atom": "/feed/atom/",
        "site-json": "/feed/json/",
    }


@pytest.mark.parametrize("kind", ["rss", "atom", "site-rss", "site-atom"])
def test_xml_feeds_parse_strictly_and_without_feedparser_complaints(blog_with_entries, kind):
    response = Client().get(feed_urls(blog_with_entries.slug)[kind])
    assert response.status_code == 200
    ET.fromstring(response.content)  # noqa: S314 - our own output; a strict parser raises on anything invalid
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    titles = [entry.title for entry in parsed.entries]
    assert "Eins" in titles and "Titel mit <script>x</script>" in titles
    hostile = next(entry for entry in parsed.entries if entry.title.startswith("Titel"))
    assert "\x01" not in hostile.summary and "]]&gt;" in hostile.summary and "🌊" in hostile.summary
    assert re.search(r"/newsblog/[\w-]+/eintrag/\d+/$", hostile.link)  # the entry's own address


def assert_json_feed_1_1(document: dict) -> None:
    """The fields and types JSON Feed 1.1 requires (feedparser 6 does not read JSON Feed)."""
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(document["title"], str) and document["title"]
    for key in ("home_page_url", "feed_url", "description", "language"):
        assert key not in document or isinstance(document[key], str)
    assert isinstance(document["items"], list)
    for item in document["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert isinstance(item.get("content_html", item.get("content_text")), str)
        assert isinstance(item["url"], str) and item["url"].startswith("http")
        for key in ("date_published", "date_modified"):
            if key in item:
                datetime.fromisoformat(item[key])  # RFC 3339
        for author in item.get("authors", []):
            assert isinstance(author["name"], str)


@pytest.mark.parametrize("kind", ["json", "site-json"])
def test_json_feed_has_the_1_1_fields(blog_with_entries, kind):
    response = Client().get(feed_urls(blog_with_entries.slug)[kind])
    assert response["Content-Type"].startswith("application/feed+json")
    document = json.loads(response.content)
    assert_json_feed_1_1(document)
    assert document["feed_url"].endswith("/json/") and len(document["items"]) == 2
    hostile = next(item for item in document["items"] if item["title"].startswith("Titel"))
    assert "🌊" in hostile["content_html"] and "Wichtig" in hostile["tags"]


def test_key_events_only(blog_with_entries):
    parsed = feedparser.parse(Client().get(feed_urls(blog_with_entries.slug)["rss"], {"key_events": "1"}).content)
    assert [entry.title for entry in parsed.entries] == ["Titel mit <script>x</script>"]
    assert "das Wichtigste" in parsed.feed.title


def test_conditional_get_answers_304_until_the_newsblog_changes(blog_with_entries, editor):
    client = Client()
    url = feed_urls(blog_with_entries.slug)["rss"]
    first = client.get(url)
    assert first["ETag"] and first["Last-Modified"]
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    entry = services.entry_create(liveblog=blog_with_entries, author=editor, body="Neu.")
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    # A deletion changes the feed too, though no entry is added.
    services.entry_delete(entry=entry, editor=editor)
    assert client.get(url, HTTP_IF_NONE_MATCH=changed["ETag"]).status_code == 200
    site = client.get("/feed/")
    assert client.get("/feed/", HTTP_IF_NONE_MATCH=site["ETag"]).status_code == 304


def test_unknown_newsblog_feed_is_404(db):
    assert Client().get("/newsblog/gibt-es-nicht/feed/").status_code == 404


def test_pages_announce_their_feeds(blog_with_entries):
    page = Client().get(blog_with_entries.get_absolute_url()).content.decode()
    for kind in ("rss", "atom", "json"):
        assert f'href="{feed_urls(blog_with_entries.slug)[kind]}"' in page
    assert 'type="application/feed+json"' in page and 'href="/feed/"' in page
