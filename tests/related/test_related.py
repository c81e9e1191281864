from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from newsdesk import related
from newsdesk.articles import services as articles
from newsdesk.articles.models import Article
from newsdesk.liveblogs import services as liveblogs
from newsdesk.related.models import Neighbour
from newsdesk.related.services import TOP_N

NOW = timezone.now()
TEXTS = {
    1: ("Hochwasser an der Lindra", "Der Pegel der Lindra steigt, Deiche werden mit Sandsäcken verstärkt."),
    2: ("Lindra-Pegel sinkt", "Nach dem Hochwasser sinkt der Pegel; die Deiche haben gehalten."),
    3: ("Stadtbibliothek öffnet sonntags", "Die Bibliothek verlängert ihre Öffnungszeiten am Wochenende."),
    4: ("Neue Bücher für die Bibliothek", "Die Stadtbibliothek kauft Bücher und öffnet einen Lesesaal."),
    5: ("Jugendorchester gewinnt", "Das Orchester siegt im Landeswettbewerb mit einer Sinfonie."),
}


def add(n: int) -> None:
    title, text = TEXTS[n]
    related.index_document("article", n, title, text, f"/artikel/{n}/", NOW - timedelta(hours=n))


@pytest.fixture
def corpus(db):
    for n in TEXTS:
        add(n)


def ids(items) -> list[int]:
    return [item["id"] for item in items]


def test_neighbours_are_the_documents_about_the_same_thing(corpus):
    assert ids(related.similar_to("article", 1))[:1] == [2]
    assert ids(related.similar_to("article", 2))[:1] == [1]
    assert ids(related.similar_to("article", 3))[:1] == [4]
    assert 1 not in ids(related.similar_to("article", 5))  # nothing in common: no filler neighbours


def test_german_stemming_and_stop_words_decide(db):
    related.index_document("article", 1, "Die Deiche", "Die Deiche und die Dämme.", "/1/", NOW)
    related.index_document("article", 2, "Deich", "Ein Deich hält.", "/2/", NOW)
    related.index_document("article", 3, "Und die der", "Die der das und oder.", "/3/", NOW)  # stop words only
    assert ids(related.similar_to("article", 1)) == [2]
    assert related.similar_to("article", 3) == []


def test_new_documents_enter_existing_lists_and_removed_ones_leave(corpus):
    related.index_document("article", 9, "Hochwasser: Deiche halten", "Pegel der Lindra, Sandsäcke, Deiche.",
                           "/artikel/9/", NOW)
    assert 9 in ids(related.similar_to("article", 1))
    related.remove_document("article", 9)
    assert 9 not in ids(related.similar_to("article", 1)) and ids(related.similar_to("article", 1))[:1] == [2]


def test_lists_hold_at_most_top_n(db):
    for n in range(TOP_N + 4):
        related.index_document("article", n, f"Hochwasser {n}", "Pegel Deich Lindra Sandsack", f"/{n}/", NOW)
    counts = {Neighbour.objects.filter(document__object_id=n).count() for n in range(TOP_N + 4)}
    assert counts == {TOP_N}
    assert len(related.similar_to("article", 0, limit=2)) == 2


def test_similar_to_reads_one_query(corpus, django_assert_num_queries):
    with django_assert_num_queries(1):
        items = related.similar_to("article", 1)
    assert set(items[0]) == {"kind", "id", "title", "url", "published_at", "score"} and 0 < items[0]["score"] <= 1


def test_similar_to_text(corpus):
    assert ids(related.similar_to_text("Wann öffnet die Bibliothek am Sonntag?", 2)) == [3, 4]
    assert related.similar_to_text("") == []


def test_publish_recomputes_and_pages_show_the_box(db, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = articles.article_create(headline="Hochwasser an der Lindra", teaser="Der Pegel steigt.",
                                        body="<p>Deiche werden verstärkt.</p>")
        articles.article_publish(article=first)
        second = articles.article_create(headline="Pegel der Lindra sinkt", teaser="Das Hochwasser geht zurück.",
                                         body="<p>Die Deiche haben gehalten.</p>")
        articles.article_publish(article=second)
        blog = liveblogs.liveblog_create(title="Hochwasser an der Lindra: der Newsblog", author=editor,
                                         teaser="Pegel, Deiche und Sandsäcke.")
        liveblogs.entry_create(liveblog=blog, author=editor, body="Der Pegel steigt weiter.")
    neighbours = {(item["kind"], item["id"]) for item in related.similar_to("article", first.pk)}
    assert neighbours == {("article", second.pk), ("liveblog", blog.pk)}
    page = Client().get(first.get_absolute_url()).content.decode()
    assert "Ähnliche Artikel" in page and second.get_absolute_url() in page and blog.get_absolute_url() in page
    blog_page = Client().get(blog.get_absolute_url()).content.decode()
    assert first.get_absolute_url() in blog_page
    with django_capture_on_commit_callbacks(execute=True):
        articles.article_unpublish(article=second)
    assert ("article", second.pk) not in {(i["kind"], i["id"]) for i in related.similar_to("article", first.pk)}
    with django_capture_on_commit_callbacks(execute=True):
        Article.objects.filter(pk=first.pk).delete()
    assert related.similar_to("liveblog", blog.pk) == []


def test_rebuild_command(db, editor):
    first = articles.article_create(headline="Hochwasser an der Lindra", teaser="Der Pegel steigt.")
    articles.article_publish(article=first)  # no commit in this test: nothing pushed yet
    blog = liveblogs.liveblog_create(title="Hochwasser: Pegel der Lindra", author=editor, teaser="Pegel steigt.")
    assert related.similar_to("article", first.pk) == []
    call_command("related_rebuild")
    assert ids(related.similar_to("article", first.pk)) == [blog.pk]


def test_busy_newsblog_recomputes_at_most_every_few_minutes(db, editor, django_capture_on_commit_callbacks,
                                                            monkeypatch):
    from newsdesk.liveblogs import indexing

    with django_capture_on_commit_callbacks(execute=True):
        blog = liveblogs.liveblog_create(title="Wahlabend", author=editor, teaser="Ergebnisse.")
    first = related.indexed_at("liveblog", blog.pk)
    with django_capture_on_commit_callbacks(execute=True):
        liveblogs.entry_create(liveblog=blog, author=editor, body="Erste Hochrechnung.")
    assert related.indexed_at("liveblog", blog.pk) == first
    monkeypatch.setattr(indexing, "RELATED_REFRESH", timedelta(0))
    with django_capture_on_commit_callbacks(execute=True):
        liveblogs.entry_create(liveblog=blog, author=editor, body="Zweite Hochrechnung.")
    assert related.indexed_at("liveblog", blog.pk) > first
