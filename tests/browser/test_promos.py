"""Promo boxes in a real browser (issue 17): between newsblog entries and after an article on a phone, and the
newsblog's "Ältere Einträge laden" keeping the reading place over a reload."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.conftest import LIVE_SLUG

ARTICLE_PATH = "/artikel/nach-der-flut-wie-kelmsbrueck-aufraeumt/"
BLOG_PATH = f"/newsblog/{LIVE_SLUG}/"
SHOTS = Path("/tmp/shots-promos")


def _no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways"


def test_promo_boxes_between_entries_and_after_the_article_on_a_phone(new_page, server):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((390, 844), (1280, 900)):
        page = new_page(width=width, height=height)
        page.goto(server.url + BLOG_PATH)
        boxes = page.locator("#entry-stream .promo-slot--newsblog .promo")
        expect(boxes.first).to_be_visible()
        assert boxes.count() >= 2  # the demo boxes every 6 entries, in turn
        # a box stands between two entries, never inside one
        assert page.evaluate("""() => {
            const box = document.querySelector('#entry-stream .promo-slot--newsblog');
            return box.previousElementSibling.classList.contains('entry')
                && box.nextElementSibling.classList.contains('entry');
        }""")
        paid = page.locator("#entry-stream .promo", has=page.locator(".promo__label"))
        expect(paid.first.locator(".promo__label")).to_have_text("Anzeige")
        assert paid.first.locator("a.promo__link").get_attribute("rel") == "sponsored noopener"
        _no_sideways_scroll(page)
        boxes.first.scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -160)")
        page.screenshot(path=str(SHOTS / f"newsblog-promo-{width}.png"))

        page.goto(server.url + ARTICLE_PATH)
        after_text = page.locator("article .promo-slot--article_end .promo")
        expect(after_text.first).to_be_visible()
        assert page.evaluate("""() => {
            const body = document.querySelector('.article__body');
            const slot = document.querySelector('.promo-slot--article_end');
            return !!(body.compareDocumentPosition(slot) & Node.DOCUMENT_POSITION_FOLLOWING);
        }""")
        expect(page.locator(".article-after .promo-slot--sidebar .promo").first).to_be_visible()  # the book tip
        box = after_text.first.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        _no_sideways_scroll(page)
        after_text.first.scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -160)")
        page.screenshot(path=str(SHOTS / f"article-promo-{width}.png"))
        # no request leaves the site for a box (no tracking, no third party)
        hosts = page.evaluate("performance.getEntriesByType('resource').map(e => new URL(e.name).host)")
        assert set(hosts) <= {server.url.split("//")[1]}


def test_older_entries_keep_the_reading_place_over_a_reload(new_page, server):
    page = new_page(width=1280, height=900)
    page.goto(server.url + BLOG_PATH)
    entries = page.locator("#entry-stream .entry")
    first_count = entries.count()
    page.locator("#entry-stream .load-more a").first.click()
    page.wait_for_function("n => document.querySelectorAll('#entry-stream .entry').length > n", arg=first_count)
    page.wait_for_url(re.compile(r"\?vor=\d+"))
    loaded = entries.count()
    # read on down into the older entries
    reading = entries.nth(first_count + 5)
    reading_id = reading.get_attribute("data-entry-id")
    reading.evaluate("element => element.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(600)  # the place is kept a moment after scrolling stops
    page.reload()
    expect(entries).to_have_count(loaded)  # the same entries again, rendered by the server
    again = page.locator(f"#eintrag-{reading_id}")
    expect(again).to_be_in_viewport()
    top = again.bounding_box()["y"]
    assert -40 <= top <= 120, f"the entry read before the reload is at the top, not at {top}px"
    # Back from another page lands there too.
    page.goto(server.url + ARTICLE_PATH)
    page.go_back()
    expect(page.locator(f"#eintrag-{reading_id}")).to_be_in_viewport()
