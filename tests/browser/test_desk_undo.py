"""Issue 11: delete + undo as a reader sees it, the versions panel with its word diff, the newsblogs back office."""

from __future__ import annotations

import uuid

from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, LIVE_SLUG, log_in

BLOG_PATH = f"/newsblog/{LIVE_SLUG}/"


def unique(text: str) -> str:
    return f"{text} {uuid.uuid4().hex[:6]}"


def open_reader(new_page, server, **size):
    page = new_page(**size)
    page.goto(server.url + BLOG_PATH)
    page.evaluate("window.__noReload = true")  # survives only if nothing reloads the page
    page.wait_for_selector("#liveblog[data-connection=open]", state="attached", timeout=5000)
    return page


def stream_ids(page) -> list[str]:
    return page.eval_on_selector_all("#entry-stream .entry", "nodes => nodes.map(n => n.dataset.entryId)")


def test_delete_and_undo_as_a_reader_sees_it(new_page, server, api):
    reader = open_reader(new_page, server)
    first = api.post_entry(LIVE_SLUG, unique("Erste Meldung: Sandsäcke am Marktplatz."))
    middle = api.post_entry(LIVE_SLUG, unique("Zweite Meldung: Die Fähre fährt wieder."))
    last = api.post_entry(LIVE_SLUG, unique("Dritte Meldung: Schulen morgen geschlossen."))
    for created in (first, middle, last):
        expect(reader.locator(f"#eintrag-{created['id']}")).to_be_visible(timeout=3000)
    order = [str(last["id"]), str(middle["id"]), str(first["id"])]
    assert stream_ids(reader)[:3] == order

    editor = new_page()
    log_in(editor, server, BLOG_PATH)
    target = editor.locator(f"#eintrag-{middle['id']}")
    target.get_by_role("button", name="Löschen").click()
    toast = editor.locator("#undo-toast")
    expect(toast).to_be_visible()
    expect(toast).to_contain_text("Eintrag gelöscht")
    expect(toast.get_by_role("button", name="Rückgängig")).to_be_focused()
    expect(reader.locator(f"#eintrag-{middle['id']}")).to_have_count(0, timeout=3000)
    expect(editor.locator(f"#eintrag-{middle['id']}")).to_have_count(0, timeout=3000)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    editor.screenshot(path=str(ARTIFACTS / "desk-undo-toast-desktop.png"))

    toast.get_by_role("button", name="Rückgängig").click()
    expect(toast).to_contain_text("Eintrag wiederhergestellt.")
    # Back for the reader without a reload, at its place between the other two, and its address works again.
    expect(reader.locator(f"#eintrag-{middle['id']}")).to_be_visible(timeout=3000)
    assert stream_ids(reader)[:3] == order
    assert reader.evaluate("window.__noReload") is True
    expect(reader.locator("#live-announcer")).to_contain_text("Eintrag wiederhergestellt")
    expect(editor.locator(f"#eintrag-{middle['id']} .entry__controls")).to_have_count(1)
    assert reader.request.get(server.url + middle["url"]).status == 200


def test_the_undo_toast_disappears_after_ten_seconds_on_a_phone(new_page, server, api):
    created = api.post_entry(LIVE_SLUG, unique("Kurzmeldung: Stromversorgung stabil."))
    editor = new_page(width=390, height=844)
    log_in(editor, server, BLOG_PATH)
    editor.locator(f"#eintrag-{created['id']}").get_by_role("button", name="Löschen").click()
    toast = editor.locator("#undo-toast")
    expect(toast).to_be_visible()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    editor.screenshot(path=str(ARTIFACTS / "desk-undo-toast-phone.png"))
    box = toast.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # fits the phone's width
    expect(toast).to_be_hidden(timeout=13_000)
    assert api.client.get(f"/liveblogs/{LIVE_SLUG}/entries/{created['id']}").status_code == 404


def test_versions_panel_shows_a_word_diff_and_restores_a_version(new_page, server, api):
    reader = open_reader(new_page, server)
    created = api.post_entry(LIVE_SLUG, "Der Pegel steht bei 3,26 Metern.", headline=unique("Pegel"))
    api.patch_entry(LIVE_SLUG, created["id"], version=1, body="Der Pegel steht bei 3,62 Metern am Abend.")
    for width, height, name in ((1280, 900, "desktop"), (390, 844, "phone")):
        editor = new_page(width=width, height=height)
        log_in(editor, server, BLOG_PATH)
        entry = editor.locator(f"#eintrag-{created['id']}")
        entry.get_by_role("button", name="Versionen").click()
        panel = entry.locator(".entry-history")
        expect(panel.locator(".entry-history__list li")).to_have_count(2)
        expect(panel.locator(".entry-history__list li").first).to_contain_text("aktuell")
        expect(panel.locator(".entry-history__diff del")).to_have_text("3,26 Metern.")
        expect(panel.locator(".entry-history__diff ins")).to_have_text("3,62 Metern am Abend.")
        panel.scroll_into_view_if_needed()
        editor.screenshot(path=str(ARTIFACTS / f"desk-versions-{name}.png"))
    panel.get_by_role("button", name="Diese Fassung wiederherstellen").click()
    expect(reader.locator(f"#eintrag-{created['id']} .entry__body")).to_contain_text("3,26 Metern", timeout=3000)


def test_take_over_as_article_opens_the_draft(new_page, server, api):
    created = api.post_entry(LIVE_SLUG, "<p>Die Brücke an der Mühle bleibt bis Freitag gesperrt.</p>",
                             headline=unique("Brücke gesperrt"))
    editor = new_page()
    log_in(editor, server, BLOG_PATH)
    editor.locator(f"#eintrag-{created['id']}").get_by_role("button", name="Als Artikel übernehmen").click()
    editor.wait_for_url("**/redaktion/verwaltung/articles/article/*/change/")
    expect(editor.locator("#id_headline")).to_have_value(created["headline"])


def test_newsblogs_in_the_back_office(new_page, server):
    for width, height, name in ((1280, 900, "desktop"), (390, 844, "phone")):
        page = new_page(width=width, height=height)
        log_in(page, server, "/redaktion/verwaltung/liveblogs/liveblog/")
        rows = page.locator("#result_list tbody tr")
        expect(rows.first).to_be_visible()
        expect(page.locator("#result_list")).to_contain_text("LIVE")
        expect(page.locator("#result_list")).to_contain_text("Hochwasser")
        page.screenshot(path=str(ARTIFACTS / f"desk-backoffice-list-{name}.png"), full_page=True)
    # The change form: the fields the issue names, saved through the services (the page shows the new title).
    page = new_page()
    log_in(page, server, "/redaktion/verwaltung/liveblogs/liveblog/")
    page.locator("#result_list").get_by_role("link", name="Das Brückenfest", exact=False).first.click()
    for field in ("title", "teaser", "lead_image", "topics", "order", "status"):  # editors: admins only
        expect(page.locator(f"#id_{field}")).to_have_count(1)
    page.screenshot(path=str(ARTIFACTS / "desk-backoffice-change-desktop.png"), full_page=True)
    title = page.locator("#id_title")
    title.fill(title.input_value() + " (Archiv)")
    page.get_by_role("button", name="Speichern", exact=True).click()
    expect(page.locator(".messagelist")).to_be_visible()
    page.goto(server.url + "/newsblog/")
    expect(page.get_by_text("(Archiv)", exact=False).first).to_be_visible()
