from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from newsdesk.comments import services
from newsdesk.comments.models import Comment, Commenter, Decision, Reason
from newsdesk.core.errors import InvalidInput

pytestmark = pytest.mark.django_db


def test_submit_stores_pending_with_screening(submit, flood_blog):
    comment = submit()
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING
    assert comment.target == flood_blog
    assert comment.fingerprint and len(comment.fingerprint) == 64
    names = {s["name"] for s in comment.signals}
    assert {"offense", "offtopic"} <= names
    assert all(s["reason_de"] and s["version"] for s in comment.signals)
    assert comment.model_versions["offense"]
    assert comment.ip_hash and "192.0.2.1" not in comment.ip_hash
    assert comment.commenter.email == "hanna@example.org"


def test_email_is_normalised_to_one_commenter(submit):
    submit(email=" Hanna@Example.ORG ")
    submit(email="hanna@example.org", ip="192.0.2.2")
    assert Commenter.objects.count() == 1


@pytest.mark.parametrize(("field", "kwargs"), [
    ("body", {"body": "   "}),
    ("body", {"body": "x" * 5001}),
    ("consent", {"consent": False}),
    ("email", {"email": "keine-adresse"}),
    ("display_name", {"display_name": ""}),
])
def test_invalid_input_names_the_field(submit, field, kwargs):
    with pytest.raises(InvalidInput) as info:
        submit(**kwargs)
    assert field in info.value.details["errors"]
    assert Comment.objects.count() == 0


def test_body_is_nfkc_normalised_and_invisible_characters_removed(submit):
    comment = submit(body="Ｋｅｌｍｓｂｒück\u200b braucht mehr Sandsäcke an der Lindra.")
    assert comment.body == "Kelmsbrück braucht mehr Sandsäcke an der Lindra."


def test_honeypot_is_stored_rejected_quietly(submit):
    comment = submit(honeypot="http://spam.example")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.REJECTED
    assert comment.rejection_reason == Reason.SPAM
    decision = Decision.objects.get(comment=comment)
    assert decision.moderator is None and "Honeypot" in decision.note


def test_banned_word_is_rejected_with_reason(submit):
    comment = submit(body="Diese Kanaken an der Lindra sollen verschwinden.")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.REJECTED
    assert "gesperrtes Wort" in Decision.objects.get(comment=comment).note


def test_banned_commenter_is_rejected(submit, moderator):
    first = submit()
    services.commenter_ban(commenter=first.commenter, moderator=moderator, comment=first)
    first.refresh_from_db()
    assert first.status == Comment.Status.REJECTED  # pending ones are rejected with the ban
    later = submit(ip="192.0.2.9")
    assert later.status == Comment.Status.REJECTED
    assert Decision.objects.filter(action=Decision.Action.BAN, moderator=moderator).count() == 1


def test_rate_limit_per_ip_and_email(submit, settings):
    settings.COMMENTS_RATE_LIMIT_IP = (2, 600)
    settings.COMMENTS_RATE_LIMIT_EMAIL = (3, 600)
    submit(email="a@example.org")
    submit(email="b@example.org")
    with pytest.raises(services.RateLimited) as info:
        submit(email="c@example.org")
    assert "10" in info.value.message
    assert info.value.status == 429
    submit(email="a@example.org", ip="192.0.2.5")
    submit(email="a@example.org", ip="192.0.2.6")
    with pytest.raises(services.RateLimited):
        submit(email="a@example.org", ip="192.0.2.7")


def test_reply_to_reply_attaches_to_top_comment(submit, moderator):
    top = submit()
    services.comment_approve(comment=top, moderator=moderator)
    reply = submit(parent_id=top.pk, email="b@example.org")
    services.comment_approve(comment=reply, moderator=moderator)
    second = submit(parent_id=reply.pk, email="c@example.org")
    assert second.parent_id == top.pk


def test_reply_to_unapproved_comment_is_refused(submit):
    top = submit()
    with pytest.raises(InvalidInput):
        submit(parent_id=top.pk, email="b@example.org")


def test_approve_reject_counts_and_log(submit, moderator):
    comment = submit()
    services.comment_approve(comment=comment, moderator=moderator)
    commenter = Commenter.objects.get()
    assert (commenter.approved_count, commenter.rejected_count) == (1, 0)
    services.comment_reject(comment=comment, moderator=moderator, reason=Reason.OFF_TOPIC)
    commenter.refresh_from_db()
    assert (commenter.approved_count, commenter.rejected_count) == (0, 1)
    actions = list(Decision.objects.order_by("created_at", "id").values_list("action", "reason", "moderator"))
    assert actions == [("approve", "", moderator.pk), ("reject", "off-topic", moderator.pk)]
    with pytest.raises(InvalidInput):
        services.comment_reject(comment=comment, moderator=moderator, reason="weil")


def test_trust_is_logged(submit, moderator):
    comment = submit()
    commenter = services.commenter_trust(commenter=comment.commenter, moderator=moderator, comment=comment)
    assert commenter.state == Commenter.State.TRUSTED
    assert Comment.objects.get().status == Comment.Status.PENDING  # trust does not approve by itself


def test_approval_publishes_rendered_comment_after_commit(submit, moderator, monkeypatch,
                                                          django_capture_on_commit_callbacks):
    published = []
    monkeypatch.setattr(services.realtime, "publish", lambda channel, data: published.append((channel, data)))
    comment = submit(body="Die Lindra <script>alert(1)</script> steigt: https://pegel.example/lindra")
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_approve(comment=comment, moderator=moderator)
    [(channel, data)] = [(c, d) for c, d in published if c != services.QUEUE_CHANNEL]  # readers' channel
    assert channel == f"comments.{comment.content_type_id}.{comment.object_id}"
    assert data["type"] == "comment.approved" and data["id"] == comment.pk
    assert "<script>" not in data["html"] and "&lt;script&gt;" in data["html"]
    assert 'rel="nofollow ugc noopener"' in data["html"]


def test_reader_deletes_own_comment_with_token(submit):
    comment = submit()
    services.comment_delete_by_reader(token=services.delete_token(comment))
    comment.refresh_from_db()
    assert comment.status == Comment.Status.DELETED
    with pytest.raises(services.NotFound):
        services.comment_delete_by_reader(token=f"{comment.pk}:forged")


def test_purge_ip_hashes_after_seven_days(submit):
    old = submit()
    new = submit(email="n@example.org", ip="192.0.2.3")
    Comment.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    call_command("purge_comment_ips")
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.ip_hash == "" and new.ip_hash != ""


def test_defect1_refused_comment_gives_its_ip_slot_back(submit, settings):
    """A comment refused for the address's limit does not use up the connection's limit."""
    settings.COMMENTS_RATE_LIMIT_IP = (3, 600)
    settings.COMMENTS_RATE_LIMIT_EMAIL = (1, 600)
    submit(email="a@example.org")
    with pytest.raises(services.RateLimited):
        submit(email="a@example.org")
    submit(email="b@example.org")
    submit(email="c@example.org")
    with pytest.raises(services.RateLimited):
        submit(email="d@example.org")
    assert Comment.objects.count() == 3
