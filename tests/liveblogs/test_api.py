import json

import pytest
from django.test import Client

from newsdesk.accounts.services import token_create
from newsdesk.liveblogs import services
from newsdesk.liveblogs.models import Entry, Event

BASE = "/api/v1/liveblogs"


def post(client, url, data, **extra):
    return client.post(url, json.dumps(data), content_type="application/json", **extra)


def patch(client, url, data, **extra):
    return client.patch(url, json.dumps(data), content_type="application/json", **extra)


def test_create_liveblog_and_entry(api):
    response = post(api, BASE, {"title": "Wahlabend in Testhausen", "teaser": "Alle Ergebnisse."})
    assert response.status_code == 201, response.content
    slug = response.json()["slug"]
    assert response.json()["status"] == "open"
    response = post(api, f"{BASE}/{slug}/entries", {"body": "<p>Erste Hochrechnung</p>", "headline": "18 Uhr",
                                                    "key_event": True})
    assert response.status_code == 201
    data = response.json()
    assert (data["seq"], data["version"], data["key_event"], data["pinned"]) == (1, 1, True, False)
    assert data["url"] == f"/newsblog/{slug}/eintrag/{data['id']}/"  # the entry's own address


def test_patch_with_version_and_conflict(api, liveblog, editor):
    entry = services.entry_create(liveblog=liveblog, author=editor, body="alt")
    url = f"{BASE}/{liveblog.slug}/entries/{entry.pk}"
    response = patch(api, url, {"body": "neu", "version": 1})
    assert response.status_code == 200 and response.json()["version"] == 2 and response.json()["seq"] == 2
    response = patch(api, url, {"body": "überschreiben?", "version": 1})
    assert response.status_code == 409
    assert response.json()["current"]["version"] == 2
    assert response.json()["current"]["body"] == "<p>neu</p>"
    assert "detail" in response.json()


def test_delete(api, liveblog, editor):
    entry = services.entry_create(liveblog=liveblog, author=editor, body="weg damit")
    response = api.delete(f"{BASE}/{liveblog.slug}/entries/{entry.pk}")
    assert response.status_code == 204
    assert api.delete(f"{BASE}/{liveblog.slug}/entries/{entry.pk}").status_code == 404


def test_without_credentials_401(liveblog, db):
    response = post(Client(), f"{BASE}/{liveblog.slug}/entries", {"body": "x"})
    assert response.status_code == 401
    assert "Bearer" in response.json()["detail"] and response["WWW-Authenticate"].startswith("Bearer")
    response = post(Client(HTTP_AUTHORIZATION="Bearer nd_falsch"), f"{BASE}/{liveblog.slug}/entries", {"body": "x"})
    assert response.status_code == 401


def test_reader_token_403(liveblog, reader):
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token_create(user=reader)}")
    response = post(client, f"{BASE}/{liveblog.slug}/entries", {"body": "x"})
    assert response.status_code == 403
    assert response.json()["detail"]
    assert not Entry.objects.exists()


def test_unknown_newsblog_and_entry_404(api, liveblog, editor):
    response = post(api, f"{BASE}/gibt-es-nicht/entries", {"body": "x"})
    assert response.status_code == 404 and "gibt-es-nicht" in response.json()["detail"]
    other = services.liveblog_create(title="Anderer", author=editor)
    foreign = services.entry_create(liveblog=other, author=editor, body="fremd")
    response = patch(api, f"{BASE}/{liveblog.slug}/entries/{foreign.pk}", {"body": "x", "version": 1})
    assert response.status_code == 404


@pytest.mark.parametrize("payload,field", [
    ({"body": "x", "farbe": "rot"}, "farbe"),
    ({"body": 5}, "body"),
    ({"body": "x", "pinned": "yes"}, "pinned"),
    ({"headline": "ohne Text"}, "body"),
    ([1, 2], "body"),
])
def test_invalid_payloads_422_with_field(api, liveblog, payload, field):
    response = post(api, f"{BASE}/{liveblog.slug}/entries", payload)
    assert response.status_code == 422, response.content
    body = response.json()
    assert field in body["detail"]
    assert Entry.objects.count() == 0 and Event.objects.count() == 0


