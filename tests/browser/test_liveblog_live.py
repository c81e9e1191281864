"""A newsblog as people use it: an editor in one browser, readers in others, a real server between them."""

from __future__ import annotations

import re
import time
import uuid
from urllib.parse import unquote

from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, LIVE_SLUG, log_in
from tests.support.proxy import CuttableProxy

BLOG_PATH = f"/newsblog/{LIVE_SLUG}/"


def open_reader(new_page, server, **size):
    page = new_page(**size)
    page.goto(server.url + BLOG_PATH)
    # Set once; a reload would drop it, so its survival proves the update came without one.
    page.evaluate("window.__noReload = true")
    expect(page.locator("#connection-status")).to_be_hidden()
    page.wait_for_function("() => document.getElementById('liveblog').dataset.open === '1'")
    return page


def wait_until_streaming(page):
    """The EventSource is open before the test changes anything."""
    page.wait_for_selector("#liveblog[data-connection=open]", state="attached", timeout=5000)


def unique(text: str) -> str:
    return f"{text} {uuid.uuid4().hex[:6]}"


def test_editor_posts_and_a_reader_sees_it_within_two_seconds(new_page, server):
    reader = open_reader(new_page, server)
    wait_until_streaming(reader)
    editor = new_page()
    log_in(editor, server, BLOG_PATH)
    text = unique("Die Feuerwehr meldet: Der Deich am Lindrahof hält.")
    editor.get_by_label("Überschrift (optional)").first.fill("Deich hält")
    editor.locator("#compose-body-editor").click()  # the rich-text editor (the textarea is its hidden source)
    editor.keyboard.type(text)
    editor.keyboard.press("Control+Enter")
    expect(editor.locator("#compose-status")).to_have_text("Veröffentlicht.")

    started = time.monotonic()
    entry = reader.locator(".entry", has_text=text)
    expect(entry).to_be_visible(timeout=2000)
    assert time.monotonic() - started < 2
    assert reader.evaluate("window.__noReload") is True
    expect(entry.locator(".entry__headline")).to_have_text("Deich hält")
    expect(reader.locator("#live-announcer")).to_contain_text("Deich hält")
    # The pushed entry came with a stub for its share menu; the page's script built the menu from the page's own.
    entry.get_by_text("Teilen", exact=True).click()
    links = entry.locator("a.share__link")
    expect(links).to_have_count(6)
    entry_id = entry.get_attribute("data-entry-id")
    whatsapp = unquote(entry.locator("a.share__link--whatsapp").get_attribute("href"))
    assert re.search(rf"^https://wa\.me/\?text=Deich hält http://\S+/newsblog/{LIVE_SLUG}/eintrag/{entry_id}/$",
                     whatsapp), whatsapp
    # The editor's own page shows it the way readers get it: through the stream, once.
    expect(editor.locator(".entry", has_text=text)).to_have_count(1)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    reader.screenshot(path=str(ARTIFACTS / "reader-live-entry.png"))


def test_entries_posted_while_the_connection_is_down_arrive_once_and_in_order(new_page, server, api):
    reader = open_reader(new_page, server)
    wait_until_streaming(reader)
    reader.evaluate("document.getElementById('liveblog').newsdeskDisconnect()")
    first = api.post_entry(LIVE_SLUG, unique("Erster Eintrag während der Funkstille."))
    second = api.post_entry(LIVE_SLUG, unique("Zweiter Eintrag während der Funkstille."))
    time.sleep(0.5)
    assert reader.locator(f"#eintrag-{first['id']}").count() == 0, "no update may arrive while disconnected"

    reader.evaluate("document.getElementById('liveblog').newsdeskReconnect()")
    expect(reader.locator(f"#eintrag-{second['id']}")).to_be_visible(timeout=3000)
    expect(reader.locator(f"#eintrag-{first['id']}")).to_have_count(1)
    expect(reader.locator(f"#eintrag-{second['id']}")).to_have_count(1)
    ids = reader.locator("#entry-stream .entry").evaluate_all("els => els.map(e => Number(e.dataset.entryId))")
    # Newest first: the second entry stands directly above the first.
    assert ids.index(second["id"]) + 1 == ids.index(first["id"])


def test_a_dropped_network_connection_resumes_without_gaps_or_duplicates(new_page, server, api):
    proxy = CuttableProxy(int(server.url.rsplit(":", 1)[1]))
    try:
        reader = open_reader(new_page, proxy)
        wait_until_streaming(reader)
        proxy.cut()
        expect(reader.locator("#connection-status")).to_be_visible(timeout=5000)
        missed = [api.post_entry(LIVE_SLUG, unique(f"Verpasster Eintrag {n}."))["id"] for n in range(2)]
        proxy.restore()
        # The browser reconnects by itself, sending Last-Event-ID; the server replays what was missed.
        for entry_id in missed:
            expect(reader.locator(f"#eintrag-{entry_id}")).to_have_count(1, timeout=8000)
        ids = reader.locator("#entry-stream .entry").evaluate_all("els => els.map(e => Number(e.dataset.entryId))")
        assert ids.index(missed[1]) + 1 == ids.index(missed[0])
        expect(reader.locator("#connection-status")).to_be_hidden(timeout=5000)
        live = api.post_entry(LIVE_SLUG, unique("Und wieder live."))
        expect(reader.locator(f"#eintrag-{live['id']}")).to_have_count(1, timeout=2000)
    finally:
        proxy.close()


