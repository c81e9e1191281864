from __future__ import annotations

import asyncio
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from newsdesk import realtime
from newsdesk.comments import services
from newsdesk.comments.models import Comment, Commenter, Reason
from newsdesk.comments.reader import READER_COOKIE
from newsdesk.realtime import sse

pytestmark = pytest.mark.django_db

FORM = {"display_name": "Hanna", "email": "hanna@example.org", "consent": "on", "website": "",
        "body": "Die Sandsäcke an der Uferpromenade helfen hoffentlich gegen den Pegel der Lindra."}


def _post_url(blog) -> str:
    return reverse("comments:create", kwargs={"content_type_id": ContentType.objects.get_for_model(blog).pk,
                                              "object_id": blog.pk})


def test_newsblog_page_has_comment_section_and_form(client, flood_blog):
    html = client.get(flood_blog.get_absolute_url()).content.decode()
    # A shared page: the form gets its token from /csrf/ when used (newsdesk.caching).
    assert 'id="kommentare"' in html and 'name="csrfmiddlewaretoken"' not in html
    assert 'name="website"' in html and 'name="consent"' in html
    assert 'id="entries"' in html  # the newsblog itself is untouched




def _own_url(blog) -> str:
    return reverse("comments:own", kwargs={"content_type_id": ContentType.objects.get_for_model(blog).pk,
                                           "object_id": blog.pk})


def test_post_keeps_the_page_shared_and_the_own_part_shows_the_pending_comment_once(flood_blog):
    """The reader's own comment and notice come from a private answer the page's script fetches; the page
    itself stays the one every anonymous reader gets (a shared cache keeps serving it to this reader too)."""
    client = Client(enforce_csrf_checks=False)
    response = client.post(_post_url(flood_blog), {**FORM, "script": "1"})
    assert response.status_code == 303 and response["Location"].endswith("#kommentare")
    assert "sessionid" not in response.cookies and READER_COOKIE in response.cookies
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    page = client.get(flood_blog.get_absolute_url())
    assert "public" in page["Cache-Control"] and not page.cookies
    assert f'id="{comment.anchor}"' not in page.content.decode()  # the same page as everybody's
    own = client.get(_own_url(flood_blog) + "?teil=1")
    assert "private" in own["Cache-Control"] and "no-store" in own["Cache-Control"]
    data = own.json()
    assert "Ihr Kommentar wird nach Prüfung freigeschaltet" in data["html"]
    assert f'id="{comment.anchor}"' in data["html"] and "comment--pending" in data["html"]
    assert data["own"] == 1 and data["mine"] == [comment.pk]
    assert data["no_comments"] == "Noch keine weiteren Kommentare."
    again = client.get(_own_url(flood_blog) + "?teil=1").json()["html"]
    assert "Ihr Kommentar wird nach Prüfung freigeschaltet" not in again  # the notice is shown once
    assert f'id="{comment.anchor}"' in again  # the own pending comment stays visible to its author
    stranger = Client().get(_own_url(flood_blog) + "?teil=1").json()
    assert stranger["own"] == 0 and stranger["mine"] == [] and "comment" not in stranger["html"]
    forged = Client()
    forged.cookies[READER_COOKIE] = f"{comment.pk}"  # not signed: nobody claims somebody else's comment
    assert f'id="{comment.anchor}"' not in forged.get(_own_url(flood_blog) + "?teil=1").json()["html"]


def test_without_script_the_post_leads_to_a_page_with_the_own_comment(flood_blog):
    client = Client()
    response = client.post(_post_url(flood_blog), FORM)
    assert response.status_code == 303 and response["Location"] == _own_url(flood_blog)
    html = client.get(response["Location"]).content.decode()
    assert "Ihr Kommentar wird nach Prüfung freigeschaltet" in html
    assert f'id="{Comment.objects.get().anchor}"' in html
    assert f'href="{flood_blog.get_absolute_url()}#kommentare"' in html


def test_errors_are_shown_next_to_fields_and_input_kept(client, flood_blog):
    response = client.post(_post_url(flood_blog), {**FORM, "consent": "", "email": "kaputt"})
    assert response.status_code == 422
    html = response.content.decode()
    assert "Datenschutz" in html
    assert 'id="id_email-error"' in html and 'id="id_consent-error"' in html
    assert "Uferpromenade helfen hoffentlich" in html and 'value="Hanna"' in html
    assert Comment.objects.count() == 0


