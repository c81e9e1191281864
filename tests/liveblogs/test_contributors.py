"""Contributors write into the approval queue; only the newsblog's editors publish. A matrix on every write."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from newsdesk.accounts.models import Role, User
from newsdesk.accounts.services import token_create
from newsdesk.liveblogs import services
from newsdesk.liveblogs.models import Entry, Event
from tests.conftest import make_user

BASE = "/api/v1/liveblogs"


def call(client, method, url, data=None):
    return getattr(client, method)(url, json.dumps(data) if data is not None else None,
                                   content_type="application/json")


def as_client(user) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {token_create(user=user)}")


@pytest.fixture
def people(liveblog, editor, site_admin):
    """The newsblog with an assigned editor and contributor; the others of the matrix beside them."""
    people = {
        "contributor": make_user("conny", Role.CONTRIBUTOR),
        "other_contributor": make_user("carlo", Role.CONTRIBUTOR),
        "editor_elsewhere": make_user("edgar", Role.EDITOR),
        "assigned_editor": editor,
        "admin": site_admin,
    }
    services.liveblog_set_editors(liveblog=liveblog, admin=site_admin, editors=[editor])
    services.liveblog_set_contributors(liveblog=liveblog, admin=site_admin,
                                       contributors=[people["contributor"], people["other_contributor"]])
    elsewhere = services.liveblog_create(title="Anderer Newsblog", author=people["editor_elsewhere"])
    services.liveblog_set_editors(liveblog=elsewhere, admin=site_admin, editors=[people["editor_elsewhere"]])
    return people


def test_adduser_knows_the_contributor_role(db, monkeypatch):
    monkeypatch.setenv("NEWSDESK_PASSWORD", "ein-langes-test-passwort")
    call_command("adduser", "freie-mitarbeiterin", "--role", "contributor")
    assert User.objects.get(username="freie-mitarbeiterin").role == "contributor"


def test_contributor_entry_is_pending_201_and_invisible(people, liveblog):
    client = as_client(people["contributor"])
    response = call(client, "post", f"{BASE}/{liveblog.slug}/entries", {"body": "Vom Deich: Pegel steigt"})
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "pending" and response.json()["seq"] is None
    assert not Event.objects.filter(liveblog=liveblog).exists()
    assert "Pegel steigt" not in Client().get(liveblog.get_absolute_url()).content.decode()


def test_approve_200_by_editor_403_by_contributor(people, liveblog):
    entry = services.entry_create(liveblog=liveblog, author=people["contributor"], body="Bitte prüfen")
    url = f"{BASE}/{liveblog.slug}/entries/{entry.pk}/approve"
    assert call(as_client(people["contributor"]), "post", url).status_code == 403
    assert call(as_client(people["editor_elsewhere"]), "post", url).status_code == 403
    response = call(as_client(people["assigned_editor"]), "post", url)
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "published" and response.json()["seq"] == 1
    assert Event.objects.get(liveblog=liveblog).type == "entry.created"
    assert "Bitte prüfen" in Client().get(liveblog.get_absolute_url()).content.decode()


def test_send_back_with_note_and_the_contributor_sees_it(people, liveblog):
    entry = services.entry_create(liveblog=liveblog, author=people["contributor"], body="Erster Versuch")
    url = f"{BASE}/{liveblog.slug}/entries/{entry.pk}/send-back"
    assert call(as_client(people["assigned_editor"]), "post", url, {"note": ""}).status_code == 422
    response = call(as_client(people["assigned_editor"]), "post", url, {"note": "Quelle fehlt"})
    assert response.status_code == 200 and response.json()["status"] == "draft"
    desk = call(as_client(people["contributor"]), "get", f"{BASE}/{liveblog.slug}/desk").json()
    assert [(e["id"], e["review_note"]) for e in desk["mine"]] == [(entry.pk, "Quelle fehlt")]
    page = Client()
    page.force_login(people["contributor"])
    assert "Notiz der Redaktion: Quelle fehlt" in page.get(liveblog.get_absolute_url()).content.decode()
    # Reworked and submitted again: back in the queue.
    services.entry_update(entry=entry, editor=people["contributor"], version=1, body="Mit Quelle")
    submit = call(as_client(people["contributor"]), "post", f"{BASE}/{liveblog.slug}/entries/{entry.pk}/submit")
    assert submit.status_code == 200 and submit.json()["status"] == "pending"


def test_contributors_cannot_mark_schedule_or_publish(people, liveblog):
    client = as_client(people["contributor"])
    url = f"{BASE}/{liveblog.slug}/entries"
    for extra in ({"pinned": True}, {"key_event": True}, {"breaking": True}, {"status": "published"},
                  {"publish_at": (timezone.now() + timedelta(hours=1)).isoformat()}):
        response = call(client, "post", url, {"body": "Versuch", **extra})
        assert response.status_code == 403, extra
        assert "Mitarbeiter" in response.json()["detail"]
    assert not Entry.objects.exists()


def test_the_queue_count_is_on_the_editors_page_only(people, liveblog):
    services.entry_create(liveblog=liveblog, author=people["contributor"], body="Eins")
    services.entry_create(liveblog=liveblog, author=people["other_contributor"], body="Zwei")
    client = Client()
    client.force_login(people["assigned_editor"])
    html = client.get(liveblog.get_absolute_url()).content.decode()
    assert 'id="desk-pending-count"' in html and "2 Einträge warten auf Freigabe" in html
    assert "desk-pending-count" not in Client().get(liveblog.get_absolute_url()).content.decode()
    mine = Client()
    mine.force_login(people["contributor"])
    html = mine.get(liveblog.get_absolute_url()).content.decode()
    assert "Eins" in html and "Zwei" not in html  # a contributor sees their own entries only


def test_desk_channel_is_told_and_the_reader_channel_is_not(people, liveblog, django_capture_on_commit_callbacks,
                                                             monkeypatch):
    sent = []
    monkeypatch.setattr("newsdesk.realtime.publish", lambda channel, data: sent.append((channel, data)))
    with django_capture_on_commit_callbacks(execute=True):
        entry = services.entry_create(liveblog=liveblog, author=people["contributor"], body="Neu im Korb")
    assert [channel for channel, _ in sent] == [f"liveblog.{liveblog.pk}.desk"]
    assert sent[0][1]["type"] == "desk.changed" and sent[0][1]["pending"] == 1
    sent.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.entry_approve(entry=entry, editor=people["assigned_editor"])
    assert sorted(channel for channel, _ in sent) == [f"liveblog.{liveblog.pk}", f"liveblog.{liveblog.pk}.desk"]


# --- the matrix: every write, every kind of person -------------------------------------------------

ACTORS = ["contributor", "other_contributor", "editor_elsewhere", "assigned_editor", "admin"]


def _own_pending(people, liveblog):
    return services.entry_create(liveblog=liveblog, author=people["contributor"], body="Beitrag von Conny")


def _published(people, liveblog):
    return services.entry_create(liveblog=liveblog, author=people["assigned_editor"], body="Von der Redaktion")


def _draft(people, liveblog):
    return services.entry_create(liveblog=liveblog, author=people["assigned_editor"], body="Entwurf", status="draft")


# (write, fixture for the entry, expected status per actor in ACTORS order)
MATRIX = [
    ("create", None, [201, 201, 403, 201, 201]),
    ("edit own pending", _own_pending, [200, 403, 403, 200, 200]),
    ("delete own pending", _own_pending, [204, 403, 403, 204, 204]),
    ("approve", _own_pending, [403, 403, 403, 200, 200]),
    ("send back", _own_pending, [403, 403, 403, 200, 200]),
    ("edit published", _published, [403, 403, 403, 200, 200]),
    ("delete published", _published, [403, 403, 403, 204, 204]),
    ("pin", _published, [403, 403, 403, 200, 200]),
    ("publish draft", _draft, [403, 403, 403, 200, 200]),
    ("schedule draft", _draft, [403, 403, 403, 200, 200]),
    ("assign contributors", None, [403, 403, 403, 403, 200]),
]


@pytest.mark.parametrize(("write", "make_entry", "expected"), MATRIX, ids=[row[0] for row in MATRIX])
def test_permission_matrix(people, liveblog, write, make_entry, expected):
    entry = make_entry(people, liveblog) if make_entry else None
    base = f"{BASE}/{liveblog.slug}"
    for actor, status in zip(ACTORS, expected, strict=True):
        if make_entry:  # a fresh entry per actor: what one did must not decide the next one's answer
            entry = make_entry(people, liveblog)
        client = as_client(people[actor])
        url = f"{base}/entries/{entry.pk}" if entry else None
        if write == "create":
            response = call(client, "post", f"{base}/entries", {"body": f"Eintrag von {actor}"})
        elif write.startswith("edit"):
            response = call(client, "patch", url, {"version": entry.version, "body": f"geändert von {actor}"})
        elif write.startswith("delete"):
            response = client.delete(url)
        elif write == "approve":
            response = call(client, "post", url + "/approve")
        elif write == "send back":
            response = call(client, "post", url + "/send-back", {"note": "Bitte belegen"})
        elif write == "pin":
            response = call(client, "patch", url, {"version": entry.version, "pinned": True})
        elif write == "publish draft":
            response = call(client, "post", url + "/publish")
        elif write == "schedule draft":
            response = call(client, "post", url + "/schedule",
                            {"publish_at": (timezone.now() + timedelta(hours=1)).isoformat()})
        else:
            response = call(client, "patch", base, {"contributors": ["carlo"]})
        assert response.status_code == status, (write, actor, response.content)
        if status == 403:
            assert response.json()["detail"]


def test_patch_liveblog_assigns_editors_and_contributors_by_username(people, liveblog):
    admin = as_client(people["admin"])
    response = call(admin, "patch", f"{BASE}/{liveblog.slug}", {"contributors": ["conny"], "editors": ["erika"]})
    assert response.status_code == 200, response.content
    assert list(liveblog.contributors.values_list("username", flat=True)) == ["conny"]
    response = call(admin, "patch", f"{BASE}/{liveblog.slug}", {"contributors": ["niemand"]})
    assert response.status_code == 422 and "niemand" in response.json()["detail"]
    response = call(admin, "patch", f"{BASE}/{liveblog.slug}", {"contributors": ["erika"]})
    assert response.status_code == 422 and "kein Mitarbeiter" in response.json()["detail"]
    # Unassigned, the contributor writes nowhere.
    call(admin, "patch", f"{BASE}/{liveblog.slug}", {"contributors": []})
    response = call(as_client(people["contributor"]), "post", f"{BASE}/{liveblog.slug}/entries", {"body": "x"})
    assert response.status_code == 403


def test_coauthors_are_shown_with_the_author(people, liveblog):
    response = call(as_client(people["assigned_editor"]), "post", f"{BASE}/{liveblog.slug}/entries",
                    {"body": "Gemeinsam recherchiert", "coauthors": ["conny"]})
    assert response.status_code == 201 and response.json()["coauthors"] == ["Conny Test"]
    html = Client().get(liveblog.get_absolute_url()).content.decode()
    assert "Erika Test und Conny Test" in html
    response = call(as_client(people["assigned_editor"]), "post", f"{BASE}/{liveblog.slug}/entries",
                    {"body": "x", "coauthors": ["rita-gibt-es-nicht"]})
    assert response.status_code == 422


def test_contributor_cannot_touch_anothers_entry_nor_read_it(people, liveblog):
    entry = services.entry_create(liveblog=liveblog, author=people["contributor"], body="Nur meins")
    other = as_client(people["other_contributor"])
    assert other.get(f"{BASE}/{liveblog.slug}/entries/{entry.pk}").status_code == 404
    assert as_client(people["contributor"]).get(f"{BASE}/{liveblog.slug}/entries/{entry.pk}").status_code == 200
    assert Client().get(f"{BASE}/{liveblog.slug}/entries/{entry.pk}").status_code == 404
