"""A reader posts, a moderator approves with the keyboard, a third reader sees it without reloading."""

from __future__ import annotations

import uuid

import httpx
from playwright.sync_api import expect

from tests.browser.conftest import LIVE_SLUG
from tests.browser.test_comments_reader import confirm_comment_email

MODERATOR, MODERATOR_PASSWORD = "moni", "a-long-moderator-password"


def _post_comment(page, site, server, url: str, marker: str, text: str) -> None:
    """Post as a first-time reader, confirm the address from the mail (the site's default), back on the page."""
    page.goto(url)
    page.get_by_label("Name (wird mit Ihrem Kommentar angezeigt)").fill(f"Leserin {marker}")
    page.get_by_label("E-Mail (wird nie angezeigt)").fill(f"{marker}@example.org")
    page.get_by_label("Ihr Kommentar").fill(text)
    page.get_by_label("Ich habe die Datenschutzhinweise gelesen", exact=False).check()
    page.get_by_role("button", name="Kommentar senden").click()
    page.wait_for_selector("#comment-notice")
    assert "Ihr Kommentar wird nach Prüfung freigeschaltet" in page.inner_text("#comment-notice")
    assert marker in page.locator(".comment--pending").first.inner_text()
    confirm_comment_email(page, site, server, f"{marker}@example.org")
    page.goto(url)


