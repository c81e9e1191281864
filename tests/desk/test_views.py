"""The desk's endpoints over HTTP: 403 for readers and anonymous visitors everywhere, clear errors, the panel."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from newsdesk.desk import services
from newsdesk.desk.models import DeskMessage

pytestmark = pytest.mark.django_db


def urls(liveblog) -> dict[str, str]:
    return {name: reverse(f"desk:{name}", kwargs={"slug": liveblog.slug}) for name in ("presence", "chat", "events")}


def client_for(user=None) -> Client:
    client = Client(HTTP_ACCEPT="application/json")
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("who", ["anonymous", "reader", "moderator", "unassigned editor"])
def test_everything_at_the_desk_is_403_for_outsiders(liveblog, editor, other_editor, reader, moderator, who):
    user = {"anonymous": None, "reader": reader, "moderator": moderator, "unassigned editor": other_editor}[who]
    if who == "unassigned editor":
        liveblog.editors.set([editor])
    services.message_post(liveblog=liveblog, author=editor, text="Geheime Absprache")
    client, address = client_for(user), urls(liveblog)
    for response in [client.post(address["presence"]), client.get(address["chat"]),
                     client.post(address["chat"], {"text": "Hallo"}), client.get(address["events"])]:
        assert response.status_code == 403
        assert response.json()["detail"]
        assert "Geheime Absprache" not in response.content.decode()
    assert DeskMessage.objects.count() == 1


def test_heartbeat_answers_who_is_there(liveblog, editor, anna):
    services.presence_heartbeat(liveblog=liveblog, user=anna)
    response = client_for(editor).post(urls(liveblog)["presence"], {"typing": "1"})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    people = {person["username"]: person for person in response.json()["people"]}
    assert set(people) == {"anna", "erika"} and people["erika"]["typing"] and not people["anna"]["typing"]


def test_heartbeat_refuses_a_bad_entry_number(liveblog, editor):
    response = client_for(editor).post(urls(liveblog)["presence"], {"editing": "zwölf"})
    assert response.status_code == 400 and response.json()["field"] == "editing"


def test_leave_removes_one_at_once(liveblog, editor, anna):
    services.presence_heartbeat(liveblog=liveblog, user=anna)
    response = client_for(anna).post(urls(liveblog)["presence"], {"leave": "1"})
    assert response.status_code == 200 and response.json()["people"] == []


def test_presence_rate_limit_answers_429(liveblog, editor, settings):
    settings.DESK_PRESENCE_RATE_LIMIT = (1, 60)
    client = client_for(editor)
    assert client.post(urls(liveblog)["presence"]).status_code == 200
    response = client.post(urls(liveblog)["presence"])
    assert response.status_code == 429 and response.json()["detail"]


def test_post_and_read_messages(liveblog, editor, anna):
    client = client_for(editor)
    response = client.post(urls(liveblog)["chat"], {"text": "@anna bitte den Pegel prüfen"})
    assert response.status_code == 201
    message = response.json()["message"]
    assert message["author"] == "Erika Test" and message["mentions"] == ["anna"]
    listing = client_for(anna).get(urls(liveblog)["chat"]).json()["messages"]
    assert [m["text"] for m in listing] == ["@anna bitte den Pegel prüfen"]


def test_bad_message_answers_400_in_german(liveblog, editor):
    response = client_for(editor).post(urls(liveblog)["chat"], {"text": "x" * 600}, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 400
    assert "höchstens 500" in response.json()["detail"]
    assert client_for(editor).post(urls(liveblog)["chat"], {"text": ""}).status_code == 400


def test_chat_rate_limit_answers_429_in_german(liveblog, editor, settings):
    settings.DESK_CHAT_RATE_LIMIT = (1, 60)
    client = client_for(editor)
    assert client.post(urls(liveblog)["chat"], {"text": "eins"}).status_code == 201
    response = client.post(urls(liveblog)["chat"], {"text": "zwei"})
    assert response.status_code == 429 and "zu schnell" in response.json()["detail"]


def test_chat_without_javascript_posts_and_returns_to_the_page(liveblog, editor):
    client = Client()
    client.force_login(editor)
    response = client.post(urls(liveblog)["chat"], {"text": "ohne Skript"})
    assert response.status_code == 302 and response["Location"].endswith("#desk-team")
    response = client.post(urls(liveblog)["chat"], {"text": ""}, follow=True)
    assert "Die Nachricht wurde nicht gesendet" in response.content.decode()


def test_the_panel_is_on_the_page_for_the_desk_only(liveblog, editor, reader):
    services.message_post(liveblog=liveblog, author=editor, text="<img src=x onerror=alert(1)> @erika intern")
    page = liveblog.get_absolute_url()
    editor_client = Client()
    editor_client.force_login(editor)
    html = editor_client.get(page).content.decode()
    assert 'id="desk"' in html and "desk/desk.js" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "<img src=x" not in html
    assert '<mark class="desk-mention desk-mention--me">@erika</mark>' in html
    for client in [Client(), client_for(reader)]:
        html = client.get(page).content.decode()
        assert 'id="desk"' not in html and "intern" not in html


def test_desk_messages_are_in_no_public_channel(liveblog, editor):
    services.message_post(liveblog=liveblog, author=editor, text="Nur für die Redaktion")
    reader = Client()
    for address in [liveblog.get_absolute_url(), reverse("feeds:liveblog-rss", kwargs={"slug": liveblog.slug}),
                    reverse("feeds:liveblog-json", kwargs={"slug": liveblog.slug}),
                    reverse("api:entry_events", kwargs={"slug": liveblog.slug}), "/sitemap.xml"]:
        response = reader.get(address)
        assert response.status_code == 200, address
        assert "Nur für die Redaktion" not in response.content.decode()
