"""Presence and the desk chat: who counts, what is published where, sanitizing, mentions, rate limits."""

from __future__ import annotations

import time

import pytest

from newsdesk.core.errors import Forbidden
from newsdesk.desk import selectors, services
from newsdesk.desk.models import DeskMessage
from newsdesk.desk.permissions import desk_members, is_desk_member
from newsdesk.liveblogs import services as liveblog_services
from newsdesk.liveblogs.models import LiveBlog

pytestmark = pytest.mark.django_db


def names(people: list[dict]) -> list[str]:
    return [person["username"] for person in people]


# --- who sits at the desk ----------------------------------------------------------------------------


def test_desk_members_follow_the_write_permission(liveblog, editor, other_editor, reader, moderator, site_admin):
    assert is_desk_member(editor, liveblog) and is_desk_member(other_editor, liveblog)
    assert is_desk_member(site_admin, liveblog)
    assert not is_desk_member(reader, liveblog) and not is_desk_member(moderator, liveblog)
    liveblog.editors.set([editor])  # assigned: only they (and admins)
    assert is_desk_member(editor, liveblog) and is_desk_member(site_admin, liveblog)
    assert not is_desk_member(other_editor, liveblog)
    assert set(desk_members(liveblog)) == {editor, site_admin}


def test_inactive_editors_leave_the_desk(liveblog, other_editor):
    other_editor.is_active = False
    other_editor.save()
    assert not is_desk_member(other_editor, liveblog)


@pytest.mark.skipif(not hasattr(LiveBlog, "contributors"), reason="the newsblog has no contributors yet")
def test_contributors_of_the_newsblog_sit_at_its_desk(liveblog, editor):
    from newsdesk.accounts.models import Role
    from tests.conftest import make_user

    role = getattr(Role, "CONTRIBUTOR", Role.READER)
    contributor = make_user("claudia", role)
    assert not is_desk_member(contributor, liveblog)
    liveblog.contributors.add(contributor)
    assert is_desk_member(contributor, liveblog)
    assert contributor in desk_members(liveblog)


# --- presence ------------------------------------------------------------------------------------------


def test_heartbeats_show_who_is_there_on_the_desk_channel_only(liveblog, editor, anna, published):
    people = services.presence_heartbeat(liveblog=liveblog, user=editor)
    assert names(people) == ["erika"]
    people = services.presence_heartbeat(liveblog=liveblog, user=anna)
    assert names(people) == ["anna", "erika"]
    assert {channel for channel, _ in published} == {f"liveblog.{liveblog.pk}.desk"}
    assert published[-1][1] == {"type": "desk.presence", "people": people}
    # Readers' channel never carries presence.
    assert all(channel != liveblog.channel for channel, _ in published)


def test_a_plain_heartbeat_of_someone_present_sends_nothing(liveblog, editor, published):
    services.presence_heartbeat(liveblog=liveblog, user=editor)
    services.presence_heartbeat(liveblog=liveblog, user=editor)
    assert len(published) == 1


def test_typing_is_sent_and_ends_by_itself(liveblog, editor, anna, published):
    now = time.time()
    services.presence_heartbeat(liveblog=liveblog, user=editor, now=now)
    people = services.presence_heartbeat(liveblog=liveblog, user=anna, typing=True, now=now)
    anna_state = next(person for person in people if person["username"] == "anna")
    assert anna_state["typing"] and anna_state["typing_seconds"] == services.TYPING_SECONDS
    assert published[-1][1]["people"] == people
    later = selectors.presence(liveblog, now=now + services.TYPING_SECONDS + 1)
    assert not any(person["typing"] for person in later)
    # Typed again: told again (the others' "schreibt …" is renewed); stopped: told as well.
    count = len(published)
    services.presence_heartbeat(liveblog=liveblog, user=anna, typing=True, now=now + 2)
    services.presence_heartbeat(liveblog=liveblog, user=anna, typing=False, now=now + 3)
    assert len(published) == count + 2
    assert not any(person["typing"] for person in published[-1][1]["people"])


def test_presence_expires_without_heartbeat_and_ends_on_leave(liveblog, editor, anna, published):
    now = time.time()
    services.presence_heartbeat(liveblog=liveblog, user=editor, now=now)
    services.presence_heartbeat(liveblog=liveblog, user=anna, now=now)
    assert names(selectors.presence(liveblog, now=now + services.PRESENCE_SECONDS + 1)) == []
    people = services.presence_leave(liveblog=liveblog, user=anna, now=now)
    assert names(people) == ["erika"]
    assert names(published[-1][1]["people"]) == ["erika"]


def test_editing_an_entry_is_shown_to_the_others(liveblog, editor, anna, published):
    entry = liveblog_services.entry_create(liveblog=liveblog, author=editor, body="<p>Pegel steigt.</p>")
    services.presence_heartbeat(liveblog=liveblog, user=editor)
    people = services.presence_heartbeat(liveblog=liveblog, user=anna, editing=entry.pk)
    assert next(p for p in people if p["username"] == "anna")["editing"] == entry.pk
    assert published[-1][1]["people"] == people


def test_editing_an_entry_of_another_newsblog_is_refused(liveblog, editor):
    other = liveblog_services.liveblog_create(title="Anderes Ereignis", author=editor)
    entry = liveblog_services.entry_create(liveblog=other, author=editor, body="<p>Text.</p>")
    with pytest.raises(services.BadDeskInput) as caught:
        services.presence_heartbeat(liveblog=liveblog, user=editor, editing=entry.pk)
    assert caught.value.status == 400


