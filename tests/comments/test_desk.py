"""The moderation desk (issue 12): undo of every decision kind, featured comments, suspensions, DSA notices,
statements of reasons through the outbox, complaints by another moderator, transparency figures, highlighting."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from newsdesk.comments import selectors, services, transparency
from newsdesk.comments.models import (
    Comment,
    Commenter,
    Complaint,
    Decision,
    Notice,
    NoticeCategory,
    Reason,
    Report,
    Statement,
)
from newsdesk.comments.rendering import render_body
from newsdesk.core.errors import Forbidden, InvalidInput
from newsdesk.mail.models import OutboxMessage
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

CALM = "Die Sandsäcke an der Uferpromenade helfen hoffentlich gegen den Pegel der Lindra."


@pytest.fixture
def second_moderator(db):
    from newsdesk.accounts.models import Role

    return make_user("moritz", Role.MODERATOR)


def _statement_mails():
    return list(OutboxMessage.objects.filter(kind="comments.statement"))


def _state(comment: Comment) -> tuple:
    comment.refresh_from_db()
    commenter = Commenter.objects.get(pk=comment.commenter_id)
    return (comment.status, comment.rejection_reason, comment.decided_at, comment.decided_by_id, comment.featured,
            comment.open_reports, commenter.approved_count, commenter.rejected_count, commenter.state,
            commenter.suspended_until, commenter.always_premoderate)


@pytest.mark.parametrize("kind", ["approve", "reject", "feature", "keep", "ban", "trust", "suspend"])
def test_undo_restores_exactly_and_is_logged(kind, submit, moderator, flood_blog):
    comment = submit()
    if kind == "keep":
        services.comment_approve(comment=comment, moderator=moderator)
        services.comment_report(comment_id=comment.pk, reason=Reason.SPAM, session_key="s", ip="198.51.100.7")
    before = _state(comment)
    commenter = Commenter.objects.get(pk=comment.commenter_id)
    if kind == "approve":
        decision = services.comment_approve(comment=comment, moderator=moderator).last_decision
    elif kind == "reject":
        decision = services.comment_reject_reported(comment=comment, moderator=moderator,
                                                    reason=Reason.OFF_TOPIC, note="Thema verfehlt").last_decision
    elif kind == "feature":
        decision = services.comment_feature(comment=comment, moderator=moderator).last_decision
    elif kind == "keep":
        decision = services.comment_keep(comment=comment, moderator=moderator).last_decision
    elif kind == "ban":
        decision = services.commenter_ban(commenter=commenter, moderator=moderator, comment=comment).last_decision
    elif kind == "trust":
        decision = services.commenter_trust(commenter=commenter, moderator=moderator).last_decision
    else:
        decision = services.commenter_suspend(commenter=commenter, moderator=moderator, duration="7d",
                                              reason="wiederholt beleidigend").last_decision
    assert _state(comment) != before
    assert services.decisions_undo(decision_ids=[decision.pk], moderator=moderator) == 1
    assert _state(comment) == before
    if kind == "keep":
        assert Report.objects.get().resolved_at is None
    decision.refresh_from_db()
    assert decision.undone_at is not None
    assert Decision.objects.filter(action=Decision.Action.UNDO, undo_of=decision, moderator=moderator).exists()
    assert not Statement.objects.filter(withdrawn_at__isnull=True).exists()
    assert not _statement_mails()  # an undone decision mails nothing: the statement waited out the undo window
    with pytest.raises(InvalidInput):
        services.decisions_undo(decision_ids=[decision.pk], moderator=moderator)


def test_undo_of_a_bulk_action_and_its_limits(flood_blog, submit, moderator, settings):
    settings.COMMENTS_RATE_LIMIT_IP = settings.COMMENTS_RATE_LIMIT_EMAIL = (100, 600)
    comments = [submit(body=f"{CALM} Nummer {i}.", email=f"l{i}@example.org") for i in range(3)]
    result = services.comments_bulk_decide(ids=[c.pk for c in comments], action="approve", moderator=moderator)
    assert len(result.decisions) == 3
    services.decisions_undo(decision_ids=list(result.decisions), moderator=moderator)
    assert {c.status for c in Comment.objects.all()} == {Comment.Status.PENDING}
    # Too late, and not over a later decision.
    late = services.comment_approve(comment=comments[0], moderator=moderator).last_decision
    Decision.objects.filter(pk=late.pk).update(created_at=timezone.now() - timedelta(minutes=5))
    with pytest.raises(InvalidInput, match="Zu spät"):
        services.decisions_undo(decision_ids=[late.pk], moderator=moderator)
    first = services.comment_approve(comment=comments[1], moderator=moderator).last_decision
    services.comment_reject(comment=comments[1], moderator=moderator, reason=Reason.SPAM)
    with pytest.raises(InvalidInput):
        services.decisions_undo(decision_ids=[first.pk], moderator=moderator)


def test_featured_comments_come_first_and_are_pushed(flood_blog, submit, moderator, monkeypatch,
                                                     django_capture_on_commit_callbacks, settings):
    settings.COMMENTS_RATE_LIMIT_IP = settings.COMMENTS_RATE_LIMIT_EMAIL = (100, 600)
    older = submit(body=f"{CALM} Zuerst.", email="a@example.org")
    newer = submit(body=f"{CALM} Danach.", email="b@example.org")
    services.comment_approve(comment=older, moderator=moderator)
    services.comment_approve(comment=newer, moderator=moderator)
    published = []
    monkeypatch.setattr(services.realtime, "publish", lambda channel, data: published.append((channel, data)))
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_feature(comment=older, moderator=moderator)
    assert [c.pk for c in selectors.approved_page(flood_blog, 1)] == [older.pk, newer.pk]
    assert [c.pk for c in selectors.approved_page(flood_blog, 1, featured_only=True)] == [older.pk]
    [message] = [m for c, m in published if c == older.channel]
    assert message["type"] == "comment.featured" and message["featured"] is True
    assert "Redaktionsempfehlung" in message["html"]


def test_suspension_blocks_posting_until_it_ends(submit, moderator):
    comment = submit()
    commenter = Commenter.objects.get(pk=comment.commenter_id)
    services.commenter_suspend(commenter=commenter, moderator=moderator, duration="1d", reason="Beleidigungen")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.REJECTED  # waiting comments go with the suspension
    with pytest.raises(Forbidden, match="Beleidigungen"):
        submit(body=f"{CALM} Noch einmal.")
    Commenter.objects.filter(pk=commenter.pk).update(suspended_until=timezone.now() - timedelta(seconds=1))
    assert submit(body=f"{CALM} Wieder da.").status == Comment.Status.PENDING
    with pytest.raises(InvalidInput):
        services.commenter_suspend(commenter=commenter, moderator=moderator, duration="2w", reason="x")
    with pytest.raises(InvalidInput):
        services.commenter_suspend(commenter=commenter, moderator=moderator, duration="1h", reason="  ")


def test_always_premoderate_stops_automatic_approval(submit, moderator):
    from newsdesk.comments.models import CommentSettings, Mode

    CommentSettings.objects.filter(pk=1).update(mode=Mode.POST)
    assert submit().status == Comment.Status.APPROVED
    commenter = Commenter.objects.get()
    services.commenter_set_mark(commenter=commenter, moderator=moderator, mark="premoderate")
    assert submit(body=f"{CALM} Zweiter Gedanke.").status == Comment.Status.PENDING


def test_statement_sent_once_through_the_outbox_manual_vs_model_prepared(submit, moderator):
    manual = submit()
    services.comment_reject(comment=manual, moderator=moderator, reason=Reason.OFF_TOPIC, note="Bitte beim Thema")
    prepared = submit(body="Was für ein Idiot, dieser Bürgermeister, einfach nur dumm und peinlich.",
                      email="zorn@example.org")
    assert prepared.screen_action == "hold"
    services.comment_reject(comment=prepared, moderator=moderator, reason=Reason.DEMEANING)
    # Asking again for the same decision's statement changes nothing: one per decision.
    services._statement_for(manual.decisions.get(action="reject"), manual)
    mails = {m.recipient: m for m in _statement_mails()}
    assert len(mails) == 2 and Statement.objects.count() == 2
    first = mails["hanna@example.org"]
    assert first.next_attempt_at > timezone.now() + timedelta(seconds=30)  # waits out the undo window
    assert "keine automatisierten Mittel" in first.text and "Bitte beim Thema" in first.text
    assert "Kommentare müssen sich auf das Thema beziehen" in first.text
    assert "/kommentare/einspruch/" in first.text
    second = mails["zorn@example.org"]
    assert "Vorprüfung hat den Kommentar zur Prüfung zurückgehalten" in second.text
    assert "abwertend" in second.text
    automatic = submit(body=f"{CALM} Hurensohn.", email="wort@example.org")  # a banned word: decided by the tool
    assert automatic.status == Comment.Status.REJECTED
    text = OutboxMessage.objects.get(kind="comments.statement", recipient="wort@example.org").text
    assert "automatisch von unserer Vorprüfung getroffen" in text


def test_notice_confirmation_decision_and_notifier_mail(flood_blog, submit, moderator):
    comment = submit()
    services.comment_approve(comment=comment, moderator=moderator)
    with pytest.raises(InvalidInput) as missing:
        services.notice_submit(comment_id=comment.pk, category="insult", explanation="", good_faith=False)
    assert set(missing.value.details["errors"]) == {"explanation", "good_faith"}
    notice = services.notice_submit(comment_id=comment.pk, category=NoticeCategory.INSULT,
                                    explanation="Beleidigt den Bürgermeister.", name="Paul",
                                    email="Paul@Example.org", good_faith=True, ip="203.0.113.5")
    received = OutboxMessage.objects.get(kind="comments.notice", recipient="paul@example.org")
    assert "erhalten" in received.text and "§ 185 StGB" in received.text
    assert selectors.queue_counts()["notices"] == 1
    assert [c.pk for c in selectors.queue(selectors.NOTICES)] == [comment.pk]
    services.comment_reject_reported(comment=comment, moderator=moderator, reason=Reason.ILLEGAL)
    notice.refresh_from_db()
    assert notice.outcome == Notice.Outcome.REMOVED and notice.decided_by == moderator
    decided = OutboxMessage.objects.filter(kind="comments.notice").exclude(pk=received.pk).get()
    assert "Der Kommentar wurde entfernt" in decided.text
    statement = Statement.objects.get()
    assert "§ 185 StGB" in statement.ground  # the ground names the law of the notice
    assert selectors.queue_counts()["notices"] == 0


def test_complaint_decided_by_another_moderator_and_outcome_mailed(submit, moderator, second_moderator, client):
    comment = submit()
    services.comment_reject(comment=comment, moderator=moderator, reason=Reason.OFF_TOPIC)
    statement = Statement.objects.get()
    token = services.complaint_url(statement).rsplit("/einspruch/", 1)[1].strip("/")
    page = client.get(reverse("comments:complaint", kwargs={"token": token}))
    assert page.status_code == 200 and "Kommentare müssen sich auf das Thema beziehen" in page.content.decode()
    assert client.post(reverse("comments:complaint", kwargs={"token": token}), {"text": ""}).status_code == 422
    response = client.post(reverse("comments:complaint", kwargs={"token": token}),
                           {"text": "Es ging sehr wohl um die Sandsäcke."})
    assert response.status_code == 200
    complaint = Complaint.objects.get()
    with pytest.raises(Forbidden):
        services.complaint_decide(complaint=complaint, moderator=moderator, outcome="reversed")
    services.complaint_decide(complaint=complaint, moderator=second_moderator, outcome="reversed",
                              answer="Sie haben recht.")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    outcome = OutboxMessage.objects.get(kind="comments.complaint")
    assert "Wir nehmen die Entscheidung zurück" in outcome.text and "Sie haben recht." in outcome.text
    assert client.get(reverse("comments:complaint", kwargs={"token": "kaputt"})).status_code == 404


def test_single_moderator_may_decide_the_complaint(submit, moderator):
    comment = submit()
    services.comment_reject(comment=comment, moderator=moderator, reason=Reason.SPAM)
    complaint = Complaint.objects.create(statement=Statement.objects.get(), text="Kein Spam.")
    services.complaint_decide(complaint=complaint, moderator=moderator, outcome="upheld")
    assert Complaint.objects.get().outcome == "upheld"


def test_transparency_report_figures_on_a_fixture(flood_blog, submit, moderator, second_moderator, settings):
    settings.COMMENTS_RATE_LIMIT_IP = settings.COMMENTS_RATE_LIMIT_EMAIL = (100, 600)
    texts = ["Die Feuerwehr stapelt am Bauhof neue Sandsäcke für die Anwohner.",
             "Am Rathaus gibt es heute Abend warme Suppe für die Helfer an der Lindra.",
             "Der Pegel der Lindra ist seit dem Mittag um zwanzig Zentimeter gesunken.",
             "Die Uferpromenade bleibt nach Auskunft der Stadt bis Freitag gesperrt."]
    comments = [submit(body=text, email=f"t{i}@example.org") for i, text in enumerate(texts)]
    assert {c.screen_action for c in comments} == {"approve-candidate"}  # nothing held: no automated means
    for c in comments:
        services.comment_approve(comment=c, moderator=moderator)
    for c, category in zip(comments[:3], ["insult", "insult", "threat"], strict=True):
        services.notice_submit(comment_id=c.pk, category=category, explanation="Bitte prüfen.", good_faith=True)
    Notice.objects.update(created_at=timezone.now() - timedelta(hours=2))
    services.comment_reject_reported(comment=comments[0], moderator=moderator, reason=Reason.ILLEGAL)
    services.comment_keep(comment=comments[1], moderator=moderator)
    services.comment_reject(comment=comments[3], moderator=moderator, reason=Reason.SPAM)
    complaint = services.complaint_submit(token=services.complaint_url(Statement.objects.first())
                                          .rsplit("/einspruch/", 1)[1].strip("/"), text="Einspruch.")
    services.complaint_decide(complaint=complaint, moderator=second_moderator, outcome="upheld")
    figures = transparency.report(since=timezone.localdate() - timedelta(days=1))
    assert figures["notices"]["total"] == 3 and figures["notices"]["by_category"]["insult"] == 2
    assert figures["notices"]["by_category"]["threat"] == 1 and figures["notices"]["decided"] == 2
    assert figures["notices"]["removed"] == 1 and figures["notices"]["kept"] == 1
    assert 1.9 <= figures["notices"]["median_hours_to_decision"] <= 2.1
    assert figures["actions"]["total"] == 2
    assert figures["actions"]["automated_share"] == 0.0
    assert figures["complaints"] == {"total": 1, "outcomes": {"open": 0, "upheld": 1, "reversed": 0}}
    assert transparency.report(since=date.today() + timedelta(days=2))["notices"]["total"] == 0
    csv_text = transparency.as_csv(figures)
    assert "notices_by_category,insult,2" in csv_text and "complaint_outcomes,upheld,1" in csv_text


def test_report_command_json_and_csv(capsys, submit, moderator):
    services.comment_reject(comment=submit(), moderator=moderator, reason=Reason.SPAM)
    call_command("moderation", "report", "--since", timezone.localdate().isoformat())
    assert json.loads(capsys.readouterr().out)["actions"]["total"] == 1
    call_command("moderation", "report", "--since", timezone.localdate().isoformat(), "--format", "csv")
    assert capsys.readouterr().out.startswith("section,key,value")


def test_highlight_uses_spans_when_present_else_quoted_words(submit):
    comment = Comment(body="Du bist ein Idiot.\nWirklich ein IDIOT!", signals=[
        {"action": "hold", "reason_de": "abwertend 0,95: »idiot«", "score": 0.95}])
    assert selectors.signal_spans(comment) == [(12, 17), (32, 37)]
    html = render_body(comment.body, selectors.signal_spans(comment))
    assert html == "<p>Du bist ein <mark>Idiot</mark>.<br>Wirklich ein <mark>IDIOT</mark>!</p>"
    comment.signals = [{"action": "hold", "reason_de": "abwertend 0,95", "reason_spans": [[0, 2]], "score": 1}]
    assert render_body(comment.body, selectors.signal_spans(comment)).startswith("<p><mark>Du</mark> bist")
    # A mark never lets the text's own markup through, and stops at a link.
    risky = Comment(body="<b>x</b> www.bit.ly/abc", signals=[
        {"action": "hold", "reason_de": "Kurzlink: »bit.ly/abc«", "score": 1}])
    out = render_body(risky.body, selectors.signal_spans(risky))
    assert "<b>" not in out and "&lt;b&gt;" in out and "<mark>" in out


def test_held_comment_stores_where_its_reason_words_are(submit):
    """The screening's spans are kept with the comment, so the cockpit marks exactly those words."""
    comment = submit(body="Was für ein erbärmlicher Vollidiot, dieses dreckige Pack am Ufer der Lindra.",
                     email="grob@example.org")
    assert comment.status == Comment.Status.PENDING
    offense = next(s for s in comment.signals if s["name"] == "offense")
    assert offense["reason_spans"]
    stored = Comment.objects.get(pk=comment.pk)
    marked = {stored.body[a:b] for a, b in selectors.signal_spans(stored)}
    assert marked and all(f"»{word}«" in offense["reason_de"] for word in marked)
    calm = submit(body="Die Sandsäcke an der Uferpromenade halten hoffentlich, danke an die Feuerwehr.",
                  email="ruhig@example.org")
    assert "reason_spans" not in next(s for s in calm.signals if s["name"] == "offense")