def _log_in_moderator(page, site, server) -> None:
    # adduser creates the user or sets role and password again: fine to call in every test.
    site.manage("adduser", MODERATOR, "--role", "moderator", env=site.env(NEWSDESK_PASSWORD=MODERATOR_PASSWORD))
    page.goto(f"{server.url}/anmelden/?next=/moderation/")
    page.get_by_label("Benutzername").fill(MODERATOR)
    page.get_by_label("Passwort").fill(MODERATOR_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(f"{server.url}/moderation/")


def _focus(page, marker: str) -> None:
    """Move the queue's focus to the item with `marker` using only j (nothing is selected before the first j)."""
    items = page.locator(".queue-item")
    position = next(i for i in range(items.count()) if marker in items.nth(i).inner_text())
    for _ in range(position + 1):
        page.keyboard.press("j")
    assert marker in page.locator(".queue-item.is-current").inner_text()


def test_reader_posts_moderator_approves_with_keys_third_reader_sees_it_live(new_page, site, server):
    url = f"{server.url}/newsblog/{LIVE_SLUG}/"
    marker = uuid.uuid4().hex[:8]
    writer = new_page()
    _post_comment(writer, site, server, url, marker,
                  "Die Sandsäcke am Bauhof sind alle. Gibt es am Rathaus Nachschub "
                                       "für die Anwohner an der Lindra?")

    third = new_page()
    third.goto(url)
    assert third.locator(f"#comment-list :text('{marker}')").count() == 0
    third.evaluate("window.notReloaded = true")
    third.wait_for_timeout(500)  # the EventSource connects

    moderator = new_page()
    _log_in_moderator(moderator, site, server)
    _focus(moderator, marker)
    moderator.keyboard.press("a")  # sent with fetch: the item leaves, no page load
    expect(moderator.locator(f".queue-item:has-text('{marker}')")).to_have_count(0)

    third.wait_for_selector(f"#comment-list .comment:has-text('{marker}')")
    assert third.evaluate("window.notReloaded === true")

    # The third reader reports the comment that arrived live (its form came without a CSRF token: the
    # page's script adds it), and it shows up in the moderators' "Gemeldet" queue with the reason.
    # The third reader reports the comment that arrived live through its notice form (Art. 16 DSA), and it
    # shows up in the moderators' "Meldungen (DSA)" queue with the category.
    arrived = third.locator(f"#comment-list .comment:has-text('{marker}')")
    arrived.get_by_role("link", name="Melden").click()
    third.get_by_label("Verstoß gegen die Kommentarregeln").check()
    third.get_by_label("Warum?", exact=False).fill("Nur Werbung für einen Sandsack-Versand.")
    third.get_by_label("Ich bin in gutem Glauben", exact=False).check()
    third.get_by_role("button", name="Meldung senden").click()
    expect(third.locator("#notice-received")).to_contain_text("Danke")
    moderator.goto(f"{server.url}/moderation/?status=notices")
    reported = moderator.locator(f".queue-item:has-text('{marker}')")
    assert "Verstoß gegen die Kommentarregeln" in reported.inner_text()


def test_rejected_comment_never_appears_anywhere(new_page, site, server):
    url = f"{server.url}/newsblog/{LIVE_SLUG}/"
    marker = uuid.uuid4().hex[:8]
    writer = new_page()
    _post_comment(writer, site, server, url, marker,
                  f"Unerwünschter Text {marker} über die Brückenmühle und den Pegel.")
    watcher = new_page()
    watcher.goto(url)
    watcher.wait_for_timeout(500)  # the EventSource connects

    moderator = new_page()
    _log_in_moderator(moderator, site, server)
    _focus(moderator, marker)
    moderator.keyboard.press("r")
    assert moderator.locator("#reason-picker").is_visible()
    moderator.keyboard.press("1")
    expect(moderator.locator(f".queue-item:has-text('{marker}')")).to_have_count(0)
    moderator.goto(f"{server.url}/moderation/?status=rejected")
    assert marker in moderator.inner_text(".queue__list")

    watcher.wait_for_timeout(1000)
    assert marker not in watcher.content()  # nothing was pushed
    writer.reload()
    assert marker not in writer.content()  # not even to its author once rejected
    paths = ["/", "/newsblog/", f"/newsblog/{LIVE_SLUG}/", "/feed/", "/feed/atom/", "/feed/json/",
             f"/newsblog/{LIVE_SLUG}/feed/", f"/newsblog/{LIVE_SLUG}/feed/atom/", f"/newsblog/{LIVE_SLUG}/feed/json/",
             "/api/v1/liveblogs", f"/api/v1/liveblogs/{LIVE_SLUG}", f"/api/v1/liveblogs/{LIVE_SLUG}/entries?since=0",
             "/sitemap.xml", "/sitemap-news.xml"]
    with httpx.Client(base_url=server.url, timeout=10) as client:
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, path
            assert marker not in response.text, path


def test_bulk_approve_with_x_and_shift_click(new_page, site, server):
    url = f"{server.url}/newsblog/{LIVE_SLUG}/"
    markers = [uuid.uuid4().hex[:8] for _ in range(3)]
    writer = new_page()
    for n, marker in enumerate(markers):
        _post_comment(writer, site, server, url, marker,
                      f"Frage {n} von {marker}: Wann öffnet die Brücke an der Lindra wieder?")
    moderator = new_page()
    _log_in_moderator(moderator, site, server)
    items = moderator.locator(".queue-item")
    texts = [items.nth(i).inner_text() for i in range(items.count())]
    first, second, third = sorted(next(i for i, t in enumerate(texts) if m in t) for m in markers)
    _focus(moderator, next(m for m in markers if m in texts[first]))
    moderator.keyboard.press("x")  # the focused one
    boxes = moderator.locator(".queue-item__select")
    boxes.nth(second).click()
    boxes.nth(third).click(modifiers=["Shift"])  # the range from the last click
    selected = 1 + third - second + 1
    assert moderator.locator(".queue-item__select:checked").count() == selected
    assert all(boxes.nth(i).is_checked() for i in (first, second, third))
    assert f"{selected} ausgewählt" in moderator.inner_text("#bulk-count")
    moderator.get_by_role("button", name="Auswahl freigeben").click()
    expect(moderator.locator("#undo-label")).to_contain_text(f"{selected} Kommentare freigegeben")
    reader = new_page()
    reader.goto(url)
    for marker in markers:
        assert reader.locator(f"#comment-list .comment:has-text('{marker}')").count() == 1
