"""The editor's desk: rich text, photos, embeds and entry addresses, as an editor and a reader use them."""

from __future__ import annotations

import base64
import io
import re
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from PIL import Image as PILImage
from playwright.sync_api import expect

from tests.browser.conftest import LIVE_SLUG, log_in

BLOG_PATH = f"/newsblog/{LIVE_SLUG}/"
SHOTS = Path("/tmp/editor-shots")
YOUTUBE = "https://www.youtube.com/watch?v=Xk3dEf9GhQ0"


def unique(text: str) -> str:
    return f"{text} {uuid.uuid4().hex[:6]}"


def png_base64() -> str:
    picture = PILImage.new("RGB", (800, 500), (40, 90, 150))
    for x in range(0, 800, 40):
        picture.paste((230, 190, 60), (x, 200, x + 20, 300))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue()).decode()


def open_reader(new_page, server, path=BLOG_PATH, **size):
    page = new_page(**size)
    hosts: list[str] = []
    page.on("request", lambda request: hosts.append(request.url))
    page.goto(server.url + path)
    page.wait_for_selector("#liveblog[data-connection=open]", state="attached", timeout=5000)
    return page, hosts


def editor_page(new_page, server, **size):
    page = new_page(**size)
    log_in(page, server, BLOG_PATH)
    expect(page.locator("#compose-body-editor")).to_be_visible()
    return page


def paste_photo(page, selector: str) -> None:
    page.evaluate("""([selector, data]) => {
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], "deich.png", { type: "image/png" }));
        document.querySelector(selector).dispatchEvent(
            new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
    }""", [selector, png_base64()])


def select_back(page, text: str) -> None:
    """Selects the last `text` typed (as a drag over it would), once the editor's state holds it."""
    page.wait_for_function("t => document.getElementById('compose-body').value.replace(/<[^>]+>/g, '').endsWith(t)",
                           arg=text)
    page.evaluate("""(text) => {
        const root = document.getElementById("compose-body-editor");
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        let node, last = null;
        while ((node = walker.nextNode())) if (node.data.includes(text)) last = node;
        const start = last.data.lastIndexOf(text);
        const range = document.createRange();
        range.setStart(last, start);
        range.setEnd(last, start + text.length);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
    }""", text)
    page.wait_for_function("t => window.getSelection().toString() === t", arg=text)
    page.wait_for_timeout(100)  # ProseMirror reads the DOM selection on selectionchange


