import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from newsdesk.liveblogs import selectors, services
from newsdesk.liveblogs.models import Entry


@pytest.fixture
def filled(liveblog, editor):
    for n in range(45):
        services.entry_create(liveblog=liveblog, author=editor, body=f"Meldung Nummer {n}", headline=f"Nr. {n}",
                              key_event=n % 10 == 0)
    services.entry_create(liveblog=liveblog, author=editor, body="Hotline 555 0100", headline="Service", pinned=True)
    return liveblog


def entry_ids(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'<article class="entry[^"]*" id="eintrag-(\d+)"', html)]


def test_reader_page_in_german(filled):
    html = Client().get(filled.get_absolute_url()).content.decode()
    assert '<html lang="de">' in html
    assert re.search(r"Aktualisiert am \d\d\.\d\d\.\d{4} – \d\d:\d\d Uhr", html)
    assert re.search(r"Lesedauer: \d+ Min\.", html)
    assert "Das Wichtigste" in html and "Ältere Einträge laden" in html
    assert "compose-form" not in html  # readers get no editor tools


def test_english_on_request(filled):
    html = Client().get("/en" + filled.get_absolute_url()).content.decode()  # the language is in the address
    assert "Updated on" in html and "Load older entries" in html


def test_pinned_first_then_newest_first_bounded_page(filled, settings):
    html = Client().get(filled.get_absolute_url()).content.decode()
    ids = entry_ids(html)
    pinned = Entry.objects.get(pinned=True)
    assert ids[0] == pinned.pk
    stream = ids[1:]
    assert len(stream) == settings.LIVEBLOG_PAGE_SIZE
    expected = list(Entry.objects.filter(pinned=False).order_by("-created_at", "-id").values_list("id", flat=True))
    assert stream == expected[: settings.LIVEBLOG_PAGE_SIZE]


def test_pagination_without_javascript_and_fragment(filled, settings):
    client = Client()
    html = client.get(filled.get_absolute_url()).content.decode()
    cursor = re.search(r'href="\?cursor=(\d+)#entries"', html).group(1)
    seen = set(entry_ids(html))
    page2 = client.get(filled.get_absolute_url(), {"cursor": cursor}).content.decode()
    second = entry_ids(page2)
    assert len(second) == settings.LIVEBLOG_PAGE_SIZE and not seen & set(second)
    fragment = client.get(filled.get_absolute_url(), {"cursor": cursor, "fragment": "1"}).content.decode()
    assert entry_ids(fragment) == second and "<html" not in fragment
    last_cursor = re.search(r'href="\?cursor=(\d+)#entries"', page2).group(1)
    third = entry_ids(client.get(filled.get_absolute_url(), {"cursor": last_cursor}).content.decode())
    assert len(seen | set(second) | set(third)) == 46  # every entry exactly once over the pages


def test_oldest_first_setting(liveblog, editor):
    liveblog.order = "oldest"
    liveblog.save()
    first = services.entry_create(liveblog=liveblog, author=editor, body="zuerst")
    second = services.entry_create(liveblog=liveblog, author=editor, body="danach")
    assert entry_ids(Client().get(liveblog.get_absolute_url()).content.decode()) == [first.pk, second.pk]


def test_query_count_does_not_grow_with_entries(liveblog, editor, django_assert_max_num_queries):
    for n in range(5):
        services.entry_create(liveblog=liveblog, author=editor, body=f"Eintrag {n}", key_event=True)
    # 6 for the newsblog itself, 3 for the comment section (approved count, the site's and the page's settings),
    # 1 for its ETag (core.freshness), 2 for the page frame on a cold cache (site identity, sections; then cached),
    # 1 for the co-authors of all entries shown, 2 for the promo boxes on a cold cache (their schedule and the
    # boxes; none once cached, newsdesk.promos.selectors).
    with django_assert_max_num_queries(15) as small:
        Client().get(liveblog.get_absolute_url())
    for n in range(60):
        services.entry_create(liveblog=liveblog, author=editor, body=f"Mehr {n}", key_event=n % 2 == 0, pinned=n < 3)
    with django_assert_max_num_queries(len(small.captured_queries)):
        Client().get(liveblog.get_absolute_url())


def test_edit_mark_and_key_events_box(liveblog, editor):
    entry = services.entry_create(liveblog=liveblog, author=editor, body="Zahl falsch", headline="Zahl",
                                  key_event=True)
    services.entry_update(entry=entry, editor=editor, version=1, body="Zahl richtig")
    html = Client().get(liveblog.get_absolute_url()).content.decode()
    assert re.search(r"aktualisiert \d\d:\d\d", html)
    assert f'href="/newsblog/{liveblog.slug}/eintrag/{entry.pk}/">Zahl</a>' in html


