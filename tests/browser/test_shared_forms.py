"""Forms on shared (cached) pages: no token in the page; with JavaScript the form fetches one when used,
without JavaScript the post answers with a confirmation page that carries one. Nothing typed is lost."""

from __future__ import annotations

from pathlib import Path

SHOTS = Path("/tmp/cache-shots")


def test_a_form_on_a_shared_page_fetches_its_token_when_used(server, new_page):
    page = new_page()
    page.goto(server.url + "/")
    assert page.locator("input[name=csrfmiddlewaretoken]").count() == 0
    assert not [c for c in page.context.cookies() if c["name"] == "csrftoken"]
    page.locator("#newsletter-email").fill("leserin@example.org")
    with page.expect_navigation():
        page.locator(".signup__form button[type=submit]").first.click()
    assert page.locator("h1").inner_text() == "Fast geschafft"
    assert [c for c in page.context.cookies() if c["name"] == "csrftoken"]


def test_without_javascript_the_post_is_confirmed_once_more(chromium, server):
    SHOTS.mkdir(exist_ok=True)
    for width in (390, 1280):
        context = chromium.new_context(java_script_enabled=False, viewport={"width": width, "height": 900},
                                       locale="de-DE")
        try:
            page = context.new_page()
            page.goto(server.url + "/")
            page.locator("#newsletter-email").fill(f"ohne-skript-{width}@example.org")
            page.locator(".signup__form button[type=submit]").first.click()
            page.wait_for_load_state()
            assert page.locator("h1").inner_text() == "Bitte bestätigen"
            page.screenshot(path=str(SHOTS / f"confirm-post-{width}.png"), full_page=True)
            page.locator(".confirm-post button[type=submit]").click()
            page.wait_for_load_state()
            assert page.locator("h1").inner_text() == "Fast geschafft"
        finally:
            context.close()