def test_an_editor_writes_without_html_and_the_reader_sees_it_live_and_private(new_page, server):
    reader, requests = open_reader(new_page, server)
    editor = editor_page(new_page, server)
    marker = unique("Pegelstand")
    body = editor.locator("#compose-body-editor")
    body.click()
    editor.keyboard.type(f"{marker}: Das Wasser steigt ")
    editor.keyboard.press("Control+b")
    editor.keyboard.type("deutlich")
    editor.keyboard.press("Control+b")
    editor.keyboard.type(". Mehr beim Wetterdienst")
    select_back(editor, "Wetterdienst")
    toolbar = editor.locator(".compose .rich-editor__toolbar")
    toolbar.get_by_role("button", name="Link", exact=True).click()
    dialog = editor.locator(".rich-dialog--link[open]")
    expect(dialog.get_by_label("Linktext")).to_have_value("Wetterdienst")
    dialog.get_by_label("Adresse (URL)").fill("https://wetter.example/kelmsbrueck")
    dialog.get_by_role("button", name="Link einfügen").click()
    expect(dialog).to_have_count(0)
    editor.keyboard.press("End")
    editor.keyboard.press("Enter")
    toolbar.get_by_role("button", name="Aufzählung").click()
    editor.keyboard.type("Sandsäcke am Lindrahof")
    editor.keyboard.press("Enter")
    editor.keyboard.type("Notunterkunft in der Turnhalle")
    editor.keyboard.press("Enter")
    editor.keyboard.press("Enter")  # leaves the list

    paste_photo(editor, "#compose-body-editor")
    photo = editor.locator(".rich-dialog--image[open]")
    photo.get_by_label("Bildunterschrift", exact=True).fill("Der Deich am Lindrahof am Nachmittag")
    photo.get_by_label("Fotograf/Quelle (erscheint als „Foto: …“)").fill("Mira Testfeld")
    photo.get_by_role("button", name="Foto einfügen").click()
    # Without alt text the dialog stays open: the required field blocks it.
    expect(photo).to_be_visible()
    photo.get_by_label("Alternativtext (Pflicht)").fill("Sandsäcke auf einem Deich, dahinter Hochwasser")
    photo.get_by_role("button", name="Foto einfügen").click()
    expect(editor.locator("#compose-body-editor figure.rich-editor__image img")).to_be_visible()
    body.press("ArrowDown")
    editor.keyboard.type(YOUTUBE + " ")
    expect(editor.locator(".compose .rich-editor__status")).to_contain_text("YouTube")
    editor.keyboard.press("Control+Enter")
    expect(editor.locator("#compose-status")).to_have_text("Veröffentlicht.")

    started = time.monotonic()
    entry = reader.locator(".entry", has_text=marker)
    expect(entry).to_be_visible(timeout=2000)
    assert time.monotonic() - started < 2
    expect(entry.locator("strong")).to_have_text("deutlich")
    expect(entry.get_by_role("link", name="Wetterdienst")).to_have_attribute("href", "https://wetter.example/kelmsbrueck")
    expect(entry.locator(".entry__body ul li")).to_have_count(2)
    picture = entry.locator("figure.inline-image picture img")
    expect(picture).to_have_attribute("alt", "Sandsäcke auf einem Deich, dahinter Hochwasser")
    expect(picture).to_have_attribute("loading", "lazy")
    assert "640w" in (entry.locator("figure.inline-image source").first.get_attribute("srcset") or "")
    expect(entry.locator("figure.inline-image figcaption")).to_contain_text("Foto: Mira Testfeld")
    placeholder = entry.locator("[data-embed-provider=youtube]")
    button = placeholder.get_by_role("button", name="Inhalt von YouTube laden")
    expect(button).to_be_visible()

    ours = urlsplit(server.url).netloc
    foreign = [url for url in requests if urlsplit(url).netloc != ours]
    assert not foreign, f"requests to other hosts before the click: {foreign}"
    SHOTS.mkdir(parents=True, exist_ok=True)
    entry.screenshot(path=str(SHOTS / "entry-photo-embed-desktop.png"))
    results = Axe().run(reader, context={"include": [[f"#{entry.get_attribute('id')} .embed"]]})
    blocking = [v for v in results.response["violations"] if v["impact"] in {"serious", "critical"}]
    assert not blocking, blocking

    button.click()
    frame = placeholder.locator("iframe")
    expect(frame).to_have_attribute("src", re.compile(r"^https://www\.youtube-nocookie\.com/embed/Xk3dEf9GhQ0"))
    reader.wait_for_timeout(300)
    assert any(url.startswith("https://www.youtube-nocookie.com/embed/Xk3dEf9GhQ0") for url in requests)

    # The editor edits the entry in the same editor (text, not tags); the reader sees the change.
    own = editor.locator(".entry", has_text=marker)
    own.get_by_role("button", name="Bearbeiten").click()
    edit_area = own.locator(".entry-edit .rich-editor__content")
    expect(edit_area.locator("strong")).to_have_text("deutlich")
    assert "<strong>" not in edit_area.inner_text()
    edit_area.locator("p").first.click()
    editor.keyboard.press("End")
    editor.keyboard.type(" Korrigiert um 16 Uhr.")
    own.get_by_role("button", name="Speichern").click()
    expect(entry).to_contain_text("Korrigiert um 16 Uhr.", timeout=3000)
    expect(entry.locator("figure.inline-image figcaption")).to_contain_text("Foto: Mira Testfeld")


