"""Playwright (sync API) driving Debian's Chromium against a real `newsdesk serve` subprocess."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.server import EDITOR, EDITOR_PASSWORD, Api, Server, Site, prepared_site
from tests.support.services import CHROMIUM_ARGS, require_chromium

ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-artifacts"))
LIVE_SLUG = "hochwasser-in-kelmsbrueck"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[Site]:
    with prepared_site(tmp_path_factory.mktemp("browser-site")) as prepared:
        yield prepared


@pytest.fixture(scope="module")
def server(site: Site) -> Server:
    return site.start()


@pytest.fixture(scope="module")
def api(site: Site, server: Server) -> Iterator[Api]:
    client = Api(server.url, site.manage("token", "create", EDITOR).strip())
    yield client
    client.close()


@pytest.fixture(scope="session")
def chromium():
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(chromium, request):
    """Each call opens a page in a fresh context (its own cookies): one person, one browser."""
    contexts = []

    def open_page(width: int = 1280, height: int = 900):
        context = chromium.new_context(viewport={"width": width, "height": height}, locale="de-DE",
                                       timezone_id="Europe/Berlin")
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    failed = getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed
    for index, context in enumerate(contexts):
        if failed:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            for n, page in enumerate(context.pages):
                page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-{index}-{n}.png"), full_page=True)
        context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


def log_in(page, server: Server, next_path: str) -> None:
    page.goto(f"{server.url}/anmelden/?next={next_path}")
    page.get_by_label("Benutzername").fill(EDITOR)
    page.get_by_label("Passwort").fill(EDITOR_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(f"{server.url}{next_path}")
