"""Issue 17, "Search that finds": entry headlines and addresses, newsblog groups, recency ranking, ?sortierung=neu,
highlighting, "Meinten Sie …". Runs on SQLite and (DATABASE_URL) PostgreSQL alike."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk import search
from newsdesk.liveblogs import services as liveblogs
from newsdesk.search import query
from newsdesk.search.query import GROUP_SHOWN, PAGE_SIZE, edit_distance
from newsdesk.search.text import first_words

NOW = timezone.now()


def doc(n: int, title: str, body: str, *, days_ago: float = 1, kind: str = "article", group: str = "") -> None:
    extra = {"group": group, "group_title": f"Newsblog {group}", "group_url": f"/newsblog/{group}/"} if group else {}
    search.index_document(kind, n, title, body, f"/{kind}/{n}/", NOW - timedelta(days=days_ago), (), **extra)


def ids(results) -> list[tuple[str, int]]:
    return [(hit.kind, hit.id) for hit in results.hits]


def test_entry_found_by_its_headline_shows_it_and_links_to_its_own_address(
        liveblog, editor, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        entry = liveblogs.entry_create(liveblog=liveblog, author=editor, headline="Deich bei Ostwerder hält",
                                       body="<p>Die Helfer haben die Nacht durchgearbeitet.</p>")
    address = f"/newsblog/{liveblog.slug}/eintrag/{entry.pk}/"
    hit = search.search("Deich Ostwerder").hits[0]
    assert (hit.kind, hit.id, hit.url) == ("entry", entry.pk, address)
    assert hit.title == "<mark>Deich</mark> bei <mark>Ostwerder</mark> hält"
    html = client.get("/suche/", {"q": "Deich bei Ostwerder hält"}).content.decode()
    assert f'<a href="{address}"><mark>Deich</mark> bei <mark>Ostwerder</mark> <mark>hält</mark></a>' in html
    assert "Stromausfall in Testhausen" in html and liveblog.get_absolute_url() in html  # the newsblog beside it


def test_entry_without_headline_is_titled_with_its_first_words(liveblog, editor, django_capture_on_commit_callbacks):
    body = "<p>Pegel steigt weiter: " + " ".join(f"Wort{n}" for n in range(30)) + "</p>"
    with django_capture_on_commit_callbacks(execute=True):
        liveblogs.entry_create(liveblog=liveblog, author=editor, body=body)
    hit = search.search("Pegel").hits[0]
    assert str(hit.title).startswith("<mark>Pegel</mark> steigt weiter: Wort0") and hit.title.endswith("Wort8 …")


def test_first_words_cut_at_a_word_boundary():
    assert first_words("Eins zwei drei", 5) == "Eins zwei drei"
    assert first_words("Eins,  zwei drei vier", 2) == "Eins, zwei …"
    assert first_words("Überschwemmung überall", 1) == "Überschwemmung …"


def test_hits_in_one_newsblog_are_grouped_and_the_rest_is_one_click_away(db, client):
    for n in range(7):
        doc(100 + n, f"Lage {n}", "Das Hochwasser steigt.", kind="entry", group="flut", days_ago=n / 10)
    doc(1, "Hochwasser: was die Stadt plant", "Ein Artikel.", days_ago=3)
    doc(200, "Hochwasser im Nachbarort", "Auch hier.", kind="entry", group="nachbar")
    results = search.search("Hochwasser")
    assert results.total == 9 and results.item_total == 3
    groups = [item for item in results.items if item.is_group]
    assert len(groups) == 1 and groups[0].count == 7 and len(groups[0].hits) == GROUP_SHOWN
    assert groups[0].group_title == "Newsblog flut"
    single = [item for item in results.items if not item.is_group]
    assert {(i.hits[0].kind, i.hits[0].id) for i in single} == {("article", 1), ("entry", 200)}
    inside = search.search("Hochwasser", group="flut")
    assert inside.total == inside.item_total == 7 and not any(i.is_group for i in inside.items)
    html = client.get("/suche/", {"q": "Hochwasser"}).content.decode()
    assert "7 Treffer im Newsblog" in html and "Alle 7 Treffer in diesem Newsblog anzeigen" in html
    assert "?q=Hochwasser&amp;in=flut" in html
    inside_html = client.get("/suche/", {"q": "Hochwasser", "in": "flut"}).content.decode()
    assert inside_html.count('class="search-hit ') == 7 and "Newsblog flut" in inside_html


def test_groups_count_as_one_item_for_pages(db):
    for n in range(30):
        doc(100 + n, f"Eintrag {n}", "Sturmflut an der Küste.", kind="entry", group="sturm")
    for n in range(PAGE_SIZE):
        doc(n + 1, f"Artikel {n}", "Sturmflut erwartet.", days_ago=2 + n)
    first, second = search.search("Sturmflut"), search.search("Sturmflut", page=2)
    assert first.item_total == PAGE_SIZE + 1 and first.num_pages == 2
    assert len(first.items) == PAGE_SIZE and len(second.items) == 1


def test_recency_boost_lets_a_new_body_hit_pass_an_old_title_hit(db):
    doc(1, "Brückensanierung", "Alter Bericht.", days_ago=400)
    doc(2, "Bauarbeiten", "Die Brückensanierung beginnt.", days_ago=0.1)
    assert ids(search.search("Brückensanierung")) == [("article", 2), ("article", 1)]


def test_relevance_still_counts_among_recent_documents(db):
    doc(1, "Brückensanierung", "Die Brückensanierung dauert.", days_ago=2)
    doc(2, "Bauarbeiten", "Die Brückensanierung beginnt.", days_ago=1)
    assert ids(search.search("Brückensanierung")) == [("article", 1), ("article", 2)]


def test_equal_relevance_newer_first(db):
    doc(1, "Stadtfest", "Programm.", days_ago=5)
    doc(2, "Stadtfest", "Programm.", days_ago=1)
    assert ids(search.search("Stadtfest")) == [("article", 2), ("article", 1)]


def test_sortierung_neu_sorts_by_date_and_pages_keep_it(db, client):
    doc(1, "Wahl: das Ergebnis", "Wahl Wahl Wahl.", days_ago=3)
    doc(2, "Rathaus", "Nach der Wahl.", days_ago=0.5)
    doc(3, "Wahlkampf", "Die Wahl naht.", days_ago=1)
    assert ids(search.search("Wahl", order="new")) == [("article", 2), ("article", 3), ("article", 1)]
    assert ids(search.search("Wahl", order="bogus"))[0] == ("article", 1)  # unknown: relevance
    for n in range(PAGE_SIZE + 2):
        doc(10 + n, f"Wahl {n}", "Text.", days_ago=10 + n)
    html = client.get("/suche/", {"q": "Wahl", "sortierung": "neu", "thema": ""}).content.decode()
    next_link = re.search(r'href="\?([^"]*seite=2)" rel="next"', html).group(1)
    assert "sortierung=neu" in next_link and "q=Wahl" in next_link
    assert html.index("/article/2/") < html.index("/article/3/") < html.index("/article/1/")


def test_snippet_marks_stemmed_forms_and_escapes_html(db):
    doc(1, "Häuser <em>am</em> Fluss", "Zwei <img src=x onerror=alert(1)> Häusern und ein Haus.")
    hit = search.search("Haus").hits[0]
    assert str(hit.title) == "<mark>Häuser</mark> &lt;em&gt;am&lt;/em&gt; Fluss"
    assert "&lt;img src=x onerror=alert(1)&gt;" in hit.snippet and "<img" not in hit.snippet
    assert "<mark>Häusern</mark>" in hit.snippet and "<mark>Haus</mark>" in hit.snippet


def test_did_you_mean_suggests_a_close_word_with_hits(db, client):
    doc(1, "Hochwasser in Kelmsbrück", "Der Pegel steigt.")
    results = search.search("Hochwaser")
    assert results.total == 0 and results.suggestion == "Hochwasser"
    assert search.search("Pegl Kelmsbrück").suggestion == "Pegel Kelmsbrück"
    assert search.search("Zebrastreifen").suggestion == ""  # nothing close
    assert search.search("Hochwasser").suggestion == ""  # has hits
    html = client.get("/suche/", {"q": "Hochwaser", "sortierung": "neu"}).content.decode()
    assert "Meinten Sie" in html and 'href="?q=Hochwasser&amp;sortierung=neu"' in html


def test_suggestion_needs_hits_under_the_same_filters(db):
    doc(1, "Hochwasser", "Text.", days_ago=400)
    assert search.search("Hochwaser", date_from=timezone.localdate() - timedelta(days=5)).suggestion == ""


def test_suggestion_from_a_removed_document_is_not_offered(db):
    doc(1, "Hochwasser", "Text.")
    search.remove_document("article", 1)
    assert search.search("Hochwaser").suggestion == ""


@pytest.mark.parametrize(("a", "b", "expected"), [("hochwass", "hochwas", 1), ("pegel", "pegl", 1),
                                                  ("abc", "abc", 0), ("kitten", "sitting", 3), ("a", "abcd", 3)])
def test_edit_distance(a, b, expected):
    assert edit_distance(a, b) == min(expected, 3)


def test_search_inside_an_unknown_group_finds_nothing(db, client):
    doc(1, "Hochwasser", "Text.")
    assert search.search("Hochwasser", group="gibt-es-nicht").total == 0
    assert client.get("/suche/", {"q": "Hochwasser", "in": "<x>"}).status_code == 200


# --- bounded ranking: only the newest RANKED matches are ranked (search/query.py) ---

def test_only_the_newest_matches_are_ranked_and_the_page_says_so(db, client, monkeypatch):
    monkeypatch.setattr(query, "RANKED", 3)
    doc(1, "Deichbruch", "Deichbruch Deichbruch Deichbruch.", days_ago=300)  # most relevant, but oldest
    for n, days in ((2, 4), (3, 1), (4, 2), (5, 3)):
        doc(n, "Lage", "Ein Deichbruch bei Ostwerder.", days_ago=days)
    results = search.search("Deichbruch")
    assert results.capped and results.total == 3 and ids(results) == [("article", 3), ("article", 4), ("article", 5)]
    assert ids(search.search("Deichbruch", order="new")) == [("article", 3), ("article", 4), ("article", 5)]
    html = client.get("/suche/", {"q": "Deichbruch"}).content.decode()
    assert "Mindestens 3 Treffer" in html and "die neuesten 3 sind nach Relevanz geordnet" in html
    monkeypatch.setattr(query, "RANKED", 6)  # five matches: all ranked
    few = search.search("Deichbruch")
    assert not few.capped and few.total == 5 and ids(few)[-1] == ("article", 1)


def test_filters_narrow_the_matches_before_the_newest_are_taken(db, monkeypatch):
    monkeypatch.setattr(query, "RANKED", 2)
    for n in range(4):  # the newest matches: another topic, another newsblog
        search.index_document("entry", 10 + n, "Sturmflut", "Neu.", f"/e/{n}/", NOW - timedelta(hours=n + 1),
                              [("wetter", "Wetter")], group="neu", group_title="Neu", group_url="/neu/")
    search.index_document("article", 1, "Sturmflut", "Alt.", "/a/1/", NOW - timedelta(days=30), [("kueste", "Küste")])
    search.index_document("entry", 2, "Sturmflut", "Alt.", "/e/2/", NOW - timedelta(days=40), [],
                          group="alt-blog_1", group_title="Alt", group_url="/alt/")
    assert ids(search.search("Sturmflut", topic="kueste")) == [("article", 1)]
    assert ids(search.search("Sturmflut", group="alt-blog_1")) == [("entry", 2)]
    old = search.search("Sturmflut", date_to=timezone.localdate() - timedelta(days=20))
    assert ids(old) == [("article", 1), ("entry", 2)] and old.capped
    assert search.search("Sturmflut", topic='"x" OR wetter').total == 0  # quotes are text, not syntax
    assert search.search("Sturmflut", group='neu" OR "alt').total == 0


def test_a_new_date_moves_a_document_among_the_newest(db, monkeypatch):
    monkeypatch.setattr(query, "RANKED", 1)
    doc(1, "Hafenfest", "Programm.", days_ago=10)
    doc(2, "Hafenfest", "Programm.", days_ago=5)
    assert ids(search.search("Hafenfest")) == [("article", 2)]
    doc(1, "Hafenfest", "Programm.", days_ago=1)  # replaced: the index entry moves with it
    assert ids(search.search("Hafenfest")) == [("article", 1)]
    search.remove_document("article", 1)
    assert ids(search.search("Hafenfest")) == [("article", 2)]


def test_a_capped_group_shows_no_count_but_links_to_all_its_hits(db, client, monkeypatch):
    monkeypatch.setattr(query, "RANKED", 4)
    for n in range(6):
        doc(100 + n, f"Lage {n}", "Die Hochwasserwarnung gilt.", kind="entry", group="flut", days_ago=n / 10)
    html = client.get("/suche/", {"q": "Hochwasserwarnung"}).content.decode()
    assert "Treffer im Newsblog" in html and "4 Treffer im Newsblog" not in html
    assert "Alle Treffer in diesem Newsblog anzeigen" in html


def test_did_you_mean_corrects_a_wrong_first_letter(db):
    doc(1, "Hochwasser in Kelmsbrück", "Der Pegel steigt.")
    assert search.search("Kochwasser").suggestion == "Hochwasser"
    assert search.search("Ochwasser").suggestion == "Hochwasser"  # the first letter missing
    assert search.search("Kochwasser Kelmsbrück").suggestion == "Hochwasser Kelmsbrück"


def test_suggestion_keeps_the_typed_form_of_the_close_word(db):
    doc(1, "Des Hochwassers Ende", "Die Häuser sind trocken.")  # the index meets "Hochwassers" and "Häuser"
    assert search.search("Kochwasser").suggestion == "Hochwasser"
    assert search.search("Heuser").suggestion == "Häuser"  # an umlaut in the stem: the indexed form


def _levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


@settings(max_examples=300, deadline=None)
@given(a=st.text("abcäß", max_size=12), b=st.text("abcäß", max_size=12), limit=st.integers(0, 4))
def test_bit_parallel_edit_distance_is_levenshtein(a, b, limit):
    assert edit_distance(a, b, limit) == min(_levenshtein(a, b), limit + 1)
