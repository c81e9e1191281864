"""A first-time reader comments on an article, confirms from the mail, a moderator approves, it appears."""

from __future__ import annotations

import re
import time
import uuid

from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS
from tests.browser.test_subscriptions import mails_to

MODERATOR, MODERATOR_PASSWORD = "mira", "another-long-moderator-password"
ARTICLE = "Nach der Flut: Wie Kelmsbrück aufräumt"


def mail_with(site, address: str, subject_part: str, tries: int = 50):
    """The mail to `address` whose subject contains `subject_part`, once the server's worker has written it."""
    for _ in range(tries):
        found = [m for m in mails_to(site, address) if subject_part in m["Subject"]]
        if found:
            return found[0]
        time.sleep(0.2)
    raise AssertionError(f"no mail to {address} with “{subject_part}”")


def confirm_comment_email(page, site, server, address: str) -> str:
    """Follow the confirmation link of the outbox mail (written to files by the server's worker); returns its text."""
    text = mail_with(site, address, "bestätigen").get_body(("plain",)).get_content()
    link = re.search(r"https?://\S+/kommentare/bestaetigen/\S+/", text).group(0)
    page.goto(server.url + "/kommentare/" + link.split("/kommentare/", 1)[1])
    page.get_by_role("button", name="E-Mail-Adresse bestätigen").click()
    expect(page.get_by_role("heading", name="E-Mail-Adresse bestätigt")).to_be_visible()
    return text


def write_comment(page, marker: str, address: str, body: str, *, notify: bool = False) -> None:
    page.get_by_label("Name (wird mit Ihrem Kommentar angezeigt)").fill(f"Leserin {marker}")
    page.get_by_label("E-Mail (wird nie angezeigt)").fill(address)
    page.get_by_label("Ihr Kommentar").fill(body)
    page.get_by_label("Ich habe die Datenschutzhinweise gelesen", exact=False).check()
    if notify:
        page.get_by_label("Benachrichtigen, wenn mein Kommentar freigeschaltet oder beantwortet wird").check()
    page.get_by_role("button", name="Kommentar senden").click()


def test_first_comment_on_article_confirmed_by_mail_approved_and_shown(new_page, site, server):
    site.manage("adduser", MODERATOR, "--role", "moderator", env=site.env(NEWSDESK_PASSWORD=MODERATOR_PASSWORD))
    marker = uuid.uuid4().hex[:8]
    address = f"leserin-{marker}@example.org"

    reader = new_page(width=390, height=844)
    reader.goto(server.url + "/")
    reader.get_by_role("link", name=ARTICLE).first.click()
    article_url = reader.url
    write_comment(reader, marker, address, f"Danke an alle Helfer beim Aufräumen in Kelmsbrück! ({marker})",
                  notify=True)
    notice = reader.locator("#comment-notice")
    expect(notice).to_contain_text("Ihr Kommentar wird nach Prüfung freigeschaltet")
    expect(notice).to_contain_text("Bitte bestätigen Sie Ihre E-Mail-Adresse")
    expect(reader.locator(".comment--pending")).to_contain_text(marker)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    reader.locator("#kommentare").screenshot(path=str(ARTIFACTS / "comments-article-phone.png"))

    text = confirm_comment_email(reader, site, server, address)
    assert "/kommentare/meine-daten/" in text  # the data and delete-all link is in the confirmation mail

    moderator = new_page()
    moderator.goto(f"{server.url}/anmelden/?next=/moderation/")
    moderator.get_by_label("Benutzername").fill(MODERATOR)
    moderator.get_by_label("Passwort").fill(MODERATOR_PASSWORD)
    moderator.get_by_role("button", name="Anmelden").click()
    moderator.wait_for_url(f"{server.url}/moderation/")
    item = moderator.locator(".queue-item", has_text=marker)
    expect(item).to_contain_text(ARTICLE)
    item.get_by_role("button", name="Freigeben").click()
    expect(item).to_have_count(0)  # decided with fetch: the item leaves the queue without a page load

    other = new_page(width=1280, height=900)
    other.goto(article_url)
    expect(other.locator("#comment-list .comment", has_text=marker)).to_be_visible()
    other.locator("#kommentare").screenshot(path=str(ARTIFACTS / "comments-article-desktop.png"))
    approved = mail_with(site, address, "freigeschaltet").get_body(("plain",)).get_content()
    assert "/kommentare/benachrichtigungen/" in approved and "#kommentar-" in approved

    # The reader asks for their data, opens the mailed link and deletes all their comments: gone live.
    reader.goto(server.url + "/kommentare/meine-daten/")
    reader.get_by_label("E-Mail-Adresse").fill(address)
    reader.get_by_role("button", name="Link senden").click()
    expect(reader.locator("main")).to_contain_text("Falls wir Kommentare von dieser Adresse haben")
    data_mail = mail_with(site, address, "Ihre Kommentare und Daten").get_body(("plain",)).get_content()
    link = re.search(r"https?://\S+/kommentare/meine-daten/\S+/", data_mail).group(0)
    reader.goto(server.url + "/kommentare/" + link.split("/kommentare/", 1)[1])
    expect(reader.locator(".my-data__comments")).to_contain_text(marker)
    reader.screenshot(path=str(ARTIFACTS / "comments-my-data-phone.png"), full_page=True)
    reader.get_by_role("button", name="Alle meine Kommentare löschen").click()
    expect(reader.get_by_role("heading", name="Kommentare gelöscht")).to_be_visible()
    expect(other.locator("#comment-list .comment", has_text=marker)).to_have_count(0)  # removed without reloading
