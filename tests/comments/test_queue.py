"""The moderation queue: counts per queue, bulk decisions, paging, single-comment view, detail of each item."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from newsdesk.comments import selectors, services
from newsdesk.comments.models import Comment, Commenter, Decision, Reason
from newsdesk.core.errors import InvalidInput

pytestmark = pytest.mark.django_db


def _bulk_insert(blog, n: int, status: str = Comment.Status.PENDING) -> list[Comment]:
    """Rows straight into the table (no screening): paging and counting do not care about the text."""
    commenter = Commenter.objects.create(email=f"viele-{status}@example.org")
    content_type = ContentType.objects.get_for_model(blog)
    rows = [Comment(content_type=content_type, object_id=blog.pk, commenter=commenter, display_name="Viel",
                    body=f"Kommentar Nummer {i} zur Lindra.", status=status, risk=round(1 - i / (n + 1), 4))
            for i in range(n)]
    return Comment.objects.bulk_create(rows)


def _queue(client, query=""):
    return client.get(reverse("moderation:queue") + query)


def test_counts_for_every_queue_in_one_query_and_capped(flood_blog, moderator, django_assert_num_queries, monkeypatch):
    _bulk_insert(flood_blog, 3)
    approved = _bulk_insert(flood_blog, 2, Comment.Status.APPROVED)
    _bulk_insert(flood_blog, 1, Comment.Status.REJECTED)
    services.comment_report(comment_id=approved[0].pk, reason=Reason.SPAM, session_key="s", ip="198.51.100.1")
    with django_assert_num_queries(1):  # one round trip; each count indexed, the decided ones capped
        counts = selectors.queue_counts()
    assert counts == {"pending": 3, "reported": 1, "notices": 0, "approved": 2, "rejected": 1}
    monkeypatch.setattr(selectors, "DECIDED_COUNT_CAP", 1)  # the decided queues stop counting past the cap
    assert selectors.queue_counts()["approved"] == 2 and selectors.queue_counts()["pending"] == 3
    from newsdesk.comments.templatetags.comments import queue_count

    assert (queue_count(2), queue_count(1)) == ("1+", "1")


def test_tabs_show_all_counts(client, flood_blog, moderator):
    _bulk_insert(flood_blog, 3)
    client.force_login(moderator)
    html = _queue(client).content.decode()
    for status, label, count in (("pending", "Ausstehend", 3), ("reported", "Gemeldet", 0),
                                 ("approved", "Freigegeben", 0), ("rejected", "Abgelehnt", 0)):
        assert f'{label} <span class="queue__count" data-queue="{status}">{count}</span>' in html


def test_paging_50_a_page_with_links_and_clamped_after_decisions(client, flood_blog, moderator):
    rows = _bulk_insert(flood_blog, 120)
    client.force_login(moderator)
    first = _queue(client, "?status=pending").content.decode()
    assert first.count('<li class="queue-item') == 50 and "1–50 von 120" in first
    assert 'href="/moderation/?status=pending&amp;seite=2" rel="next"' in first and 'rel="prev"' not in first
    third = _queue(client, "?status=pending&seite=3").content.decode()
    assert third.count('<li class="queue-item') == 20 and "Seite 3 von 3" in third
    assert f'id="q-{rows[-1].pk}"' in third  # lowest risk last
    assert 'rel="prev"' in third and 'rel="next"' not in third
    # Decide everything on page 3 from page 3: the answer goes back to page 3, which no longer exists → page 2.
    response = client.post(reverse("moderation:bulk"), {"ids": [r.pk for r in rows[100:]], "action": "approve",
                                                         "status": "pending", "seite": "3"})
    assert response.status_code == 303 and response["Location"] == "/moderation/?status=pending&seite=3"
    after = client.get(response["Location"]).content.decode()
    assert "Seite 2 von 2" in after and "51–100 von 100" in after
    assert 'data-queue="pending">100<' in after and 'data-queue="approved">20<' in after
    assert _queue(client, "?status=pending&seite=kaputt").status_code == 200


def test_bulk_approve_logs_each_decision_and_says_how_many(client, flood_blog, moderator):
    rows = _bulk_insert(flood_blog, 12)
    client.force_login(moderator)
    response = client.post(reverse("moderation:bulk"), {"ids": [r.pk for r in rows], "action": "approve",
                                                         "status": "pending"}, follow=True)
    assert "12 Kommentare freigegeben" in response.content.decode()
    assert Comment.objects.filter(status=Comment.Status.APPROVED).count() == 12
    decisions = Decision.objects.filter(action=Decision.Action.APPROVE)
    assert decisions.count() == 12 and {d.moderator for d in decisions} == {moderator}
    assert all(d.created_at for d in decisions)
    assert Commenter.objects.get().approved_count == 12


def test_bulk_reject_with_reason_skips_decided_and_deleted(client, flood_blog, moderator):
    rows = _bulk_insert(flood_blog, 4)
    services.comment_reject(comment=rows[0], moderator=moderator, reason=Reason.SPAM)
    Comment.objects.filter(pk=rows[1].pk).update(status=Comment.Status.DELETED)
    client.force_login(moderator)
    response = client.post(reverse("moderation:bulk"), {"ids": [r.pk for r in rows] + [999_999],
                                                         "action": "reject", "reason": "off-topic"}, follow=True)
    html = response.content.decode()
    assert "2 Kommentare abgelehnt (3 übersprungen: schon entschieden oder gelöscht)" in html
    assert set(Comment.objects.filter(rejection_reason="off-topic").values_list("pk", flat=True)) == {
        rows[2].pk, rows[3].pk}


def test_bulk_bad_input_is_refused_with_a_message(client, flood_blog, moderator, reader):
    rows = _bulk_insert(flood_blog, 2)
    url = reverse("moderation:bulk")
    client.force_login(reader)
    assert client.post(url, {"ids": [rows[0].pk], "action": "approve"}).status_code == 403
    client.force_login(moderator)
    for data, text in (({"ids": [rows[0].pk], "action": "reject", "reason": "weil"}, "Bitte wählen Sie einen Grund"),
                       ({"action": "approve"}, "mindestens einen Kommentar"),
                       ({"ids": ["1; DROP"], "action": "approve"}, "Auswahl ist ungültig"),
                       ({"ids": [rows[0].pk], "action": "explode"}, "Unbekannte Aktion")):
        response = client.post(url, data)
        assert response.status_code in (400, 422) and text in response.content.decode()
    assert not Comment.objects.exclude(status=Comment.Status.PENDING).exists()
    with pytest.raises(InvalidInput):
        services.comments_bulk_decide(ids=list(range(1, services.BULK_MAX + 2)), action="approve",
                                      moderator=moderator)


def test_queue_item_details(client, flood_blog, moderator, submit, settings):
    settings.COMMENTS_RATE_LIMIT_EMAIL = (100, 600)
    parent = services.comment_approve(comment=submit(body="Die Sandsäcke am Bauhof sind schon alle vergeben."),
                                      moderator=moderator)
    text = "Am Rathaus gibt es morgen früh neue Sandsäcke für alle Anwohner der Uferstraße."
    first = submit(body=text, email="a@example.org", ip="192.0.2.40")
    reply = submit(body=text.upper().replace("SANDSÄCKE", "S4NDSÄCKE"), parent_id=parent.pk,
                   email="b@example.org", ip="192.0.2.41")
    client.force_login(moderator)
    html = _queue(client).content.decode()
    item = html[html.index(f'id="q-{reply.pk}"'):]
    item = item[:item.index('class="queue-item__actions decide-form"')]
    assert "Hochwasser an der Lindra" in item and flood_blog.get_absolute_url() in item
    assert "Antwort auf Hanna:" in item and "Bauhof sind schon alle" in item
    assert "0 freigegeben, 0 abgelehnt" in item
    assert f'<a href="?kommentar={first.pk}">gleicher Text wie Kommentar #{first.pk}</a>' in item
    single = _queue(client, f"?kommentar={first.pk}").content.decode()
    assert single.count('<li class="queue-item') == 1 and text in single and "Zurück zur Warteschlange" in single
