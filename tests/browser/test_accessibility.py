"""axe-core (axe-playwright-python, its bundled axe.min.js: no network) on the reader pages, phone and desktop.

A page passes when axe reports no violation of impact "serious" or "critical"; a failure lists each one
with its rule, help text, link and the offending elements, so it can be fixed without re-running by hand.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import LIVE_SLUG

ARTICLE = "/artikel/stadtrat-beschliesst-soforthilfe/"
NOT_FOUND = "/artikel/gibt-es-nicht/"  # the site's own 404 page (served with DEBUG off, see `production`)

READER_PAGES = [
    "/",
    ARTICLE,
    f"/newsblog/{LIVE_SLUG}/",
    "/newsblog/",
    "/thema/stadt-und-politik/",
    "/autor/jana-bergmeier/",
    "/archiv/",
    "/suche/?q=Hochwasser",
    NOT_FOUND,
]

# Job listings and the legal pages linked from every footer (a remote demo posting: more JSON-LD and labels).
JOB_PAGES: list[str] = ["/jobs/", "/jobs/datenjournalismus-remote-lindra-datenlabor/", "/impressum/", "/datenschutz/"]

BLOCKING = {"serious", "critical"}
VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 900)}


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node['html'][:160]}")
            if node.get("failureSummary"):
                lines.append("      " + node["failureSummary"].replace("\n", "\n      "))
    return "\n".join(lines)


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.fixture(scope="module")
def production(site):
    """The same site with DEBUG off: with DEBUG on, Django shows its technical 404 page instead of ours."""
    return site.start(DEBUG="false", SECRET_KEY="axe-test-" + "k" * 50)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("path", READER_PAGES + JOB_PAGES)
def test_no_serious_or_critical_axe_violations(new_page, server, production, axe, path, viewport):
    page = new_page(*VIEWPORTS[viewport])
    response = page.goto((production if path == NOT_FOUND else server).url + path)
    assert response.status == (404 if path == NOT_FOUND else 200), path
    results = axe.run(page)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING]
    assert not blocking, f"axe on {path} ({viewport}):\n{describe(blocking)}"


@pytest.mark.parametrize("path", ["/", ARTICLE, f"/newsblog/{LIVE_SLUG}/", "/suche/?q=Hochwasser"])
def test_landmarks_one_h1_and_skip_link(new_page, server, path):
    page = new_page()
    page.goto(server.url + path)
    expect(page.locator("h1")).to_have_count(1)
    for landmark in ("banner", "main", "contentinfo"):
        expect(page.get_by_role(landmark)).to_have_count(1)
    expect(page.get_by_role("navigation", name="Hauptnavigation")).to_be_visible()
    # The skip link is the first stop for the keyboard, visible when focused, and moves focus to the content.
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Zum Inhalt springen")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_keyboard_focus_is_visible(new_page, server):
    page = new_page()
    page.goto(server.url + "/")
    for _ in range(3):
        page.keyboard.press("Tab")
    outline = page.evaluate("""() => {
        const style = getComputedStyle(document.activeElement);
        return {style: style.outlineStyle, width: parseFloat(style.outlineWidth)};
    }""")
    assert outline["style"] != "none" and outline["width"] >= 2, outline


def test_axe_runs_offline_and_reports_what_it_should(new_page, server, axe):
    """The bundled axe.min.js is injected from disk; a picture without alt text on the page must be reported."""
    page = new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server.url)
               else route.abort())  # nothing but our own server: axe must not need the network
    page.goto(server.url + "/")
    page.evaluate("""document.querySelector('main').insertAdjacentHTML('beforeend', '<img src="/static/x.png">')""")
    found = {v["id"]: v["impact"] for v in axe.run(page).response["violations"]}
    assert found.get("image-alt") == "critical", found
