"""Presence with REDIS_URL: every server process reads the same desk, and a heartbeat expires in Redis itself."""

from __future__ import annotations

import uuid

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

from newsdesk.desk import selectors, services
from tests.support.services import require_redis

pytestmark = [pytest.mark.redis, pytest.mark.django_db]


@pytest.fixture
def redis_cache(settings):
    redis_url = require_redis()
    prefix = f"newsdesk-test-desk-{uuid.uuid4().hex[:8]}"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url,
                                   "KEY_PREFIX": prefix}}
    yield redis_url, prefix
    caches["default"].clear()


def test_presence_is_shared_by_processes_and_expires_in_redis(redis_cache, liveblog, editor, anna):
    redis_url, prefix = redis_cache
    services.presence_heartbeat(liveblog=liveblog, user=editor)
    services.presence_heartbeat(liveblog=liveblog, user=anna, typing=True)
    # Another server process: its own connection and cache object, the same Redis.
    other_process = RedisCache(redis_url, {"KEY_PREFIX": prefix})
    state = other_process.get(selectors.presence_key(liveblog.pk, anna.pk))
    assert state["username"] == "anna" and state["typing_until"] > state["seen"]
    assert set(other_process.get(selectors.roster_key(liveblog.pk))) == {editor.pk, anna.pk}
    import redis

    raw_key = other_process.make_and_validate_key(selectors.presence_key(liveblog.pk, anna.pk))
    assert 0 < redis.Redis.from_url(redis_url).ttl(raw_key) <= services.PRESENCE_SECONDS
    other_process.delete(selectors.presence_key(liveblog.pk, anna.pk))  # as if it had expired
    assert [person["username"] for person in selectors.presence(liveblog)] == ["erika"]
