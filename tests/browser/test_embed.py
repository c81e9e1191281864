"""A newsblog on another site: the embed code an editor copies, pasted into a page of another origin (a second
local server, another port), shows the live newsblog in an iframe that fits its content; a new entry arrives
without a reload. Sites not allowed cannot frame it, and no other page can be framed at all."""

from __future__ import annotations

import functools
import http.server
import re
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import LIVE_SLUG, log_in
from tests.support.server import Server, Site, free_port

BLOG_PATH = f"/newsblog/{LIVE_SLUG}/"
SHOTS = Path("/tmp/shots-embed")
HEIGHT_MESSAGE = "newsdesk:embed-height"

HOST_PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Testhausener Rundschau – Partnerseite</title>
<style>
  body {{ margin: 0; font: 16px/1.5 Arial, sans-serif; color: #222; background: #f4f1ea; }}
  header {{ background: #2d3e50; color: #fff; padding: 12px 16px; font: 700 22px/1.2 Georgia, serif; }}
  main {{ max-width: 760px; margin: 0 auto; padding: 16px; background: #fff; }}
</style></head>
<body><header>Testhausener Rundschau</header>
<main>
  <h1>Hochwasser: Unser Partner berichtet live</h1>
  <p id="before">Eine erfundene Partnerseite. Darunter steht der Newsblog, eingebunden mit dem Code aus newsdesk.</p>
  {snippet}
  <p id="after">Weiter im Text der Partnerseite: Dieser Absatz rückt nach unten, wenn der Newsblog wächst.</p>
</main></body></html>
"""


@dataclass
class Host:
    url: str
    folder: Path

    def page(self, name: str, snippet: str) -> str:
        (self.folder / name).write_text(HOST_PAGE.format(snippet=snippet), encoding="utf-8")
        return f"{self.url}/{name}"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def _serve_folder(folder: Path) -> Iterator[Host]:
    """A tiny static web server on another port: another origin than newsdesk's."""
    port = free_port()
    handler = functools.partial(_QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield Host(f"http://127.0.0.1:{port}", folder)
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def host(tmp_path_factory) -> Iterator[Host]:
    yield from _serve_folder(tmp_path_factory.mktemp("partner-site"))


@pytest.fixture(scope="module")
def stranger(tmp_path_factory) -> Iterator[Host]:
    """A site that is not among the allowed parents."""
    yield from _serve_folder(tmp_path_factory.mktemp("stranger-site"))


@pytest.fixture(scope="module")
def server(site: Site, host: Host) -> Server:
    """newsdesk with the partner site allowed to frame the embed; its own address is the site address."""
    port = free_port()
    return site.start(port=port, start_timeout=120, NEWSDESK_SITE_URL=f"http://127.0.0.1:{port}",
                      EMBED_ALLOWED_PARENTS=host.url)


@pytest.fixture(scope="module")
def codes(chromium, server) -> dict[str, str]:
    """The embed codes as an editor copies them from the newsblog page."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    try:
        page = context.new_page()
        log_in(page, server, BLOG_PATH)
        page.locator("#embed-code summary").click()
        expect(page.locator("#embed-code-full")).to_be_visible()
        return {"full": page.locator("#embed-code-full").input_value(),
                "teaser": page.locator("#embed-code-teaser").input_value()}
    finally:
        context.close()


def unique(text: str) -> str:
    return f"{text} {uuid.uuid4().hex[:6]}"


def embed_frame(page):
    frame = next((f for f in page.frames if "/einbetten/" in f.url), None)
    assert frame is not None, [f.url for f in page.frames]
    return frame


def assert_fits(page) -> int:
    """The iframe is as tall as the embedded document (within a pixel), with nothing to scroll inside."""
    frame = embed_frame(page)
    page.wait_for_function("""() => {
        const frame = document.querySelector("iframe.newsdesk-embed");
        return frame && frame.getAttribute("scrolling") === "no";
    }""")
    deadline = time.monotonic() + 5
    while True:
        content = frame.evaluate("Math.ceil(document.documentElement.getBoundingClientRect().height)")
        outer = page.evaluate("document.querySelector('iframe.newsdesk-embed').getBoundingClientRect().height")
        if abs(outer - content) <= 1 or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert abs(outer - content) <= 1, (outer, content)
    assert frame.evaluate("document.documentElement.scrollHeight <= window.innerHeight + 1")
    return int(outer)


RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
});
"""


def open_host(new_page, host: Host, name: str, snippet: str, **size):
    page = new_page(**size)
    page.add_init_script(RECORD_VIOLATIONS)  # in every frame: the host page and the embed
    page.goto(host.page(name, snippet))
    page.evaluate("window.__noReload = true")
    frame_element = page.locator("iframe.newsdesk-embed")
    expect(frame_element).to_have_count(1)
    inner = page.frame_locator("iframe.newsdesk-embed")
    expect(inner.locator("#liveblog[data-connection=open]")).to_be_attached()
    return page, inner


def test_the_editor_copies_the_code_from_the_newsblog_page(new_page, server):
    page = new_page()
    log_in(page, server, BLOG_PATH)
    box = page.locator("#embed-code")
    box.locator("summary").click()
    code = page.locator("#embed-code-teaser").input_value()
    assert code.startswith(f'<script src="{server.url}/static/liveblogs/embed.js" data-newsblog="{LIVE_SLUG}"')
    assert 'data-variante="teaser"' in code and "<noscript><iframe" in code
    page.locator('[data-copy="embed-code-teaser"]').click()
    # With clipboard access the code is copied; without it (plain http) it is selected for Ctrl+C.
    expect(page.locator("#embed-code-status")).to_have_text(
        re.compile(r"Code kopiert\.|Code markiert: mit Strg\+C kopieren\."))
    assert page.evaluate("document.activeElement.id") == "embed-code-teaser"
    SHOTS.mkdir(parents=True, exist_ok=True)
    box.screenshot(path=str(SHOTS / "editor-embed-box-desktop.png"))


def test_the_embed_on_another_origin_shows_the_live_newsblog_resizes_and_gets_new_entries(
        new_page, host, server, api, codes):
    page, inner = open_host(new_page, host, "voll.html", codes["full"])
    expect(inner.locator("#liveblog-title")).to_contain_text("Kelmsbrück")
    expect(inner.locator(".embed-header__site")).to_have_text("newsdesk")
    assert inner.locator("#entry-stream .entry").count() == 10
    before = assert_fits(page)
    assert before > 900  # grew from the script's first guess to all of its content

    text = unique("Die Stadtwerke melden: Die Notstromaggregate am Wasserwerk laufen.")
    entry = api.post_entry(LIVE_SLUG, f"<p>{text}</p>", headline="Wasserwerk läuft")
    arrived = inner.locator(f"#eintrag-{entry['id']}")
    expect(arrived).to_be_visible(timeout=3000)
    expect(inner.locator("#entry-stream .entry").first).to_have_attribute("id", f"eintrag-{entry['id']}")
    assert inner.locator("#entry-stream .entry").count() == 10  # compact: the oldest one made room
    assert page.evaluate("window.__noReload") is True  # the host page was not reloaded
    assert_fits(page)
    # The host page's own text follows the iframe's height.
    expect(page.locator("#after")).to_be_visible()
    assert embed_frame(page).evaluate("window.__cspViolations") == []  # the embed runs under the site's policy

    for width, height in ((390, 844), (1280, 900)):
        page.set_viewport_size({"width": width, "height": height})
        assert_fits(page)
        name = "phone" if width == 390 else "desktop"
        page.screenshot(path=str(SHOTS / f"host-full-{name}.png"), full_page=False)


def test_the_teaser_keeps_three_entries_as_new_ones_arrive(new_page, host, server, api, codes):
    page, inner = open_host(new_page, host, "teaser.html", codes["teaser"], width=390, height=844)
    stream = inner.locator("#entry-stream .entry")
    expect(stream).to_have_count(3)
    height = assert_fits(page)
    assert height < 900
    entry = api.post_entry(LIVE_SLUG, "<p>" + unique("Der Pegel am Lindrahof sinkt weiter.") + "</p>")
    expect(inner.locator(f"#eintrag-{entry['id']}")).to_be_visible(timeout=3000)
    expect(stream).to_have_count(3)
    expect(stream.first).to_have_attribute("id", f"eintrag-{entry['id']}")
    assert_fits(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "host-teaser-phone.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    assert_fits(page)
    page.screenshot(path=str(SHOTS / "host-teaser-desktop.png"), full_page=True)


def test_links_in_the_embed_open_in_the_top_window(new_page, host, server, codes):
    page, inner = open_host(new_page, host, "links.html", codes["teaser"])
    inner.locator(".embed-footer__more").click()
    page.wait_for_url(server.url + BLOG_PATH)
    expect(page.locator("h1")).to_contain_text("Kelmsbrück")


def test_height_messages_from_elsewhere_are_ignored(new_page, host, server, codes):
    page, _ = open_host(new_page, host, "ignore.html", codes["teaser"])
    height = assert_fits(page)
    # The host page itself (not newsdesk's origin, not the iframe) claims another height: no effect.
    page.evaluate(f"window.postMessage({{type: '{HEIGHT_MESSAGE}', height: 50}}, '*')")
    page.wait_for_timeout(300)
    assert abs(page.evaluate("document.querySelector('iframe.newsdesk-embed').offsetHeight") - height) <= 1


def test_without_javascript_the_plain_iframe_shows_the_newsblog(chromium, host, server, codes):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(host.page("ohne-js.html", codes["teaser"]))
        inner = page.frame_locator("noscript iframe, iframe").first
        expect(inner.locator("#liveblog-title")).to_contain_text("Kelmsbrück")
        expect(inner.locator("#entry-stream .entry")).to_have_count(3)
    finally:
        context.close()


def shows_a_newsblog(page) -> bool:
    """Whether any frame of the page shows a newsblog (a refused frame holds Chromium's error page instead)."""
    children = page.frames[1:]
    assert children, "the page has no frame at all"
    return any(frame.evaluate("!!document.getElementById('liveblog')") for frame in children)


def test_other_sites_cannot_frame_it_and_no_other_page_can_be_framed(new_page, host, stranger, server, codes):
    # A site that is not allowed: the browser refuses to show the embed in its frame.
    page = new_page()
    page.goto(stranger.page("fremd.html", codes["full"]))
    expect(page.locator("iframe.newsdesk-embed")).to_have_count(1)  # the script ran; the browser refuses the frame
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    assert not shows_a_newsblog(page), [frame.url for frame in page.frames]
    # The same code on the allowed partner site: shown (so the refusal above is the policy, not a broken test).
    page.goto(host.page("erlaubt.html", codes["full"]))
    expect(page.frame_locator("iframe.newsdesk-embed").locator("#liveblog")).to_be_attached()
    assert shows_a_newsblog(page)
    # The allowed partner framing the newsblog page itself (not the embed): refused.
    plain = f'<iframe class="plain" src="{server.url}{BLOG_PATH}" title="Newsblog" width="600" height="400"></iframe>'
    page.goto(host.page("direkt.html", plain))
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    assert not shows_a_newsblog(page), [frame.url for frame in page.frames]


def test_the_script_is_plain_static_and_usable_from_any_origin(site, server):
    """Under its plain name also in production (collected, hashed names beside it), cached, for any origin."""
    production = site.start(start_timeout=120, DEBUG="false", SECRET_KEY="embed-test-" + "k" * 50)
    for base in (server.url, production.url):
        response = httpx.get(base + "/static/liveblogs/embed.js", headers={"Origin": "http://partner.example"})
        assert response.status_code == 200 and "javascript" in response.headers["Content-Type"], base
        assert response.headers["Access-Control-Allow-Origin"] == "*", base
        assert "set-cookie" not in response.headers, base
        assert len(response.content) < 4000  # small
    control = response.headers["Cache-Control"]
    assert "public" in control and "max-age=" in control and "immutable" not in control, control


@pytest.mark.parametrize("viewport", [(390, 844), (1280, 900)])
def test_the_embed_page_has_no_serious_accessibility_problems(new_page, server, viewport):
    from tests.browser.test_accessibility import BLOCKING, describe

    page = new_page(*viewport)
    page.goto(server.url + BLOG_PATH + "einbetten/")
    results = Axe().run(page)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING]
    assert not blocking, describe(blocking)
