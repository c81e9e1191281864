"""Issue 11: a deleted entry comes back with undo, as a new event, at its place; its text is kept as a revision."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from newsdesk import search
from newsdesk.core.errors import Conflict, Forbidden, NotFound
from newsdesk.liveblogs import selectors, services
from newsdesk.liveblogs.models import Entry, EntryRevision, Event, LiveBlog

pytestmark = pytest.mark.django_db


def _entry(blog, author, text: str, minutes_ago: float = 0) -> Entry:
    return services.entry_create(liveblog=blog, author=author, body=text,
                                 created_at=timezone.now() - timedelta(minutes=minutes_ago))


def _found(words: str) -> list[tuple[str, int]]:
    return [(hit.kind, hit.id) for hit in search.search(words).hits]


def test_delete_keeps_the_text_as_a_revision_and_restore_appends_a_new_event(
        liveblog, editor, other_editor, django_capture_on_commit_callbacks, monkeypatch):
    published = []
    monkeypatch.setattr("newsdesk.realtime.publish", lambda channel, data: published.append(data))
    entry = _entry(liveblog, editor, "<p>Die Umleitung über die Lindenallee gilt bis Mitternacht.</p>")
    words = LiveBlog.objects.get(pk=liveblog.pk).word_count
    services.entry_delete(entry=entry, editor=editor)
    kept = EntryRevision.objects.get(entry=entry)
    assert kept.action == EntryRevision.Action.DELETED and kept.saved_by == editor
    assert "Lindenallee" in kept.body and kept.version == 1

    with django_capture_on_commit_callbacks(execute=True):
        restored = services.entry_restore(entry=Entry.objects.get(pk=entry.pk), editor=other_editor)
    assert restored.deleted_at is None and restored.version == 3
    assert restored.created_at == entry.created_at  # back at its place, not as the newest entry
    event = Event.objects.filter(liveblog=liveblog).order_by("-seq").first()
    assert (event.type, event.entry_id, event.seq) == ("entry.restored", entry.pk, restored.seq)
    assert "Lindenallee" in event.payload["html"]["de"] and event.payload["entry"]["id"] == entry.pk
    assert published[-1]["type"] == "entry.restored" and published[-1]["seq"] == restored.seq
    assert LiveBlog.objects.get(pk=liveblog.pk).word_count == words
    actions = list(EntryRevision.objects.filter(entry=entry).order_by("version").values_list("action", flat=True))
    assert actions == ["deleted", "restored"]


def test_a_restored_entry_is_back_for_readers_on_every_channel(liveblog, editor,
                                                                django_capture_on_commit_callbacks):
    older = _entry(liveblog, editor, "Ältere Meldung aus dem Rathaus.", minutes_ago=30)
    middle = _entry(liveblog, editor, "Mittlere Meldung: Feuerwehr pumpt Keller aus.", minutes_ago=20)
    _entry(liveblog, editor, "Neueste Meldung zur Lage am Fluss.", minutes_ago=10)
    with django_capture_on_commit_callbacks(execute=True):
        services.entry_delete(entry=middle, editor=editor)
    assert Client().get(middle.get_absolute_url()).status_code == 410
    assert ("entry", middle.pk) not in _found("Feuerwehr")
    with django_capture_on_commit_callbacks(execute=True):
        services.entry_restore(entry=middle, editor=editor)
    assert Client().get(middle.get_absolute_url()).status_code == 200
    ids = [row.pk for row in selectors.entry_page(LiveBlog.objects.get(pk=liveblog.pk)).entries]
    assert ids.index(middle.pk) == ids.index(older.pk) - 1  # between the two, in time order
    assert ("entry", middle.pk) in _found("Feuerwehr")
    # A reader resuming from before the delete sees the delete and then the entry coming back.
    since = Client().get(f"/api/v1/liveblogs/{liveblog.slug}/entries?since=3").json()["events"]
    assert [e["type"] for e in since] == ["entry.deleted", "entry.restored"]


def test_restore_checks_rights_and_state(liveblog, editor, other_editor, reader, site_admin):
    entry = _entry(liveblog, editor, "Pegel fällt langsam.")
    with pytest.raises(NotFound):
        services.entry_restore(entry=entry, editor=editor)  # not deleted
    services.entry_delete(entry=entry, editor=editor)
    with pytest.raises(Forbidden):
        services.entry_restore(entry=entry, editor=reader)
    services.liveblog_set_editors(liveblog=liveblog, admin=site_admin, editors=[editor])
    with pytest.raises(Forbidden):
        services.entry_restore(entry=entry, editor=other_editor)  # not assigned to this newsblog
    services.liveblog_set_status(liveblog=liveblog, editor=editor, status=LiveBlog.Status.CLOSED)
    with pytest.raises(Conflict):
        services.entry_restore(entry=entry, editor=editor)
    assert Entry.objects.get(pk=entry.pk).deleted_at is not None


def test_api_restore(liveblog, editor, api, reader):
    entry = _entry(liveblog, editor, "Notunterkunft in der Turnhalle geöffnet.")
    url = f"/api/v1/liveblogs/{liveblog.slug}/entries/{entry.pk}"
    assert api.delete(url).status_code == 204
    assert api.get(url).status_code == 404
    conflict_free = api.post(url + "/restore")
    assert conflict_free.status_code == 200, conflict_free.content
    body = conflict_free.json()
    assert body["id"] == entry.pk and body["seq"] == LiveBlog.objects.get(pk=liveblog.pk).last_seq
    assert api.get(url).status_code == 200
    again = api.post(url + "/restore")
    assert again.status_code == 409 and "nicht gelöscht" in again.json()["detail"]
    assert api.post(f"/api/v1/liveblogs/{liveblog.slug}/entries/999999/restore").status_code == 404
    anonymous = Client().post(url + "/restore")
    assert anonymous.status_code in (401, 403)
    client = Client()
    client.force_login(reader)
    assert client.post(url + "/restore", content_type="application/json").status_code in (401, 403)
