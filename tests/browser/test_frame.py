"""The page frame in a browser (issue 17): the phone menu by keyboard, favicon and manifest without a 404,
share links with the page's own address, relative times, and axe-core with the menu open."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import LIVE_SLUG
from tests.browser.test_accessibility import BLOCKING, describe

ARTICLE = "/artikel/stadtrat-beschliesst-soforthilfe/"


def watch(page) -> list[str]:
    """Every failed request and console error of the page, as text."""
    problems: list[str] = []
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("console", lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None)
    return problems


def test_phone_menu_opens_and_closes_by_keyboard(new_page, server):
    page = new_page(390, 844)
    problems = watch(page)
    page.goto(server.url + "/")
    header = page.locator(".site-header__inner")
    assert header.bounding_box()["height"] < 80  # one line: brand, "Suche", "Menü"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    toggle = page.get_by_role("button", name="Menü")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    sections = page.locator(".site-header").get_by_role("navigation", name="Ressorts")
    expect(sections).to_be_hidden()
    # Tab from the top: skip link, brand, "Suche", then the menu button.
    for _ in range(4):
        page.keyboard.press("Tab")
    expect(toggle).to_be_focused()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(sections).to_be_visible()
    page.keyboard.press("Tab")
    expect(sections.get_by_role("link", name="Startseite")).to_be_focused()
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()
    expect(sections).to_be_hidden()
    page.keyboard.press("Space")
    expect(sections.get_by_role("link", name="Newsblogs")).to_be_visible()
    assert not problems, problems


def test_axe_with_the_phone_menu_open(new_page, server):
    page = new_page(390, 844)
    page.goto(server.url + "/")
    page.get_by_role("button", name="Menü").click()
    expect(page.locator(".site-header").get_by_role("navigation", name="Ressorts")).to_be_visible()
    results = Axe().run(page)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING]
    assert not blocking, describe(blocking)


def test_without_script_the_sections_are_still_there(chromium, server):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server.url + "/")
        expect(page.locator(".menu-toggle")).to_be_hidden()
        sections = page.locator(".site-header").get_by_role("navigation", name="Ressorts")
        expect(sections.get_by_role("link", name="Newsblogs")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/", ARTICLE, f"/newsblog/{LIVE_SLUG}/"])
def test_favicon_and_manifest_load_without_a_404(new_page, server, path):
    page = new_page()
    problems = watch(page)
    page.goto(server.url + path)
    page.wait_for_load_state("networkidle")
    links = page.eval_on_selector_all("link[rel~=icon], link[rel=apple-touch-icon], link[rel=manifest]",
                                      "els => els.map(e => e.href)")
    assert any(link.endswith("/favicon.ico") for link in links) and any("manifest" in link for link in links)
    for link in links:
        assert page.request.get(link).status == 200, link
    manifest = page.request.get(server.url + "/manifest.webmanifest").json()
    for icon in manifest["icons"]:
        response = page.request.get(server.url + icon["src"])
        assert response.status == 200 and response.headers["content-type"] == "image/png"
    assert page.request.get(server.url + "/favicon.ico").status == 200
    assert not problems, problems


def test_share_links_carry_the_right_address(new_page, server):
    page = new_page()
    page.goto(server.url + ARTICLE)
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    bar = page.locator(".article .share")
    links = bar.locator("a.share__link")
    expect(links).to_have_count(6)
    for href in links.evaluate_all("els => els.map(e => e.href)"):
        assert canonical in unquote(href) and "utm_" not in href
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    bar.get_by_role("button", name="Link kopieren").click()
    expect(bar.locator(".share__status")).to_have_text("Link kopiert.")
    assert page.evaluate("navigator.clipboard.readText()") == canonical

    page.goto(f"{server.url}/newsblog/{LIVE_SLUG}/")
    entry = page.locator("#entries .entry").first
    entry_id = entry.get_attribute("data-entry-id")
    entry.get_by_text("Teilen", exact=True).click()
    whatsapp = entry.locator("a.share__link--whatsapp")
    expect(whatsapp).to_be_visible()
    href = unquote(whatsapp.get_attribute("href"))
    assert re.search(rf"/newsblog/{LIVE_SLUG}/eintrag/{entry_id}/$", href), href


def test_recent_times_read_relative_with_the_absolute_time_as_title(new_page, server, api):
    api.post_entry(LIVE_SLUG, "<p>Der Pegel fällt weiter (Browsertest).</p>")
    page = new_page()
    page.goto(f"{server.url}/newsblog/{LIVE_SLUG}/")
    newest = page.locator("#entries .entry", has_text="Browsertest").locator("time[data-relative]")
    expect(newest).to_have_text(re.compile(r"^vor \d+ Min\.$"))
    assert re.match(r"^\d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr$", newest.get_attribute("title"))