def test_a_server_restart_loses_nothing(new_page, site, api):
    server = site.start()
    reader = open_reader(new_page, server)
    wait_until_streaming(reader)
    before = api.at(server.url).post_entry(LIVE_SLUG, unique("Vor dem Neustart."))
    expect(reader.locator(f"#eintrag-{before['id']}")).to_be_visible(timeout=2000)
    port = int(server.url.rsplit(":", 1)[1])
    server.stop()
    # Written through the other server while the reader's is down: it must come from the event log.
    during = api.post_entry(LIVE_SLUG, unique("Während des Neustarts."))
    restarted = site.start(port=port)
    expect(reader.locator(f"#eintrag-{during['id']}")).to_have_count(1, timeout=10_000)
    # Posted through the restarted process itself, so it arrives live (in-process fan-out).
    after = api.at(restarted.url).post_entry(LIVE_SLUG, unique("Nach dem Neustart."))
    expect(reader.locator(f"#eintrag-{after['id']}")).to_have_count(1, timeout=2000)
    expect(reader.locator(f"#eintrag-{before['id']}")).to_have_count(1)


def test_an_edit_and_a_delete_reach_the_reader(new_page, server, api):
    reader = open_reader(new_page, server)
    wait_until_streaming(reader)
    created = api.post_entry(LIVE_SLUG, unique("Pegel bei 3,80 Metern."))
    entry = reader.locator(f"#eintrag-{created['id']}")
    expect(entry).to_be_visible(timeout=2000)

    api.patch_entry(LIVE_SLUG, created["id"], version=created["version"], body="Korrektur: Pegel bei 3,70 Metern.")
    expect(entry.locator(".entry__body")).to_have_text("Korrektur: Pegel bei 3,70 Metern.", timeout=2000)
    expect(entry.locator(".entry__edited")).to_contain_text(re.compile(r"aktualisiert \d\d:\d\d"))

    api.patch_entry(LIVE_SLUG, created["id"], version=created["version"] + 1, pinned=True)
    expect(reader.locator(f"#pinned-entries #eintrag-{created['id']}")).to_be_visible(timeout=2000)

    api.delete_entry(LIVE_SLUG, created["id"])
    expect(reader.locator(f"#eintrag-{created['id']}")).to_have_count(0, timeout=2000)


def test_a_reader_who_scrolled_down_gets_a_bar_instead_of_a_jump(new_page, server, api):
    reader = open_reader(new_page, server)
    wait_until_streaming(reader)
    reader.mouse.wheel(0, 3000)
    # A function, not a bare expression: evaluating a string needs eval, which the CSP forbids.
    reader.wait_for_function("() => window.scrollY > 2000")
    # The entry the reader is looking at, and where on the screen it is.
    reading = reader.evaluate("""() => {
        const entry = [...document.querySelectorAll('#entry-stream .entry')]
            .find(e => e.getBoundingClientRect().top >= 0);
        return {id: entry.id, top: entry.getBoundingClientRect().top};
    }""")
    first = api.post_entry(LIVE_SLUG, unique("Neu, während jemand liest."))
    api.post_entry(LIVE_SLUG, unique("Noch einer."))
    bar = reader.locator("#new-entries-button")
    expect(bar).to_have_text("2 neue Einträge", timeout=2000)
    top_now = reader.evaluate(f"document.getElementById('{reading['id']}').getBoundingClientRect().top")
    assert abs(top_now - reading["top"]) < 3, "the text being read must not move"
    box = bar.bounding_box()
    assert box is not None and 0 <= box["y"] < 900, "the bar must be in view of a scrolled-down reader"
    assert reader.locator(f"#eintrag-{first['id']}").count() == 0
    bar.click()
    expect(reader.locator(f"#eintrag-{first['id']}")).to_be_visible()
    expect(reader.locator("#new-entries")).to_be_hidden()


def test_the_enlarge_view_works_with_the_keyboard(new_page, server):
    reader = open_reader(new_page, server)
    enlarge = reader.get_by_role("link", name=re.compile("Bild vergrößern"))
    enlarge.focus()
    reader.keyboard.press("Enter")
    dialog = reader.locator("#lightbox")
    expect(dialog).to_be_visible()
    assert reader.evaluate("document.getElementById('lightbox').open") is True
    expect(reader.get_by_role("button", name=re.compile("Schließen"))).to_be_focused()
    expect(dialog.locator(".lightbox__caption")).to_contain_text("Foto:")
    reader.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(enlarge).to_be_focused()


def test_older_entries_load_on_demand_and_without_javascript(new_page, chromium, server):
    reader = open_reader(new_page, server)
    before = reader.locator("#entry-stream .entry").count()
    reader.get_by_role("link", name="Ältere Einträge laden").click()
    expect(reader.locator("#entry-stream .entry")).not_to_have_count(before)
    assert reader.evaluate("window.__noReload") is True

    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server.url + BLOG_PATH)
        first_page = page.locator("#entry-stream .entry").count()
        page.get_by_role("link", name="Ältere Einträge laden").click()
        page.wait_for_url(re.compile(r"cursor=\d+"))
        assert page.locator("#entry-stream .entry").count() > 0
        assert first_page <= 20
    finally:
        context.close()
