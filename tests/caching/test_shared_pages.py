"""The contract for shared caches: every anonymous reader page without reader state is the same for all,
carries no cookie and no CSRF token, is public with s-maxage and surrogate keys, and revalidates to 304.
Forms on those pages still work: with a token fetched from /csrf/, or (no JavaScript) through a
confirmation page carrying one.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from newsdesk.articles import services
from newsdesk.articles.models import Article, Author, Topic
from newsdesk.caching.headers import SharedCacheMiddleware
from newsdesk.jobs import services as job_services
from newsdesk.jobs.models import EmploymentType
from newsdesk.liveblogs import services as liveblog_services
from newsdesk.pages.models import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(editor, liveblog) -> dict[str, str]:
    """One of everything readers see, and the address of each page kind (by URL name)."""
    topic = Topic.objects.create(name="Verkehr", slug="verkehr")
    author = Author.objects.create(name="Erika Test", slug="erika-test")
    article = services.article_create(headline="Testhausen baut eine Brücke", teaser="Ein erfundener Vorspann.",
                                      body="<p>Erster Absatz.</p>", topics=[topic], authors=[author])
    article.status = Article.Status.PUBLISHED
    article.published_at = timezone.now() - timedelta(hours=1)
    article = services.article_save(article=article)
    entry = liveblog_services.entry_create(liveblog=liveblog, author=editor, body="<p>Der Strom ist wieder da.</p>")
    Page.objects.create(slug="hausordnung", title="Hausordnung", body="<p>Erfundene Regeln.</p>", published=True)
    posting = job_services.job_create(
        title="Volontärin (m/w/d)", employer="Testhausener Anzeiger", location="Testhausen", remote=False,
        employment_type=EmploymentType.TRAINEESHIP, apply_link="https://anzeiger.example/jobs/2",
        description="<p>Erfundene Stelle.</p>", posted_at=timezone.now() - timedelta(days=1),
        valid_through=timezone.localdate() + timedelta(days=10))
    day = timezone.localtime(article.published_at)
    return {
        "home": "/", "articles:detail": article.get_absolute_url(), "articles:topic": "/thema/verkehr/",
        "articles:author": "/autor/erika-test/", "articles:archive": "/archiv/",
        "articles:archive-month": f"/archiv/{day:%Y/%m}/", "articles:archive-day": f"/archiv/{day:%Y/%m/%d}/",
        "liveblogs:list": "/newsblog/", "liveblogs:detail": liveblog.get_absolute_url(),
        "liveblogs:embed": f"/newsblog/{liveblog.slug}/einbetten/", "liveblogs:entry": entry.get_absolute_url(),
        "pages:impressum": "/impressum/", "pages:datenschutz": "/datenschutz/",
        "pages:nutzungsbedingungen": "/nutzungsbedingungen/", "pages:page": "/seite/hausordnung/",
        "jobs:list": "/jobs/", "jobs:detail": posting.get_absolute_url(),
    }


def shared_page_names() -> set[str]:
    """Every URL name whose view is a shared-cache page (conditional_page(kind=...)), in the whole URLconf."""
    names: set[str] = set()

    def walk(patterns, namespace: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace)
            elif isinstance(pattern, URLPattern) and getattr(pattern.callback, "shared_cache_kind", None):
                names.add(namespace + pattern.name)

    walk(get_resolver().url_patterns, "")
    return names


def test_the_walk_covers_every_shared_page_kind(content):
    """A new page kind (another app's decorator) must join the walk below, or this fails."""
    assert shared_page_names() == set(content)


def test_every_anonymous_page_is_shareable(content):
    for name, path in content.items():
        reader = Client()  # no cookies at all
        response = reader.get(path)
        assert response.status_code == 200, (name, path)
        assert not response.cookies and "Set-Cookie" not in response, (name, response.cookies)
        control = response["Cache-Control"]
        assert "public" in control and "private" not in control and "no-store" not in control, (name, control)
        assert re.search(r"s-maxage=\d+", control) and "stale-while-revalidate=" in control, (name, control)
        assert "stale-if-error=" in control, (name, control)
        assert response["xkey"] and response["xkey"] == response["Surrogate-Key"], name
        html = response.content.decode()
        assert "csrfmiddlewaretoken" not in html, name
        if name != "liveblogs:embed":  # the embed has no forms
            assert 'name="csrf-url"' in html, name  # forms fetch their token (caching/forms.js)
        etag, last_modified = response["ETag"], response["Last-Modified"]
        again = reader.get(path, HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304 and again["ETag"] == etag and not again.cookies, name
        assert "public" in again["Cache-Control"], name
        assert Client().get(path, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304, name


def test_surrogate_keys_name_what_the_page_shows(content, liveblog):
    assert Client().get(content["liveblogs:detail"])["xkey"].split() == sorted(
        ["liveblog", "related", "site", liveblog.freshness_key, "promos.newsblog", "promos.at.none"])
    article_keys = Client().get(content["articles:detail"])["xkey"].split()
    assert "article" in article_keys and "articles" in article_keys


def test_lifetimes_come_from_settings_per_kind(content, settings):
    settings.CACHE_S_MAXAGE = {**settings.CACHE_S_MAXAGE, "liveblog": 7, "article": 90}
    assert "s-maxage=7," in Client().get(content["liveblogs:detail"])["Cache-Control"]
    assert "s-maxage=90," in Client().get(content["articles:detail"])["Cache-Control"]


def test_logged_in_users_stay_private(content, editor):
    client = Client()
    client.force_login(editor)
    for name, path in content.items():
        response = client.get(path)
        assert response["Cache-Control"].startswith("private"), name
        assert "xkey" not in response and "ETag" not in response, name


def test_a_reader_with_one_time_messages_gets_a_private_page(content):
    client = Client()
    client.cookies["messages"] = "x"
    response = client.get("/")
    assert response["Cache-Control"] == "private, no-cache" and "xkey" not in response


def test_english_pages_are_shared_pages_at_their_own_address(content):
    for name, path in content.items():
        response = Client().get("/en" + path)
        assert response.status_code == 200 and "public" in response["Cache-Control"], name
        assert response["Content-Language"] == "en" and not response.cookies, name
        html = response.content.decode()
        assert 'lang="en"' in html, name
        if name == "liveblogs:embed":
            continue  # no page chrome in the embed: no language switcher
        german = re.search(r'href="([^"]+)" class="language-link" lang="de"', html).group(1)
        assert not german.startswith("/en/"), name  # the switcher links to the same page in German
        assert Client().get(german)["Content-Language"] == "de", name


def test_the_token_endpoint_is_private_and_sets_the_cookie():
    client = Client()
    response = client.get("/csrf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response.json()["token"] and "csrftoken" in response.cookies
    assert client.post("/csrf/").status_code in (403, 405)


def test_a_form_posted_with_a_fetched_token_is_accepted(content):
    client = Client(enforce_csrf_checks=True)
    client.get("/")
    token = client.get("/csrf/").json()["token"]
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/", "csrfmiddlewaretoken": token})
    assert response.status_code == 302 and client.cookies["django_language"].value == "en"


def test_without_javascript_the_post_gets_a_confirmation_page_that_sends_it(content):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/impressum/"})
    assert response.status_code == 403 and response["Cache-Control"] == "private, no-store"
    html = response.content.decode()
    assert "Bitte bestätigen" in html  # nothing typed is lost: the fields come back, with a token
    assert 'name="language" value="en"' in html and 'name="next" value="/impressum/"' in html
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    sent = client.post("/i18n/setlang/", {"language": "en", "next": "/impressum/", "csrfmiddlewaretoken": token})
    assert sent.status_code == 302 and sent["Location"] == "/en/impressum/"


def test_a_post_from_another_site_gets_no_confirmation_page(content):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/i18n/setlang/", {"language": "en"}, HTTP_ORIGIN="https://boese.example")
    assert response.status_code == 403 and "Origin" in response.content.decode()
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_a_shared_page_that_sets_a_cookie_anyway_is_sent_private():
    def view(request):
        response = HttpResponse("x")
        response["Cache-Control"] = "public, s-maxage=60"
        response["xkey"] = "home"
        response.set_cookie("leak", "1")
        return response

    response = SharedCacheMiddleware(view)(RequestFactory().get("/"))
    assert response["Cache-Control"] == "private, no-cache" and "xkey" not in response


def test_the_origin_renders_a_shared_page_once_per_change(content, editor, liveblog, django_assert_max_num_queries):
    path = content["liveblogs:detail"]
    first = Client().get(path)
    with django_assert_max_num_queries(1):  # the content versions only: no render
        again = Client().get(path)
    assert again.content == first.content and again["ETag"] == first["ETag"]
    assert again["Cache-Control"] == first["Cache-Control"] and again["Content-Type"] == first["Content-Type"]
    liveblog_services.entry_create(liveblog=liveblog, author=editor, body="<p>Neue Meldung aus Testhausen.</p>")
    assert "Neue Meldung aus Testhausen." in Client().get(path).content.decode()


def test_a_new_entry_renders_only_itself_and_an_edit_or_pin_renders_that_entry_again(content, editor, liveblog):
    """The entries of a shared newsblog page are kept rendered per entry version (liveblog_entries)."""
    path = content["liveblogs:detail"]
    entry = liveblog.entries.get()
    Client().get(path)
    liveblog_services.entry_create(liveblog=liveblog, author=editor, body="<p>Die Fähre fährt wieder.</p>")
    page = Client().get(path)
    assert [t.name for t in page.templates].count("liveblogs/_entry.html") == 1  # the new one, not the first
    assert "Die Fähre fährt wieder." in page.content.decode() and "Der Strom ist wieder da." in page.content.decode()
    entry = liveblog_services.entry_update(entry=entry, editor=editor, version=entry.version,
                                           body="<p>Der Strom ist seit zehn Uhr wieder da.</p>")
    html = Client().get(path).content.decode()
    assert "Der Strom ist seit zehn Uhr wieder da." in html and "Der Strom ist wieder da." not in html
    liveblog_services.entry_update(entry=entry, editor=editor, version=entry.version, pinned=True)
    pinned = Client().get(path).content.decode().split('id="pinned-entries"', 1)[1].split('id="entry-stream"')[0]
    assert "Der Strom ist seit zehn Uhr" in pinned and "entry--pinned" in pinned