def test_too_long_comment_is_422(client, flood_blog):
    response = client.post(_post_url(flood_blog), {**FORM, "body": "a" * 5001})
    assert response.status_code == 422
    assert "5000" in response.content.decode() or "5.000" in response.content.decode()


def test_rate_limit_is_429_with_message(client, flood_blog, settings):
    settings.COMMENTS_RATE_LIMIT_IP = (1, 600)
    assert client.post(_post_url(flood_blog), FORM).status_code == 303
    response = client.post(_post_url(flood_blog), {**FORM, "email": "zweite@example.org"})
    assert response.status_code == 429
    assert "Uferpromenade" in response.content.decode()


def test_csrf_is_required(flood_blog):
    client = Client(enforce_csrf_checks=True)
    assert client.post(_post_url(flood_blog), FORM).status_code == 403


def test_honeypot_looks_like_success(client, flood_blog):
    response = client.post(_post_url(flood_blog), {**FORM, "website": "http://billig.example"})
    assert response.status_code == 303
    assert Comment.objects.get().status == Comment.Status.REJECTED


def test_approved_comments_shown_newest_first_and_paginated(client, flood_blog, submit, moderator, monkeypatch):
    monkeypatch.setattr("newsdesk.comments.selectors.COMMENTS_PER_PAGE", 2)
    comments = [submit(email=f"{i}@example.org", ip=f"192.0.2.{i}",
                       body=f"Beitrag Nummer {i} zum Pegel der Lindra und den Sandsäcken.") for i in range(3)]
    for comment in comments:
        services.comment_approve(comment=comment, moderator=moderator)
    html = client.get(flood_blog.get_absolute_url()).content.decode()
    assert html.index("Beitrag Nummer 2") < html.index("Beitrag Nummer 1")
    assert "Beitrag Nummer 0" not in html and "?kommentare=2" in html
    assert "Beitrag Nummer 0" in client.get(flood_blog.get_absolute_url() + "?kommentare=2").content.decode()


def test_rejected_comment_never_appears(client, flood_blog, submit, moderator):
    comment = submit(body="Abgelehnter Text über die Lindra und die Sandsäcke.")
    services.comment_reject(comment=comment, moderator=moderator, reason=Reason.OFF_TOPIC)
    assert "Abgelehnter Text" not in client.get(flood_blog.get_absolute_url()).content.decode()


def test_reader_deletes_own_comment(flood_blog):
    client = Client()
    client.post(_post_url(flood_blog), FORM)
    page = client.get(_own_url(flood_blog)).content.decode()
    token = page.split('name="token" value="', 1)[1].split('"', 1)[0]
    response = client.post(reverse("comments:delete"), {"token": token})
    assert response.status_code == 303
    assert Comment.objects.get().status == Comment.Status.DELETED
    assert client.post(reverse("comments:delete"), {"token": "1:falsch"}).status_code == 404


def test_comment_stream_sends_published_approvals():
    async def scenario():
        events = sse.live_frames("comments.1.2", heartbeat=5)
        assert (await anext(events)).startswith(b"retry:")
        pending = asyncio.ensure_future(anext(events))
        await asyncio.sleep(0.05)
        realtime.publish("comments.1.2", {"type": "comment.approved", "id": 7, "html": "<article></article>"})
        frame = await asyncio.wait_for(pending, 5)
        await events.aclose()
        return frame

    frame = asyncio.run(scenario())
    assert b"event: comment.approved" in frame and b'"id":7' in frame


def test_stream_of_unknown_target_type_is_404(client):
    assert client.get(reverse("comments:stream", kwargs={"content_type_id": 99999, "object_id": 1})).status_code == 404


# --- moderation queue ---------------------------------------------------------------------------------------

def _queue(client, status="pending"):
    return client.get(reverse("moderation:queue") + f"?status={status}")


def test_queue_requires_moderator(client, reader, editor):
    assert _queue(client).status_code == 302  # to the login
    client.force_login(reader)
    assert _queue(client).status_code == 403
    client.force_login(editor)
    assert _queue(client).status_code == 403