def test_queue_views_search_and_tie_break(client, flood_blog, moderator, settings):
    from django.contrib.contenttypes.models import ContentType

    commenter = Commenter.objects.create(email="viele@example.org")
    other = Commenter.objects.create(email="andere@example.org")
    ct = ContentType.objects.get_for_model(flood_blog)
    rows = Comment.objects.bulk_create([
        Comment(content_type=ct, object_id=flood_blog.pk, commenter=commenter, display_name="Eins",
                body="Pegel steigt", risk=1.0, risk_next=0.2),
        Comment(content_type=ct, object_id=flood_blog.pk, commenter=other, display_name="Zwei",
                body="Sandsack fehlt", risk=1.0, risk_next=0.9),
        Comment(content_type=ct, object_id=flood_blog.pk + 999, commenter=other, display_name="Drei",
                body="Andere Seite", risk=0.4)])
    assert [c.pk for c in selectors.queue("pending")] == [rows[1].pk, rows[0].pk, rows[2].pk]
    story = selectors.QueueFilter(content_type_id=ct.pk, object_id=flood_blog.pk)
    assert {c.pk for c in selectors.queue("pending", story)} == {rows[0].pk, rows[1].pk}
    assert [c.pk for c in selectors.queue("pending", selectors.QueueFilter(search="sandsack"))] == [rows[1].pk]
    by_mail = selectors.QueueFilter(search="Viele@example.org")
    assert [c.pk for c in selectors.queue("pending", by_mail)] == [rows[0].pk]
    fingerprint = Commenter.objects.get(pk=other.pk).email_fingerprint
    assert len(fingerprint) == 12
    assert {c.pk for c in selectors.queue("pending", selectors.QueueFilter(search=fingerprint))} == {
        rows[1].pk, rows[2].pk}
    client.force_login(moderator)
    html = client.get(reverse("moderation:queue") + f"?status=pending&ziel={ct.pk}.{flood_blog.pk}").content.decode()
    assert html.count('class="queue-item"') == 2 and "is-current" not in html  # nothing selected on load


