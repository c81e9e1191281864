"""Every entry has an address that lands: /newsblog/<slug>/eintrag/<id>/, for any age; deleted ones answer 410."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage

from newsdesk.liveblogs import services
from newsdesk.liveblogs.models import Entry


@pytest.mark.django_db
def test_the_oldest_of_5000_entries_lands_with_its_own_tags(liveblog, editor, django_assert_max_num_queries):
    start = timezone.now() - timedelta(days=3)
    Entry.objects.bulk_create([
        Entry(liveblog=liveblog, author=editor, body=f"<p>Meldung Nummer {n}.</p>",
              created_at=start + timedelta(seconds=n), updated_at=start + timedelta(seconds=n))
        for n in range(5000)
    ])
    oldest = Entry.objects.filter(liveblog=liveblog).order_by("created_at", "id").first()
    oldest.headline = "Die allererste Meldung"
    oldest.save()
    with django_assert_max_num_queries(25):
        response = Client().get(f"/newsblog/{liveblog.slug}/eintrag/{oldest.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert f'id="eintrag-{oldest.pk}"' in page and "entry--target" in page
    assert f'data-target="eintrag-{oldest.pk}"' in page
    canonical = f"http://127.0.0.1:8000/newsblog/{liveblog.slug}/eintrag/{oldest.pk}/"
    assert f'<link rel="canonical" href="{canonical}">' in page
    assert f'<meta property="og:url" content="{canonical}">' in page
    assert '<meta property="og:title" content="Die allererste Meldung">' in page
    assert '<meta name="twitter:title" content="Die allererste Meldung">' in page
    assert "<title>Die allererste Meldung – " in page
    # Its page starts with it (newest first: nothing older follows), the newest are a link away.
    assert "Meldung Nummer 4999." not in page and "Meldung Nummer 0." in page
    assert f'href="/newsblog/{liveblog.slug}/"' in page


@pytest.mark.django_db
def test_an_entry_on_the_first_page_renders_the_first_page_and_a_deleted_one_answers_410(liveblog, editor):
    entry = services.entry_create(liveblog=liveblog, author=editor, body="Der Strom ist zurück.")
    response = Client().get(entry.get_absolute_url())
    assert response.status_code == 200 and "entry--target" in response.content.decode()
    assert response["Cache-Control"]  # an anonymous page with validators like the newsblog page (core.freshness)
    services.entry_delete(entry=entry, editor=editor)
    gone = Client().get(entry.get_absolute_url())
    assert gone.status_code == 410
    assert f'href="{liveblog.get_absolute_url()}"' in gone.content.decode()
    assert Client().get(f"/newsblog/{liveblog.slug}/eintrag/999999/").status_code == 404


@pytest.mark.django_db
def test_key_events_entry_links_feeds_and_api_use_the_entry_address(liveblog, editor, api):
    entry = services.entry_create(liveblog=liveblog, author=editor, body="Wichtig.", key_event=True)
    page = Client().get(liveblog.get_absolute_url()).content.decode()
    address = f"/newsblog/{liveblog.slug}/eintrag/{entry.pk}/"
    assert re.search(rf'<li data-entry-id="{entry.pk}">.*?<a href="{address}">', page, re.DOTALL)
    assert f'class="entry__time" href="{address}"' in page
    feed = Client().get(reverse("feeds:liveblog-rss", kwargs={"slug": liveblog.slug})).content.decode()
    assert f"http://127.0.0.1:8000{address}</guid>" in feed and f"<link>http://testserver{address}</link>" in feed
    assert api.get(f"/api/v1/liveblogs/{liveblog.slug}/entries/{entry.pk}").json()["url"] == address


def _png() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (900, 600), (10, 80, 160)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.django_db
def test_images_api_and_a_photo_in_an_entry(settings, tmp_path, api, liveblog, editor):
    settings.MEDIA_ROOT = tmp_path
    from django.core.files.uploadedfile import SimpleUploadedFile

    refused = api.post("/api/v1/images", {"file": SimpleUploadedFile("deich.png", _png(), "image/png")})
    assert refused.status_code == 422 and refused.json()["field"] == "alt"
    response = api.post("/api/v1/images", {
        "file": SimpleUploadedFile("deich.png", _png(), "image/png"), "alt": "Ein Deich mit Sandsäcken",
        "caption": "Am Lindrahof", "credit": "Mira Testfeld"})
    assert response.status_code == 201
    data = response.json()
    assert set(data) >= {"id", "url", "renditions"} and [r["width"] for r in data["renditions"]] == [320, 640, 900]
    picked = api.get("/api/v1/images?q=testfeld").json()
    assert [image["id"] for image in picked] == [data["id"]]
    assert api.get("/api/v1/images?q=gibtesnicht").json() == []

    entry = services.entry_create(liveblog=liveblog, author=editor,
                                  body=f'<p>Die Lage:</p><figure data-image-id="{data["id"]}"></figure>')
    assert f'<figure data-image-id="{data["id"]}"></figure>' in entry.body
    page = Client().get(liveblog.get_absolute_url()).content.decode()
    figure = page[page.index('class="inline-image"'):]
    assert "<picture>" in figure[:2000] and 'loading="lazy"' in figure[:2000] and "320w" in figure[:2000]
    assert "Mira Testfeld" in figure[:3000] and "data-enlarge" in figure[:2000]
    missing = api.post(f"/api/v1/liveblogs/{liveblog.slug}/entries",
                       {"body": '<figure data-image-id="987654"></figure>'}, content_type="application/json")
    assert missing.status_code == 422 and "987654" in missing.json()["detail"]


@pytest.mark.django_db
def test_feeds_carry_photos_as_plain_images_and_embeds_as_links(settings, tmp_path, liveblog, editor):
    settings.MEDIA_ROOT = tmp_path
    from newsdesk.media.services import image_create

    image = image_create(data=_png(), filename="deich.png", alt_text="Ein Deich", caption="Am Lindrahof",
                         credit="Mira Testfeld")
    services.entry_create(liveblog=liveblog, author=editor,
                          body=f'<figure data-image-id="{image.pk}"></figure><p>https://youtu.be/Xk3dEf9GhQ0</p>')
    feed = Client().get(reverse("feeds:liveblog-rss", kwargs={"slug": liveblog.slug})).content.decode()
    assert '&lt;img src="http://127.0.0.1:8000/media/renditions/' in feed and "(Foto: Mira Testfeld)" in feed
    assert '&lt;a href="https://youtu.be/Xk3dEf9GhQ0" rel="noopener"&gt;' in feed and "data-embed" not in feed


@pytest.mark.django_db
def test_the_fragment_of_an_entry_address_starts_with_that_entry(settings, liveblog, editor):
    settings.LIVEBLOG_PAGE_SIZE = 3
    entries = [services.entry_create(liveblog=liveblog, author=editor, body=f"Meldung {n}.") for n in range(8)]
    older = entries[2]  # newest first: entries 7..5 fill the first page
    fragment = Client().get(older.get_absolute_url() + "?fragment=1").content.decode()
    assert "<html" not in fragment
    ids = [int(i) for i in re.findall(r'data-entry-id="(\d+)"', fragment)]
    assert ids == [entries[2].pk, entries[1].pk, entries[0].pk]
