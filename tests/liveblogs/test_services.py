import pytest

from newsdesk.core.errors import Conflict, Forbidden, InvalidInput, NotFound, TooLarge
from newsdesk.liveblogs import services
from newsdesk.liveblogs.models import Entry, EntryRevision, Event, LiveBlog


def counts(blog):
    blog.refresh_from_db()
    return Entry.objects.filter(liveblog=blog).count(), Event.objects.filter(liveblog=blog).count(), blog.last_seq


def test_entry_create_appends_event_with_next_seq(liveblog, editor, django_capture_on_commit_callbacks, monkeypatch):
    published = []
    monkeypatch.setattr("newsdesk.realtime.publish", lambda channel, data: published.append(data["seq"]))
    with django_capture_on_commit_callbacks(execute=True):
        first = services.entry_create(liveblog=liveblog, author=editor, body="Erster Eintrag")
        second = services.entry_create(liveblog=liveblog, author=editor, body="<p>Zweiter</p>", headline="Zwei",
                                       key_event=True)
    assert (first.seq, second.seq) == (1, 2)
    events = list(Event.objects.filter(liveblog=liveblog).order_by("seq"))
    assert [(e.seq, e.type, e.entry_id) for e in events] == [
        (1, "entry.created", first.pk), (2, "entry.created", second.pk)]
    message = events[1].as_message()
    assert message["entry"]["headline"] == "Zwei" and message["entry"]["key_event"] is True
    assert f'id="eintrag-{second.pk}"' in message["html"]["de"]
    assert "Wichtig" in message["html"]["de"] and "Key event" in message["html"]["en"]
    # Published after commit, one message per change.
    assert published == [1, 2]


def test_publish_happens_after_commit(liveblog, editor, django_capture_on_commit_callbacks, monkeypatch):
    published = []
    monkeypatch.setattr("newsdesk.realtime.publish", lambda channel, data: published.append((channel, data)))
    with django_capture_on_commit_callbacks(execute=True):
        entry = services.entry_create(liveblog=liveblog, author=editor, body="Text")
        assert published == []  # nothing leaves before the transaction commits
    assert published[0][0] == f"liveblog.{liveblog.pk}"
    assert published[0][1]["seq"] == entry.seq and published[0][1]["type"] == "entry.created"


def test_word_count_and_updated_at_follow_changes(liveblog, editor):
    before = liveblog.word_count
    entry = services.entry_create(liveblog=liveblog, author=editor, body="eins zwei drei", headline="vier")
    liveblog.refresh_from_db()
    assert liveblog.word_count == before + 4
    services.entry_update(entry=entry, editor=editor, version=1, body="eins")
    liveblog.refresh_from_db()
    assert liveblog.word_count == before + 2
    services.entry_delete(entry=Entry.objects.get(pk=entry.pk), editor=editor)
    liveblog.refresh_from_db()
    assert liveblog.word_count == before
    assert liveblog.updated_at >= entry.created_at


def test_update_keeps_revision_and_marks_edit(liveblog, editor, other_editor):
    entry = services.entry_create(liveblog=liveblog, author=editor, body="Pegel 3,26 m")
    updated = services.entry_update(entry=entry, editor=other_editor, version=1, body="Pegel 3,62 m")
    assert updated.version == 2 and updated.edited_at is not None and updated.seq == 2
    revision = EntryRevision.objects.get(entry=entry)
    assert (revision.version, revision.body, revision.saved_by) == (1, "<p>Pegel 3,26 m</p>", other_editor)


def test_revision_keeps_the_breaking_mark_the_entry_had(liveblog, editor):
    entry = services.entry_create(liveblog=liveblog, author=editor, body="Eil", breaking=True)
    services.entry_update(entry=entry, editor=editor, version=1, breaking=False)
    assert EntryRevision.objects.get(entry=entry).breaking is True


def test_pin_toggle_is_not_a_text_edit(liveblog, editor):
    entry = services.entry_create(liveblog=liveblog, author=editor, body="Service")
    pinned = services.entry_update(entry=entry, editor=editor, version=1, pinned=True)
    assert pinned.pinned and pinned.version == 2 and pinned.edited_at is None


def test_stale_version_conflicts_and_shows_current(liveblog, editor, other_editor):
    entry = services.entry_create(liveblog=liveblog, author=editor, body="Original")
    services.entry_update(entry=entry, editor=other_editor, version=1, body="Fassung von Otto")
    state = counts(liveblog)
    with pytest.raises(Conflict) as caught:
        services.entry_update(entry=entry, editor=editor, version=1, body="Fassung von Erika")
    assert caught.value.details["current"]["body"] == "<p>Fassung von Otto</p>"
    assert caught.value.details["current"]["version"] == 2
    assert Entry.objects.get(pk=entry.pk).body == "<p>Fassung von Otto</p>"
    assert counts(liveblog) == state


