"""Word lists edited by admins in the back office; the cache is dropped on every change."""

from __future__ import annotations

import pytest

from newsdesk.moderation import lists
from newsdesk.moderation.models import WordEntry
from newsdesk.moderation.wordlists import parse_entry

pytestmark = pytest.mark.django_db

ADD = "/redaktion/verwaltung/moderation/wordentry/add/"


@pytest.fixture(autouse=True)
def _fresh_cache():
    lists.invalidate()
    yield
    lists.invalidate()


def test_only_admins_edit_word_lists(client, site_admin, editor, moderator):
    client.force_login(editor)
    assert client.get("/redaktion/verwaltung/moderation/wordentry/").status_code == 403
    client.force_login(moderator)
    # Not an editor: the back office asks to log in.
    assert client.get("/redaktion/verwaltung/moderation/wordentry/").status_code == 302
    client.force_login(site_admin)
    page = client.get("/redaktion/verwaltung/moderation/wordentry/?kind__exact=banned").content.decode()
    assert "sieg heil" in page and "Wortlisten" in page


def test_admin_adds_an_entry_and_it_applies_at_once(client, site_admin):
    _banned, suspect = lists.current()
    assert not suspect.find("Du Quatschkopf!")
    client.force_login(site_admin)
    response = client.post(ADD, {"kind": "suspect", "entry": "  quatsch*  ", "note": "Test"})
    assert response.status_code == 302
    assert WordEntry.objects.get(entry="quatsch*").kind == "suspect"
    _banned, suspect = lists.current()
    assert suspect.find("Du Qu4tschk0pf!") == ["quatschkopf"]


def test_admin_refuses_entries_without_letters_and_duplicates(client, site_admin):
    client.force_login(site_admin)
    for entry in ("***", "# kommentar"):
        response = client.post(ADD, {"kind": "banned", "entry": entry})
        assert response.status_code == 200 and "mindestens einen Buchstaben" in response.content.decode()
    response = client.post(ADD, {"kind": "banned", "entry": "sieg heil"})
    assert response.status_code == 200 and "existiert bereits" in response.content.decode()
    assert not WordEntry.objects.filter(entry__in=["***", "# kommentar"]).exists()


def test_cache_is_used_until_an_entry_changes(django_assert_num_queries):
    lists.current()
    with django_assert_num_queries(0):
        lists.current()
    entry = WordEntry.objects.create(kind="banned", entry="brandneu")
    with django_assert_num_queries(1):
        banned, _suspect = lists.current()
    assert banned.find("ganz brandneu") == ["brandneu"]
    entry.delete()
    assert lists.current()[0].find("ganz brandneu") == []


def test_parse_entry_is_public_for_validation():
    assert parse_entry("*Idiot*") == ("infix", "idiot")
    assert parse_entry("***") is None
