"""Subscriptions: double opt-in, alerts with unsubscribe headers, one-click unsubscribe, data rights."""

import json
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from newsdesk.liveblogs import services as liveblog_services
from newsdesk.mail.models import OutboxMessage
from newsdesk.subscriptions import services
from newsdesk.subscriptions.models import Subscriber, Subscription
from newsdesk.subscriptions.targets import resolve_target

pytestmark = pytest.mark.django_db


def sign_up(client: Client, liveblog, email: str = "leserin@example.org"):
    return client.post("/abo/", {"kind": "liveblog", "target": liveblog.channel, "email": email})


def link_in(text: str, part: str) -> str:
    return re.search(rf"https?://\S+/abo/{part}/\S+/", text).group(0)


def test_sign_up_confirm_alert_and_one_click_unsubscribe_through_smtp(liveblog, editor, sink, worker, settings):
    settings.SITE_URL = "https://zeitung.example"
    client = Client()
    response = sign_up(client, liveblog)
    assert response.status_code == 200 and "E-Mail" in response.content.decode()

    worker.run(once=True)
    (confirmation,) = sink.received
    body = confirmation.message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert confirmation.rcpt_tos == ["leserin@example.org"] and "48" in body
    # Before the click, nothing but the confirmation goes out.
    liveblog_services.entry_create(liveblog=liveblog, author=editor, body="Vor der Bestätigung.", key_event=True)
    services.process_alert_jobs()
    worker.run(once=True)
    assert len(sink.received) == 1

    confirm_path = link_in(body, "bestaetigen").removeprefix(settings.SITE_URL)
    assert client.get(confirm_path).status_code == 200  # a scanner's GET confirms nothing
    assert Subscription.objects.get().status == Subscription.Status.PENDING
    assert client.post(confirm_path).status_code == 200
    subscription = Subscription.objects.get()
    assert subscription.status == Subscription.Status.CONFIRMED and subscription.confirmed_at
    assert subscription.confirmation_mail == body and subscription.signup_ip_hash and subscription.consent_version

    liveblog_services.entry_create(liveblog=liveblog, author=editor, body="Nur ein Zwischenstand.")
    entry = liveblog_services.entry_create(liveblog=liveblog, author=editor, headline="Deich gebrochen",
                                           body="Der Deich am Lindrahof ist gebrochen.", key_event=True)
    services.process_alert_jobs()
    worker.run(once=True)
    alert = sink.received[-1]
    assert len(sink.received) == 3, "the welcome mail and one alert, for the key event only"
    welcome = sink.received[1].message  # issue 17: with the preference centre's link, sent once
    assert "Willkommen" in welcome["Subject"]
    assert f"/abo/einstellungen/{subscription.subscriber.token}/" in welcome.get_body(("plain",)).get_content()
    assert "Deich gebrochen" in alert.message["Subject"]
    assert alert.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_url, mailto = re.findall(r"<([^>]+)>", alert.message["List-Unsubscribe"])
    assert unsubscribe_url.startswith("https://zeitung.example/abo/abmelden/") and mailto.startswith("mailto:")
    assert {part.get_content_type() for part in alert.message.iter_parts()} == {"text/plain", "text/html"}
    alert_text = alert.message.get_body(("plain",)).get_content()
    assert f"/eintrag/{entry.pk}/" in alert_text
    assert unsubscribe_url in alert_text, "the reader's own unsubscribe link, not a placeholder"

    # RFC 8058: a POST without cookies or CSRF token unsubscribes.
    path = unsubscribe_url.removeprefix(settings.SITE_URL)
    assert Client(enforce_csrf_checks=True).post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert Subscription.objects.get().status == Subscription.Status.UNSUBSCRIBED
    liveblog_services.entry_create(liveblog=liveblog, author=editor, body="Nach der Abmeldung.", key_event=True)
    services.process_alert_jobs()
    worker.run(once=True)
    assert len(sink.received) == 3


def test_unsubscribe_get_only_asks(liveblog):
    subscription = services.subscribe(email="a@example.org", target=resolve_target("liveblog", liveblog.channel))
    services.confirm(token=_token_of(subscription))
    page = Client().get(f"/abo/abmelden/{subscription.subscriber.token}/")
    assert page.status_code == 200 and "<form" in page.content.decode()
    assert Subscription.objects.get().status == Subscription.Status.CONFIRMED


