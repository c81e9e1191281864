"""Reader side of comments: articles, site and per-page settings, e-mail confirmation, notifications, own data."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from newsdesk.articles import services as article_services
from newsdesk.comments import selectors, services
from newsdesk.comments.models import (
    Comment,
    Commenter,
    CommentSettings,
    Decision,
    Mode,
    TargetCommentSettings,
)
from newsdesk.comments.policy import closed_message, in_closing_hours, rules_for
from newsdesk.comments.targets import context_text
from newsdesk.core.errors import Forbidden, NotFound
from newsdesk.mail.models import OutboxMessage

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
TEXT = "Die neue Brücke über die Lindra kommt hoffentlich noch vor dem nächsten Hochwasser."
FORM = {"display_name": "Hanna", "email": "hanna@example.org", "consent": "on", "website": "", "body": TEXT}


@pytest.fixture
def article(db):
    article = article_services.article_create(
        headline="Kelmsbrück plant eine neue Brücke über die Lindra",
        teaser="Der Stadtrat berät über den Neubau der Brücke am Lindrahof.",
        body="<p>Die alte Brücke am Lindrahof ist marode. Der Neubau soll vier Millionen Euro kosten.</p>")
    return article_services.article_publish(article=article)


@pytest.fixture
def draft(db):
    return article_services.article_create(headline="Noch geheim: Pläne für ein Hallenbad",
                                           teaser="Ein Entwurf, den niemand sehen darf.")


def _post_url(target) -> str:
    return reverse("comments:create", kwargs={"content_type_id": ContentType.objects.get_for_model(target).pk,
                                              "object_id": target.pk})


def _settings(**fields) -> CommentSettings:
    row = CommentSettings.load()
    for name, value in fields.items():
        setattr(row, name, value)
    row.save()
    return row


def _confirmed(email: str = "hanna@example.org", **fields) -> Commenter:
    return Commenter.objects.create(email=email, email_confirmed_at=timezone.now(), **fields)


def _submit(target, body: str = TEXT, email: str = "hanna@example.org", **kwargs) -> Comment:
    return services.comment_submit(target=target, display_name="Hanna", email=email, body=body, consent=True,
                                   ip="192.0.2.1", **kwargs)


def _link(message: OutboxMessage, path_part: str) -> str:
    """The path of the first link in the plain-text part that contains `path_part` (as a reader would click)."""
    url = re.search(rf"https?://\S*{re.escape(path_part)}\S*", message.text).group(0)
    return "/" + url.split("/", 3)[3]


# --- articles -------------------------------------------------------------------------------------------------

def test_article_page_has_comment_section_and_comment_goes_to_the_queue(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'id="kommentare"' in html and 'name="notify"' in html
    assert "Benachrichtigen, wenn mein Kommentar freigeschaltet oder beantwortet wird" in html
    _confirmed()
    response = client.post(_post_url(article), {**FORM, "script": "1"})  # as comments.js sends it
    assert response.status_code == 303 and response["Location"] == article.get_absolute_url() + "#kommentare"
    comment = Comment.objects.get()
    assert comment.target == article and comment.status == Comment.Status.PENDING
    assert comment in selectors.queue(Comment.Status.PENDING)


def test_comment_on_a_draft_or_unknown_article_is_404_and_stores_nothing(client, draft):
    assert client.post(_post_url(draft), FORM).status_code == 404
    content_type = ContentType.objects.get_for_model(draft)
    missing = reverse("comments:create", kwargs={"content_type_id": content_type.pk, "object_id": draft.pk + 99})
    assert client.post(missing, FORM).status_code == 404
    with pytest.raises(NotFound):
        _submit(draft)
    assert Comment.objects.count() == 0


def test_article_context_text_feeds_the_off_topic_signal(article):
    text = context_text(article)
    assert "Kelmsbrück plant" in text and "Lindrahof" in text and "vier Millionen Euro" in text
    assert "<p>" not in text
    on_topic = _submit(article, body="Vier Millionen Euro für die Brücke am Lindrahof sind viel, aber die alte "
                                     "Brücke ist wirklich marode.")
    off_topic = _submit(article, email="gerd@example.org",
                        body="Mein Rasenmäher springt nicht an. Kennt jemand eine Werkstatt für Gartengeräte "
                             "mit fairen Preisen und schnellem Service?")
    score = {c.pk: next(s["score"] for s in c.signals if s["name"] == "offtopic") for c in (on_topic, off_topic)}
    assert score[off_topic.pk] > score[on_topic.pk]


# --- settings: modes, threshold, closing ----------------------------------------------------------------------

def test_defaults_follow_the_policy():
    row = CommentSettings()
    assert row.mode == Mode.PRE and row.trusted_auto_approve is False and row.require_email_confirmation is True
    assert row.closed is False and row.closed_from is None


def test_settings_are_a_singleton():
    CommentSettings(mode=Mode.POST).save()
    CommentSettings(mode=Mode.PRE, risk_threshold=0.3).save()
    assert CommentSettings.objects.count() == 1 and CommentSettings.load().risk_threshold == 0.3


def test_pre_moderation_keeps_even_harmless_comments_pending(article):
    _confirmed()
    assert _submit(article).status == Comment.Status.PENDING


def test_post_moderation_approves_low_risk_at_once_with_an_automatic_decision(article, monkeypatch,
                                                                             django_capture_on_commit_callbacks):
    published = []
    monkeypatch.setattr(services.realtime, "publish", lambda channel, data: published.append((channel, data)))
    _settings(mode=Mode.POST)
    _confirmed()
    with django_capture_on_commit_callbacks(execute=True):
        comment = _submit(article)
    assert comment.status == Comment.Status.APPROVED
    decision = Decision.objects.get(comment=comment)
    assert decision.moderator is None and decision.action == Decision.Action.APPROVE
    assert "Nachmoderation" in decision.note and "Schwelle 0,50" in decision.note
    assert [data["type"] for _channel, data in published] == ["comment.approved"]
    assert TEXT in Client().get(article.get_absolute_url()).content.decode()


def test_post_moderation_holds_risk_above_threshold_and_suspect_words(article):
    _settings(mode=Mode.POST, risk_threshold=0.0)
    _confirmed()
    assert _submit(article).status == Comment.Status.PENDING  # any risk is above 0
    _settings(mode=Mode.POST, risk_threshold=1.0)
    shouting = _submit(article, body="DIE BRÜCKE AM LINDRAHOF MUSS SOFORT NEU GEBAUT WERDEN, DAS IST DOCH KLAR!!!")
    assert shouting.screen_action == "hold" and shouting.status == Comment.Status.PENDING


def test_per_article_override_switches_mode_and_threshold(article, flood_blog):
    _confirmed()
    TargetCommentSettings.objects.create(content_type=ContentType.objects.get_for_model(article),
                                         object_id=article.pk, mode=Mode.POST, risk_threshold=0.9)
    rules = rules_for(article)
    assert rules.mode == Mode.POST and rules.risk_threshold == 0.9
    assert rules_for(flood_blog).mode == Mode.PRE  # the newsblog keeps the site's rules
    assert _submit(article).status == Comment.Status.APPROVED


def test_closed_page_shows_a_notice_and_refuses_with_403_storing_nothing(client, article):
    TargetCommentSettings.objects.create(content_type=ContentType.objects.get_for_model(article),
                                         object_id=article.pk, closed=True)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Kommentare sind für diese Seite geschlossen" in html and 'name="body"' not in html
    response = client.post(_post_url(article), FORM)
    assert response.status_code == 403
    page = response.content.decode()
    assert "Kommentare sind für diese Seite geschlossen" in page and TEXT in page  # the text is not lost
    assert Comment.objects.count() == 0


def test_site_wide_closed_switch(article, flood_blog):
    _settings(closed=True)
    for target in (article, flood_blog):
        with pytest.raises(Forbidden):
            _submit(target)
    assert Comment.objects.count() == 0


@pytest.mark.parametrize(("hour", "minute", "closed"), [
    (22, 59, False), (23, 0, True), (2, 30, True), (5, 59, True), (6, 0, False), (12, 0, False)])
def test_closing_hours_wrap_past_midnight_in_german_time(article, hour, minute, closed):
    _settings(closed_from=time(23, 0), closed_until=time(6, 0))
    now = datetime(2026, 7, 1, hour, minute, tzinfo=BERLIN).astimezone(ZoneInfo("UTC"))  # summer time: UTC+2
    assert in_closing_hours(rules_for(article), now) is closed


def test_closing_hours_notice_and_403_during_them(client, article):
    local = timezone.localtime()
    _settings(closed_from=(local - timedelta(hours=1)).time().replace(second=0, microsecond=0),
              closed_until=(local + timedelta(hours=1)).time().replace(second=0, microsecond=0))
    expected = closed_message(rules_for(article))
    assert expected.startswith("Kommentare sind von ") and expected.endswith(" Uhr geschlossen.")
    assert expected in client.get(article.get_absolute_url()).content.decode()
    response = client.post(_post_url(article), FORM)
    assert response.status_code == 403 and expected in response.content.decode()
    assert Comment.objects.count() == 0


def test_closing_hours_message_reads_as_the_policy_says(article):
    _settings(closed_from=time(23, 0), closed_until=time(6, 0))
    at_night = datetime(2026, 1, 10, 23, 30, tzinfo=BERLIN)
    assert closed_message(rules_for(article), at_night) == "Kommentare sind von 23:00 bis 06:00 Uhr geschlossen."
    assert closed_message(rules_for(article), at_night.replace(hour=12)) == ""


def test_per_article_closing_hours_override_the_site(article):
    _settings(closed_from=time(23, 0), closed_until=time(6, 0))
    TargetCommentSettings.objects.create(content_type=ContentType.objects.get_for_model(article),
                                         object_id=article.pk, closed_from=time(20, 0), closed_until=time(21, 0))
    rules = rules_for(article)
    assert (rules.closed_from, rules.closed_until) == (time(20, 0), time(21, 0))


# --- trusted commenters ---------------------------------------------------------------------------------------

def test_trusted_auto_approval_is_off_by_default(article):
    _confirmed(approved_count=50)
    assert _submit(article).status == Comment.Status.PENDING


def test_trusted_auto_approval_when_switched_on(article):
    _settings(trusted_auto_approve=True, trusted_min_approved=3)
    _confirmed(approved_count=3)
    _confirmed("neu@example.org", approved_count=2)
    comment = _submit(article)
    assert comment.status == Comment.Status.APPROVED
    decision = Decision.objects.get(comment=comment)
    assert decision.moderator is None and "Vertrauenswürdig (3 freigeschaltete Kommentare)" in decision.note
    assert _submit(article, email="neu@example.org").status == Comment.Status.PENDING
    _settings(trusted_auto_approve=True, risk_threshold=0.0)
    assert _submit(article, body="Noch eine Frage zur Brücke am Lindrahof: wann beginnt der Bau?").status == \
        Comment.Status.PENDING  # above the threshold: a person decides


# --- e-mail confirmation --------------------------------------------------------------------------------------

@pytest.mark.email_confirmation
def test_first_comment_waits_unverified_and_the_mail_link_confirms_it(article):
    client = Client()
    response = client.post(_post_url(article), FORM)
    assert response.status_code == 303
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.UNVERIFIED
    page = client.get(response["Location"]).content.decode()  # without a script: the reader's own part
    assert "Ihr Kommentar wird nach Prüfung freigeschaltet" in page
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in page
    assert f'id="{comment.anchor}"' in page  # the author sees it, marked
    assert f'id="{comment.anchor}"' not in Client().get(response["Location"]).content.decode()
    assert f'id="{comment.anchor}"' not in client.get(article.get_absolute_url()).content.decode()  # shared
    assert comment not in selectors.queue(Comment.Status.PENDING)
    assert selectors.queue_counts()["pending"] == 0

    mail = OutboxMessage.objects.get(recipient="hanna@example.org", kind="comments.confirmation")
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in mail.subject
    assert "/kommentare/meine-daten/" in mail.text and "/kommentare/bestaetigen/" in mail.html
    confirm = _link(mail, "/kommentare/bestaetigen/")
    reader = Client(enforce_csrf_checks=False)
    assert "E-Mail-Adresse bestätigen" in reader.get(confirm).content.decode()
    comment.refresh_from_db()
    assert comment.status == Comment.Status.UNVERIFIED  # GET (a mail scanner) confirms nothing
    assert reader.post(confirm).status_code == 200
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING and comment in selectors.queue(Comment.Status.PENDING)
    assert Commenter.objects.get().email_confirmed_at is not None

    _submit(article, body="Und noch etwas zur Brücke am Lindrahof: die Umleitung über Niederau ist lang.")
    assert OutboxMessage.objects.filter(kind="comments.confirmation").count() == 1  # confirmed: no new mail


@pytest.mark.email_confirmation
def test_unverified_comment_cannot_be_approved_and_ban_rejects_it(article, moderator):
    comment = _submit(article)
    with pytest.raises(services.InvalidInput):
        services.comment_approve(comment=comment, moderator=moderator)
    services.commenter_ban(commenter=comment.commenter, moderator=moderator)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.REJECTED


@pytest.mark.email_confirmation
def test_confirmation_mail_at_most_every_ten_minutes_and_expired_link_410(article):
    _submit(article)
    _submit(article, body="Zweiter Gedanke zur Brücke am Lindrahof: bitte mit Radweg planen.")
    assert OutboxMessage.objects.filter(kind="comments.confirmation").count() == 1
    mail = OutboxMessage.objects.get(kind="comments.confirmation")
    later = timezone.now() + timedelta(hours=49)
    with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
        response = Client().post(_link(mail, "/kommentare/bestaetigen/"))
    assert response.status_code == 410 and "abgelaufen" in response.content.decode()
    assert Client().post(reverse("comments:confirm", kwargs={"token": "falsch"})).status_code == 404
    assert Comment.objects.filter(status=Comment.Status.UNVERIFIED).count() == 2


@pytest.mark.email_confirmation
def test_confirmation_in_post_moderation_approves_low_risk_comments(article):
    _settings(mode=Mode.POST)
    comment = _submit(article)
    assert comment.status == Comment.Status.UNVERIFIED
    token = signing.dumps("hanna@example.org", salt=services.CONFIRM_SALT, compress=True)
    services.commenter_confirm_email(token=token)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED


# --- notifications --------------------------------------------------------------------------------------------

def test_approval_mail_only_when_asked_with_a_working_unsubscribe_link(article, moderator):
    _confirmed()
    quiet = _submit(article)
    asked = _submit(article, body="Gilt die Sperrung der Brücke am Lindrahof auch für Fußgänger?", notify=True)
    services.comment_approve(comment=quiet, moderator=moderator)
    services.comment_approve(comment=asked, moderator=moderator)
    (mail,) = OutboxMessage.objects.filter(kind="comments.notification")
    assert mail.recipient == "hanna@example.org" and "freigeschaltet" in mail.subject
    assert f"#{asked.anchor}" in mail.text and "/kommentare/meine-daten/" in mail.text
    off = _link(mail, "/kommentare/benachrichtigungen/")
    assert "Keine Benachrichtigungen mehr" in Client().get(off).content.decode()
    assert Client().post(off).status_code == 200
    assert Commenter.objects.get(email="hanna@example.org").notifications_off_at is not None
    again = _submit(article, body="Danke für die Antwort zur Brücke am Lindrahof.", notify=True)
    services.comment_approve(comment=again, moderator=moderator)
    assert OutboxMessage.objects.filter(kind="comments.notification").count() == 1


def test_reply_mail_to_the_author_of_the_comment_replied_to(article, moderator):
    _confirmed()
    _confirmed("jonas@example.org")
    parent = _submit(article, notify=True)
    services.comment_approve(comment=parent, moderator=moderator)
    reply = _submit(article, email="jonas@example.org", parent_id=parent.pk,
                    body="Die Brücke am Lindrahof wird laut Stadtrat erst 2028 fertig.")
    services.comment_approve(comment=reply, moderator=moderator)
    mails = OutboxMessage.objects.filter(kind="comments.notification").order_by("id")
    assert [(m.recipient, "Antwort" in m.subject) for m in mails] == [("hanna@example.org", False),
                                                                      ("hanna@example.org", True)]
    assert f"#{reply.anchor}" in mails[1].text and "/kommentare/benachrichtigungen/" in mails[1].text


def test_no_notification_to_unconfirmed_or_banned_addresses(article, moderator):
    Commenter.objects.create(email="hanna@example.org")  # never confirmed (confirmation switched off here)
    unconfirmed = _submit(article, notify=True)
    services.comment_approve(comment=unconfirmed, moderator=moderator)
    banned = _confirmed("wut@example.org")
    parent = _submit(article, email="wut@example.org", notify=True)
    services.comment_approve(comment=parent, moderator=moderator)
    OutboxMessage.objects.all().delete()
    services.commenter_ban(commenter=banned, moderator=moderator)
    _confirmed("jonas@example.org")
    reply = _submit(article, email="jonas@example.org", parent_id=parent.pk,
                    body="Bitte bleiben Sie sachlich, die Brücke am Lindrahof ist ein ernstes Thema.")
    services.comment_approve(comment=reply, moderator=moderator)
    assert not OutboxMessage.objects.filter(kind="comments.notification").exists()


# --- own data and deletion ------------------------------------------------------------------------------------

def test_data_request_mails_a_link_and_answers_the_same_for_unknown_addresses(article):
    _confirmed()
    _submit(article)
    client = Client()
    url = reverse("comments:request-data")
    assert client.get(url).status_code == 200
    known = client.post(url, {"email": " Hanna@Example.org "})
    unknown = client.post(url, {"email": "niemand@example.org"})
    assert known.status_code == unknown.status_code == 200
    assert "Falls wir Kommentare" in known.content.decode() and "Falls wir Kommentare" in unknown.content.decode()
    (mail,) = OutboxMessage.objects.filter(kind="comments.data")
    assert mail.recipient == "hanna@example.org"
    bad = client.post(url, {"email": "kaputt"})
    assert bad.status_code == 422 and "gültige E-Mail-Adresse" in bad.content.decode()


def test_data_page_and_json_list_comments_without_ip_hashes(article, flood_blog):
    _confirmed()
    _submit(article)
    _submit(flood_blog, body="Die Sandsäcke an der Uferpromenade helfen hoffentlich gegen den Pegel.")
    services.commenter_request_data(email="hanna@example.org")
    path = _link(OutboxMessage.objects.get(kind="comments.data"), "/kommentare/meine-daten/")
    page = Client().get(path)
    html = page.content.decode()
    assert page.status_code == 200 and "hanna@example.org" in html
    assert "Kelmsbrück plant eine neue Brücke" in html and "Hochwasser an der Lindra" in html
    data = Client().get(path + "daten.json").json()
    assert {c["target"] for c in data["comments"]} == {article.headline, flood_blog.title}
    assert all(c["status"] == "pending" and c["created_at"] for c in data["comments"])
    assert "ip_hash" not in str(data) and Comment.objects.first().ip_hash not in str(data)
    assert Client().get("/kommentare/meine-daten/gefaelscht/").status_code == 404


def test_delete_all_removes_approved_comments_live(article, moderator, monkeypatch,
                                                   django_capture_on_commit_callbacks):
    commenter = _confirmed()
    approved = _submit(article)
    services.comment_approve(comment=approved, moderator=moderator)
    waiting = _submit(article, body="Wird die Brücke am Lindrahof auch beleuchtet?")
    other = _submit(article, email="jonas@example.org", body="Die Brücke am Lindrahof braucht einen Radweg.")
    published = []
    monkeypatch.setattr(services.realtime, "publish", lambda channel, data: published.append(data))
    path = reverse("comments:my-data-delete", kwargs={"token": signing.dumps(
        commenter.email, salt=services.DATA_SALT, compress=True)})
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(path)
    assert response.status_code == 200 and "2 Kommentare wurden gelöscht" in response.content.decode()
    for comment in (approved, waiting):
        comment.refresh_from_db()
        assert comment.status == Comment.Status.DELETED and comment.body == ""
    other.refresh_from_db()
    assert other.status == Comment.Status.PENDING
    assert published == [{"type": "comment.removed", "id": approved.pk}]
    assert TEXT not in Client().get(article.get_absolute_url()).content.decode()
    assert Client().get(path).status_code == 405  # deleting takes a POST


def test_admin_edits_the_one_settings_row(site_admin):
    site_admin.is_staff = site_admin.is_superuser = True
    site_admin.save()
    client = Client()
    client.force_login(site_admin)
    CommentSettings.objects.all().delete()
    response = client.get("/admin/comments/commentsettings/")
    assert response.status_code == 302 and response["Location"].endswith("/commentsettings/1/change/")
    form = client.get(response["Location"]).content.decode()
    assert "Nachmoderation" in form and "Erstkommentatoren bestätigen ihre E-Mail-Adresse" in form
    data = {"mode": "post", "risk_threshold": "0.4", "closed_from": "23:00", "closed_until": "06:00",
            "require_email_confirmation": "on", "trusted_min_approved": "5"}
    assert client.post(response["Location"], data).status_code == 302
    row = CommentSettings.load()
    assert row.mode == Mode.POST and row.risk_threshold == 0.4 and row.closed_from == time(23, 0)
    bad = client.post(response["Location"], {**data, "closed_until": "", "risk_threshold": "2"})
    assert bad.status_code == 200 and "zwischen 0 und 1" in bad.content.decode()
    assert CommentSettings.load().risk_threshold == 0.4
    assert client.get("/admin/comments/commentsettings/add/").status_code == 403


@pytest.mark.email_confirmation
def test_confirmation_through_real_smtp_then_queue(article, sink, worker, settings):
    settings.SITE_URL = "https://zeitung.example"
    client = Client()
    assert client.post(_post_url(article), FORM).status_code == 303
    worker.run(once=True)
    (received,) = sink.received
    assert received.rcpt_tos == ["hanna@example.org"]
    message = received.message
    assert message.get_body(("html",)) is not None
    body = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "https://zeitung.example/kommentare/meine-daten/" in body
    link = re.search(r"https://zeitung\.example(/kommentare/bestaetigen/\S+/)", body).group(1)
    assert client.post(link).status_code == 200
    assert Comment.objects.get().status == Comment.Status.PENDING


def test_newsblog_admin_has_the_per_page_comment_settings(site_admin, flood_blog):
    site_admin.is_staff = site_admin.is_superuser = True
    site_admin.save()
    client = Client()
    client.force_login(site_admin)
    html = client.get(f"/admin/liveblogs/liveblog/{flood_blog.pk}/change/").content.decode()
    assert "Kommentar-Einstellungen für diese Seite" in html
    assert "comments-targetcommentsettings-content_type-object_id-TOTAL_FORMS" in html
