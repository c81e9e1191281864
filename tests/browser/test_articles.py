"""A reader on the home page, an article and a topic page, on a phone and on a desktop."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS

ARTICLE = "/artikel/stadtrat-beschliesst-soforthilfe/"


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", [390, 1280])
def test_home_to_article_to_topic(new_page, server, width):
    page = new_page(width=width)
    page.goto(server.url + "/")
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator(".live-card .live-badge").first).to_have_text("LIVE")
    expect(page.get_by_role("heading", name="Top-Themen")).to_be_visible()
    assert no_horizontal_scroll(page)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"home-{width}.png"), full_page=True)

    page.get_by_role("link", name="Stadtrat beschließt Soforthilfe für Flutopfer").first.click()
    page.wait_for_url(server.url + ARTICLE)
    expect(page.locator("h1")).to_have_text("Stadtrat beschließt Soforthilfe für Flutopfer")
    expect(page.locator(".article .meta")).to_contain_text("Lesedauer:")
    expect(page.locator(".article .meta")).to_contain_text("Aktualisiert am")
    expect(page.locator(".correction")).to_contain_text("Richtig sind bis zu 10.000 Euro")
    expect(page.locator(".lead-image figcaption")).to_contain_text("Foto:")
    # The browser picked a rendition from srcset (WebP) and knows the size before loading (no layout shift).
    image = page.locator(".lead-image img")
    assert image.get_attribute("width") and image.get_attribute("height")
    page.wait_for_function("() => document.querySelector('.lead-image img').complete")
    assert "/renditions/" in image.evaluate("img => img.currentSrc")
    data = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert data["@type"] == "NewsArticle" and data["author"][0]["name"] == "Jana Bergmeier"
    assert {"headline", "image", "datePublished", "dateModified"} <= data.keys()
    assert no_horizontal_scroll(page)
    page.screenshot(path=str(ARTIFACTS / f"article-{width}.png"), full_page=True)

    page.locator(".topics").get_by_role("link", name="Stadt & Politik").click()
    page.wait_for_url(re.compile(r".*/thema/stadt-und-politik/$"))
    expect(page.locator("h1")).to_have_text("Stadt & Politik")
    assert page.locator("article.story").count() >= 4
    assert no_horizontal_scroll(page)
    page.screenshot(path=str(ARTIFACTS / f"topic-{width}.png"), full_page=True)


def test_article_enlarge_view_works_with_the_keyboard(new_page, server):
    page = new_page()
    page.goto(server.url + ARTICLE)
    enlarge = page.get_by_role("link", name=re.compile("Bild vergrößern"))
    enlarge.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#lightbox")).to_be_visible()
    expect(page.locator("#lightbox .lightbox__caption")).to_contain_text("Foto:")
    page.keyboard.press("Escape")
    expect(page.locator("#lightbox")).to_be_hidden()
    expect(enlarge).to_be_focused()


def test_old_article_address_and_author_page(new_page, server):
    page = new_page(width=390)
    page.goto(server.url + "/autor/tobias-reinwald/")
    expect(page.locator("h1")).to_have_text("Tobias Reinwald")
    expect(page.locator(".author-profile")).to_contain_text("Geografie")
    assert page.locator("article.story").count() >= 5
    page.goto(server.url + "/newsblog/hochwasser-in-kelmsbrueck/")
    data = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert data["@type"] == "LiveBlogPosting" and "/eintrag/" in data["liveBlogUpdate"][0]["url"]
