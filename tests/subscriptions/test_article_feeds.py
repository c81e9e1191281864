"""Feeds of topics, authors and single articles (publication, updates, corrections), and the site feed."""

import feedparser
import pytest
from django.test import Client

from newsdesk.articles import services


@pytest.mark.parametrize("kind", ["topic", "author"])
def test_topic_and_author_feeds_list_their_published_articles(article, topic, author, kind):
    draft = services.article_create(headline="Noch geheim", teaser="Entwurf.", topics=[topic], authors=[author])
    slug = topic.slug if kind == "topic" else author.slug
    prefix = "thema" if kind == "topic" else "autor"
    for suffix in ("", "atom/"):
        parsed = feedparser.parse(Client().get(f"/{prefix}/{slug}/feed/{suffix}").content)
        assert not parsed.bozo
        assert [e.title for e in parsed.entries] == [article.headline]
        assert draft.headline not in str(parsed)
    page = Client().get(f"/{prefix}/{slug}/").content.decode()
    assert f'href="/{prefix}/{slug}/feed/"' in page


def test_article_feed_tells_of_updates_and_corrections(article):
    url = f"/artikel/{article.slug}/feed/"
    client = Client()
    first = client.get(url)
    assert [e.title for e in feedparser.parse(first.content).entries] == [article.headline]
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

    services.article_update(article=article, body="<p>Neue Fassung.</p>",
                            correction_note="In einer früheren Fassung stand ein falsches Datum.")
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    entries = feedparser.parse(changed.content).entries
    assert entries[0].title == f"Aktualisiert: {article.headline}"
    assert "falsches Datum" in entries[0].summary
    assert len({e.id for e in entries}) == 2


def test_unknown_topic_author_article_feeds_are_404(db):
    for url in ("/thema/gibt-es-nicht/feed/", "/autor/niemand/feed/json/", "/artikel/fehlt/feed/atom/"):
        assert Client().get(url).status_code == 404


def test_site_feed_mixes_articles_and_newsblog_entries_newest_first(article, liveblog, editor):
    from newsdesk.liveblogs import services as liveblog_services

    entry = liveblog_services.entry_create(liveblog=liveblog, author=editor, body="Gerade eben.", headline="Live")
    parsed = feedparser.parse(Client().get("/feed/").content)
    assert [e.title for e in parsed.entries] == [entry.headline, article.headline]
