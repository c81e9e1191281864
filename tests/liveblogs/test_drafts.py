"""Drafts and scheduled entries stay on the desk: no reader channel shows them before publication."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from newsdesk import search
from newsdesk.core.errors import Conflict, InvalidInput
from newsdesk.liveblogs import services
from newsdesk.liveblogs.indexing import all_documents
from newsdesk.liveblogs.models import Entry, Event

BASE = "/api/v1/liveblogs"
SECRET = "Geheimer Entwurf über den Deichbruch"


def post(client, url, data=None):
    return client.post(url, json.dumps(data or {}), content_type="application/json")


def future(minutes: int = 30) -> str:
    return (timezone.now() + timedelta(minutes=minutes)).isoformat()


def reader_channels(client: Client, blog) -> dict[str, str]:
    """Everything a reader (or a crawler) can fetch about this newsblog."""
    slug = blog.slug
    pages = {
        "page": client.get(f"/newsblog/{slug}/"),
        "since": client.get(f"{BASE}/{slug}/entries?since=0"),
    }
    pages["rss"] = client.get(reverse("feeds:liveblog-rss", kwargs={"slug": slug}))
    pages["atom"] = client.get(reverse("feeds:liveblog-atom", kwargs={"slug": slug}))
    pages["json_feed"] = client.get(reverse("feeds:liveblog-json", kwargs={"slug": slug}))
    pages["sitemap"] = client.get("/sitemap.xml")
    texts = {}
    for name, response in pages.items():
        body = b"".join(response.streaming_content) if response.streaming else response.content
        texts[name] = body.decode()
    return texts


def test_api_draft_201_without_a_reader_event(api, liveblog, editor):
    response = post(api, f"{BASE}/{liveblog.slug}/entries", {"body": SECRET, "status": "draft"})
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "draft" and response.json()["seq"] is None
    assert not Event.objects.filter(liveblog=liveblog).exists()
    liveblog.refresh_from_db()
    assert liveblog.last_seq == 0 and liveblog.word_count == 3  # the teaser only


def test_api_scheduled_201(api, liveblog):
    at = future(60)
    response = post(api, f"{BASE}/{liveblog.slug}/entries", {"body": SECRET, "publish_at": at})
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["status"] == "scheduled" and data["publish_at"] is not None
    assert not Event.objects.filter(liveblog=liveblog).exists()


@pytest.mark.parametrize(("publish_at", "words"), [
    ("gestern um acht", "ISO 8601"),
    ("2001-01-01T10:00:00+01:00", "Zukunft"),
    ("2099-01-01T10:00:00+01:00", "Jahr"),
])
def test_api_bad_publish_at_is_422_with_a_message(api, liveblog, publish_at, words):
    response = post(api, f"{BASE}/{liveblog.slug}/entries", {"body": SECRET, "publish_at": publish_at})
    assert response.status_code == 422
    assert words in response.json()["detail"]
    assert not Entry.objects.exists()


def test_naive_publish_at_is_berlin_time(liveblog, editor):
    local = (timezone.localtime() + timedelta(hours=2)).replace(tzinfo=None, second=0, microsecond=0)
    entry = services.entry_create(liveblog=liveblog, author=editor, body=SECRET, publish_at=local.isoformat())
    assert timezone.localtime(entry.publish_at).replace(tzinfo=None) == local
    assert str(timezone.get_current_timezone()) == "Europe/Berlin"


def test_publish_endpoint_is_an_ordinary_entry_created_with_a_new_seq(api, liveblog, editor):
    services.entry_create(liveblog=liveblog, author=editor, body="Schon draußen")
    draft = services.entry_create(liveblog=liveblog, author=editor, body=SECRET, status="draft")
    response = post(api, f"{BASE}/{liveblog.slug}/entries/{draft.pk}/publish")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "published" and response.json()["seq"] == 2
    event = Event.objects.get(liveblog=liveblog, seq=2)
    assert event.type == "entry.created" and event.entry_id == draft.pk
    assert SECRET in event.payload["html"]["de"]
    # Published twice? The second call is a clear 409, not a second event.
    again = post(api, f"{BASE}/{liveblog.slug}/entries/{draft.pk}/publish")
    assert again.status_code == 409 and "bereits veröffentlicht" in again.json()["detail"]
    assert Event.objects.filter(liveblog=liveblog).count() == 2


@pytest.mark.parametrize("status", ["draft", "scheduled"])
def test_invisible_on_every_reader_channel_until_published(liveblog, editor, status,
                                                           django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # search indexing runs after commit
        services.entry_create(liveblog=liveblog, author=editor, body="Öffentlicher Eintrag", key_event=True)
        entry = services.entry_create(liveblog=liveblog, author=editor, body=SECRET, headline="Vertraulich",
                                      key_event=True, status="draft" if status == "draft" else None,
                                      publish_at=future() if status == "scheduled" else None)
    reader = Client()
    for name, text in reader_channels(reader, liveblog).items():
        assert SECRET not in text and "Vertraulich" not in text, name
        assert f"eintrag/{entry.pk}/" not in text, name
    assert reader.get(f"/newsblog/{liveblog.slug}/eintrag/{entry.pk}/").status_code == 404
    assert reader.get(f"{BASE}/{liveblog.slug}/entries/{entry.pk}").status_code == 404
    assert entry.pk not in [doc["id"] for doc in all_documents()]  # what a reindex would take
    assert search.search("Deichbruch").total == 0
    # Published: now every channel has it.
    with django_capture_on_commit_callbacks(execute=True):
        services.entry_publish(entry=entry, editor=editor)
    assert search.search("Deichbruch").total == 1
    texts = reader_channels(reader, liveblog)
    assert SECRET in texts["page"] and SECRET in texts["since"] and "Vertraulich" in texts["rss"]
    assert reader.get(f"/newsblog/{liveblog.slug}/eintrag/{entry.pk}/").status_code == 200
    assert entry.pk in [doc["id"] for doc in all_documents()]


def test_json_ld_lists_published_entries_only(client, liveblog, editor):
    services.entry_create(liveblog=liveblog, author=editor, body="Sichtbar für alle")
    services.entry_create(liveblog=liveblog, author=editor, body=SECRET, status="draft")
    html = Client().get(liveblog.get_absolute_url()).content.decode()
    ld = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "Sichtbar für alle" in ld and SECRET not in ld


def test_sse_backlog_never_carries_drafts(liveblog, editor):
    from newsdesk.liveblogs.selectors import events_after

    services.entry_create(liveblog=liveblog, author=editor, body=SECRET, status="draft")
    services.entry_create(liveblog=liveblog, author=editor, body=SECRET, publish_at=future())
    assert events_after(liveblog.pk, 0) == []  # the SSE view replays exactly this log


def test_drafts_are_not_counted_as_reading_time_until_published(liveblog, editor):
    liveblog.refresh_from_db()
    before = liveblog.word_count
    draft = services.entry_create(liveblog=liveblog, author=editor, body="eins zwei drei vier", status="draft")
    liveblog.refresh_from_db()
    assert liveblog.word_count == before
    services.entry_publish(entry=draft, editor=editor)
    liveblog.refresh_from_db()
    assert liveblog.word_count == before + 4


def test_editing_a_draft_appends_no_event(liveblog, editor):
    draft = services.entry_create(liveblog=liveblog, author=editor, body="Erste Fassung", status="draft")
    updated = services.entry_update(entry=draft, editor=editor, version=1, body="Zweite Fassung")
    assert updated.version == 2 and updated.status == "draft"
    assert not Event.objects.filter(liveblog=liveblog).exists()
    services.entry_delete(entry=updated, editor=editor)
    assert not Event.objects.filter(liveblog=liveblog).exists()


def test_autosave_one_per_editor_and_newsblog(liveblog, editor, other_editor):
    first = services.entry_autosave(liveblog=liveblog, author=editor, body="<p>Die Feuerwehr mel")
    second = services.entry_autosave(liveblog=liveblog, author=editor, body="<p>Die Feuerwehr meldet</p>")
    assert first.pk == second.pk and second.body == "<p>Die Feuerwehr meldet</p>"
    theirs = services.entry_autosave(liveblog=liveblog, author=other_editor, body="Andere Notiz")
    assert theirs.pk != first.pk
    assert Entry.objects.filter(autosave=True).count() == 2
    assert not Event.objects.filter(liveblog=liveblog).exists()
    # Emptied: nothing left to resume.
    assert services.entry_autosave(liveblog=liveblog, author=editor, body="<p></p>") is None
    assert not Entry.objects.filter(autosave=True, author=editor).exists()


def test_autosave_survives_and_is_offered_on_another_device(liveblog, editor, editor_token):
    Client().logout()
    phone = Client(HTTP_AUTHORIZATION=f"Bearer {editor_token}")
    response = phone.put(f"{BASE}/{liveblog.slug}/autosave", json.dumps({"body": "<p>Am Deich steht das Was</p>"}),
                         content_type="application/json")
    assert response.status_code == 200, response.content
    laptop = Client()
    laptop.force_login(editor)
    assert "Am Deich steht das Was" in laptop.get(f"{BASE}/{liveblog.slug}/autosave").json()["body"]
    page = laptop.get(liveblog.get_absolute_url()).content.decode()
    assert "Entwurf fortsetzen" in page
    assert "Am Deich steht das Was" not in Client().get(liveblog.get_absolute_url()).content.decode()


def test_publishing_from_compose_clears_the_autosave(liveblog, editor):
    services.entry_autosave(liveblog=liveblog, author=editor, body="Halbfertig")
    services.entry_create(liveblog=liveblog, author=editor, body="Fertig")
    assert not Entry.objects.filter(autosave=True).exists()


def test_bad_status_and_conflicting_fields(liveblog, editor):
    with pytest.raises(InvalidInput):
        services.entry_create(liveblog=liveblog, author=editor, body="x", status="pending")
    with pytest.raises(InvalidInput):
        services.entry_create(liveblog=liveblog, author=editor, body="x", status="scheduled")
    with pytest.raises(InvalidInput):
        services.entry_create(liveblog=liveblog, author=editor, body="x", status="published", publish_at=future())
    published = services.entry_create(liveblog=liveblog, author=editor, body="x")
    with pytest.raises(Conflict):
        services.entry_publish(entry=published, editor=editor)


def test_desk_panel_for_editors_only(liveblog, editor, reader):
    services.entry_create(liveblog=liveblog, author=editor, body=SECRET, status="draft")
    services.entry_create(liveblog=liveblog, author=editor, body="Um sechs", publish_at=future(90))
    editor_client = Client()
    editor_client.force_login(editor)
    html = editor_client.get(liveblog.get_absolute_url()).content.decode()
    assert "Entwürfe" in html and "Geplant" in html and SECRET in html
    reader_client = Client()
    reader_client.force_login(reader)
    assert SECRET not in reader_client.get(liveblog.get_absolute_url()).content.decode()
    assert reader_client.get(f"{BASE}/{liveblog.slug}/desk").status_code == 403


def test_preview_renders_the_reader_template_without_publishing(liveblog, editor):
    client = Client()
    client.force_login(editor)
    response = client.post(f"/newsblog/{liveblog.slug}/vorschau/",
                           {"headline": "Probe", "body": "<p>So sieht es aus</p>"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="entry' in html and "So sieht es aus" in html and "Probe" in html
    assert not Entry.objects.exists() and not Event.objects.exists()
    assert Client().post(f"/newsblog/{liveblog.slug}/vorschau/", {"body": "x"}).status_code in (302, 403)


def test_typing_a_draft_purges_no_reader_page(liveblog, editor, monkeypatch):
    bumped = []
    monkeypatch.setattr("newsdesk.core.freshness.bump", lambda *keys: bumped.append(keys))
    services.entry_autosave(liveblog=liveblog, author=editor, body="Die Feuerwehr")
    services.entry_autosave(liveblog=liveblog, author=editor, body="Die Feuerwehr meldet")
    draft = services.entry_create(liveblog=liveblog, author=editor, body="Entwurf", status="draft")
    assert bumped == []
    services.entry_publish(entry=draft, editor=editor)
    assert any(liveblog.freshness_key in keys for keys in bumped)
