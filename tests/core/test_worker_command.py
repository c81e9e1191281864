"""`newsdesk worker` runs the mail outbox and every background round the apps registered."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from newsdesk.core import periodic

pytestmark = pytest.mark.django_db


def test_the_apps_register_their_background_rounds():
    names = {task.name for task in periodic.registered_tasks()}
    assert {"newsdesk-article-scheduler", "newsdesk-alerts", "newsdesk-purge-subscriptions",
            "newsdesk-purge-comment-ips"} <= names


def test_worker_once_runs_each_registered_round_once(monkeypatch):
    ran = []
    monkeypatch.setattr(periodic, "_tasks", dict(periodic._tasks))
    periodic.register_task("test-round", lambda: ran.append(1), interval=60)
    call_command("worker", "--once", "--no-progress")
    assert ran == [1]


def test_serve_runs_the_background_only_when_asked(settings, monkeypatch):
    from newsdesk.management.commands import serve

    started = []
    monkeypatch.setattr(serve, "start_worker_thread", lambda: started.append("mail"))
    monkeypatch.setattr(serve.periodic, "start_registered", lambda: started.append("rounds"))
    monkeypatch.setattr(serve.uvicorn, "run", lambda *a, **k: started.append("uvicorn"))
    settings.DEBUG = True  # the published secret key is refused otherwise
    settings.SERVE_RUNS_BACKGROUND = False
    call_command("serve")
    assert started == ["uvicorn"]
    started.clear()
    call_command("serve", "--background")
    assert started == ["mail", "rounds", "uvicorn"]
    started.clear()
    settings.SERVE_RUNS_BACKGROUND = True
    call_command("serve", "--no-background")
    assert started == ["uvicorn"]