def _token_of(subscription: Subscription) -> str:
    text = OutboxMessage.objects.filter(recipient=subscription.subscriber.email, kind="confirmation").latest("id").text
    return re.search(r"/abo/bestaetigen/([^/\s]+)/", text).group(1)


def test_confirmation_link_expires_after_48_hours(liveblog):
    subscription = services.subscribe(email="b@example.org", target=resolve_target("liveblog", liveblog.channel))
    token = _token_of(subscription)
    Subscription.objects.update(confirmation_sent_at=timezone.now() - timedelta(hours=49))
    response = Client().post(f"/abo/bestaetigen/{token}/")
    assert response.status_code == 410 and "abgelaufen" in response.content.decode()
    assert Subscription.objects.get().status == Subscription.Status.PENDING


def test_signing_up_again_does_not_flood_and_reveals_nothing(liveblog):
    client = Client()
    for _ in range(3):
        assert sign_up(client, liveblog, "c@example.org").status_code == 200
    assert OutboxMessage.objects.filter(recipient="c@example.org").count() == 1
    subscription = Subscription.objects.get()
    services.confirm(token=_token_of(subscription))
    assert OutboxMessage.objects.filter(recipient="c@example.org").count() == 2  # and the welcome mail
    assert sign_up(client, liveblog, "c@example.org").status_code == 200
    assert OutboxMessage.objects.filter(recipient="c@example.org").count() == 2


@pytest.mark.parametrize(("data", "words"), [
    ({"kind": "liveblog", "target": "liveblog.999999", "email": "d@example.org"}, "Newsblog"),
    ({"kind": "liveblog", "target": "x", "email": "kein-mail"}, "Newsblog"),
    ({"kind": "geheim", "target": "", "email": "d@example.org"}, "Abonnement"),
])
def test_bad_sign_ups_get_a_clear_answer_and_store_nothing(liveblog, data, words):
    response = Client().post("/abo/", data)
    assert response.status_code == 422 and words in response.content.decode()
    assert not Subscription.objects.exists() and not OutboxMessage.objects.exists()


def test_invalid_email_is_refused(liveblog):
    response = sign_up(Client(), liveblog, "keine-adresse")
    assert response.status_code == 422 and "gültige E-Mail-Adresse" in response.content.decode()


def test_preference_centre_export_and_delete(liveblog):
    subscription = services.subscribe(email="e@example.org", target=resolve_target("liveblog", liveblog.channel))
    token = subscription.subscriber.token
    client = Client()
    page = client.get(f"/abo/einstellungen/{token}/").content.decode()
    assert "e@example.org" in page and liveblog.title in page
    data = json.loads(client.get(f"/abo/einstellungen/{token}/daten.json").content)
    assert data["email"] == "e@example.org" and data["subscriptions"][0]["confirmation_mail"]
    assert f'href="/abo/einstellungen/{token}/loeschen/"' in page, "a link to a page that asks once more"
    confirm = client.get(f"/abo/einstellungen/{token}/loeschen/")
    assert confirm.status_code == 200 and "e@example.org" in confirm.content.decode()
    assert Subscriber.objects.exists(), "asking deletes nothing"
    assert client.post(f"/abo/einstellungen/{token}/loeschen/").status_code == 200
    assert not Subscriber.objects.exists()
    assert OutboxMessage.objects.get(recipient="e@example.org").status == OutboxMessage.Status.SUPPRESSED
    assert client.get(f"/abo/einstellungen/{token}/").status_code == 404


def test_unconfirmed_sign_ups_are_purged_after_seven_days(liveblog):
    old = services.subscribe(email="f@example.org", target=resolve_target("liveblog", liveblog.channel))
    services.subscribe(email="g@example.org", target=resolve_target("liveblog", liveblog.channel))
    Subscription.objects.filter(pk=old.pk).update(signed_up_at=timezone.now() - timedelta(days=8))
    Subscriber.objects.filter(email="f@example.org").update(created_at=timezone.now() - timedelta(days=8))
    assert services.purge_unconfirmed() == 1
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["g@example.org"]


