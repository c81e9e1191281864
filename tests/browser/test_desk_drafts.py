"""The desk of a newsblog in real browsers: autosave through a closed tab, a scheduled entry going out by itself,
a contributor's entry approved by an editor while a reader watches. Screenshots of the panels for people to look at."""

from __future__ import annotations

import os
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.support.server import EDITOR_PASSWORD

SHOTS = Path(os.environ.get("DESK_SHOTS", "/tmp/shots-drafts"))
CONTRIBUTOR, CHIEF = "conny-desk", "chefin-desk"


def unique(text: str) -> str:
    return f"{text} {uuid.uuid4().hex[:6]}"


@pytest.fixture(scope="module")
def people(site, server):
    """A contributor and an admin (who assigns contributors) next to the demo editor."""
    env = site.env(NEWSDESK_PASSWORD=EDITOR_PASSWORD)
    site.manage("adduser", CONTRIBUTOR, "--role", "contributor", "--first-name", "Conny", "--last-name", "Kurz",
                env=env)
    site.manage("adduser", CHIEF, "--role", "admin", env=env)
    return {"admin_token": site.manage("token", "create", CHIEF).strip()}


def new_blog(api, server, people, title: str) -> str:
    response = api.client.post("/liveblogs", json={"title": unique(title), "teaser": "Ein erfundener Einsatz."})
    assert response.status_code == 201, response.text
    slug = response.json()["slug"]
    assigned = httpx.patch(f"{server.url}/api/v1/liveblogs/{slug}", json={"contributors": [CONTRIBUTOR]},
                           headers={"Authorization": f"Bearer {people['admin_token']}"}, timeout=10)
    assert assigned.status_code == 200, assigned.text
    return slug