def test_keyboard_only_compose_link_and_publish(new_page, server):
    editor = editor_page(new_page, server)
    reader, _ = open_reader(new_page, server)
    marker = unique("Tastatur")
    editor.locator("#compose-headline").focus()
    editor.keyboard.type("Nur mit der Tastatur")
    editor.keyboard.press("Tab")  # into the toolbar's first button
    for _ in range(20):
        if editor.evaluate("document.activeElement.id") == "compose-body-editor":
            break
        editor.keyboard.press("Tab")
    assert editor.evaluate("document.activeElement.id") == "compose-body-editor"
    editor.keyboard.type(f"{marker} Hinweise der Stadt")
    select_back(editor, "Hinweise der Stadt")
    editor.keyboard.press("Control+k")
    dialog = editor.locator(".rich-dialog--link[open]")
    expect(dialog.get_by_label("Adresse (URL)")).to_be_focused()
    editor.keyboard.type("stadt.example/hochwasser")
    editor.keyboard.press("Enter")
    expect(dialog).to_have_count(0)
    expect(editor.locator("#compose-body-editor")).to_be_focused()
    expect(editor.locator("#compose-body")).to_have_value(re.compile(r'<a href="https://stadt.example/hochwasser">'))
    editor.keyboard.press("Control+Enter")
    entry = reader.locator(".entry", has_text=marker)
    expect(entry.get_by_role("link", name="Hinweise der Stadt")).to_have_attribute(
        "href", "https://stadt.example/hochwasser", timeout=3000)


def test_compose_area_screenshots_and_axe(new_page, server):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name, width in (("desktop", 1280), ("phone", 390)):
        editor = editor_page(new_page, server, width=width, height=900)
        compose = editor.locator("details.compose")
        expect(compose).to_have_attribute("open", "")
        box = compose.bounding_box()
        lead = editor.locator(".lead-image").bounding_box()
        assert box and lead and box["y"] < lead["y"], "the compose box comes before the lead image"
        heights = editor.locator(".rich-editor__toolbar button").evaluate_all(
            "buttons => buttons.map(b => b.getBoundingClientRect().height)")
        assert min(heights) >= 40
        compose.screenshot(path=str(SHOTS / f"compose-{name}.png"))
        results = Axe().run(editor, context={"include": [["details.compose"]]})
        blocking = [v for v in results.response["violations"] if v["impact"] in {"serious", "critical"}]
        assert not blocking, blocking
    reader, _ = open_reader(new_page, server)
    expect(reader.locator("details.compose")).to_have_count(0)


def test_a_key_event_beyond_the_first_page_lands_on_its_entry(new_page, server, api):
    key = api.post_entry(LIVE_SLUG, unique("Schlüsselmoment: Die Schleuse wird geöffnet."), key_event=True)
    for n in range(22):
        api.post_entry(LIVE_SLUG, unique(f"Laufende Meldung {n}."))
    reader, _ = open_reader(new_page, server)
    reader.evaluate("window.__noReload = true")
    assert reader.locator(f"#eintrag-{key['id']}").count() == 0, "the key event is beyond the first page"
    reader.locator(f"#key-events-list li[data-entry-id='{key['id']}'] a").click()
    target = reader.locator(f"#eintrag-{key['id']}")
    expect(target).to_be_visible()
    expect(target).to_have_class(re.compile("entry--target"))
    expect(target).to_be_in_viewport()
    reader.wait_for_url(re.compile(rf"/eintrag/{key['id']}/$"))
    assert reader.evaluate("window.__noReload") is True, "loaded into the page, not by navigating"
    expect(reader.locator(".entry-gap")).to_have_count(1)
    # "Ältere Einträge laden" fills what lies between; once it meets the loaded entries the gap closes.
    for _ in range(3):
        if not reader.locator(".entry-gap").count():
            break
        reader.locator("#entry-stream .load-more a").first.click()
        reader.wait_for_timeout(400)
    expect(reader.locator(".entry-gap")).to_have_count(0)
    expect(target).to_have_count(1)

    # The address itself, opened anew (shared, from a feed or a mail): the page around the entry.
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name, width, height in (("desktop", 1280, 900), ("phone", 390, 844)):
        page, _ = open_reader(new_page, server, path=f"{BLOG_PATH}eintrag/{key['id']}/", width=width, height=height)
        expect(page.locator(f"#eintrag-{key['id']}")).to_be_in_viewport()
        assert page.locator("link[rel=canonical]").get_attribute("href").endswith(f"/eintrag/{key['id']}/")
        page.screenshot(path=str(SHOTS / f"entry-page-{name}.png"))