def test_queue_orders_by_risk_and_explains(client, moderator, submit):
    calm = submit(body="Danke an die Feuerwehr für die Sandsäcke an der Uferpromenade.")
    rude = submit(body="Ihr Vollidioten von der Feuerwehr seid zu dumm für Sandsäcke, ihr Pack.",
                  email="r@example.org", ip="192.0.2.8")
    client.force_login(moderator)
    response = _queue(client)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index(f'id="q-{rude.pk}"') < html.index(f'id="q-{calm.pk}"')
    # The reason names the score and the words that carry it (their order follows the model's weights).
    assert re.search(r"abwertend (0,9\d|1,00): [^<]*»Vollidioten«", html)
    assert "Hochwasser an der Lindra" in html
    assert "0 freigegeben, 0 abgelehnt" in html
    assert 'data-queue="pending">2<' in html


def test_queue_queries_do_not_grow_with_comments(client, moderator, submit, django_assert_max_num_queries,
                                                 settings):
    settings.COMMENTS_RATE_LIMIT_IP = settings.COMMENTS_RATE_LIMIT_EMAIL = (1000, 600)
    client.force_login(moderator)
    top = submit()
    services.comment_approve(comment=top, moderator=moderator)
    for i in range(3):
        submit(email=f"{i}@example.org", parent_id=top.pk)
    # 7 before issue 12, +1 for the open DSA notices per item, +1 for the open complaints' count; +2 for the page
    # frame on a cold cache (issue 17: site identity and sections, then cached).
    with django_assert_max_num_queries(12) as few:
        _queue(client)
    for i in range(30):
        submit(email=f"{i % 7}x@example.org", parent_id=top.pk if i % 2 else None)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = _queue(client)
    assert response.content.decode().count('id="q-') == 33


def test_decisions_from_queue(client, moderator, submit):
    comment = submit()
    client.force_login(moderator)
    url = reverse("moderation:decide", kwargs={"pk": comment.pk})
    assert client.post(url, {"action": "reject", "reason": "demeaning"}).status_code == 303
    comment.refresh_from_db()
    assert (comment.status, comment.rejection_reason, comment.decided_by) == ("rejected", "demeaning", moderator)
    assert client.post(url, {"action": "approve"}).status_code == 303
    assert client.post(url, {"action": "trust"}).status_code == 303
    assert Commenter.objects.get().state == Commenter.State.TRUSTED
    assert client.post(url, {"action": "ban"}).status_code == 303
    assert Commenter.objects.get().state == Commenter.State.BANNED
    assert client.post(url, {"action": "reject", "reason": "weil"}).status_code == 422
    assert client.post(url, {"action": "explode"}).status_code == 400


def test_decided_queues_and_counts(client, moderator, submit):
    comment = submit()
    services.comment_approve(comment=comment, moderator=moderator)
    client.force_login(moderator)
    html = _queue(client, "approved").content.decode()
    assert f'id="q-{comment.pk}"' in html and 'data-queue="approved">1<' in html


def test_approval_makes_the_page_fresh(flood_blog, submit, moderator):
    """The comment section is part of the newsblog page's ETag: an approval makes everybody's copy stale, a new
    comment waiting for review does not."""
    client = Client()
    path = flood_blog.get_absolute_url()
    etag = client.get(path)["ETag"]
    assert client.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 304
    other = submit(body="Die Feuerwehr an der Lindra leistet großartige Arbeit mit den Sandsäcken.")
    # Waiting for review, it shows on no page: the shared page stays as it is (no purge per reader comment).
    assert client.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 304
    services.comment_approve(comment=other, moderator=moderator)
    fresh = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert fresh.status_code == 200 and "großartige Arbeit" in fresh.content.decode()


def test_own_waiting_comment_counts_in_the_heading_and_no_empty_text_under_it(flood_blog):
    """Issue 17: after posting, the page said "Kommentare (0)" and "Noch keine Kommentare." under the own comment.
    The shared page counts published comments; the own part tells comments.js how many to add and which text."""
    client = Client()
    path = flood_blog.get_absolute_url()
    assert client.post(_post_url(flood_blog), {**FORM, "script": "1"}).status_code == 303
    html = client.get(path).content.decode()
    assert re.search(r'class="comments__count" data-published="0" data-own="0">\(0\)<', html)
    assert 'id="comments-own" data-own-url="' + _own_url(flood_blog) + '?teil=1"' in html
    own = client.get(_own_url(flood_blog) + "?teil=1").json()
    assert own["own"] == 1 and own["no_comments"] == "Noch keine weiteren Kommentare."
