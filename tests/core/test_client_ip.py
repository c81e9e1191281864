"""Issue 16, defect 8: X-Forwarded-For is believed only from FORWARDED_ALLOW_IPS, right-most untrusted wins."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client, RequestFactory
from django.urls import reverse

from newsdesk.comments.models import Comment
from newsdesk.core.privacy import client_ip


def _request(peer: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_defect8_forwarded_header_ignored_without_trusted_proxies(settings):
    settings.FORWARDED_ALLOW_IPS = []
    assert client_ip(_request("127.0.0.1", "198.51.100.7")) == "127.0.0.1"


def test_defect8_right_most_untrusted_address_behind_trusted_proxies(settings):
    settings.FORWARDED_ALLOW_IPS = ["127.0.0.1", "10.0.0.0/8"]
    # The client may prepend anything; the address our own proxy saw is the right-most untrusted one.
    assert client_ip(_request("127.0.0.1", "6.6.6.6, 203.0.113.9, 10.1.2.3")) == "203.0.113.9"
    assert client_ip(_request("127.0.0.1", "203.0.113.9")) == "203.0.113.9"
    assert client_ip(_request("127.0.0.1")) == "127.0.0.1"
    # A peer that is not a trusted proxy is the client, whatever it sends.
    assert client_ip(_request("192.0.2.50", "203.0.113.9")) == "192.0.2.50"
    assert client_ip(_request("127.0.0.1", "nonsense, 203.0.113.9")) == "203.0.113.9"


@pytest.mark.django_db
def test_defect8_rotating_forwarded_for_does_not_escape_the_comment_limit(liveblog, settings):
    settings.FORWARDED_ALLOW_IPS = []
    settings.COMMENTS_RATE_LIMIT_IP = (10, 600)
    from newsdesk.comments.models import CommentSettings

    CommentSettings.objects.update_or_create(pk=1, defaults={"require_email_confirmation": False})
    url = reverse("comments:create", kwargs={
        "content_type_id": ContentType.objects.get_for_model(liveblog).pk, "object_id": liveblog.pk})
    client = Client(REMOTE_ADDR="127.0.0.1")
    statuses = [
        client.post(url, {"display_name": f"Leser {n}", "email": f"leser{n}@example.org", "consent": "on",
                          "body": f"Kommentar {n} zum Stromausfall in Testhausen."},
                    HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code
        for n in range(15)
    ]
    assert statuses.count(303) == 10 and statuses.count(429) == 5
    assert Comment.objects.count() == 10