def test_unchanged_save_writes_nothing(liveblog, editor):
    entry = services.entry_create(liveblog=liveblog, author=editor, body="Gleich")
    state = counts(liveblog)
    same = services.entry_update(entry=entry, editor=editor, version=1, body="Gleich")
    assert same.version == 1
    assert counts(liveblog) == state


def test_delete_hides_entry_and_redacts_log(liveblog, editor):
    entry = services.entry_create(liveblog=liveblog, author=editor, body="Falsche Meldung")
    services.entry_delete(entry=entry, editor=editor)
    assert not Entry.objects.visible().filter(pk=entry.pk).exists()
    assert Entry.objects.get(pk=entry.pk).body == "<p>Falsche Meldung</p>"  # kept for the newsroom
    created, deleted = Event.objects.filter(liveblog=liveblog).order_by("seq")
    assert created.payload == {"entry": {"id": entry.pk, "redacted": True}}
    assert deleted.type == "entry.deleted" and deleted.seq == 2
    with pytest.raises(NotFound):
        services.entry_delete(entry=entry, editor=editor)


@pytest.mark.parametrize("body,error", [
    ("", InvalidInput),
    ("   \n  ", InvalidInput),
    ("<script>alert(1)</script>", InvalidInput),
    ("x" * (100 * 1024 + 1), TooLarge),
    (42, InvalidInput),
])
def test_bad_bodies_save_nothing(liveblog, editor, body, error):
    state = counts(liveblog)
    with pytest.raises(error):
        services.entry_create(liveblog=liveblog, author=editor, body=body)
    assert counts(liveblog) == state


def test_too_long_headline(liveblog, editor):
    with pytest.raises(InvalidInput, match="300"):
        services.entry_create(liveblog=liveblog, author=editor, body="Text", headline="x" * 301)


def test_readers_and_moderators_cannot_write(liveblog, reader, moderator, editor):
    entry = services.entry_create(liveblog=liveblog, author=editor, body="Text")
    for user in (reader, moderator):
        with pytest.raises(Forbidden):
            services.entry_create(liveblog=liveblog, author=user, body="Text")
        with pytest.raises(Forbidden):
            services.entry_update(entry=entry, editor=user, version=1, body="Anders")
        with pytest.raises(Forbidden):
            services.entry_delete(entry=entry, editor=user)
        with pytest.raises(Forbidden):
            services.liveblog_create(title="Neu", author=user)


def test_assigned_editors_restrict_that_newsblog(liveblog, editor, other_editor, site_admin):
    liveblog.editors.add(editor)
    services.entry_create(liveblog=liveblog, author=editor, body="darf")
    services.entry_create(liveblog=liveblog, author=site_admin, body="darf auch")
    with pytest.raises(Forbidden):
        services.entry_create(liveblog=liveblog, author=other_editor, body="darf nicht")
    other = services.liveblog_create(title="Anderer Blog", author=other_editor)
    services.entry_create(liveblog=other, author=other_editor, body="hier schon")


def test_entry_of_another_newsblog_is_not_found(liveblog, editor):
    other = services.liveblog_create(title="Anderer Blog", author=editor)
    entry = services.entry_create(liveblog=other, author=editor, body="Text")
    entry.liveblog = liveblog  # as if a request named the wrong newsblog
    with pytest.raises(NotFound):
        services.entry_update(entry=entry, editor=editor, version=1, body="Neu")


def test_closed_newsblog_rejects_writes_and_logs_closing(liveblog, editor):
    services.liveblog_set_status(liveblog=liveblog, editor=editor, status=LiveBlog.Status.CLOSED)
    liveblog.refresh_from_db()
    assert not liveblog.is_open and liveblog.closed_at
    assert Event.objects.get(liveblog=liveblog, seq=liveblog.last_seq).type == "liveblog.closed"
    with pytest.raises(Conflict):
        services.entry_create(liveblog=liveblog, author=editor, body="zu spät")
    services.liveblog_set_status(liveblog=liveblog, editor=editor, status=LiveBlog.Status.OPEN)
    services.entry_create(liveblog=liveblog, author=editor, body="wieder offen")


def test_slugs_are_unique(editor):
    first = services.liveblog_create(title="Wahlabend in Testhausen", author=editor)
    second = services.liveblog_create(title="Wahlabend in Testhausen", author=editor)
    assert first.slug == "wahlabend-in-testhausen" and second.slug == "wahlabend-in-testhausen-2"


def test_liveblog_title_required(editor):
    with pytest.raises(InvalidInput):
        services.liveblog_create(title="   ", author=editor)
