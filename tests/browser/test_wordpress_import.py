"""Imported WordPress edge cases render in a real browser, and an old address lands on the new page."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support.services import require_dataset

SHOTS = Path(os.environ.get("WPIMPORT_SHOTS", "/tmp/wpimport-shots"))
EDGE_CASES = ["title-should-not-overflow-the-content-area", "markup-image-alignment", "post-format-gallery",
              "blocks-embeds", "edge-case-nested-and-mixed-lists", "markup-html-tags-and-formatting"]


@pytest.fixture(scope="module")
def imported(site):
    path = require_dataset("wordpress/themeunittestdata.wordpress.xml")
    out = site.manage("import", "wordpress", str(path), "--no-progress")
    assert "Import finished without errors." in out
    return site


@pytest.mark.parametrize("width", [390, 1280])
def test_imported_edge_cases_render_without_errors_or_overflow(imported, new_page, width):
    server = imported.servers[0] if imported.servers else imported.start()
    page = new_page(width=width, height=900)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    SHOTS.mkdir(parents=True, exist_ok=True)
    for slug in EDGE_CASES:
        response = page.goto(f"{server.url}/artikel/{slug}/")
        assert response.status == 200, slug
        assert page.locator("h1").count() == 1
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{slug} is {overflow}px wider than the {width}px screen"
        page.screenshot(path=str(SHOTS / f"{slug}-{width}.png"), full_page=True)
    assert errors == []


def test_old_wordpress_address_lands_on_the_imported_article(imported, new_page):
    server = imported.servers[0] if imported.servers else imported.start()
    page = new_page()
    response = page.goto(f"{server.url}/2013/01/11/markup-html-tags-and-formatting/")
    assert response.status == 200
    assert page.url == f"{server.url}/artikel/markup-html-tags-and-formatting/"