def test_decide_and_undo_over_json(client, submit, moderator):
    comment = submit()
    client.force_login(moderator)
    response = client.post(reverse("moderation:decide", kwargs={"pk": comment.pk}),
                           {"action": "reject", "reason": "spam", "note": "Werbung", "status": "pending"},
                           HTTP_ACCEPT="application/json")
    body = response.json()
    assert body["ok"] and body["message"] == "Abgelehnt" and body["counts"]["pending"] == 0
    assert Decision.objects.get(pk=body["decisions"][0]).note == "Werbung"
    bad = client.post(reverse("moderation:decide", kwargs={"pk": comment.pk}), {"action": "reject", "reason": "?"},
                      HTTP_ACCEPT="application/json")
    assert bad.status_code == 422 and bad.json()["ok"] is False
    undone = client.post(reverse("moderation:undo"), {"ids": body["decisions"]}, HTTP_ACCEPT="application/json")
    assert undone.json()["counts"]["pending"] == 1
    # Without script: the answer is the queue, with the undo bar for the last decision.
    client.post(reverse("moderation:decide", kwargs={"pk": comment.pk}), {"action": "approve", "status": "pending"})
    page = client.get(reverse("moderation:queue")).content.decode()
    assert 'id="undo-bar" role="status" aria-live="polite">' in page and "Freigegeben" in page


