"""WebSub: feeds name their hub and themselves; a change pings the hub with the changed feeds."""

import queue
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.test import Client

from newsdesk.liveblogs import services as liveblog_services


@pytest.fixture
def hub(settings):
    """A local hub that records what it is told."""
    pings: queue.Queue = queue.Queue()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers["Content-Length"])
            pings.put(urllib.parse.parse_qs(self.rfile.read(length).decode()))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WEBSUB_HUB_URL = f"http://127.0.0.1:{server.server_port}/"
    settings.SITE_URL = "https://zeitung.example"
    yield pings
    server.shutdown()


def test_feeds_name_hub_and_self(hub, liveblog, settings):
    response = Client().get(f"/newsblog/{liveblog.slug}/feed/")
    assert response["Link"] == (f'<{settings.WEBSUB_HUB_URL}>; rel="hub", '
                                f'<http://testserver/newsblog/{liveblog.slug}/feed/>; rel="self"')


def test_no_hub_no_link_header(liveblog, settings):
    settings.WEBSUB_HUB_URL = ""
    assert "Link" not in Client().get(f"/newsblog/{liveblog.slug}/feed/")


def test_a_new_entry_pings_the_hub_with_the_newsblog_and_site_feeds(hub, liveblog, editor,
                                                                     django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        liveblog_services.entry_create(liveblog=liveblog, author=editor, body="Neu.")
    ping = hub.get(timeout=5)
    assert ping["hub.mode"] == ["publish"]
    assert f"https://zeitung.example/newsblog/{liveblog.slug}/feed/" in ping["hub.url"]
    assert "https://zeitung.example/feed/atom/" in ping["hub.url"]


def test_approving_or_removing_a_comment_pings_the_hub_with_the_article_feeds(
        hub, article, moderator, django_capture_on_commit_callbacks):
    from newsdesk.comments import services as comment_services
    from newsdesk.comments.models import Reason
    from tests.subscriptions.test_comment_feed import comment_on

    pending = comment_on(article, status="pending")
    with django_capture_on_commit_callbacks(execute=True):
        comment_services.comment_approve(comment=pending, moderator=moderator)
    ping = hub.get(timeout=5)
    assert ping["hub.url"] == [f"https://zeitung.example/artikel/{article.slug}/feed/{suffix}"
                               for suffix in ("", "atom/", "json/")]
    with django_capture_on_commit_callbacks(execute=True):
        comment_services.comment_reject(comment=pending, moderator=moderator, reason=Reason.OFF_TOPIC)
    assert hub.get(timeout=5)["hub.url"] == ping["hub.url"]


def test_a_decision_that_does_not_change_the_visible_comments_sends_no_ping(
        hub, article, moderator, django_capture_on_commit_callbacks):
    from newsdesk.comments import services as comment_services
    from newsdesk.comments.models import Reason
    from tests.subscriptions.test_comment_feed import comment_on

    pending = comment_on(article, status="pending")
    with django_capture_on_commit_callbacks(execute=True):
        comment_services.comment_reject(comment=pending, moderator=moderator, reason=Reason.SPAM)
    with pytest.raises(queue.Empty):
        hub.get(timeout=0.5)
