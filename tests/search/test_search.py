from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk import search
from newsdesk.articles import services as articles
from newsdesk.articles.models import Article, Topic
from newsdesk.core.validation import text_problem
from newsdesk.liveblogs import services as liveblogs
from newsdesk.search.models import SearchDocument
from newsdesk.search.query import PAGE_SIZE
from newsdesk.search.text import highlight, query_words, stems_of

NOW = timezone.now()


def doc(n: int, title: str, body: str, *, days_ago: float = 1, topics=(), kind: str = "article") -> None:
    search.index_document(kind, n, title, body, f"/artikel/{n}/", NOW - timedelta(days=days_ago), topics)


@pytest.fixture
def corpus(db):
    doc(1, "Bahn: Lokführer im Streik", "Die Lokführern legen die Arbeit nieder. Züge fallen aus.",
        topics=[("verkehr", "Verkehr")], days_ago=2)
    doc(2, "Neue Radwege in Testhausen", "Der Stadtrat beschließt Radwege; die Bahn ist nur am Rande Thema.",
        topics=[("stadt", "Stadt")], days_ago=10)
    doc(3, "Haushalt beschlossen", "Die Stadt spart bei Häusern und Straßen.", topics=[("stadt", "Stadt")])
    doc(4, "Stromausfall: Lage am Abend", "Techniker suchen den Fehler im Umspannwerk.", kind="entry")


def ids(results) -> list[tuple[str, int]]:
    return [(hit.kind, hit.id) for hit in results.hits]


def test_german_stemming_matches_inflected_forms(corpus):
    assert ids(search.search("Streiks der Lokführer")) == [("article", 1)]
    assert ids(search.search("Haus")) == [("article", 3)]  # "Häusern" and "Haus" share the stem
    assert ids(search.search("radweg")) == [("article", 2)]


def test_title_hits_rank_above_body_hits(corpus):
    assert ids(search.search("Bahn")) == [("article", 1), ("article", 2)]


def test_filters_by_topic_and_dates(corpus):
    assert ids(search.search("Bahn", topic="stadt")) == [("article", 2)]
    today = timezone.localdate()
    assert ids(search.search("Bahn", date_from=today - timedelta(days=5))) == [("article", 1)]
    assert ids(search.search("Bahn", date_to=today - timedelta(days=5))) == [("article", 2)]
    assert ids(search.search("Bahn", date_from=date(2000, 1, 1), date_to=date(2000, 1, 2))) == []


def test_snippets_are_escaped_then_marked(db):
    doc(9, "<script>alert(1)</script> Wahl", "Vor der <b>Wahl</b> & danach: die Wahl ist frei.")
    hit = search.search("Wahl").hits[0]
    assert "<script>" not in hit.title and "&lt;script&gt;" in hit.title
    expected = "Vor der &lt;b&gt;<mark>Wahl</mark>&lt;/b&gt; &amp; danach: die <mark>Wahl</mark> ist frei."
    assert str(hit.snippet) == expected


def test_snippet_is_cut_around_the_hits():
    text = " ".join(["Füllwort"] * 100 + ["Brücke"] + ["Füllwort"] * 100)
    snippet = str(highlight(text, stems_of(["brücke"])))
    assert snippet.startswith("… ") and snippet.endswith(" …") and "<mark>Brücke</mark>" in snippet


def test_pagination(db):
    for n in range(PAGE_SIZE + 3):
        doc(n + 1, f"Meldung {n}", "Ein Hochwasser steigt.", days_ago=n)
    first, second = search.search("Hochwasser"), search.search("Hochwasser", page=2)
    assert first.total == second.total == PAGE_SIZE + 3 and first.num_pages == 2
    assert len(first.hits) == PAGE_SIZE and len(second.hits) == 3 and first.has_next and second.has_previous
    assert not set(ids(first)) & set(ids(second))


def test_operators_and_stop_words_are_noise():
    assert query_words('"Bahn" AND streik OR NOT * die der und NEAR(') == ["bahn", "streik"]
    assert query_words("x" * 5000) == []  # one absurd word
    assert len(query_words(" ".join(f"wort{n}" for n in range(50)))) == 12


def test_future_documents_stay_hidden_until_due(db):
    search.index_document("article", 1, "Geplante Meldung", "Text", "/a/", NOW + timedelta(hours=1))
    assert search.search("geplante").total == 0