def test_readers_are_not_tracked(liveblog, reader, published):
    with pytest.raises(Forbidden):
        services.presence_heartbeat(liveblog=liveblog, user=reader)
    assert selectors.presence(liveblog) == [] and published == []


def test_presence_heartbeats_are_rate_limited(liveblog, editor, settings):
    settings.DESK_PRESENCE_RATE_LIMIT = (3, 60)
    for _ in range(3):
        services.presence_heartbeat(liveblog=liveblog, user=editor)
    with pytest.raises(services.RateLimited) as caught:
        services.presence_heartbeat(liveblog=liveblog, user=editor)
    assert caught.value.status == 429


def test_presence_is_per_newsblog(liveblog, editor, anna):
    other = liveblog_services.liveblog_create(title="Zweites Ereignis", author=editor)
    services.presence_heartbeat(liveblog=liveblog, user=editor)
    services.presence_heartbeat(liveblog=other, user=anna)
    assert names(selectors.presence(liveblog)) == ["erika"]
    assert names(selectors.presence(other)) == ["anna"]


# --- desk chat -----------------------------------------------------------------------------------------


def test_a_message_is_stored_and_sent_to_the_desk_after_commit(liveblog, editor, published,
                                                              django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = services.message_post(liveblog=liveblog, author=editor, text="  Ich nehme die   PK. ")
    assert message.text == "Ich nehme die PK." and message.author_name == "Erika Test"
    channel, data = published[-1]
    assert channel == f"liveblog.{liveblog.pk}.desk"
    assert data["type"] == "desk.message" and data["message"]["id"] == message.pk
    assert data["message"]["segments"] == [{"text": "Ich nehme die PK."}]


def test_mentions_of_desk_members_are_marked(liveblog, editor, anna, reader):
    message = services.message_post(liveblog=liveblog, author=editor,
                                    text="@Anna, übernimmst du? @rita und @niemand nicht, mail@anna.test auch nicht.")
    assert list(message.mentions.all()) == [anna]  # rita is a reader: no desk member, no mention
    data = selectors.message_data(message)
    assert data["mentions"] == ["anna"]
    assert data["segments"][0] == {"mention": "anna", "text": "@Anna"}
    assert "".join(part["text"] for part in data["segments"]) == message.text
    assert sum(1 for part in data["segments"] if "mention" in part) == 1


@pytest.mark.parametrize("text", ["", "   ", "a" * 501, "Kontroll\x07zeichen", 42, None])
def test_bad_messages_are_refused_with_400(liveblog, editor, text):
    with pytest.raises(services.BadDeskInput) as caught:
        services.message_post(liveblog=liveblog, author=editor, text=text)
    assert caught.value.status == 400 and caught.value.message
    assert not DeskMessage.objects.exists()


def test_messages_are_plain_text_without_invisible_characters(liveblog, editor):
    message = services.message_post(liveblog=liveblog, author=editor,
                                    text="<b>fett</b>\u200b <script>x()</script> \u202eabc")
    # Kept as the text it is (escaped wherever it is shown); hidden and direction characters are gone.
    assert message.text == "<b>fett</b> <script>x()</script> abc"


def test_chat_is_for_desk_members_only(liveblog, editor, other_editor, reader):
    with pytest.raises(Forbidden):
        services.message_post(liveblog=liveblog, author=reader, text="Hallo")
    liveblog.editors.set([editor])
    with pytest.raises(Forbidden):
        services.message_post(liveblog=liveblog, author=other_editor, text="Hallo")


def test_chat_is_rate_limited_per_person(liveblog, editor, anna, settings):
    settings.DESK_CHAT_RATE_LIMIT = (2, 60)
    services.message_post(liveblog=liveblog, author=editor, text="eins")
    services.message_post(liveblog=liveblog, author=editor, text="zwei")
    with pytest.raises(services.RateLimited) as caught:
        services.message_post(liveblog=liveblog, author=editor, text="drei")
    assert caught.value.status == 429
    services.message_post(liveblog=liveblog, author=anna, text="Anna darf noch")
    assert DeskMessage.objects.count() == 3


def test_a_refused_message_takes_no_rate_limit_slot(liveblog, editor, settings):
    settings.DESK_CHAT_RATE_LIMIT = (1, 60)
    with pytest.raises(services.BadDeskInput):
        services.message_post(liveblog=liveblog, author=editor, text="")
    services.message_post(liveblog=liveblog, author=editor, text="jetzt aber")


def test_recent_messages_read_oldest_first_and_stay_with_their_newsblog(liveblog, editor):
    other = liveblog_services.liveblog_create(title="Drittes Ereignis", author=editor)
    for text in ["erste", "zweite"]:
        services.message_post(liveblog=liveblog, author=editor, text=text)
    services.message_post(liveblog=other, author=editor, text="woanders")
    assert [m["text"] for m in selectors.recent_messages(liveblog)] == ["erste", "zweite"]
    first = DeskMessage.objects.filter(liveblog=liveblog).order_by("id").first()
    assert [m["text"] for m in selectors.messages_after(liveblog.pk, first.pk)] == ["zweite"]
    liveblog.delete()  # kept with the newsblog: gone with it
    assert list(DeskMessage.objects.values_list("text", flat=True)) == ["woanders"]