def log_in_as(page, server, username: str, next_path: str) -> None:
    page.goto(f"{server.url}/anmelden/?next={next_path}")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill(EDITOR_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(f"{server.url}{next_path}")


def open_reader(new_page, server, path: str):
    page = new_page()
    page.goto(server.url + path)
    page.evaluate("window.__noReload = true")  # a reload would drop it
    page.wait_for_selector("#liveblog[data-connection=open]", state="attached", timeout=5000)
    return page


def type_into_compose(page, text: str, headline: str = "") -> None:
    if headline:
        page.locator("#compose-headline").fill(headline)
    page.locator("#compose-body-editor").click()
    page.keyboard.type(text)


def test_editor_closes_the_tab_mid_sentence_and_finds_the_draft(new_page, server, api, people):
    slug = new_blog(api, server, people, "Pumpwerk Lindrahof")
    path = f"/newsblog/{slug}/"
    editor = new_page()
    log_in(editor, server, path)
    type_into_compose(editor, "Die Pumpen am Lindrahof laufen seit dem frühen Abend", headline="Pumpwerk")
    expect(editor.locator("#compose-autosave")).to_contain_text("Entwurf automatisch gespeichert")
    editor.keyboard.type(" ohne Pause, sagt der Einsatzle")  # mid-word, and the tab closes at once
    context = editor.context
    editor.close(run_before_unload=True)

    again = context.new_page()
    # The last words left with the closing tab (a keepalive request): coming back, the editor may be faster
    # than that request; a few seconds later the draft holds them.
    for _ in range(10):
        again.goto(server.url + path)
        if "Einsatzle" in again.evaluate("(document.getElementById('compose-resume-body') || {}).innerHTML || ''"):
            break
        again.wait_for_timeout(500)
    banner = again.locator("#compose-resume")
    expect(banner).to_contain_text("unfertigen Eintrag (gerade eben)")
    again.get_by_role("button", name="Entwurf fortsetzen").click()
    expect(again.locator("#compose-body-editor")).to_contain_text(
        "Die Pumpen am Lindrahof laufen seit dem frühen Abend ohne Pause, sagt der Einsatzle")
    expect(again.locator("#compose-headline")).to_have_value("Pumpwerk")
    # Finished and published: the scratch draft is gone, the next visit offers nothing.
    again.keyboard.type("iter.")
    again.keyboard.press("Control+Enter")
    expect(again.locator("#compose-status")).to_have_text("Veröffentlicht.")
    expect(again.locator(".entry", has_text="sagt der Einsatzleiter.")).to_have_count(1)
    again.wait_for_timeout(500)
    again.reload()
    expect(again.locator("#compose-resume")).to_have_count(0)


def test_draft_and_preview_from_the_compose_box(new_page, server, api, people):
    slug = new_blog(api, server, people, "Sandsäcke Nordufer")
    path = f"/newsblog/{slug}/"
    reader = open_reader(new_page, server, path)
    editor = new_page()
    log_in(editor, server, path)
    text = unique("Am Nordufer werden Sandsäcke gefüllt")
    type_into_compose(editor, text, headline="Sandsäcke")
    editor.get_by_role("button", name="Vorschau").click()
    preview = editor.locator("#compose-preview")
    expect(preview.locator(".entry .entry__headline")).to_have_text("Sandsäcke")
    expect(preview.locator(".entry__body")).to_contain_text(text)
    editor.get_by_role("button", name="Als Entwurf speichern").click()
    expect(editor.locator("#compose-status")).to_have_text("Als Entwurf gespeichert.")
    drafts = editor.locator(".desk-panel--drafts")
    expect(drafts.locator(".desk-item", has_text=text)).to_be_visible()
    expect(drafts.locator(".desk-item", has_text=text)).to_contain_text("Redaktion")  # the author
    editor.wait_for_timeout(800)
    expect(reader.locator(".entry", has_text=text)).to_have_count(0)
    drafts.locator(".desk-item", has_text=text).get_by_role("button", name="Veröffentlichen").click()
    expect(reader.locator(".entry", has_text=text)).to_be_visible(timeout=5000)
    assert reader.evaluate("window.__noReload") is True


def test_a_scheduled_entry_appears_for_a_reader_at_its_time_without_reload(new_page, server, api, people):
    slug = new_blog(api, server, people, "Pegelstand Mittag")
    path = f"/newsblog/{slug}/"
    text = unique("Der Pegel sinkt auf 6,10 Meter")
    at = datetime.now(UTC) + timedelta(seconds=8)
    entry = api.post_entry(slug, text, publish_at=at.isoformat())
    assert entry["status"] == "scheduled"
    reader = open_reader(new_page, server, path)
    expect(reader.locator(".entry", has_text=text)).to_have_count(0)
    # Nobody online on the desk: the server's scheduler round publishes it (every 5 s).
    expect(reader.locator(".entry", has_text=text)).to_be_visible(timeout=25_000)
    assert reader.evaluate("window.__noReload") is True
    assert datetime.now(UTC) >= at


def test_a_contributor_entry_is_approved_and_a_reader_sees_it_live(new_page, server, api, people):
    slug = new_blog(api, server, people, "Deichwache Süd")
    path = f"/newsblog/{slug}/"
    reader = open_reader(new_page, server, path)
    editor = new_page()
    log_in(editor, server, path)
    editor.wait_for_selector("#liveblog[data-desk=open]", state="attached")
    contributor = new_page()
    log_in_as(contributor, server, CONTRIBUTOR, path)
    expect(contributor.locator("#compose-key")).to_have_count(0)  # no key events, pins, breaking news
    text = unique("Vor Ort: Die Deichwache Süd meldet eine Sickerstelle")
    type_into_compose(contributor, text)
    contributor.get_by_role("button", name="Zur Freigabe einreichen").click()
    expect(contributor.locator("#compose-status")).to_have_text("Zur Freigabe eingereicht.")
    expect(contributor.locator(".desk-panel--mine .desk-item", has_text=text)).to_contain_text("Zur Freigabe")

    # The editor's queue grows without a reload; the reader sees nothing yet.
    expect(editor.locator("#desk-pending-count")).to_have_text("1")
    queued = editor.locator(".desk-panel--pending .desk-item", has_text=text)
    expect(queued).to_contain_text("Conny Kurz")
    expect(reader.locator(".entry", has_text=text)).to_have_count(0)
    queued.get_by_role("button", name="Freigeben").click()

    expect(reader.locator(".entry", has_text=text)).to_be_visible(timeout=5000)
    expect(reader.locator(".entry", has_text=text).locator(".entry__author")).to_have_text("Conny Kurz")
    assert reader.evaluate("window.__noReload") is True
    expect(editor.locator("#desk-pending-count")).to_have_text("0")
    # The contributor sees the outcome on their desk, live.
    expect(contributor.locator(".desk-panel--mine .desk-item", has_text=text)).to_contain_text("Veröffentlicht")


def test_send_back_reaches_the_contributor(new_page, server, api, people):
    slug = new_blog(api, server, people, "Notunterkunft Turnhalle")
    path = f"/newsblog/{slug}/"
    contributor = new_page()
    log_in_as(contributor, server, CONTRIBUTOR, path)
    contributor.wait_for_selector("#liveblog[data-desk=open]", state="attached")
    editor = new_page()
    log_in(editor, server, path)
    text = unique("In der Turnhalle sind 40 Feldbetten aufgebaut")
    type_into_compose(contributor, text)
    contributor.get_by_role("button", name="Zur Freigabe einreichen").click()
    queued = editor.locator(".desk-panel--pending .desk-item", has_text=text)
    queued.get_by_placeholder("Notiz für den Mitarbeiter").fill("Bitte Quelle nennen")
    queued.get_by_role("button", name="Zurückschicken").click()
    mine = contributor.locator(".desk-panel--mine .desk-item", has_text=text)
    expect(mine).to_contain_text("Notiz der Redaktion: Bitte Quelle nennen")
    expect(mine.get_by_role("button", name="Zur Freigabe einreichen")).to_be_visible()


@pytest.mark.parametrize("width", [390, 1280])
def test_screenshots_of_the_desk(new_page, server, api, people, width):
    """Drafts, scheduled entries and the approval queue, filled, at phone and desktop width."""
    slug = new_blog(api, server, people, "Hochwasser Nachtschicht")
    path = f"/newsblog/{slug}/"
    api.post_entry(slug, "<p>Die Stadtwerke prüfen, ob das Umspannwerk Ost abgeschaltet werden muss.</p>",
                   headline="Umspannwerk Ost", status="draft")
    api.post_entry(slug, "<p>Um 18 Uhr spricht die Oberbürgermeisterin im Rathaus.</p>", headline="Pressekonferenz",
                   publish_at=(datetime.now(UTC) + timedelta(hours=3)).isoformat())
    contributor = new_page(width=width)
    log_in_as(contributor, server, CONTRIBUTOR, path)
    type_into_compose(contributor, "Am Wehr Kelmsau steht das Wasser zehn Zentimeter unter der Krone.")
    contributor.get_by_role("button", name="Zur Freigabe einreichen").click()
    expect(contributor.locator("#compose-status")).to_have_text("Zur Freigabe eingereicht.")
    editor = new_page(width=width)
    log_in(editor, server, path)
    type_into_compose(editor, "Die Feuerwehr meldet einen weiteren Einsatz am")
    expect(editor.locator("#compose-autosave")).to_contain_text("Entwurf automatisch gespeichert")
    editor.reload()
    expect(editor.locator("#compose-resume")).to_be_visible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    editor.locator("#desk").scroll_into_view_if_needed()
    editor.screenshot(path=str(SHOTS / f"desk-editor-{width}.png"), full_page=True)
    editor.get_by_role("button", name="Entwurf fortsetzen").click()
    editor.get_by_role("button", name="Vorschau").click()
    expect(editor.locator("#compose-preview .entry")).to_be_visible()
    editor.locator("#compose-preview").screenshot(path=str(SHOTS / f"desk-preview-{width}.png"))
    contributor.reload()
    contributor.screenshot(path=str(SHOTS / f"desk-contributor-{width}.png"), full_page=True)
