"""Scheduled entries: published by the worker at their time, exactly once, however many processes run it."""

from __future__ import annotations

import json
import threading
from datetime import timedelta

import pytest
from django.db import close_old_connections
from django.utils import timezone

from newsdesk.core import periodic
from newsdesk.core.errors import Conflict
from newsdesk.liveblogs import scheduler, services
from newsdesk.liveblogs.models import Entry, Event

BASE = "/api/v1/liveblogs"


def post(client, url, data=None):
    return client.post(url, json.dumps(data or {}), content_type="application/json")


def test_the_worker_runs_the_scheduler():
    names = {task.name: task for task in periodic.registered_tasks()}
    assert names["newsdesk-liveblog-scheduler"].run_once is scheduler.run_once
    assert names["newsdesk-liveblog-scheduler"].interval <= 10


def test_due_entries_are_published_as_ordinary_entry_created(liveblog, editor):
    services.entry_create(liveblog=liveblog, author=editor, body="Vorher")
    soon = services.entry_create(liveblog=liveblog, author=editor, body="Um sechs",
                                 publish_at=timezone.now() + timedelta(minutes=5))
    later = services.entry_create(liveblog=liveblog, author=editor, body="Um acht",
                                  publish_at=timezone.now() + timedelta(hours=2))
    assert services.publish_due() == []
    at = timezone.now() + timedelta(minutes=6)
    assert services.publish_due(now=at) == [soon.pk]
    soon.refresh_from_db()
    later.refresh_from_db()
    assert (soon.status, soon.publish_at, soon.created_at) == ("published", None, at)
    assert later.status == "scheduled"
    event = Event.objects.get(liveblog=liveblog, entry_id=soon.pk)
    assert (event.seq, event.type) == (2, "entry.created")
    assert services.publish_due(now=at) == []  # a second round finds nothing


def test_move_and_cancel(api, liveblog, editor):
    entry = services.entry_create(liveblog=liveblog, author=editor, body="Planbar",
                                  publish_at=timezone.now() + timedelta(hours=1))
    url = f"{BASE}/{liveblog.slug}/entries/{entry.pk}/schedule"
    moved = (timezone.localtime() + timedelta(hours=3)).replace(second=0, microsecond=0, tzinfo=None)
    response = post(api, url, {"publish_at": moved.strftime("%Y-%m-%dT%H:%M")})  # a datetime-local field's value
    assert response.status_code == 200, response.content
    entry.refresh_from_db()
    assert timezone.localtime(entry.publish_at).replace(tzinfo=None) == moved
    assert post(api, url, {"publish_at": "2000-01-01T00:00"}).status_code == 422
    response = post(api, url, {"publish_at": None})
    assert response.status_code == 200 and response.json()["status"] == "draft"
    assert post(api, url, {"publish_at": None}).status_code == 409  # not scheduled any more
    assert not Event.objects.filter(liveblog=liveblog).exists()


def test_publish_now_from_the_schedule(api, liveblog, editor):
    entry = services.entry_create(liveblog=liveblog, author=editor, body="Doch sofort",
                                  publish_at=timezone.now() + timedelta(hours=1))
    response = post(api, f"{BASE}/{liveblog.slug}/entries/{entry.pk}/publish")
    assert response.status_code == 200 and response.json()["seq"] == 1
    assert services.publish_due(now=timezone.now() + timedelta(hours=2)) == []


def test_a_closed_newsblog_gets_no_scheduled_entry(liveblog, editor):
    entry = services.entry_create(liveblog=liveblog, author=editor, body="Zu spät",
                                  publish_at=timezone.now() + timedelta(minutes=1))
    services.liveblog_set_status(liveblog=liveblog, editor=editor, status="closed")
    assert services.publish_due(now=timezone.now() + timedelta(minutes=2)) == []
    entry.refresh_from_db()
    assert entry.status == "draft" and "beendet" in entry.review_note
    assert not Event.objects.filter(entry_id=entry.pk).exists()


def test_deleted_scheduled_entry_is_not_published(liveblog, editor):
    entry = services.entry_create(liveblog=liveblog, author=editor, body="Verworfen",
                                  publish_at=timezone.now() + timedelta(minutes=1))
    services.entry_delete(entry=entry, editor=editor)
    assert services.publish_due(now=timezone.now() + timedelta(minutes=2)) == []


@pytest.mark.django_db(transaction=True)
def test_two_processes_publish_each_entry_exactly_once(editor):
    """Two workers' rounds at the same moment (threads with their own connections, like two processes)."""
    blog = services.liveblog_create(title="Doppelte Runde", author=editor)
    entries = [services.entry_create(liveblog=blog, author=editor, body=f"Geplant {n}",
                                     publish_at=timezone.now() + timedelta(minutes=1)) for n in range(6)]
    at = timezone.now() + timedelta(minutes=2)
    barrier = threading.Barrier(2)
    results: list[list[int]] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            barrier.wait()
            results.append(services.publish_due(now=at))
        except BaseException as exc:
            errors.append(exc)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    published = sorted(results[0] + results[1])
    assert published == sorted(entry.pk for entry in entries)  # each once, none twice
    created = Event.objects.filter(liveblog=blog, type="entry.created")
    assert created.count() == 6
    assert sorted(created.values_list("seq", flat=True)) == list(range(1, 7))
    assert not Entry.objects.filter(liveblog=blog, status="scheduled").exists()


def test_publish_twice_conflicts(liveblog, editor):
    entry = services.entry_create(liveblog=liveblog, author=editor, body="Einmal",
                                  publish_at=timezone.now() + timedelta(minutes=1))
    services.entry_publish(entry=entry, editor=editor)
    with pytest.raises(Conflict):
        services.entry_publish(entry=entry, editor=editor)