def test_remove_and_replace(corpus):
    doc(1, "Bahn fährt wieder", "Der Streik ist vorbei.", topics=[("verkehr", "Verkehr")])
    assert SearchDocument.objects.filter(kind="article", object_id=1).count() == 1
    assert search.search("Lokführer").total == 0 and search.search("vorbei").total == 1
    search.remove_document("article", 1)
    assert search.search("vorbei").total == 0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=300) | st.sampled_from(['"', '"Bahn', "AND", "OR NOT", "*", "NEAR(a b)", "^x",
                                                       "bahn:streik", "🚆 Bahn 🚆", "'; DROP TABLE x; --", "(", "-"]))
def test_any_query_gives_results_not_errors(corpus, query):
    results = search.search(query, page=3)
    assert results.total >= 0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=400), page=st.text(max_size=8), von=st.text(max_size=12))
def test_search_page_never_fails(corpus, client, query, page, von):
    response = client.get("/suche/", {"q": query, "seite": page, "von": von, "thema": query[:10]})
    # Control characters and lone surrogates are refused with a message (issue 16); anything else is answered.
    refused = any(text_problem(value) for value in (query, page, von))
    assert response.status_code == (400 if refused else 200)


def test_search_page_shows_results_and_filters(corpus, client):
    response = client.get("/suche/", {"q": "Bahn", "thema": "verkehr"})
    html = response.content.decode()
    assert response.status_code == 200 and "/artikel/1/" in html and "/artikel/2/" not in html
    assert "<mark>Bahn</mark>" in html and 'value="verkehr" selected' in html


def test_search_page_messages(corpus, client):
    assert client.get("/suche/").status_code == 200
    assert "role=\"status\"" in client.get("/suche/", {"q": "und die der"}).content.decode()
    assert client.get("/suche/", {"q": "Zebrastreifen"}).status_code == 200
    long = client.get("/suche/", {"q": "Bahn " * 200})
    assert long.status_code == 200 and "/artikel/1/" in long.content.decode()


def test_header_links_to_search(client, db):
    assert 'href="/suche/"' in client.get("/").content.decode()


def test_articles_are_indexed_after_commit_and_removed(db, django_capture_on_commit_callbacks):
    topic = Topic.objects.create(name="Umwelt", slug="umwelt")
    with django_capture_on_commit_callbacks(execute=True):
        article = articles.article_create(headline="Waldbrand im Harz", teaser="Feuerwehr im Einsatz.",
                                          body="<p>Die <b>Löscharbeiten</b> dauern an.</p>", topics=[topic])
    assert search.search("Waldbrand").total == 0  # a draft is not found
    with django_capture_on_commit_callbacks(execute=True):
        articles.article_publish(article=article)
    hit = search.search("Löscharbeiten", topic="umwelt").hits[0]
    assert hit.url == article.get_absolute_url() and hit.topics == [["umwelt", "Umwelt"]]
    with django_capture_on_commit_callbacks(execute=True):
        articles.article_unpublish(article=article)
    assert search.search("Waldbrand").total == 0
    with django_capture_on_commit_callbacks(execute=True):
        articles.article_publish(article=article)
        Article.objects.filter(pk=article.pk).delete()
    assert not SearchDocument.objects.exists()


def test_newsblog_entries_are_indexed(liveblog, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        entry = liveblogs.entry_create(liveblog=liveblog, author=editor, body="Das Umspannwerk brennt.",
                                       headline="Feuer")
    hit = search.search("Umspannwerk").hits[0]
    assert hit.kind == "entry" and hit.url.endswith(f"/eintrag/{entry.pk}/") and hit.title == "Feuer"
    assert hit.group_title == "Stromausfall in Testhausen" and hit.group_url == liveblog.get_absolute_url()
    with django_capture_on_commit_callbacks(execute=True):
        entry = liveblogs.entry_update(entry=entry, editor=editor, version=entry.version, body="Alles ruhig.")
    assert search.search("Umspannwerk").total == 0 and search.search("ruhig").total == 1
    with django_capture_on_commit_callbacks(execute=True):
        liveblogs.entry_delete(entry=entry, editor=editor)
    assert search.search("ruhig").total == 0


def test_reindex_command_rebuilds_from_sources(liveblog, editor, django_capture_on_commit_callbacks):
    liveblogs.entry_create(liveblog=liveblog, author=editor, body="Notstrom läuft.")  # no commit: not indexed
    doc(77, "Veraltet", "Ein Dokument, das es nicht mehr gibt.")
    call_command("search_reindex")
    assert search.search("Notstrom").total == 1 and search.search("veraltet").total == 0


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["²", "٣", "99999999999999999999", "-1", "abc"])
def test_odd_page_numbers_show_the_first_page(client, page):
    response = client.get("/suche/", {"q": "Hochwasser", "seite": page})
    assert response.status_code == 200