def test_empty_body_422_and_too_large_413(api, liveblog):
    response = post(api, f"{BASE}/{liveblog.slug}/entries", {"body": "  "})
    assert response.status_code == 422 and response.json()["field"] == "body"
    response = post(api, f"{BASE}/{liveblog.slug}/entries", {"body": "ä" * 60_000})
    assert response.status_code == 413 and "100 KB" in response.json()["detail"]
    huge = json.dumps({"body": "x" * 3_000_000})
    response = api.post(f"{BASE}/{liveblog.slug}/entries", huge, content_type="application/json")
    assert response.status_code == 413
    assert Entry.objects.count() == 0


def test_malformed_json_400(api, liveblog):
    response = api.post(f"{BASE}/{liveblog.slug}/entries", '{"body": ', content_type="application/json")
    assert response.status_code == 400
    assert "JSON" in response.json()["detail"]


def test_patch_rejects_null_and_missing_version(api, liveblog, editor):
    entry = services.entry_create(liveblog=liveblog, author=editor, body="Text")
    url = f"{BASE}/{liveblog.slug}/entries/{entry.pk}"
    assert patch(api, url, {"body": "neu"}).status_code == 422
    assert patch(api, url, {"body": None, "version": 1}).status_code == 422


def test_session_auth_needs_csrf(liveblog, editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = post(client, f"{BASE}/{liveblog.slug}/entries", {"body": "ohne Token"})
    assert response.status_code == 403 and "CSRF" in response.json()["detail"]
    client.get(liveblog.get_absolute_url())  # sets the csrftoken cookie like a browser visit
    token = client.cookies["csrftoken"].value
    response = post(client, f"{BASE}/{liveblog.slug}/entries", {"body": "mit Token"}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 201


def test_events_since_etag_and_304(api, liveblog, editor):
    for n in range(3):
        services.entry_create(liveblog=liveblog, author=editor, body=f"Eintrag {n}")
    client = Client()
    response = client.get(f"{BASE}/{liveblog.slug}/entries", {"since": 1})
    assert response.status_code == 200
    assert [e["seq"] for e in response.json()["events"]] == [2, 3]
    assert response.json()["last_seq"] == 3 and response.json()["more"] is False
    etag = response["ETag"]
    assert etag == f'"{liveblog.pk}.3"' and response["Last-Modified"]
    response = client.get(f"{BASE}/{liveblog.slug}/entries", {"since": 1}, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    services.entry_create(liveblog=liveblog, author=editor, body="neu")
    response = client.get(f"{BASE}/{liveblog.slug}/entries", {"since": 3}, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and [e["seq"] for e in response.json()["events"]] == [4]


@pytest.mark.parametrize("since", ["-1", "abc", "1.5", "9" * 30])
def test_events_since_must_be_a_number(liveblog, since, db):
    response = Client().get(f"{BASE}/{liveblog.slug}/entries", {"since": since})
    assert response.status_code == 422 and "since" in response.json()["detail"]


def test_stream_of_closed_newsblog_with_nothing_missed_is_204(api, liveblog, editor):
    services.liveblog_set_status(liveblog=liveblog, editor=editor, status="closed")
    liveblog.refresh_from_db()
    response = Client().get(f"{BASE}/{liveblog.slug}/events", HTTP_LAST_EVENT_ID=str(liveblog.last_seq))
    assert response.status_code == 204


def test_close_and_reopen_through_api(api, liveblog):
    response = patch(api, f"{BASE}/{liveblog.slug}", {"status": "closed"})
    assert response.status_code == 200 and response.json()["status"] == "closed"
    response = post(api, f"{BASE}/{liveblog.slug}/entries", {"body": "zu spät"})
    assert response.status_code == 409
    assert patch(api, f"{BASE}/{liveblog.slug}", {"status": "offen"}).status_code == 422


def test_openapi_documents_the_contract(db):
    schema = Client().get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    for path in ["/api/v1/liveblogs", "/api/v1/liveblogs/{slug}/entries", "/api/v1/liveblogs/{slug}/entries/{entry_id}",
                 "/api/v1/liveblogs/{slug}/events"]:
        assert path in paths
    assert {"post", "get"} <= set(paths["/api/v1/liveblogs/{slug}/entries"])
    assert {"patch", "delete", "get"} <= set(paths["/api/v1/liveblogs/{slug}/entries/{entry_id}"])
