"""'Jetzt lesen' and each entry's reach: editors see them, readers never (not in cached or pushed HTML)."""

from __future__ import annotations

import time
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from newsdesk.liveblogs import services
from newsdesk.liveblogs.models import Entry, Event
from newsdesk.realtime import audience

pytestmark = pytest.mark.django_db


def readers_connected(channel: str, count: int) -> None:
    """`count` readers in the last complete window, also if the clock passes a window boundary meanwhile."""
    now = time.time()
    for moment in (now - audience.WINDOW_SECONDS, now):
        audience.add_counts({channel: count}, now=moment)


def test_reach_is_stored_at_publication_and_shown_to_editors_only(client, liveblog, editor):
    readers_connected(liveblog.channel, 12345)
    entry = services.entry_create(liveblog=liveblog, author=editor, body="<p>Der Pegel am Wehr sinkt.</p>")
    draft = services.entry_create(liveblog=liveblog, author=editor, body="<p>Noch ein Entwurf.</p>", status="draft")
    assert Entry.objects.get(pk=entry.pk).reach == 12345
    assert Entry.objects.get(pk=draft.pk).reach is None  # counted when it is published, not before
    services.entry_publish(entry=draft, editor=editor)
    assert Entry.objects.get(pk=draft.pk).reach == 12345

    pushed = Event.objects.get(entry_id=entry.pk, type=Event.Type.ENTRY_CREATED).payload
    assert "12.345" not in str(pushed) and "12345" not in str(pushed)

    anonymous = client.get(liveblog.get_absolute_url()).content.decode()
    assert 'id="audience"' not in anonymous and "12.345" not in anonymous

    client.force_login(editor)
    page = client.get(liveblog.get_absolute_url()).content.decode()
    assert "Jetzt lesen: <strong" in page and ">12.345</strong>" in page
    assert page.count("erreicht ca. 12.345") == 2
    assert "<polyline" in page


def test_the_panel_is_for_the_newsblogs_editors(client, liveblog, editor, reader):
    url = reverse("liveblogs:audience", kwargs={"slug": liveblog.slug})
    assert client.get(url).status_code == 302  # to the login
    client.force_login(reader)
    refused = client.get(url)
    assert refused.status_code == 403
    assert "Redaktion" in refused.content.decode()
    readers_connected(liveblog.channel, 7)
    client.force_login(editor)
    panel = client.get(url)
    assert panel.status_code == 200
    assert "no-store" in panel["Cache-Control"] and "private" in panel["Cache-Control"]
    assert ">7</strong>" in panel.content.decode()


def test_status_prints_readers_per_live_newsblog(liveblog):
    readers_connected(liveblog.channel, 2500)
    out = StringIO()
    call_command("status", stdout=out)
    text = out.getvalue()
    assert "Jetzt lesen (alle Prozesse)" in text
    line = next(line for line in text.splitlines() if liveblog.title[:20] in line)
    assert "2,500" in line or "2.500" in line