def test_newsblog_page_offers_the_sign_up(liveblog):
    page = Client().get(liveblog.get_absolute_url()).content.decode()
    assert 'action="/abo/"' in page and f'value="{liveblog.channel}"' in page


def test_topic_followers_hear_of_new_articles_once_and_article_followers_of_corrections(topic, author):
    from newsdesk.articles import services as article_services
    from newsdesk.articles.models import Topic

    second_topic = Topic.objects.create(name="Hochwasser", slug="hochwasser")
    for key in (f"topic.{topic.pk}", f"topic.{second_topic.pk}"):
        follower = services.subscribe(email="h@example.org", target=resolve_target("topic", key))
        services.confirm(token=_token_of(follower))
    article = article_services.article_create(headline="Neue Brücke für Niederau", teaser="Der Rat stimmt zu.",
                                              topics=[topic, second_topic], authors=[author])
    services.process_alert_jobs()
    assert not OutboxMessage.objects.filter(kind="alert").exists(), "a draft alerts nobody"
    article_services.article_publish(article=article)
    services.process_alert_jobs()
    (alert,) = OutboxMessage.objects.filter(kind="alert", recipient="h@example.org")
    assert "Neue Brücke für Niederau" in alert.subject and alert.headers["List-Unsubscribe-Post"]

    reader = services.subscribe(email="i@example.org", target=resolve_target("article", f"article.{article.pk}"))
    services.confirm(token=_token_of(reader))
    article_services.article_update(article=article, correction_note="Die Brücke kostet 2, nicht 3 Millionen.")
    services.process_alert_jobs()
    (correction,) = OutboxMessage.objects.filter(kind="alert", recipient="i@example.org")
    assert correction.subject.startswith("Korrektur:") and "2, nicht 3" in correction.text


def test_topic_and_article_pages_offer_the_sign_up(article):
    topic = article.topics.first()
    assert f'value="topic.{topic.pk}"' in Client().get(topic.get_absolute_url()).content.decode()
    assert f'value="article.{article.pk}"' in Client().get(article.get_absolute_url()).content.decode()


def test_an_alert_is_recorded_with_its_change_and_sent_once_however_often_the_runner_runs(liveblog, editor):
    from django.db import transaction

    from newsdesk.subscriptions.models import AlertJob

    follower = services.subscribe(email="j@example.org", target=resolve_target("liveblog", liveblog.channel))
    services.confirm(token=_token_of(follower))
    with pytest.raises(RuntimeError), transaction.atomic():
        liveblog_services.entry_create(liveblog=liveblog, author=editor, body="Zurückgerollt.", key_event=True)
        raise RuntimeError("the editor's transaction fails")
    assert not AlertJob.objects.exists(), "no change, no alert"
    liveblog_services.entry_create(liveblog=liveblog, author=editor, body="Wichtig.", key_event=True)
    assert AlertJob.objects.get().status == AlertJob.Status.PENDING
    assert services.process_alert_jobs() == 1 and services.process_alert_jobs() == 0
    # A runner that died after enqueueing but before marking the job done runs it again: no second mail.
    AlertJob.objects.update(status=AlertJob.Status.PENDING)
    services.process_alert_jobs()
    assert OutboxMessage.objects.filter(kind="alert", recipient="j@example.org").count() == 1


def test_daily_digest_goes_out_once_at_its_time_with_the_days_news(liveblog, editor, author, settings):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from newsdesk.articles import services as article_services
    from newsdesk.subscriptions.models import AlertJob

    settings.DIGEST_TIME = "07:00"
    reader = services.subscribe(email="k@example.org", target=resolve_target("digest", ""))
    services.confirm(token=_token_of(reader))
    article = article_services.article_create(headline="Rat beschließt Hilfen", teaser="Einstimmig.", authors=[author])
    article_services.article_publish(article=article)
    liveblog_services.entry_create(liveblog=liveblog, author=editor, headline="Pegel sinkt", body="Endlich.",
                                   key_event=True)
    berlin = ZoneInfo("Europe/Berlin")
    today = timezone.localtime().date()
    assert not services.record_digest_if_due(datetime(today.year, today.month, today.day, 6, 59, tzinfo=berlin))
    at_seven = datetime(today.year, today.month, today.day, 7, 0, tzinfo=berlin)
    assert services.record_digest_if_due(at_seven)
    assert not services.record_digest_if_due(at_seven + timedelta(minutes=1)), "once a day"
    services.process_alert_jobs()
    (digest,) = OutboxMessage.objects.filter(kind="alert", recipient="k@example.org")
    assert "Rat beschließt Hilfen" in digest.text and "Pegel sinkt" in digest.text
    assert digest.subject.startswith("Die wichtigsten News vom")
    assert AlertJob.objects.filter(kind="digest").count() == 1


