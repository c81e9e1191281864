"""A reader subscribes from the newsblog page, confirms from the mail, and manages it in the preference centre."""

from __future__ import annotations

import re
import time
import uuid
from email import message_from_bytes, policy

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, LIVE_SLUG
from tests.browser.test_articles import ARTICLE


def mails_to(site, address: str, tries: int = 100) -> list:
    """The server's outbox worker writes mails as files (DEBUG without SMTP); read those sent to `address`."""
    for _ in range(tries):
        found = []
        for path in sorted((site.data_dir / "mail").glob("*.log")) if (site.data_dir / "mail").exists() else []:
            for raw in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
                if raw.strip():
                    message = message_from_bytes(raw.strip() + b"\n", policy=policy.default)
                    if message["To"] == address:
                        found.append(message)
        if found:
            return found
        time.sleep(0.2)
    return []


def test_subscribe_confirm_from_the_mail_and_see_the_preference_centre(new_page, site, server):
    address = f"leserin-{uuid.uuid4().hex[:6]}@example.org"
    page = new_page(width=390, height=800)
    page.goto(f"{server.url}/newsblog/{LIVE_SLUG}/")
    page.get_by_label("E-Mail-Adresse").fill(address)
    page.get_by_role("button", name="Abonnieren").click()
    expect(page.get_by_role("heading", name="Fast geschafft")).to_be_visible()

    (confirmation,) = mails_to(site, address)
    text = confirmation.get_body(("plain",)).get_content()
    link = re.search(r"https?://\S+/abo/bestaetigen/\S+/", text).group(0)
    page.goto(server.url + "/abo/" + link.split("/abo/", 1)[1])
    page.get_by_role("button", name="Abonnement bestätigen").click()
    expect(page.get_by_role("heading", name="Abonniert")).to_be_visible()

    page.get_by_role("link", name="Ihre Abonnements verwalten").click()
    expect(page.get_by_role("heading", name="Ihre Abonnements")).to_be_visible()
    expect(page.locator(".subscription-list")).to_contain_text("Hochwasser der Lindra")
    expect(page.locator(".subscription-list")).to_contain_text("Bestätigt")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "subscription-preferences.png"), full_page=True)

    page.get_by_role("button", name="Abmelden").click()
    expect(page.locator(".subscription-list")).to_contain_text("Abgemeldet")


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 900)])
def test_follow_similar_news_from_an_article_page_confirm_and_manage(new_page, site, server, width, height):
    address = f"aehnlich-{width}-{uuid.uuid4().hex[:6]}@example.org"
    page = new_page(width=width, height=height)
    page.goto(server.url + ARTICLE)
    box = page.locator("section.signup")
    box.get_by_label("Ähnliche News per E-Mail", exact=False).check()
    box.get_by_label("E-Mail-Adresse").fill(address)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    box.screenshot(path=str(ARTIFACTS / f"subscription-box-{width}.png"))
    box.get_by_role("button", name="Abonnieren").click()
    expect(page.get_by_role("heading", name="Fast geschafft")).to_be_visible()

    (confirmation,) = mails_to(site, address)
    assert "Ähnliche News zu" in confirmation.get_body(("plain",)).get_content()
    html = confirmation.get_body(("html",)).get_content()
    link = re.search(r'href="(https?://[^"]+/abo/bestaetigen/[^"]+/)"', html).group(1)
    page.goto(server.url + "/abo/" + link.split("/abo/", 1)[1])  # the mail's button, on this test server
    page.screenshot(path=str(ARTIFACTS / f"subscription-confirm-{width}.png"), full_page=True)
    page.get_by_role("button", name="Abonnement bestätigen").click()
    expect(page.get_by_role("heading", name="Abonniert")).to_be_visible()

    page.get_by_role("link", name="Ihre Abonnements verwalten").click()
    expect(page.get_by_role("heading", name="Ihre Abonnements")).to_be_visible()
    subscriptions = page.locator(".subscription-list")
    expect(subscriptions).to_contain_text("Ähnliche News zu „Stadtrat beschließt Soforthilfe")
    expect(subscriptions).to_contain_text("Bestätigt")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling"
    page.screenshot(path=str(ARTIFACTS / f"subscription-preferences-{width}.png"), full_page=True)
