"""Readers report approved comments; moderators see them in the reported queue and keep or reject them."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from newsdesk import realtime
from newsdesk.comments import services
from newsdesk.comments.models import Comment, Decision, Reason, Report
from newsdesk.core.errors import InvalidInput, NotFound

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(submit, moderator):
    comment = submit(body="Die Sandsäcke an der Uferpromenade kamen viel zu spät, finde ich.")
    return services.comment_approve(comment=comment, moderator=moderator)


def _report(comment, reason=Reason.DEMEANING, session="sitzung-1", ip="198.51.100.1"):
    return services.comment_report(comment_id=comment.pk, reason=reason, session_key=session, ip=ip)


def test_report_is_counted_once_per_session_or_ip(approved):
    report, counted = _report(approved)
    assert counted and report.reason == Reason.DEMEANING
    assert report.session_hash and "sitzung-1" not in report.session_hash and "198.51" not in report.ip_hash
    assert _report(approved, session="sitzung-1", ip="198.51.100.2") == (report, False)  # same session
    assert _report(approved, session="sitzung-2", ip="198.51.100.1") == (report, False)  # same IP
    _second, counted = _report(approved, reason=Reason.SPAM, session="sitzung-3", ip="198.51.100.3")
    assert counted
    approved.refresh_from_db()
    assert approved.open_reports == 2 and Report.objects.count() == 2


def test_report_needs_a_known_reason_and_an_approved_comment(approved, submit):
    with pytest.raises(InvalidInput):
        _report(approved, reason="weil")
    pending = submit(body="Noch nicht freigegeben: Pegel an der Lindra.", email="p@example.org", ip="192.0.2.9")
    with pytest.raises(NotFound):
        _report(pending)
    with pytest.raises(NotFound):
        services.comment_report(comment_id=999_999, reason=Reason.SPAM, session_key="s", ip="198.51.100.1")
    assert Report.objects.count() == 0


def test_reports_are_rate_limited_per_ip(approved, submit, moderator, settings):
    settings.COMMENTS_REPORT_RATE_LIMIT_IP = (2, 600)
    others = [services.comment_approve(comment=submit(body=f"Kommentar {i} über den Pegel der Lindra.",
                                                      email=f"{i}@example.org", ip=f"192.0.2.{20 + i}"),
                                       moderator=moderator) for i in range(2)]
    _report(approved, session="a")
    _report(others[0], session="b")
    with pytest.raises(services.RateLimited):
        _report(others[1], session="c")
    assert Report.objects.count() == 2


def test_keep_dismisses_reports_and_logs(approved, moderator):
    _report(approved)
    services.comment_keep(comment=approved, moderator=moderator)
    approved.refresh_from_db()
    assert approved.status == Comment.Status.APPROVED and approved.open_reports == 0
    report = Report.objects.get()
    assert report.outcome == Report.Outcome.KEPT and report.resolved_by == moderator and report.resolved_at
    decision = Decision.objects.get(comment=approved, action=Decision.Action.KEEP)
    assert decision.moderator == moderator and "1 Meldung" in decision.note


def test_reject_reported_removes_it_live_and_closes_reports(approved, moderator, monkeypatch,
                                                            django_capture_on_commit_callbacks):
    published = []
    monkeypatch.setattr(realtime, "publish", lambda channel, message: published.append((channel, message)))
    _report(approved)
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_reject_reported(comment=approved, moderator=moderator, reason=Reason.DEMEANING)
    approved.refresh_from_db()
    assert approved.status == Comment.Status.REJECTED and approved.open_reports == 0
    assert Report.objects.get().outcome == Report.Outcome.REJECTED
    # Readers' channel only; the moderators' queue channel hears about the decision too (issue 12).
    readers = [(channel, message) for channel, message in published if channel == approved.channel]
    assert readers == [(approved.channel, {"type": "comment.removed", "id": approved.pk})]


# --- pages ----------------------------------------------------------------------------------------------------

def test_melden_button_and_post_with_csrf(approved, flood_blog):
    client = Client(enforce_csrf_checks=True)
    html = client.get(flood_blog.get_absolute_url()).content.decode()
    assert "Melden" in html and reverse("comments:report", kwargs={"pk": approved.pk}) in html
    url = reverse("comments:report", kwargs={"pk": approved.pk})
    assert client.post(url, {"reason": "spam"}).status_code == 403  # no CSRF token
    token = client.get("/csrf/").json()["token"]  # what caching/forms.js fetches when the form is used
    response = client.post(url, {"reason": "spam", "csrfmiddlewaretoken": token, "script": "1"})
    assert response.status_code == 303 and response["Location"].endswith("#kommentare")
    assert "sessionid" not in response.cookies  # the page stays shared; the notice comes from the own part
    own = reverse("comments:own", kwargs={"content_type_id": approved.content_type_id,
                                          "object_id": approved.object_id})
    html = client.get(own + "?teil=1").json()["html"]
    assert "Danke. Unsere Moderation sieht sich den gemeldeten Kommentar an." in html
    response = client.post(url, {"reason": "demeaning", "csrfmiddlewaretoken": token})
    assert response["Location"] == own  # without a script: the own part as a page
    assert "bereits gemeldet" in client.get(own).content.decode()
    approved.refresh_from_db()
    assert approved.open_reports == 1


def test_report_errors_are_clear(approved, submit, settings):
    client = Client()
    url = reverse("comments:report", kwargs={"pk": approved.pk})
    response = client.post(url, {"reason": ""})
    assert response.status_code == 422 and "Bitte wählen Sie" in response.content.decode()
    assert client.post(reverse("comments:report", kwargs={"pk": 999_999}), {"reason": "spam"}).status_code == 404
    settings.COMMENTS_REPORT_RATE_LIMIT_IP = (0, 600)
    response = client.post(url, {"reason": "spam"})
    assert response.status_code == 429 and "Minuten" in response.content.decode()
    assert Report.objects.count() == 0


def test_reported_queue_shows_reasons_counts_and_actions(client, approved, moderator, submit):
    _report(approved, reason=Reason.DEMEANING, session="a", ip="198.51.100.1")
    _report(approved, reason=Reason.DEMEANING, session="b", ip="198.51.100.2")
    _report(approved, reason=Reason.SPAM, session="c", ip="198.51.100.3")
    calm = services.comment_approve(comment=submit(body="Ein freundlicher Hinweis zum Pegel der Lindra.",
                                                   email="c@example.org", ip="192.0.2.30"), moderator=moderator)
    client.force_login(moderator)
    html = client.get(reverse("moderation:queue") + "?status=reported").content.decode()
    assert f'id="q-{approved.pk}"' in html and f'id="q-{calm.pk}"' not in html
    assert "3 Meldungen:" in html and "abwertend (2)" in html and "Spam (1)" in html
    assert 'data-queue="reported">1<' in html and 'value="keep"' in html
    response = client.post(reverse("moderation:decide", kwargs={"pk": approved.pk}),
                           {"action": "keep", "status": "reported"})
    assert response.status_code == 303 and "status=reported" in response["Location"]
    html = client.get(reverse("moderation:queue") + "?status=reported").content.decode()
    assert f'id="q-{approved.pk}"' not in html and 'data-queue="reported">0<' in html
