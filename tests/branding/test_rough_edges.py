"""Rough edges readers and editors hit (issue 17): the demo's 404 page, a live article without an author, the
article form on a phone, newsblog headlines cut at a word, and the pin toggle of a pinned entry."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.utils import timezone

from newsdesk.articles.models import Article, Author
from newsdesk.core.seo import clip
from newsdesk.liveblogs import services as liveblog_services

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
BASE = "/redaktion/verwaltung/"


def test_make_run_serves_without_debug_unless_asked():
    makefile = (ROOT / "Makefile").read_text()
    run = makefile[makefile.index("\nrun:"):].split("\n\n")[0]
    assert "DEBUG=$${DEBUG:-false}" in run and "SECRET_KEY=" in run and "collectstatic" in run
    assert "SERVE_MEDIA=$${SERVE_MEDIA:-true}" in run  # the demo's pictures still show


def test_a_mistyped_address_shows_the_sites_own_404_page(settings):
    settings.DEBUG = False
    response = Client().get("/artikel/gibt-es-nicht-xyz/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Seite nicht gefunden" in html and '<header class="site-header">' in html
    assert "Django" not in html and 'name="viewport"' in html
    assert Client().get("/tippfehler/").status_code == 404


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _form(**changes) -> dict:
    data = {
        "kicker": "", "headline": "Neue Brücke", "dateline": "", "teaser": "Vorspann", "body": "<p>Text</p>",
        "lead_image": "", "topics": [], "status": "published", "published_at_0": "01.01.2026",
        "published_at_1": "10:00:00", "slug": "neue-bruecke", "top_rank": "0", "correction_note": "",
        "articleauthor_set-TOTAL_FORMS": "0", "articleauthor_set-INITIAL_FORMS": "0",
        "revisions-TOTAL_FORMS": "0", "revisions-INITIAL_FORMS": "0",
        "comments-targetcommentsettings-content_type-object_id-TOTAL_FORMS": "0",
        "comments-targetcommentsettings-content_type-object_id-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_publishing_without_an_author_warns_the_editor(editor):
    response = _logged_in(editor).post(BASE + "articles/article/add/", _form())
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Article.objects.get().status == Article.Status.PUBLISHED  # a warning, not a refusal
    assert any("Ohne Autorin oder Autor veröffentlicht" in m for m in _messages(response))


def test_publishing_with_an_author_or_a_draft_gives_no_warning(editor):
    author = Author.objects.create(name="Erika Test", slug="erika-test")
    with_author = _form(**{"articleauthor_set-TOTAL_FORMS": "1", "articleauthor_set-0-author": str(author.pk),
                           "articleauthor_set-0-position": "0"})
    response = _logged_in(editor).post(BASE + "articles/article/add/", with_author)
    assert response.status_code == 302 and not any("Autorin" in m for m in _messages(response))
    draft = _form(status="draft", slug="entwurf", headline="Entwurf", published_at_0="", published_at_1="")
    response = _logged_in(editor).post(BASE + "articles/article/add/", draft)
    assert response.status_code == 302 and not any("Autorin" in m for m in _messages(response))


def test_publish_action_warns_about_articles_without_author(editor):
    article = Article.objects.create(headline="Ohne Zeile", slug="ohne-zeile", teaser="x", body="<p>x</p>")
    response = _logged_in(editor).post(BASE + "articles/article/", {
        "action": "publish_now", "_selected_action": [article.pk]})
    assert any("ohne Autorin oder Autor" in m.lower() or "Ohne Autorin" in m for m in _messages(response))


def test_article_form_loads_the_phone_styles(editor):
    html = _logged_in(editor).get(BASE + "articles/article/add/").content.decode()
    assert "articles/admin-phone.css" in html
    css = (ROOT / "src/newsdesk/articles/static/articles/admin-phone.css").read_text()
    assert "@media (max-width: 767px)" in css and ".inline-group .tabular" in css


@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("Kurz", 110, "Kurz"),
    ("Hochwasser in Kelmsbrück: Deich am Lindrahof hält", 30, "Hochwasser in Kelmsbrück …"),
    ("Ein Wort", 6, "Ein …"),
    ("Zwei Worte passen", 12, "Zwei Worte …"),
    ("Donaudampfschifffahrtsgesellschaftskapitän", 10, "Donaudamp…"),  # one long word: no space to cut at
])
def test_clip_cuts_at_a_word_with_an_ellipsis(text, limit, expected):
    assert clip(text, limit) == expected and len(clip(text, limit)) <= limit


def test_newsblog_search_engine_headline_never_cuts_a_word(editor):
    title = "Hochwasser in Testhausen: " + " ".join(["Pegelstände"] * 12)
    blog = liveblog_services.liveblog_create(title=title, teaser="Erfunden.", author=editor)
    long_headline = "Brückenmühle meldet " + " ".join(["Höchststand"] * 12)
    liveblog_services.entry_create(liveblog=blog, author=editor, body="<p>Text.</p>", headline=long_headline)
    html = Client().get(blog.get_absolute_url()).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    headlines = [data["headline"], *(u["headline"] for u in data["liveBlogUpdate"])]
    for headline in headlines:
        assert len(headline) <= 110 and headline.endswith("…")
        assert headline[:-1].rstrip().split(" ")[-1] in {"Pegelstände", "Höchststand"}  # whole words only


def test_pinned_entry_toggle_reads_loesen(liveblog, editor):
    html = _logged_in(editor).get(liveblog.get_absolute_url()).content.decode()
    assert 'data-action="pin" data-pin="Anheften" data-unpin="Lösen"' in html
    script = (ROOT / "src/newsdesk/liveblogs/static/liveblogs/liveblog.js").read_text()
    assert 'element.dataset.pinned === "1" ? pin.dataset.unpin : pin.dataset.pin' in script


def test_times_render_absolute_for_shared_caches(liveblog, editor):
    entry = liveblog_services.entry_create(liveblog=liveblog, author=editor, body="<p>Neu.</p>")
    html = Client().get(liveblog.get_absolute_url()).content.decode()
    local = timezone.localtime(entry.created_at)
    assert f'data-relative>{local:%H:%M}</time>' in html
