"""Reader pages: content, redirects, errors, structured data, sitemaps, and bounded query counts."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from xml.etree import ElementTree  # our own responses in a test, not untrusted input

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from newsdesk.articles import services
from newsdesk.articles.models import Article, Author, Topic
from newsdesk.liveblogs import services as liveblog_services
from tests.articles.conftest import publish

pytestmark = pytest.mark.django_db


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def test_article_page_shows_everything_a_reader_needs(client, article, editor):
    services.article_update(article=article, editor=editor, correction_note="Eine Zahl war falsch.")
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200 and response["Cache-Control"].startswith("public, max-age=0, s-maxage=")
    assert response["ETag"] and response["Last-Modified"]
    assert "<h1 class=\"article__title\">Testhausen baut eine Brücke</h1>" in html
    assert "TESTHAUSEN</span> – Ein erfundener Vorspann" in html and "Verkehr" in html
    assert "Von <a href=\"/autor/erika-test/\">Erika Test</a>" in html
    assert "Aktualisiert am" in html and "Lesedauer: 1 Min." in html
    assert "Korrektur" in html and "Eine Zahl war falsch." in html
    assert "(Foto: Otto Test)" in html and 'srcset="' in html and 'id="lightbox"' in html
    assert 'href="/thema/stadt-und-politik/"' in html
    assert '<link rel="canonical" href="https://zeitung.example/artikel/testhausen-baut-eine-bruecke/">' in html
    assert '<meta property="og:type" content="article">' in html
    assert 'name="twitter:card" content="summary_large_image"' in html


def test_news_article_json_ld(client, article):
    data = json_ld(client.get(article.get_absolute_url()).content.decode())
    assert data["@type"] == "NewsArticle" and data["headline"] == article.headline
    assert data["datePublished"] == article.published_at.isoformat()
    assert data["dateModified"] == article.published_at.isoformat()
    assert data["author"] == [{"@type": "Person", "name": "Erika Test",
                               "url": "https://zeitung.example/autor/erika-test/"}]
    assert data["image"][0]["url"].startswith("https://zeitung.example/media/renditions/")


def test_json_ld_cannot_break_out_of_its_script_tag(client, author):
    evil = publish("Titel </script><script>alert(1)</script>", authors=[author])
    html = client.get(evil.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(html)["headline"].startswith("Titel </script>")


def test_old_slug_redirects_permanently(client, article):
    old = article.get_absolute_url()
    services.article_update(article=article, slug="bruecke-fuer-testhausen")
    response = client.get(old)
    assert response.status_code == 301 and response["Location"] == "/artikel/bruecke-fuer-testhausen/"


def test_drafts_are_404_for_readers_and_a_preview_for_editors(client, editor):
    draft = services.article_create(headline="Noch geheim", teaser="Vorspann")
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 404 and "keinen Artikel" in response.content.decode()
    client.force_login(editor)
    response = client.get(draft.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200 and "Vorschau" in html and 'content="noindex"' in html
    assert response["Cache-Control"] == "private, no-store" and "ETag" not in response


def test_scheduled_article_is_hidden_until_its_time(client):
    draft = services.article_create(headline="Später", teaser="Vorspann")
    services.article_schedule(article=draft, at=timezone.now() + timedelta(hours=1))
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "Später" not in client.get("/").content.decode()


@pytest.mark.parametrize("path", ["/artikel/gibt-es-nicht/", "/thema/gibt-es-nicht/", "/autor/gibt-es-nicht/",
                                  "/archiv/2026/13/", "/archiv/2026/2/30/", "/archiv/99999/1/"])
def test_unknown_addresses_are_404(client, path):
    assert client.get(path).status_code == 404


def make_many(n_topics: int, n_authors: int, n_articles: int, image) -> None:
    topics = [Topic.objects.create(name=f"Thema {i}", slug=f"thema-{i}") for i in range(n_topics)]
    authors = [Author.objects.create(name=f"Autorin {i}", slug=f"autorin-{i}") for i in range(n_authors)]
    for i in range(n_articles):
        publish(f"Meldung {i}", authors=authors, topics=topics, lead_image=image, hours_ago=i + 1,
                top_story=i < 3)


@pytest.mark.parametrize("size", [1, 6])
def test_query_counts_do_not_grow_with_what_is_shown(client, image, editor, size, django_assert_max_num_queries):
    make_many(size, size, size * 2, image)
    blog = liveblog_services.liveblog_create(title="Live aus Testhausen", author=editor)
    liveblog_services.entry_create(liveblog=blog, author=editor, body="Neuer Stand.")
    article = Article.objects.first()
    topic, author = Topic.objects.first(), Author.objects.first()
    today = timezone.localdate()
    # The same limits for 1 and for 6 topics and authors per article (and 2 or 12 articles on the page):
    # home = top stories, latest (each article, bylines, topics), open newsblogs + newest entries, topic list;
    # article = the article, bylines, topics, the stored "Ähnliche Artikel" list, the "Stellenangebote" box and the
    # comment section (content type, count of approved comments, the site's and the article's comment settings).
    # Each page adds one read of the content versions for its ETag (core.freshness); the topic list reads the
    # articles version once more and counts only when that changed (two narrow reads: the counts, then the topics;
    # 12 on the first render, 10 after). The first
    # page also reads the page frame into the cache (site identity and sections: +2); promo boxes
    # (newsdesk.promos.selectors) add their schedule and the boxes on a cold cache: 2 on the first page, then 1
    # for the article (other slot versions), none once cached. Topic and author pages list their newsblogs in one
    # more query (issue 11).
    for path, limit in [("/", 16), (article.get_absolute_url(), 11), (topic.get_absolute_url(), 7),
                        (author.get_absolute_url(), 7), ("/archiv/", 2), (f"/archiv/{today.year}/{today.month}/", 5),
                        ("/sitemap-artikel.xml", 3), ("/sitemap-news.xml", 2)]:
        with django_assert_max_num_queries(limit):
            assert client.get(path).status_code == 200, path


def test_home_page(client, image, editor):
    make_many(2, 1, 5, image)
    blog = liveblog_services.liveblog_create(title="Live aus Testhausen", author=editor)
    liveblog_services.entry_create(liveblog=blog, author=editor, body="Erster.", headline="Alt")
    liveblog_services.entry_create(liveblog=blog, author=editor, body="Zweiter.", headline="Neuester Stand")
    closed = liveblog_services.liveblog_create(title="Vorbei", author=editor)
    liveblog_services.liveblog_set_status(liveblog=closed, editor=editor, status="closed")
    html = client.get("/").content.decode()
    assert html.count("<h1") == 1 and "Startseite" in html
    assert "Jetzt live" in html and "LIVE" in html and "Neuester Stand" in html and "Vorbei" not in html
    assert html.index("Top-Themen") < html.index("Neueste Artikel") < html.index("id=\"topics-title\"")
    top = html[html.index("Top-Themen"):html.index("Neueste Artikel")]
    assert [h for h in ("Meldung 0", "Meldung 1", "Meldung 2") if h in top] == ["Meldung 0", "Meldung 1", "Meldung 2"]
    assert 'fetchpriority="high"' in html  # the first top story's picture is not lazy


def test_topic_and_author_pages_paginate(client, image):
    make_many(1, 1, 23, image)
    html = client.get("/thema/thema-0/").content.decode()
    assert html.count("<article class=\"story") == 20 and "Seite 1 von 2" in html
    second = client.get("/thema/thema-0/?seite=2").content.decode()
    assert second.count("<article class=\"story") == 3
    assert client.get("/thema/thema-0/?seite=abc").status_code == 200
    html = client.get("/autor/autorin-0/?seite=999").content.decode()
    assert "Seite 2 von 2" in html and "Autorin 0" in html


def test_author_page_shows_bio_and_photo(client, author, image, article):
    Author.objects.filter(pk=author.pk).update(photo=image, role="Lokalredaktion")
    html = client.get(author.get_absolute_url()).content.decode()
    assert "Schreibt über Testhausen." in html and "Lokalredaktion" in html
    assert 'alt="Wellen vor Dächern"' in html and article.headline in html


def test_archive_lists_months_and_days(client, article):
    local = timezone.localtime(article.published_at)
    html = client.get("/archiv/").content.decode()
    assert f"/archiv/{local.year}/{local.month}/" in html
    day = client.get(f"/archiv/{local.year}/{local.month}/{local.day}/").content.decode()
    assert article.headline in day
    other_day = local - timedelta(days=3)
    assert article.headline not in client.get(
        f"/archiv/{other_day.year}/{other_day.month}/{other_day.day}/").content.decode()


def test_liveblog_posting_json_ld(client, editor):
    blog = liveblog_services.liveblog_create(title="Live aus Testhausen", author=editor)
    entry = liveblog_services.entry_create(liveblog=blog, author=editor, body="<p>Der Pegel <b>sinkt</b>.</p>",
                                           headline="Pegel")
    data = json_ld(client.get(blog.get_absolute_url()).content.decode())
    assert data["@type"] == "LiveBlogPosting" and "coverageEndTime" not in data
    assert data["coverageStartTime"] == blog.created_at.isoformat()
    update = data["liveBlogUpdate"][0]
    assert update["@type"] == "BlogPosting" and update["articleBody"] == "Der Pegel sinkt."
    assert update["url"] == f"https://zeitung.example/newsblog/{blog.slug}/eintrag/{entry.pk}/"
    assert update["datePublished"] == entry.created_at.isoformat()
    liveblog_services.liveblog_set_status(liveblog=blog, editor=editor, status="closed")
    blog.refresh_from_db()
    data = json_ld(client.get(blog.get_absolute_url()).content.decode())
    assert data["coverageEndTime"] == blog.closed_at.isoformat()


def test_sitemap_index_and_sections(client, article, editor):
    liveblog_services.liveblog_create(title="Live aus Testhausen", author=editor)
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)  # noqa: S314
    locations = [e.text for e in index.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://zeitung.example/sitemap-artikel.xml" in locations
    assert "https://zeitung.example/sitemap-news.xml" in locations
    for location in locations:
        response = client.get(location.removeprefix("https://zeitung.example"))
        assert response.status_code == 200, location
        ElementTree.fromstring(response.content)  # noqa: S314
    articles = client.get("/sitemap-artikel.xml").content.decode()
    assert "<loc>https://zeitung.example/artikel/testhausen-baut-eine-bruecke/</loc>" in articles
    assert "<lastmod>" in articles


def test_news_sitemap_has_only_the_last_48_hours(client):
    publish("Frisch", hours_ago=2)
    publish("Alt", hours_ago=49)
    draft = services.article_create(headline="Entwurf", teaser="Vorspann")
    assert draft.status == Article.Status.DRAFT
    root = ElementTree.fromstring(client.get("/sitemap-news.xml").content)  # noqa: S314
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "n": "http://www.google.com/schemas/sitemap-news/0.9"}
    titles = [e.text for e in root.findall("s:url/n:news/n:title", ns)]
    assert titles == ["Frisch"]
    assert root.find("s:url/n:news/n:publication/n:name", ns).text
    assert root.find("s:url/n:news/n:publication/n:language", ns).text == "de"


def test_news_sitemap_is_capped_at_1000(client, monkeypatch):
    from newsdesk.articles import sitemaps

    monkeypatch.setattr(sitemaps, "NEWS_SITEMAP_MAX", 2)
    for i in range(3):
        publish(f"Meldung {i}", hours_ago=i + 1)
    assert client.get("/sitemap-news.xml").content.decode().count("<url>") == 2


def test_robots_txt(client):
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in text and "Sitemap: https://zeitung.example/sitemap.xml" in text


def test_newsblog_list_still_at_its_address(client, liveblog):
    html = client.get(reverse("liveblogs:list")).content.decode()
    assert liveblog.title in html


def test_english_interface_is_available(client, article):
    html = Client(HTTP_ACCEPT_LANGUAGE="en").get(article.get_absolute_url()).content.decode()
    assert "Reading time" in html or "Lesedauer" in html
