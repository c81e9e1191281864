"""Conditional GET on reader pages: ETag/Last-Modified, 304, and a change making pages fresh at once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import transaction
from django.test import Client
from django.utils import timezone
from django.utils.http import http_date

from newsdesk.articles import services
from newsdesk.articles.models import Article, Author, Topic
from newsdesk.core import freshness
from newsdesk.liveblogs import services as liveblog_services

pytestmark = pytest.mark.django_db


def publish(headline: str, *, topics=(), authors=(), hours_ago: float = 1) -> Article:
    article = services.article_create(headline=headline, teaser="Ein erfundener Vorspann über Testhausen.",
                                      body="<p>Erster Absatz.</p>", topics=topics, authors=authors)
    article.status = Article.Status.PUBLISHED
    article.published_at = timezone.now() - timedelta(hours=hours_ago)
    return services.article_save(article=article)


@pytest.fixture
def topic(db) -> Topic:
    return Topic.objects.create(name="Verkehr", slug="verkehr")


@pytest.fixture
def author(db) -> Author:
    return Author.objects.create(name="Erika Test", slug="erika-test")


@pytest.fixture
def article(topic, author) -> Article:
    return publish("Testhausen baut eine Brücke", topics=[topic], authors=[author])


def revalidate(client: Client, path: str) -> tuple[str, object]:
    """GET the page, then GET it again with its ETag: (etag, second response)."""
    first = client.get(path)
    assert first.status_code == 200, path
    etag = first["ETag"]
    return etag, client.get(path, HTTP_IF_NONE_MATCH=etag)


PAGES = ["/", "/thema/verkehr/", "/autor/erika-test/", "/archiv/", "/newsblog/"]


@pytest.mark.parametrize("path", [*PAGES, "article"])
def test_unchanged_page_answers_304_with_one_query(client, article, path, django_assert_max_num_queries):
    path = article.get_absolute_url() if path == "article" else path
    etag, _ = revalidate(client, path)
    with django_assert_max_num_queries(1):  # the content versions; no render
        response = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304 and response["ETag"] == etag and response.content == b""
    assert response["Cache-Control"].startswith("public, max-age=0, s-maxage=")  # the same for every reader


def test_page_headers(client, article):
    response = client.get("/")
    assert response["Cache-Control"] == ("public, max-age=0, s-maxage=30, stale-while-revalidate=30, "
                                         "stale-if-error=86400")
    assert response["xkey"] == "articles home liveblogs promos.at.none promos.home promos.sidebar site"
    assert response["Cache-Tag"] == "articles,home,liveblogs,promos.at.none,promos.home,promos.sidebar,site"
    assert response["ETag"].startswith('"') and response["Last-Modified"].endswith("GMT")
    assert "Cookie" in response["Vary"]  # a reader with state gets another page


def test_a_reader_with_state_gets_a_private_page_of_their_own(client, article):
    client.get("/")
    session = client.session
    session["note"] = "eigene Daten"
    session.save()
    client.cookies["sessionid"] = session.session_key
    response = client.get("/")
    assert response["Cache-Control"] == "private, no-cache" and "xkey" not in response
    assert response["ETag"] != Client().get("/")["ETag"]


def test_if_modified_since_alone_gives_304(client, article):
    last_modified = client.get("/")["Last-Modified"]
    assert client.get("/", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    earlier = http_date((timezone.now() - timedelta(days=1)).timestamp())
    assert client.get("/", HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200


@pytest.mark.parametrize("path", ["/", "/thema/verkehr/", "/autor/erika-test/", "/archiv/"])
def test_publish_makes_listing_pages_fresh_at_once(client, article, topic, author, path):
    etag, _ = revalidate(client, path)
    publish("Neue Ampel am Marktplatz", topics=[topic], authors=[author])
    response = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and response["ETag"] != etag
    if path != "/archiv/":  # the archive index lists months, not headlines
        assert "Neue Ampel am Marktplatz" in response.content.decode()


@pytest.mark.parametrize("change", ["edit", "correction", "unpublish", "topic renamed"])
def test_edit_correction_unpublish_make_article_and_home_fresh(client, article, topic, editor, change):
    article_etag, _ = revalidate(client, article.get_absolute_url())
    home_etag, _ = revalidate(client, "/")
    if change == "edit":
        services.article_update(article=article, editor=editor, headline="Testhausen baut zwei Brücken")
    elif change == "correction":
        services.article_update(article=article, editor=editor, correction_note="Die Länge war falsch.")
    elif change == "unpublish":
        services.article_unpublish(article=article, editor=editor)
    else:
        topic.name = "Straßenverkehr"
        topic.save()  # as the back office does, without a service
    article_page = client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=article_etag)
    home = client.get("/", HTTP_IF_NONE_MATCH=home_etag)
    assert home.status_code == 200 and home["ETag"] != home_etag
    if change == "unpublish":
        assert article_page.status_code == 404
        assert "Testhausen baut eine Brücke" not in home.content.decode()
    else:
        assert article_page.status_code == 200 and article_page["ETag"] != article_etag


def test_scheduled_article_reaching_its_time_makes_home_fresh(client, article):
    draft = services.article_create(headline="Später am Tag", teaser="Vorspann")
    services.article_schedule(article=draft, at=timezone.now() + timedelta(hours=1))
    etag, _ = revalidate(client, "/")
    assert services.publish_due(now=timezone.now() + timedelta(hours=2)) == [draft.pk]
    assert client.get("/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_rolled_back_change_changes_nothing(client, article, editor):
    etag, _ = revalidate(client, "/")
    with pytest.raises(RuntimeError), transaction.atomic():
        services.article_update(article=article, editor=editor, headline="Nie gespeichert")
        raise RuntimeError("abort")
    assert client.get("/", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_newsblog_page_follows_its_own_entries_only(client, editor, django_assert_max_num_queries):
    blog = liveblog_services.liveblog_create(title="Live aus Testhausen", author=editor)
    other = liveblog_services.liveblog_create(title="Live aus Nebenan", author=editor)
    path = blog.get_absolute_url()
    etag, second = revalidate(client, path)
    assert second.status_code == 304
    liveblog_services.entry_create(liveblog=other, author=editor, body="Anderswo passiert etwas.")
    with django_assert_max_num_queries(1):
        assert client.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 304
    home_etag, _ = revalidate(client, "/")
    entry = liveblog_services.entry_create(liveblog=blog, author=editor, body="Die Brücke ist frei.")
    response = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and "Die Brücke ist frei." in response.content.decode()
    assert client.get("/", HTTP_IF_NONE_MATCH=home_etag).status_code == 200  # "Live now" shows the newest
    etag = response["ETag"]
    liveblog_services.entry_delete(entry=entry, editor=editor)
    assert client.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_the_shared_page_carries_no_token_so_any_anonymous_reader_may_revalidate_it(client, article):
    etag, second = revalidate(client, "/")
    assert second.status_code == 304 and "csrftoken" not in client.cookies
    stranger = Client()
    stranger.cookies["csrftoken"] = "a" * 32  # a token from an earlier form does not change the page
    assert stranger.get("/", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_language_is_part_of_the_address_and_the_etag(client, article):
    etag, _ = revalidate(client, "/")
    response = client.get("/en/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and 'lang="en"' in response.content.decode()
    assert response["Content-Language"] == "en" and "public" in response["Cache-Control"]
    client.cookies["django_language"] = "en"  # a cookie does not choose the language of a page
    assert client.get("/", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_logged_in_users_always_get_a_fresh_page(client, article, editor):
    client.force_login(editor)
    response = client.get("/")
    assert response.status_code == 200 and "ETag" not in response and "Last-Modified" not in response
    assert response["Cache-Control"] == "private, no-cache"
    assert client.get("/", HTTP_IF_MODIFIED_SINCE=http_date(timezone.now().timestamp() + 60)).status_code == 200


@pytest.mark.parametrize("path", ["/sitemap.xml", "/sitemap-news.xml", "/sitemap-artikel.xml"])
def test_sitemaps_revalidate_and_follow_publishing(article, path, django_assert_max_num_queries):
    crawler = Client()
    first = crawler.get(path)
    assert first.status_code == 200 and first["Cache-Control"] == "public, no-cache"
    assert "Set-Cookie" not in first and "csrftoken" not in crawler.cookies
    with django_assert_max_num_queries(1):
        assert Client().get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304  # same for everybody
    publish("Neue Ampel am Marktplatz")
    fresh = Client().get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert fresh.status_code == 200 and fresh["ETag"] != first["ETag"]


def test_robots_txt_revalidates(django_assert_num_queries):
    first = Client().get("/robots.txt")
    with django_assert_num_queries(0):
        assert Client().get("/robots.txt", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_bump_counts_every_change_and_reads_unknown_keys_as_zero():
    assert freshness.read(["nie-gesehen"]) == ("nie-gesehen:0", freshness._STARTED)
    freshness.bump("a", "b")
    freshness.bump("a")
    token, changed = freshness.read(["b", "a"])
    assert token == "a:2;b:1" and changed is not None


def test_deleting_a_newsblog_with_its_entries_refreshes_the_home_page(client, editor):
    blog = liveblog_services.liveblog_create(title="Live aus Testhausen", author=editor)
    liveblog_services.entry_create(liveblog=blog, author=editor, body="Die Brücke ist frei.")
    etag, _ = revalidate(client, "/")
    blog.delete()  # as the back office does: the entries go with it
    response = client.get("/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and "Live aus Testhausen" not in response.content.decode()


def test_a_comment_approved_on_an_article_makes_its_page_fresh(client, article):
    from newsdesk.comments import services as comments
    from newsdesk.comments.models import CommentSettings

    CommentSettings.objects.update_or_create(pk=1, defaults={"require_email_confirmation": False})
    path = article.get_absolute_url()
    comment = comments.comment_submit(target=article, display_name="Lea", email="lea@example.org", consent=True,
                                      body="Die neue Brücke in Testhausen entlastet hoffentlich die Ortsmitte.")
    etag, second = revalidate(client, path)
    assert second.status_code == 304
    comments.comment_approve(comment=comment, moderator=None)
    fresh = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert fresh.status_code == 200 and "entlastet hoffentlich" in fresh.content.decode()


def test_a_new_job_posting_makes_articles_job_pages_and_sitemaps_fresh(client, article):
    from tests.jobs.conftest import make_posting

    paths = [article.get_absolute_url(), "/jobs/", "/sitemap-stellen.xml"]
    etags = {path: revalidate(client, path) for path in paths}
    assert all(second.status_code == 304 for _, second in etags.values())
    posting = make_posting("Korrektorin (m/w/d) für die Wochenendausgabe")
    for path, (etag, _) in etags.items():
        fresh = client.get(path, HTTP_IF_NONE_MATCH=etag)
        assert fresh.status_code == 200, path
        assert posting.title in fresh.content.decode() or posting.slug in fresh.content.decode(), path


def test_editing_a_legal_page_makes_it_fresh(client):
    from newsdesk.pages.models import LegalPage

    etag, second = revalidate(client, "/impressum/")
    assert second.status_code == 304
    page = LegalPage.objects.get(kind="impressum")
    page.body = "<p>Neue Anschrift: Beispielweg 7, 00000 Testhausen.</p>"
    page.save()
    fresh = client.get("/impressum/", HTTP_IF_NONE_MATCH=etag)
    assert fresh.status_code == 200 and "Beispielweg 7" in fresh.content.decode()