def test_closed_newsblog_is_a_plain_page(liveblog, editor):
    services.entry_create(liveblog=liveblog, author=editor, body="Letzter Eintrag")
    services.liveblog_set_status(liveblog=liveblog, editor=editor, status="closed")
    html = Client().get(liveblog.get_absolute_url()).content.decode()
    assert 'data-open="0"' in html and "Dieser Newsblog ist beendet" in html
    assert "Letzter Eintrag" in html


def test_editor_sees_compose_box_and_can_post_without_javascript(liveblog, editor):
    client = Client()
    client.force_login(editor)
    html = client.get(liveblog.get_absolute_url()).content.decode()
    assert 'id="compose-form"' in html and 'data-can-edit="1"' in html
    response = client.post(reverse("liveblogs:entry-create", args=[liveblog.slug]),
                           {"headline": "Ohne JS", "body": "Geht auch so.", "key_event": "on"})
    assert response.status_code == 302
    entry = Entry.objects.get(headline="Ohne JS")
    assert entry.key_event and entry.body == "<p>Geht auch so.</p>"


def test_reader_cannot_post_through_the_form(liveblog, reader):
    client = Client()
    client.force_login(reader)
    client.post(reverse("liveblogs:entry-create", args=[liveblog.slug]), {"body": "Hallo"})
    assert not Entry.objects.exists()


def test_editor_creates_newsblog_with_lead_image(editor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from newsdesk.media.demo import wave_illustration

    client = Client()
    client.force_login(editor)
    upload = SimpleUploadedFile("bild.jpg", wave_illustration(seed=1, width=320, height=180), "image/jpeg")
    response = client.post(reverse("liveblogs:create"), {
        "title": "Neuer Blog", "teaser": "Vorspann", "order": "newest", "image": upload,
        "image_alt": "Wellen", "image_caption": "Bildtext", "image_credit": "Erika Test",
    })
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "Foto: Erika Test" in html and 'alt="Wellen"' in html and 'width="320"' in html
    assert 'id="lightbox"' in html


def test_bad_upload_is_refused_with_message(editor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = Client()
    client.force_login(editor)
    response = client.post(reverse("liveblogs:create"), {
        "title": "Neuer Blog", "order": "newest", "image": SimpleUploadedFile("x.jpg", b"kein Bild", "image/jpeg"),
        "image_alt": "x",
    })
    assert response.status_code == 422
    assert "Bild" in response.content.decode()


def test_login_page_and_unknown_blog(db):
    assert Client().get("/anmelden/").status_code == 200
    response = Client().get("/newsblog/gibt-es-nicht/")
    assert response.status_code == 404


def test_older_entries_keep_their_place_in_the_address(filled, monkeypatch):
    """Issue 17: after "Ältere Einträge laden" the script puts ?vor=<cursor> into the address; a reload renders the
    same entries again (first page, then the page after the cursor), so the reader returns to the same place."""
    client = Client()
    first = client.get(filled.get_absolute_url()).content.decode()
    cursor = re.search(r'href="\?cursor=(\d+)#entries"', first).group(1)
    fragment = entry_ids(client.get(filled.get_absolute_url(), {"cursor": cursor, "fragment": "1"}).content.decode())
    reloaded = client.get(filled.get_absolute_url(), {"vor": cursor}).content.decode()
    assert entry_ids(reloaded) == entry_ids(first) + fragment  # exactly what the reader had on the screen
    assert 'data-page-url="' + filled.get_absolute_url() + '"' in reloaded
    # and "load older" goes on from the end of it
    next_cursor = re.search(r'href="\?cursor=(\d+)#entries"', reloaded).group(1)
    assert int(next_cursor) == fragment[-1]
    # An unknown entry gives the plain first page; one too deep the entries after it, as the link without script
    assert entry_ids(client.get(filled.get_absolute_url(), {"vor": "999999"}).content.decode()) == entry_ids(first)
    cache.clear()  # the page rendered above is kept under its ETag
    monkeypatch.setattr(selectors, "THROUGH_MAX", 5)
    deep = client.get(filled.get_absolute_url(), {"vor": cursor}).content.decode()
    assert entry_ids(deep) == fragment and "Zurück zu den neuesten Einträgen" in deep
