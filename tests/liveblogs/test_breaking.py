"""Editors mark newsblog entries as breaking news: API, compose form, the "Eilmeldung" mark, the signal."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from newsdesk.liveblogs import services
from newsdesk.liveblogs.models import Entry, Event
from newsdesk.liveblogs.signals import breaking_entry_published

BASE = "/api/v1/liveblogs"


@pytest.fixture
def announced():
    """The entries the breaking-news signal announced (subscriptions turns them into alerts)."""
    seen: list[int] = []

    def receiver(sender, liveblog, entry, **kwargs):
        seen.append(entry.pk)

    breaking_entry_published.connect(receiver, dispatch_uid="test-breaking")
    yield seen
    breaking_entry_published.disconnect(dispatch_uid="test-breaking")


def test_api_creates_and_marks_breaking_entries(api, liveblog, announced):
    response = api.post(f"{BASE}/{liveblog.slug}/entries", json.dumps({"body": "Deich bricht.", "breaking": True}),
                        content_type="application/json")
    assert response.status_code == 201 and response.json()["breaking"] is True
    first = response.json()["id"]
    plain = api.post(f"{BASE}/{liveblog.slug}/entries", json.dumps({"body": "Ruhig."}),
                     content_type="application/json").json()
    assert plain["breaking"] is False and announced == [first]
    marked = api.patch(f"{BASE}/{liveblog.slug}/entries/{plain['id']}",
                       json.dumps({"version": plain["version"], "breaking": True}), content_type="application/json")
    assert marked.status_code == 200 and marked.json()["breaking"] is True
    assert announced == [first, plain["id"]]
    # The change reaches readers like every other: in the event log, with the mark in the shipped HTML.
    event = Event.objects.filter(entry_id=plain["id"]).latest("seq")
    assert event.payload["entry"]["breaking"] is True and "Eilmeldung" in event.payload["html"]["de"]


def test_api_refuses_a_breaking_flag_that_is_not_a_boolean(api, liveblog):
    response = api.post(f"{BASE}/{liveblog.slug}/entries", json.dumps({"body": "x", "breaking": "vielleicht"}),
                        content_type="application/json")
    assert response.status_code == 422 and response.json()["detail"]
    assert not Entry.objects.exists()


def test_editing_a_breaking_entry_does_not_announce_it_again(liveblog, editor, announced):
    entry = services.entry_create(liveblog=liveblog, author=editor, body="Eilig.", breaking=True)
    entry = services.entry_update(entry=entry, editor=editor, version=entry.version, body="Eilig, ergänzt.")
    assert announced == [entry.pk] and entry.breaking


def test_compose_form_without_javascript_and_the_mark_on_the_page(liveblog, editor):
    client = Client()
    client.force_login(editor)
    html = client.get(liveblog.get_absolute_url()).content.decode()
    assert 'name="breaking"' in html and "Eilmeldung (benachrichtigt Abonnenten per E-Mail)" in html
    client.post(reverse("liveblogs:entry-create", args=[liveblog.slug]),
                {"headline": "Straße gesperrt", "body": "Sofort.", "breaking": "on"})
    client.post(reverse("liveblogs:entry-create", args=[liveblog.slug]), {"headline": "Normal", "body": "Ruhig."})
    assert Entry.objects.get(headline="Straße gesperrt").breaking
    assert not Entry.objects.get(headline="Normal").breaking
    page = Client().get(liveblog.get_absolute_url()).content.decode()
    assert page.count('class="badge badge--breaking">Eilmeldung</span>') == 1
    assert "entry--breaking" in page