def test_drawer_suspension_asks_once_then_suspends(client, submit, moderator):
    comment = submit()
    client.force_login(moderator)
    url = reverse("moderation:commenter", kwargs={"pk": comment.commenter_id})
    assert "Notizen" in client.get(url).content.decode() or client.get(url).status_code == 200
    asked = client.post(url, {"action": "suspend", "duration": "7d", "reason": "Beleidigungen"})
    text = asked.content.decode()
    assert asked.status_code == 200 and "7 Tage" in text and 'name="confirm" value="1"' in text
    assert not Commenter.objects.get(pk=comment.commenter_id).is_suspended()
    client.post(url, {"action": "suspend", "duration": "7d", "reason": "Beleidigungen", "confirm": "1"})
    assert Commenter.objects.get(pk=comment.commenter_id).is_suspended()
    client.post(url, {"action": "note", "text": "Schreibt nachts viel."})
    assert "Schreibt nachts viel." in client.get(url).content.decode()


def test_dashboard_and_transparency_csv_access(client, submit, moderator, db):
    from newsdesk.accounts.models import Role

    services.comment_reject(comment=submit(), moderator=moderator, reason=Reason.SPAM)
    client.force_login(moderator)
    page = client.get(reverse("moderation:dashboard"))
    assert page.status_code == 200 and "<svg" in page.content.decode()
    assert client.get(reverse("moderation:transparency-csv")).status_code == 403
    client.force_login(make_user("adele", Role.ADMIN))
    csv_response = client.get(reverse("moderation:transparency-csv") + "?seit=2026-01-01")
    assert csv_response.status_code == 200 and csv_response["Content-Type"].startswith("text/csv")
    assert client.get(reverse("moderation:transparency-csv") + "?seit=gestern").status_code == 400


