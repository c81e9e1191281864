"""A reader posts, a moderator approves with the keyboard, a third reader sees it without reloading."""

from __future__ import annotations

import uuid

from tests.browser.conftest import LIVE_SLUG
from tests.browser.test_comments_reader import confirm_comment_email

MODERATOR, MODERATOR_PASSWORD = "moni", "a-long-moderator-password"


def test_reader_posts_moderator_approves_with_keys_third_reader_sees_it_live(new_page, site, server):
    site.manage("adduser", MODERATOR, "--role", "moderator", env=site.env(NEWSDESK_PASSWORD=MODERATOR_PASSWORD))
    url = f"{server.url}/newsblog/{LIVE_SLUG}/"
    marker = uuid.uuid4().hex[:8]

    writer = new_page()
    writer.goto(url)
    writer.get_by_label("Name (wird mit Ihrem Kommentar angezeigt)").fill(f"Leserin {marker}")
    writer.get_by_label("E-Mail (wird nie angezeigt)").fill(f"{marker}@example.org")
    writer.get_by_label("Ihr Kommentar").fill("Die Sandsäcke am Bauhof sind alle. Gibt es am Rathaus Nachschub "
                                            "für die Anwohner an der Lindra?")
    writer.get_by_label("Ich habe die Datenschutzhinweise gelesen", exact=False).check()
    writer.get_by_role("button", name="Kommentar senden").click()
    writer.wait_for_selector("#comment-notice")
    assert "Ihr Kommentar wird nach Prüfung freigeschaltet" in writer.inner_text("#comment-notice")
    assert marker in writer.locator(".comment--pending").inner_text()
    confirm_comment_email(writer, site, server, f"{marker}@example.org")  # a first comment: confirm the address

    third = new_page()
    third.goto(url)
    assert third.locator(f"#comment-list :text('{marker}')").count() == 0
    third.evaluate("window.notReloaded = true")
    third.wait_for_timeout(500)  # the EventSource connects

    moderator = new_page()
    moderator.goto(f"{server.url}/anmelden/?next=/moderation/")
    moderator.get_by_label("Benutzername").fill(MODERATOR)
    moderator.get_by_label("Passwort").fill(MODERATOR_PASSWORD)
    moderator.get_by_role("button", name="Anmelden").click()
    moderator.wait_for_url(f"{server.url}/moderation/")
    items = moderator.locator(".queue-item")
    position = next(i for i in range(items.count()) if marker in items.nth(i).inner_text())
    for _ in range(position):
        moderator.keyboard.press("j")
    assert marker in moderator.locator(".queue-item.is-current").inner_text()
    moderator.keyboard.press("a")
    moderator.wait_for_load_state("load")

    third.wait_for_selector(f"#comment-list .comment:has-text('{marker}')")
    assert third.evaluate("window.notReloaded === true")