def test_breaking_articles_alert_breaking_news_subscribers(author):
    from newsdesk.articles import services as article_services

    reader = services.subscribe(email="l@example.org", target=resolve_target("breaking", ""))
    services.confirm(token=_token_of(reader))
    quiet = article_services.article_create(headline="Ruhiger Tag", teaser="Nichts Eiliges.", authors=[author])
    article_services.article_publish(article=quiet)
    urgent = article_services.article_create(headline="Brücke gesperrt", teaser="Sofort.", authors=[author])
    urgent.breaking = True
    article_services.article_publish(article=urgent)
    services.process_alert_jobs()
    (alert,) = OutboxMessage.objects.filter(kind="alert", recipient="l@example.org")
    assert alert.subject == "Eilmeldung: Brücke gesperrt"


def test_home_page_offers_digest_and_breaking_news(db):
    page = Client().get("/").content.decode()
    assert 'value="digest"' in page and 'value="breaking"' in page and "kostenlos per E-Mail" in page


def test_preference_centre_names_the_digest_once(db):
    """Issue 17: "Tägliche Zusammenfassung" stood twice (as title and as kind) for the digest."""
    subscription = services.subscribe(email="f@example.org", target=resolve_target("digest", ""))
    page = Client().get(f"/abo/einstellungen/{subscription.subscriber.token}/").content.decode()
    assert page.count("Tägliche Zusammenfassung") == 1


def test_unsubscribe_says_so_and_subscribing_again_needs_a_new_confirmation(liveblog):
    subscription = services.subscribe(email="g@example.org", target=resolve_target("liveblog", liveblog.channel))
    services.confirm(token=_token_of(subscription))
    url = f"/abo/einstellungen/{subscription.subscriber.token}/"
    client = Client()
    page = client.post(url, {"unsubscribe": subscription.pk}).content.decode()
    assert "Sie sind abgemeldet" in page and "Wieder anmelden" in page
    assert Subscription.objects.get().status == Subscription.Status.UNSUBSCRIBED
    mails = OutboxMessage.objects.filter(recipient="g@example.org").count()
    page = client.post(url, {"resubscribe": subscription.pk}).content.decode()
    assert "Bitte bestätigen" in page or "bestätigen" in page
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.PENDING  # double opt-in: nothing is sent before confirming
    confirmation = OutboxMessage.objects.filter(recipient="g@example.org", kind="confirmation").latest("id")
    assert OutboxMessage.objects.filter(recipient="g@example.org").count() == mails + 1
    services.confirm(token=link_in(confirmation.text, "bestaetigen").rstrip("/").rsplit("/", 1)[1])
    assert Subscription.objects.get().status == Subscription.Status.CONFIRMED
    # A second "Wieder anmelden" for an active subscription is refused with a message, nothing is mailed.
    response = client.post(url, {"resubscribe": subscription.pk})
    assert response.status_code == 404 and "erneut an" in response.content.decode()


def test_a_welcome_mail_with_the_preference_link_after_confirming_exactly_once(liveblog):
    subscription = services.subscribe(email="h@example.org", target=resolve_target("liveblog", liveblog.channel))
    token = _token_of(subscription)
    assert not OutboxMessage.objects.filter(kind="welcome").exists()  # nothing before the confirmation
    services.confirm(token=token)
    services.confirm(token=token)  # a second click on the link
    Client().post(f"/abo/bestaetigen/{token}/")
    welcome = OutboxMessage.objects.get(kind="welcome")
    assert welcome.recipient == "h@example.org"
    assert f"/abo/einstellungen/{subscription.subscriber.token}/" in welcome.text
    assert liveblog.title in welcome.text and "List-Unsubscribe" in welcome.headers
