from __future__ import annotations

import os

import pytest
from django.core.cache import cache
from django.test import Client

from newsdesk.accounts.models import Role, User
from newsdesk.accounts.services import token_create
from newsdesk.liveblogs import services
from newsdesk.liveblogs.models import LiveBlog


@pytest.fixture(autouse=True)
def _fresh_local_cache(settings):
    # Rate-limit counters live in the cache; a test must not inherit another test's count.
    if settings.CACHES["default"]["BACKEND"].endswith("LocMemCache"):
        cache.clear()
    yield


@pytest.fixture(autouse=True)
def _fresh_related_index():
    # "related" keeps an in-memory index per process; a rolled-back database must not meet an older one.
    from newsdesk.related.services import forget_index

    forget_index()
    yield


def make_user(username: str, role: str) -> User:
    user = User.objects.create_user(username=username, password="a-long-test-password", role=role,
                                    first_name=username.capitalize(), last_name="Test")
    return user


@pytest.fixture
def editor(db) -> User:
    return make_user("erika", Role.EDITOR)


@pytest.fixture
def other_editor(db) -> User:
    return make_user("otto", Role.EDITOR)


@pytest.fixture
def moderator(db) -> User:
    return make_user("mona", Role.MODERATOR)


@pytest.fixture
def reader(db) -> User:
    return make_user("rita", Role.READER)


@pytest.fixture
def site_admin(db) -> User:
    return make_user("anton", Role.ADMIN)


@pytest.fixture
def liveblog(editor) -> LiveBlog:
    return services.liveblog_create(title="Stromausfall in Testhausen", teaser="Ein erfundenes Ereignis.",
                                    author=editor)


@pytest.fixture
def editor_token(editor) -> str:
    return token_create(user=editor)


@pytest.fixture
def api(editor_token) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {editor_token}")


ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def _runs_in_this_pass(item) -> bool:
    """`make test` runs the suite on SQLite, then on PostgreSQL. Browser walks exercise no database difference
    (their server is a subprocess on the same code path) and run in the SQLite pass only, which keeps CI short;
    tests marked `postgres` need PostgreSQL itself and run in the PostgreSQL pass only."""
    if ON_POSTGRES:
        return "tests/browser/" not in str(item.fspath)
    return item.get_closest_marker("postgres") is None


def pytest_collection_modifyitems(config, items):
    deselected = [item for item in items if not _runs_in_this_pass(item)]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if _runs_in_this_pass(item)]
    # Playwright's sync API keeps an event loop running in this thread while the browser is open;
    # tests that call asyncio.run() must come before it.
    items.sort(key=lambda item: "tests/browser/" in str(item.fspath))
