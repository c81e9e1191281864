"""Search on the demo site: newsblog hits grouped under their newsblog, each entry titled by its own headline and
linked to its own address; the sort switch; on a phone and on a desktop (issue 17)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS

SHOTS = Path("/tmp/shots-search")


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", [390, 1280])
def test_results_are_grouped_and_titled(new_page, server, width):
    page = new_page(width=width)
    page.goto(server.url + "/suche/?q=Lindra")
    group = page.locator(".search-group").first
    expect(group.locator(".search-group__head")).to_contain_text(re.compile(r"\d+ Treffer im Newsblog"))
    expect(group.locator(".search-group__title")).to_have_attribute("href", re.compile(r"^/newsblog/[\w-]+/$"))
    links = group.locator(".search-group__hits .search-hit__title a")
    assert 1 <= links.count() <= 3
    for n in range(links.count()):
        assert re.fullmatch(r"/newsblog/[\w-]+/eintrag/\d+/", links.nth(n).get_attribute("href"))
        assert links.nth(n).inner_text().strip()  # a headline or the entry's first words, never empty
    expect(group.locator(".search-group__more a")).to_contain_text(re.compile(r"Alle \d+ Treffer"))
    expect(page.locator(".search-results mark").first).to_be_visible()
    assert no_horizontal_scroll(page)
    for folder in (ARTIFACTS, SHOTS):
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / f"search-{width}.png"), full_page=True)

    group.locator(".search-group__more a").click()
    expect(page.locator(".search__scope")).to_contain_text("Treffer im Newsblog")
    expect(page.locator(".search-group")).to_have_count(0)
    page.get_by_role("link", name="Neueste").click()
    expect(page).to_have_url(re.compile(r"sortierung=neu"))
    expect(page).to_have_url(re.compile(r"in=newsblog-"))
    times = page.locator(".search-hit time").evaluate_all("ts => ts.map(t => t.getAttribute('datetime'))")
    assert times == sorted(times, reverse=True) and len(times) > 1


def test_entry_headline_search_lists_that_entry(new_page, server):
    page = new_page(width=390)
    page.goto(server.url + "/suche/?q=Evakuierung+in+Niederau+angeordnet")
    first = page.locator(".search-hit").first
    title = first.locator(".search-hit__title a")
    expect(title).to_have_text("Evakuierung in Niederau angeordnet")
    assert re.fullmatch(r"/newsblog/[\w-]+/eintrag/\d+/", title.get_attribute("href"))
    expect(first.locator(".search-hit__group")).to_contain_text("im Newsblog")
    title.click()
    expect(page).to_have_url(re.compile(r"/eintrag/\d+/$"))


def test_did_you_mean(new_page, server):
    page = new_page()
    page.goto(server.url + "/suche/?q=Evakuirung")
    suggestion = page.locator(".search__suggestion a")
    expect(suggestion).to_have_text("Evakuierung")
    suggestion.click()
    expect(page.locator(".search-hit").first).to_be_visible()
    page.screenshot(path=str(SHOTS / "search-suggestion-1280.png"), full_page=True)
