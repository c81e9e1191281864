"""Promo boxes: slots, dates, topics, "Anzeige" with rel=sponsored, sanitizing, and fresh pages after a change."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from django.utils import timezone

from newsdesk.articles.models import Topic
from newsdesk.caching import purge
from newsdesk.core.errors import InvalidInput
from newsdesk.liveblogs import services as liveblog_services
from newsdesk.promos import selectors, services
from newsdesk.promos.models import PromoBox, Slot

pytestmark = pytest.mark.django_db


def make(title: str = "Der Newsletter aus Testhausen", **fields) -> PromoBox:
    fields.setdefault("link_url", "/newsletter/")
    fields.setdefault("slots", [Slot.ARTICLE_END])
    return services.promo_create(title=title, **fields)



def titles(html: str) -> list[str]:
    return re.findall(r'class="promo__title"[^>]*>([^<]+)<', html)


def test_a_box_after_the_article_text_and_in_the_sidebar(article):
    make("Nach dem Text", slots=[Slot.ARTICLE_END])
    make("In der Seitenleiste", slots=[Slot.SIDEBAR])
    make("Nur auf der Startseite", slots=[Slot.HOME])
    html = Client().get(article.get_absolute_url()).content.decode()
    assert titles(html) == ["Nach dem Text", "In der Seitenleiste"]
    # after the text, inside the article; the sidebar slot after the other boxes below it
    assert html.index('class="article__body"') < html.index("Nach dem Text") < html.index("</article>")
    assert html.index("</article>") < html.index("In der Seitenleiste")
    home = Client().get("/").content.decode()
    assert "Nur auf der Startseite" in home and "Nach dem Text" not in home


def test_between_newsblog_entries_every_n(liveblog, editor, settings):
    for n in range(12):
        liveblog_services.entry_create(liveblog=liveblog, author=editor, body=f"Meldung {n}")
    make("Zwischendurch", slots=[Slot.NEWSBLOG], every_n_entries=4)
    html = Client().get(liveblog.get_absolute_url()).content.decode()
    stream = html[html.index('id="entry-stream"'):html.index('id="no-entries"') if 'id="no-entries"' in html
                  else html.index("</section>", html.index('id="entry-stream"'))]
    pieces = re.findall(r'<article class="entry[^"]*" id="eintrag-\d+"|class="promo__title"', stream)
    kinds = ["promo" if "promo" in piece else "entry" for piece in pieces]
    # after the 4th and the 8th entry; never after the last one (12th)
    assert kinds == (["entry"] * 4 + ["promo"]) * 2 + ["entry"] * 4


def test_several_newsblog_boxes_take_turns(liveblog, editor):
    for n in range(9):
        liveblog_services.entry_create(liveblog=liveblog, author=editor, body=f"Meldung {n}")
    make("Erste", slots=[Slot.NEWSBLOG], every_n_entries=2, position=1)
    make("Zweite", slots=[Slot.NEWSBLOG], every_n_entries=2, position=2)
    html = Client().get(liveblog.get_absolute_url()).content.decode()
    assert titles(html) == ["Erste", "Zweite", "Erste", "Zweite"]


def test_start_and_end_dates(article):
    now = timezone.now()
    make("Läuft", starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=1))
    make("Später", starts_at=now + timedelta(hours=2))
    make("Vorbei", starts_at=now - timedelta(days=2), ends_at=now - timedelta(days=1))
    make("Ausgeschaltet", active=False)
    assert [box.title for box in selectors.boxes_for(Slot.ARTICLE_END)] == ["Läuft"]
    later = now + timedelta(hours=3)  # "Läuft" has ended, "Später" has started
    assert [box.title for box in selectors.boxes_for(Slot.ARTICLE_END, now=later)] == ["Später"]


def test_a_passing_start_or_end_time_changes_the_page_key(article):
    now = timezone.now()
    make("Ab gleich", starts_at=now + timedelta(minutes=10), ends_at=now + timedelta(minutes=20))
    before = selectors.window_key([Slot.ARTICLE_END], now=now)
    started = selectors.window_key([Slot.ARTICLE_END], now=now + timedelta(minutes=11))
    ended = selectors.window_key([Slot.ARTICLE_END], now=now + timedelta(minutes=21))
    assert len({before, started, ended}) == 3
    assert selectors.window_key([Slot.HOME], now=now + timedelta(minutes=11)) == "promos.at.none"  # other slot


def test_the_etag_changes_when_a_box_starts_without_any_write(article, monkeypatch):
    now = timezone.now()
    make("Gleich da", starts_at=now + timedelta(minutes=5))
    client = Client()
    first = client.get(article.get_absolute_url())
    assert "Gleich da" not in first.content.decode()
    assert client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    monkeypatch.setattr(timezone, "now", lambda: now + timedelta(minutes=6))
    later = client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert later.status_code == 200 and "Gleich da" in later.content.decode()


def test_topics_limit_a_box_to_articles_of_those_topics(article, topic):
    other = Topic.objects.create(name="Sport", slug="sport")
    make("Für Politik", topics=[topic], position=1)
    make("Für Sport", topics=[other], position=2)
    make("Für alle", position=3)
    html = Client().get(article.get_absolute_url()).content.decode()
    assert titles(html) == ["Für Politik", "Für alle"]
    assert "Für Politik" not in Client().get("/").content.decode()  # no topic there: untargeted boxes only


def test_anzeige_is_labelled_and_sponsored():
    make("Bezahlt", sponsored=True, link_url="https://stadtwerke.example/tarif", slots=[Slot.HOME])
    make("Eigenes", link_url="/newsletter/", slots=[Slot.HOME])
    make("Draußen", link_url="https://verein.example/", slots=[Slot.HOME])
    html = Client().get("/").content.decode()
    paid = html[html.index("Bezahlt") - 600:html.index("Bezahlt") + 600]
    assert "Anzeige" in paid and 'rel="sponsored noopener"' in paid
    assert html.count("Anzeige") == 1 and html.count('rel="sponsored') == 1
    assert re.search(r'href="/newsletter/">', html)  # our own page: no rel at all
    assert 'href="https://verein.example/" rel="noopener"' in html


def test_text_is_sanitized_and_links_are_checked():
    box = make("Sicher", text='<p onclick="x()">Jetzt <strong>gratis</strong> <a href="https://x.example">hier'
                             '</a><script>alert(1)</script><img src=x onerror=alert(1)></p>')
    assert box.text == "<p>Jetzt <strong>gratis</strong> hier</p>"
    assert make("Schlicht", text="Zeile eins\n\nZwei & drei").text == "<p>Zeile eins</p><p>Zwei &amp; drei</p>"
    for bad in ("javascript:alert(1)", "//fremd.example/", "ftp://x.example/", ""):
        with pytest.raises(InvalidInput) as caught:
            make("Schlecht", link_url=bad)
        assert caught.value.details["field"] == "link_url"
    with pytest.raises(InvalidInput, match="höchstens 600 Zeichen"):
        make("Zu lang", text="Wort " * 200)
    with pytest.raises(InvalidInput):
        make("Nirgends", slots=[])
    with pytest.raises(InvalidInput):
        make("Unbekannt", slots=["footer"])
    with pytest.raises(InvalidInput):
        make("Rückwärts", starts_at=timezone.now(), ends_at=timezone.now() - timedelta(hours=1))
    assert PromoBox.objects.count() == 2  # nothing half-saved


def test_a_change_gives_the_page_a_new_etag_and_new_content(article):
    box = make("Vorher")
    client = Client()
    first = client.get(article.get_absolute_url())
    assert "Vorher" in first.content.decode()
    box.title = "Nachher"
    services.promo_save(box=box)
    second = client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200 and "Nachher" in second.content.decode()
    services.promo_delete(box=box)
    third = client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=second["ETag"])
    assert third.status_code == 200 and "promo__title" not in third.content.decode()


def test_a_box_of_another_slot_leaves_the_page_alone(article):
    client = Client()
    first = client.get(article.get_absolute_url())
    make("Nur Startseite", slots=[Slot.HOME])
    assert client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_pages_name_their_slots_as_surrogate_keys(article, liveblog):
    assert {"promos.article_end", "promos.sidebar"} <= set(Client().get(article.get_absolute_url())["xkey"].split())
    assert "promos.newsblog" in Client().get(liveblog.get_absolute_url())["xkey"].split()
    assert {"promos.home", "promos.sidebar"} <= set(Client().get("/")["xkey"].split())


@pytest.mark.django_db(transaction=True)
def test_a_save_purges_the_keys_of_the_old_and_the_new_slots(settings, monkeypatch):
    settings.CACHE_PURGE_URLS = ["xkey+http://varnish/"]
    sent: list[frozenset[str]] = []
    monkeypatch.setattr(purge, "purge_now", lambda keys: sent.append(frozenset(keys)))
    box = make("Wandert", slots=[Slot.HOME])
    assert sent == [frozenset({"promos.home"})]
    box.slots = [Slot.NEWSBLOG]
    services.promo_save(box=box)
    assert sent[-1] == frozenset({"promos.home", "promos.newsblog"})
    with pytest.raises(RuntimeError), transaction.atomic():
        services.promo_delete(box=box)
        raise RuntimeError("rolled back")
    assert len(sent) == 2  # nothing purged for a change that never happened


def test_boxes_cost_no_query_once_cached(article, django_assert_num_queries):
    make("Gezählt")
    Client().get(article.get_absolute_url())  # the page itself reads its slots' versions with its ETag
    selectors.boxes_for(Slot.ARTICLE_END, request=type("R", (), {})())  # warms the list under all versions
    request = type("R", (), {})()
    with django_assert_num_queries(1):  # without the page's versions: one read of them, the boxes from the cache
        assert [b.title for b in selectors.boxes_for(Slot.ARTICLE_END, request=request)] == ["Gezählt"]
    with django_assert_num_queries(0):  # the page's other slots: memoized on the request
        selectors.boxes_for(Slot.ARTICLE_END, request=request)


def test_admin_saves_through_the_service(editor, topic):
    client = Client()
    client.force_login(editor)
    response = client.post("/redaktion/verwaltung/promos/promobox/add/", {
        "title": "Aus dem Backoffice", "text": "<b>fett</b><script>x</script>", "link_url": "javascript:alert(1)",
        "link_label": "", "style": "warm", "slots": ["article_end", "sidebar"], "every_n_entries": "5",
        "topics": [topic.pk], "starts_at_0": "01.12.2026", "starts_at_1": "10:00", "position": "0", "active": "on",
    })
    assert response.status_code == 200 and "https://" in response.content.decode()  # the link is refused
    assert not PromoBox.objects.exists()
    response = client.post("/redaktion/verwaltung/promos/promobox/add/", {
        "title": "Aus dem Backoffice", "text": "<b>fett</b><script>x</script>", "link_url": "https://x.example/",
        "link_label": "", "style": "warm", "slots": ["article_end", "sidebar"], "every_n_entries": "5",
        "topics": [topic.pk], "starts_at_0": "01.12.2026", "starts_at_1": "10:00", "position": "0", "active": "on",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    box = PromoBox.objects.get()
    assert box.text == "<p><b>fett</b></p>" and box.slots == ["article_end", "sidebar"]
    assert list(box.topics.all()) == [topic]


def test_readers_cannot_open_the_admin(reader):
    client = Client()
    client.force_login(reader)
    assert client.get("/redaktion/verwaltung/promos/promobox/").status_code in (302, 403)


def test_demo_boxes_load_once(editor):
    from newsdesk.promos import demo

    assert len(demo.load()) == 3 and demo.load() == []
    assert PromoBox.objects.filter(sponsored=True).count() == 1
    assert get_user_model().objects.count() == 1


def test_a_box_in_two_slots_of_one_page_is_shown_once(article):
    make("Zweimal platziert", slots=[Slot.ARTICLE_END, Slot.SIDEBAR])
    make("Nur Seitenleiste", slots=[Slot.SIDEBAR])
    html = Client().get(article.get_absolute_url()).content.decode()
    assert titles(html) == ["Zweimal platziert", "Nur Seitenleiste"]
