"""Issue 16, defect 5: no page kind logs a Content-Security-Policy violation, on the production setup.

The server runs with DEBUG off (static files collected, hashed and compressed by WhiteNoise) and the policy of
settings.CONTENT_SECURITY_POLICY: scripts only from our own files, no inline script, no frames. Each page is
opened with a listener for `securitypolicyviolation` (installed before the page's own scripts) and the console's
"Refused to ..." messages; the live pages stay open a moment so their scripts connect and run.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import LIVE_SLUG
from tests.browser.test_accessibility import ARTICLE, JOB_PAGES, NOT_FOUND, READER_PAGES
from tests.support.server import EDITOR, EDITOR_PASSWORD

ADMIN = "chefredaktion"
ADMIN_PASSWORD = "csp-admin-password-1"
MODERATOR = "moderation"

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`
                              + ` (${event.sourceFile || ''}:${event.lineNumber || ''})`);
});
"""


@pytest.fixture(scope="module")
def production(site):
    site.manage("adduser", ADMIN, "--role", "admin", env=site.env(NEWSDESK_PASSWORD=ADMIN_PASSWORD))
    return site.start(DEBUG="false", SECRET_KEY="csp-test-" + "k" * 50, SERVE_MEDIA="true")


def _open(new_page, width: int = 1280):
    page = new_page(width, 900)
    page.add_init_script(RECORD_VIOLATIONS)
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text else None)
    return page, console


def _violations(page, console: list[str]) -> list[str]:
    page.wait_for_timeout(300)  # reports are dispatched asynchronously
    return page.evaluate("window.__cspViolations || []") + console


def _log_in(page, url: str, username: str, password: str, next_path: str) -> None:
    page.goto(f"{url}/anmelden/?next={next_path}")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill(password)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(f"{url}{next_path}")


@pytest.mark.parametrize("path", [*READER_PAGES, *JOB_PAGES, "/anmelden/", "/kommentare/meine-daten/"])
def test_defect5_reader_pages_log_no_csp_violation(new_page, production, path):
    page, console = _open(new_page, 390)
    response = page.goto(production.url + path)
    assert response.status == (404 if path == NOT_FOUND else 200), path
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "unsafe-inline" not in response.headers["content-security-policy"].split("script-src")[1].split(";")[0]
    if path in (f"/newsblog/{LIVE_SLUG}/", ARTICLE):
        page.wait_for_timeout(1500)  # the live script connects its event stream, the enlarge script binds
    assert not _violations(page, console), f"{path}: {_violations(page, console)}"


def test_defect5_editor_pages_log_no_csp_violation(new_page, production):
    page, console = _open(new_page)
    _log_in(page, production.url, EDITOR, EDITOR_PASSWORD, f"/newsblog/{LIVE_SLUG}/")
    page.wait_for_timeout(1000)
    seen = {}
    seen["newsblog as editor"] = _violations(page, console)
    for path in ["/newsblog/", "/redaktion/verwaltung/", "/redaktion/verwaltung/articles/article/",
                 "/redaktion/verwaltung/articles/article/add/"]:
        console.clear()
        assert page.goto(production.url + path).status == 200, path
        seen[path] = _violations(page, console)
    assert not any(seen.values()), seen


def test_defect5_moderation_and_admin_pages_log_no_csp_violation(new_page, production, site):
    page, console = _open(new_page)
    _log_in(page, production.url, ADMIN, ADMIN_PASSWORD, "/admin/")
    seen = {"/admin/": _violations(page, console)}
    for path in ["/admin/liveblogs/liveblog/", "/admin/liveblogs/liveblog/1/change/",
                 "/admin/comments/commentsettings/", "/admin/accounts/user/", "/moderation/"]:
        console.clear()
        response = page.goto(production.url + path)
        assert response.status == 200, path
        page.wait_for_timeout(300)
        seen[path] = _violations(page, console)
    assert not any(seen.values()), seen


def test_defect5_the_listener_reports_a_blocked_inline_script(new_page, production):
    """The check above can fail: an inline script put into a page is refused and reported."""
    page, console = _open(new_page)
    page.goto(production.url + "/")
    page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.ran = 1';
                             document.body.append(s); }""")
    assert page.evaluate("window.ran") is None
    assert any("script-src" in line for line in _violations(page, console))
