"""An editor marks a newsblog entry as breaking news in the compose box; a reader sees the "Eilmeldung" mark live."""

from __future__ import annotations

import uuid

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, LIVE_SLUG, log_in

BLOG_PATH = f"/newsblog/{LIVE_SLUG}/"


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 900)])
def test_breaking_entry_from_the_compose_box_reaches_readers_with_its_mark(new_page, server, width, height):
    headline = f"Eilmeldung-Test {uuid.uuid4().hex[:6]}: Brücke an der Lindra gesperrt"
    reader = new_page(width=width, height=height)
    reader.goto(server.url + BLOG_PATH)
    editor = new_page()
    log_in(editor, server, BLOG_PATH)
    editor.locator("#compose-headline").fill(headline)
    editor.locator("#compose-body-editor").click()  # the rich-text editor
    editor.keyboard.type("Die Polizei sperrt die Brücke, bitte weiträumig umfahren.")
    editor.get_by_label("Eilmeldung (benachrichtigt Abonnenten per E-Mail)").check()
    editor.keyboard.press("Control+Enter")
    expect(editor.locator("#compose-status")).to_have_text("Veröffentlicht.")
    expect(editor.get_by_label("Eilmeldung (benachrichtigt Abonnenten per E-Mail)")).not_to_be_checked()

    entry = reader.locator("article.entry", has_text=headline)
    expect(entry).to_be_visible(timeout=5_000)  # pushed, no reload
    expect(entry.locator(".badge--breaking")).to_have_text("Eilmeldung")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    entry.screenshot(path=str(ARTIFACTS / f"breaking-entry-{width}.png"))
    editor.locator(".compose").screenshot(path=str(ARTIFACTS / "breaking-compose.png"))