def test_retention_forgets_notifier_details_after_180_days(submit, moderator):
    comment = submit()
    services.comment_approve(comment=comment, moderator=moderator)
    notice = services.notice_submit(comment_id=comment.pk, category="rules", explanation="Werbung.",
                                    name="Paula", email="paula@example.org", good_faith=True, ip="203.0.113.9")
    services.comment_keep(comment=comment, moderator=moderator)
    assert services.notices_purge() == 0  # decided just now: kept
    Notice.objects.filter(pk=notice.pk).update(decided_at=timezone.now() - timedelta(days=181))
    call_command("purge_comment_ips")
    notice.refresh_from_db()
    assert (notice.name, notice.email, notice.explanation, notice.ip_hash) == ("", "", "", "")
    assert notice.category == "rules" and notice.outcome == Notice.Outcome.KEPT  # the report still counts it


def test_dashboard_figures_per_site_and_per_story(flood_blog, editor, submit, moderator, settings):
    from newsdesk.comments import dashboard
    from newsdesk.liveblogs import services as liveblog_services

    settings.COMMENTS_RATE_LIMIT_IP = settings.COMMENTS_RATE_LIMIT_EMAIL = (100, 600)
    festival = liveblog_services.liveblog_create(title="Brückenfest in Kelmsbrück", teaser="Musik am Ufer.",
                                                 author=editor)
    flood = [submit(body=f"{CALM} Nummer {i}.", email=f"f{i}@example.org") for i in range(3)]
    fest = submit(target=festival, body="Die Musik am Ufer der Lindra war großartig.", email="m@example.org")
    # Known facts: the model held two flood comments; one of them is approved after all, the other rejected.
    Comment.objects.update(screen_action="approve-candidate")
    Comment.objects.filter(pk__in=[flood[0].pk, flood[1].pk]).update(screen_action="hold")
    Comment.objects.filter(pk__in=[c.pk for c in flood]).update(created_at=timezone.now() - timedelta(minutes=10))
    services.comment_approve(comment=flood[0], moderator=moderator)
    services.comment_reject(comment=flood[1], moderator=moderator, reason=Reason.SPAM)
    site = dashboard.dashboard()
    assert (site["pending_now"], site["decisions_total"], site["arrived"]) == (2, 2, 4)
    assert site["held_share"] == 0.5 and site["overturned_share"] == 0.5 and 9.5 <= site["median_minutes"] <= 10.5
    by_story = {s["title"]: s for s in site["stories"]}
    assert [s["title"] for s in site["stories"]] == [str(flood_blog), str(festival)]  # most waiting first
    assert (by_story[str(flood_blog)]["pending"], by_story[str(flood_blog)]["decisions"]) == (1, 2)
    assert by_story[str(flood_blog)]["held_share"] == round(2 / 3, 3)
    assert by_story[str(festival)]["decisions"] == 0 and by_story[str(festival)]["median_minutes"] is None
    one = dashboard.dashboard(content_type_id=fest.content_type_id, object_id=festival.pk)
    assert (one["pending_now"], one["arrived"], one["held_share"], one["stories"]) == (1, 1, 0.0, [])
    assert one["story"]["title"] == str(festival)


