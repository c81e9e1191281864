"""Issue 16, defects 2 and 3: text that is not valid Unicode, and control characters, are refused everywhere.

A lone UTF-16 surrogate used to give a 500 (UnicodeEncodeError in clean_body); a NUL byte was stored on SQLite and
a DataError (500) on PostgreSQL. Now: 422 (API) or 400 (forms, search, comments, sign-ups) with a message, and
nothing stored, identically on both databases.
"""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from newsdesk.comments.models import Comment
from newsdesk.core.errors import InvalidInput
from newsdesk.core.validation import check_text, text_problem
from newsdesk.liveblogs import services
from newsdesk.liveblogs.models import Entry, LiveBlog
from newsdesk.subscriptions.models import Subscription

pytestmark = pytest.mark.django_db

BASE = "/api/v1/liveblogs"


def _post_raw(client, url: str, raw_json: str):
    # The raw body as the audit sent it: json.dumps would not let a lone surrogate through unescaped.
    return client.post(url, raw_json, content_type="application/json")


def test_tabs_and_line_breaks_are_text():
    assert text_problem("Zeile eins\n\tZeile zwei\r\n") is None
    assert text_problem("Grüße aus Kelmsbrück – 🌊") is None


@pytest.mark.parametrize("character", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\ud800", "\udfff"])
def test_control_characters_and_surrogates_are_named(character):
    problem = text_problem(f"a{character}b")
    assert problem and f"U+{ord(character):04X}" in problem
    with pytest.raises(InvalidInput) as info:
        check_text(f"a{character}b", field="headline")
    assert info.value.details["field"] == "headline"


def test_defect2_lone_surrogate_in_entry_body_is_422_not_500(api, liveblog):
    response = _post_raw(api, f"{BASE}/{liveblog.slug}/entries", '{"body": "\\ud800 text"}')
    assert response.status_code == 422
    body = response.json()
    assert "Unicode" in body["detail"] and body["errors"][0]["field"] == "body"
    assert not Entry.objects.exists()


def test_defect2_lone_surrogate_in_service_call_is_invalid_input(liveblog, editor):
    with pytest.raises(InvalidInput):
        services.entry_create(liveblog=liveblog, author=editor, body="\udc00 Text")
    assert not Entry.objects.exists()


@pytest.mark.parametrize(("raw", "field"), [
    ('{"body": "a", "headline": "x\\u0000y"}', "headline"),
    ('{"body": "Text mit \\u0000 NUL"}', "body"),
    ('{"body": "Text", "headline": "Klingel \\u0007"}', "headline"),
])
def test_defect3_nul_and_control_characters_in_entries_are_422(api, liveblog, raw, field):
    response = _post_raw(api, f"{BASE}/{liveblog.slug}/entries", raw)
    assert response.status_code == 422, response.content
    assert response.json()["errors"][0]["field"] == field
    assert "U+00" in response.json()["detail"]
    assert not Entry.objects.exists()


def test_defect3_nul_in_newsblog_title_is_422(api, liveblog):
    response = _post_raw(api, BASE, '{"title": "Hoch\\u0000wasser"}')
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "title"
    patch = api.patch(f"{BASE}/{liveblog.slug}", '{"title": "x\\u0000"}', content_type="application/json")
    assert patch.status_code == 422
    assert LiveBlog.objects.get(pk=liveblog.pk).title == "Stromausfall in Testhausen"


def test_defect3_service_refuses_nul_in_titles(editor):
    with pytest.raises(InvalidInput) as info:
        services.liveblog_create(title="Brand\x00 in Testhausen", author=editor)
    assert info.value.details["field"] == "title"


def test_defect3_nul_in_search_is_400_with_message(client):
    response = client.get(reverse("search:search"), {"q": "Pegel\x00"})
    assert response.status_code == 400
    assert "U+0000" in response.content.decode()


def test_defect3_nul_in_comment_is_400_and_nothing_stored(client, liveblog):
    url = reverse("comments:create", kwargs={
        "content_type_id": ContentType.objects.get_for_model(liveblog).pk, "object_id": liveblog.pk})
    response = client.post(url, {"display_name": "Hanna\x00", "email": "hanna@example.org", "consent": "on",
                                 "body": "Ein Kommentar zum Stromausfall."})
    assert response.status_code == 400
    assert "U+0000" in response.content.decode()
    assert not Comment.objects.exists()


def test_defect3_control_character_in_subscription_is_400(client):
    response = client.post(reverse("subscriptions:subscribe"), {"kind": "digest", "target": "",
                                                                 "email": "leser\x01@example.org"})
    assert response.status_code == 400
    assert "U+0001" in response.content.decode()
    assert not Subscription.objects.exists()


def test_defect3_control_character_in_api_query_is_400_json(api, liveblog):
    response = api.get(f"{BASE}/{liveblog.slug}/entries", {"since": "1\x00"})
    assert response.status_code == 400
    assert "U+0000" in response.json()["detail"]
