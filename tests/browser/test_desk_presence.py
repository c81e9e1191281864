"""The desk of a newsblog with two editors in two browsers: presence, "schreibt …", "Wird gerade bearbeitet",
the desk chat arriving live with the mention highlighted, and nothing of it for readers."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, LIVE_SLUG, log_in
from tests.browser.test_accessibility import BLOCKING, describe
from tests.support.server import EDITOR_PASSWORD

BLOG_PATH = f"/newsblog/{LIVE_SLUG}/"
ANNA, ANNA_PASSWORD = "anna", "e2e-anna-password-1"


@pytest.fixture(scope="module")
def server(site):
    # The shared machine can be slow to start a server; the fixture of conftest, with more patience.
    return site.start(start_timeout=120)


def log_in_as(page, server, username: str, password: str, next_path: str) -> None:
    page.goto(f"{server.url}/anmelden/?next={next_path}")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill(password)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(f"{server.url}{next_path}")


def at_the_desk(page):
    page.wait_for_selector("#desk-team[data-connection=open]", state="attached", timeout=5000)
    return page


def test_two_editors_see_each_other_type_and_chat_live(new_page, server, site):
    # adduser creates the user or sets role and password again: fine to call in every run.
    site.manage("adduser", ANNA, "--role", "editor", "--first-name", "Anna", "--last-name", "Keller",
                env=site.env(NEWSDESK_PASSWORD=ANNA_PASSWORD))
    assert EDITOR_PASSWORD
    desk = new_page()
    log_in(desk, server, BLOG_PATH)  # the demo editor, "Demo Redaktion"
    at_the_desk(desk)
    anna = new_page()
    log_in_as(anna, server, ANNA, ANNA_PASSWORD, BLOG_PATH)
    at_the_desk(anna)

    # Presence: each sees the other (and not themself), live, without reloading.
    expect(desk.locator("#desk-people")).to_contain_text("Anna Keller")
    expect(anna.locator("#desk-people")).to_contain_text("Demo Redaktion")
    expect(desk.locator("#desk-people .desk-person")).to_have_count(1)

    # "schreibt …": Anna types in the compose box; the desk sees it at once, and it ends by itself.
    anna.locator("#compose-body-editor").click()
    anna.keyboard.type("Der Pegel am Lindrahof")
    expect(desk.locator("#desk-typing")).to_have_text("Anna Keller schreibt …")
    expect(desk.locator('#desk-people .desk-person--typing')).to_have_count(1)
    shots = ARTIFACTS / "desk"
    shots.mkdir(parents=True, exist_ok=True)
    desk.locator("#desk-team").screenshot(path=str(shots / "desk-panel-typing-desktop.png"))
    expect(desk.locator("#desk-typing")).to_have_text("", timeout=15_000)

    # Desk chat: a message with a mention arrives live on Anna's page, highlighted for her.
    text = f"@anna übernimmst du die Pressekonferenz um 18 Uhr? {uuid.uuid4().hex[:6]}"
    desk.get_by_label("Nachricht an den Desk").fill(text)
    desk.get_by_label("Nachricht an den Desk").press("Enter")
    expect(desk.locator("#desk-input")).to_have_value("")
    message = anna.locator(".desk-message", has_text=text[7:])
    expect(message).to_be_visible()
    expect(message).to_have_class(re.compile(r"desk-message--me"))
    expect(message.locator("mark.desk-mention--me")).to_have_text("@anna")
    expect(message.locator(".desk-message__author")).to_have_text("Demo Redaktion")
    expect(desk.locator(".desk-message", has_text=text[7:])).to_have_count(1)  # sent once, shown once
    reply = f"Ja, mache ich. <b>kein HTML</b> {uuid.uuid4().hex[:6]}"
    anna.get_by_label("Nachricht an den Desk").fill(reply)
    anna.locator("#desk-team").get_by_role("button", name="Senden", exact=True).click()
    expect(desk.locator(".desk-message__text", has_text=reply)).to_have_text(reply)
    assert desk.locator(".desk-message b").count() == 0

    # The panel with people, messages and a mention passes axe (no serious or critical violation).
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(desk, context="#desk-team").response["violations"]
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, describe(blocking)

    # "Wird gerade von … bearbeitet": the desk opens an entry; Anna sees the badge and, opening it too, the notice.
    first = desk.locator("#entry-stream .entry").first
    entry_id = first.get_attribute("data-entry-id")
    first.get_by_role("button", name="Bearbeiten").click()
    expect(first.locator(".entry-edit")).to_be_visible()
    anna_entry = anna.locator(f"#eintrag-{entry_id}")
    expect(anna_entry.locator(".desk-editing-badge")).to_have_text("Demo Redaktion bearbeitet")
    anna_entry.get_by_role("button", name="Bearbeiten").click()
    expect(anna_entry.locator(".desk-editing-notice")).to_have_text("Wird gerade von Demo Redaktion bearbeitet")
    expect(first.locator(".desk-editing-notice")).to_have_text("Wird gerade von Anna Keller bearbeitet")

    desk.locator("#desk-team").screenshot(path=str(shots / "desk-panel-desktop.png"))
    first.screenshot(path=str(shots / "desk-entry-editing-desktop.png"))
    desk.screenshot(path=str(shots / "desk-page-desktop.png"))
    anna.set_viewport_size({"width": 390, "height": 844})
    anna.locator("#desk-team").scroll_into_view_if_needed()
    anna.locator("#desk-team").screenshot(path=str(shots / "desk-panel-phone.png"))
    blocking = [v for v in Axe().run(anna, context="#desk-team").response["violations"] if v["impact"] in BLOCKING]
    assert not blocking, describe(blocking)
    anna.screenshot(path=str(shots / "desk-page-phone.png"))
    anna_entry.scroll_into_view_if_needed()
    anna_entry.screenshot(path=str(shots / "desk-entry-editing-phone.png"))

    # Cancel: Anna's badge goes away on the desk's page when she closes her editor.
    anna_entry.get_by_role("button", name="Abbrechen").click()
    expect(first.locator(".desk-editing-notice")).to_have_count(0)

    # Leaving: closing Anna's page removes her from the desk at once.
    anna.close()
    expect(desk.locator("#desk-people .desk-person")).to_have_count(0)
    expect(desk.locator("#desk-alone")).to_be_visible()


def test_readers_get_no_desk(new_page, server):
    reader = new_page(width=390)
    reader.goto(server.url + BLOG_PATH)
    expect(reader.locator("#liveblog")).to_be_visible()
    assert reader.locator("#desk-team").count() == 0
    response = reader.request.get(f"{server.url}/redaktion/desk/{LIVE_SLUG}/ereignisse/")
    assert response.status == 403
    assert "Redaktion" in response.json()["detail"]
    response = reader.request.get(f"{server.url}/redaktion/desk/{LIVE_SLUG}/chat/")
    assert response.status == 403