def test_reports_and_notices_reach_the_live_queue(submit, moderator, monkeypatch, django_capture_on_commit_callbacks):
    comment = submit()
    services.comment_approve(comment=comment, moderator=moderator)
    published = []
    monkeypatch.setattr(services.realtime, "publish", lambda channel, data: published.append((channel, data)))
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_report(comment_id=comment.pk, reason=Reason.SPAM, session_key="s", ip="198.51.100.7")
        services.notice_submit(comment_id=comment.pk, category="rules", explanation="Werbung.", good_faith=True)
    events = [(m["type"], m["id"], m.get("source")) for c, m in published if c == services.QUEUE_CHANNEL]
    assert events == [("comment.reported", comment.pk, "report"), ("comment.reported", comment.pk, "notice")]


def test_statements_forget_the_quoted_comment_on_deletion_and_after_a_year(submit, moderator):
    first = submit(body=f"{CALM} Erstens.", email="q@example.org")
    services.comment_reject(comment=first, moderator=moderator, reason=Reason.SPAM)
    statement = Statement.objects.get()
    assert "Erstens" in statement.facts
    assert services.statements_purge() == 0  # written just now
    Statement.objects.update(created_at=timezone.now() - timedelta(days=366))
    complaint = services.complaint_submit(token=services.complaint_url(statement).rsplit("/einspruch/", 1)[1]
                                          .strip("/"), text="Einspruch.")
    assert services.statements_purge() == 0  # a complaint is still open: the facts stay for it
    Complaint.objects.filter(pk=complaint.pk).update(decided_at=timezone.now(), outcome="upheld")
    assert services.statements_purge() == 1
    statement.refresh_from_db()
    assert "Erstens" not in statement.facts and statement.ground and statement.action == "reject"
    second = submit(body=f"{CALM} Zweitens.", email="q@example.org")
    services.comment_reject(comment=second, moderator=moderator, reason=Reason.SPAM)
    services.commenter_delete_all(commenter=Commenter.objects.get(email="q@example.org"))
    assert not Statement.objects.filter(facts__contains="Zweitens").exists()
