"""Issue 16, defect 1: the comment rate limit holds under concurrency (30 parallel POSTs, limit 10)."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.urls import reverse

from newsdesk.comments.models import Comment
from tests.support.services import require_redis

PARALLEL_POSTS = 30
IP_LIMIT = (10, 600)


def _post_in_parallel(url: str, count: int, *, remote_addr: str = "203.0.113.77") -> Counter:
    """`count` threads, each with its own client and database connection, POST at the same moment."""
    barrier = threading.Barrier(count)
    statuses: Counter = Counter()
    lock = threading.Lock()

    def post(number: int) -> None:
        client = Client(REMOTE_ADDR=remote_addr)
        data = {"display_name": f"Leser {number}", "email": f"leser{number}@example.org", "consent": "on",
                "website": "", "body": f"Meinung Nummer {number} zur Sperrung der Brücke über die Lindra."}
        try:
            barrier.wait(timeout=60)
            status = client.post(url, data).status_code
        finally:
            connection.close()
        with lock:
            statuses[status] += 1

    threads = [threading.Thread(target=post, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return statuses


def _comment_url(blog) -> str:
    return reverse("comments:create", kwargs={"content_type_id": ContentType.objects.get_for_model(blog).pk,
                                              "object_id": blog.pk})


@pytest.mark.django_db(transaction=True)
def test_defect1_thirty_parallel_comment_posts_store_at_most_the_limit(flood_blog, settings):
    settings.COMMENTS_RATE_LIMIT_IP = IP_LIMIT
    statuses = _post_in_parallel(_comment_url(flood_blog), PARALLEL_POSTS)
    assert sum(statuses.values()) == PARALLEL_POSTS
    assert Comment.objects.count() == IP_LIMIT[0]
    assert statuses == Counter({303: IP_LIMIT[0], 429: PARALLEL_POSTS - IP_LIMIT[0]})


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_defect1_parallel_posts_counted_in_redis_shared_by_processes(flood_blog, settings):
    """With REDIS_URL the counter is Redis INCR: every thread (like every server process) has its own connection."""
    redis_url = require_redis()
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url,
                                   "KEY_PREFIX": f"newsdesk-test-ratelimit-{id(settings)}"}}
    caches["default"].clear()
    settings.COMMENTS_RATE_LIMIT_IP = IP_LIMIT
    try:
        statuses = _post_in_parallel(_comment_url(flood_blog), PARALLEL_POSTS)
        assert Comment.objects.count() == IP_LIMIT[0]
        assert statuses[429] == PARALLEL_POSTS - IP_LIMIT[0]
        # The count is in Redis itself, where another server process would read it.
        import redis

        keys = redis.Redis.from_url(redis_url).keys(f"newsdesk-test-ratelimit-{id(settings)}*comment-ip*")
        assert keys
    finally:
        caches["default"].clear()


@pytest.mark.django_db(transaction=True)
def test_parallel_reports_from_one_connection_store_at_most_the_limit(submit, moderator, settings):
    """Reports took their count before any was written: 30 at once all passed a limit of 10."""
    from newsdesk.comments import services
    from newsdesk.comments.models import Report

    settings.COMMENTS_RATE_LIMIT_IP = (1000, 600)
    settings.COMMENTS_REPORT_RATE_LIMIT_IP = IP_LIMIT
    comments = [services.comment_approve(comment=submit(body=f"Beitrag {n} zur Pegelmessung an der Lindra.",
                                                        email=f"melder{n}@example.org", ip=f"192.0.2.{n + 10}"),
                                         moderator=moderator) for n in range(PARALLEL_POSTS)]
    barrier = threading.Barrier(PARALLEL_POSTS)
    outcomes: Counter = Counter()
    lock = threading.Lock()

    def report(comment) -> None:
        try:
            barrier.wait(timeout=60)
            try:
                services.comment_report(comment_id=comment.pk, reason="spam", session_key=f"s{comment.pk}",
                                        ip="203.0.113.90")
                outcome = "stored"
            except services.RateLimited:
                outcome = "refused"
        finally:
            connection.close()
        with lock:
            outcomes[outcome] += 1

    threads = [threading.Thread(target=report, args=(comment,)) for comment in comments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert outcomes == Counter({"stored": IP_LIMIT[0], "refused": PARALLEL_POSTS - IP_LIMIT[0]})
    assert Report.objects.count() == IP_LIMIT[0]
