"""Alerts for "similar news" (newsdesk.related decides) and for breaking newsblog entries; alert progress."""

import re

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from newsdesk import related
from newsdesk.articles import services as article_services
from newsdesk.liveblogs import services as liveblog_services
from newsdesk.mail.models import MailBatch, OutboxMessage
from newsdesk.subscriptions import services
from newsdesk.subscriptions.models import AlertJob, Subscription
from newsdesk.subscriptions.targets import resolve_target

pytestmark = pytest.mark.django_db

FLOOD_BODY = ("<p>Der Pegel der Lindra steigt weiter. Feuerwehr und Helfer füllen Sandsäcke und verstärken den "
              "Deich am Lindrahof. Das Hochwasser bedroht die Keller der Altstadt von Kelmsbrück.</p>")


def _token_of(subscription: Subscription) -> str:
    text = OutboxMessage.objects.filter(recipient=subscription.subscriber.email).latest("id").text
    return re.search(r"/abo/bestaetigen/([^/\s]+)/", text).group(1)


def follow(email: str, kind: str, key: str = "") -> Subscription:
    subscription = services.subscribe(email=email, target=resolve_target(kind, key))
    return services.confirm(token=_token_of(subscription))


def published(headline: str, teaser: str, body: str, author, capture) -> object:
    """Published and committed, so that newsdesk.related has indexed it (after commit)."""
    with capture(execute=True):
        article = article_services.article_create(headline=headline, teaser=teaser, body=body, authors=[author])
        article_services.article_publish(article=article)
    return article


@pytest.fixture
def archive(author, django_capture_on_commit_callbacks):
    flood = published("Hochwasser in Kelmsbrück: Deich am Lindrahof wird verstärkt",
                      "Die Lindra steigt, Helfer füllen Sandsäcke.", FLOOD_BODY, author,
                      django_capture_on_commit_callbacks)
    flood_two = published("Sandsäcke gegen das Hochwasser der Lindra", "Die Altstadt von Kelmsbrück rüstet sich.",
                          FLOOD_BODY.replace("weiter", "stündlich"), author, django_capture_on_commit_callbacks)
    library = published("Stadtrat beschließt neue Bibliothek in Niederau",
                        "Ein Lesesaal mit Blick auf den Marktplatz.",
                        "<p>Die Stadtbibliothek zieht in das alte Postamt. Bücher, Lesesaal und ein Café sollen "
                        "im Herbst eröffnen; der Stadtrat stimmte einstimmig zu.</p>", author,
                        django_capture_on_commit_callbacks)
    festival = published("Stadtfest in Kelmsbrück: Bühne am Marktplatz steht",
                         "Musik und Markt in der Altstadt von Kelmsbrück.",
                         "<p>Am Wochenende feiert Kelmsbrück sein Stadtfest. Vereine bauen Stände auf, auf der Bühne "
                         "am Marktplatz spielen Blaskapelle und Schulband; die Altstadt ist für Autos gesperrt.</p>",
                         author, django_capture_on_commit_callbacks)
    services.process_alert_jobs()  # the archive's own publication alerts, before anyone follows anything
    return flood, flood_two, library, festival


def test_similar_news_reaches_followers_of_similar_articles_once_and_nobody_else(
        archive, author, django_capture_on_commit_callbacks):
    flood, flood_two, library, festival = archive
    follow("flut@example.org", "similar", f"article.{flood.pk}")
    follow("beides@example.org", "similar", f"article.{flood.pk}")
    follow("beides@example.org", "similar", f"article.{flood_two.pk}")  # two followed, one mail
    follow("buecher@example.org", "similar", f"article.{library.pk}")
    follow("fest@example.org", "similar", f"article.{festival.pk}")  # the same town, another subject
    follow("korrektur@example.org", "article", f"article.{flood.pk}")  # corrections only: not similar news

    with django_capture_on_commit_callbacks(execute=True):
        new = article_services.article_create(
            headline="Lindra-Hochwasser: Pegel in Kelmsbrück steigt, Deich hält",
            teaser="Neue Sandsäcke für den Lindrahof.", body=FLOOD_BODY, authors=[author])
        article_services.article_publish(article=new)
    job = AlertJob.objects.get(event_key=f"article.{new.pk}.similar")
    assert job.status == AlertJob.Status.PENDING and job.target_keys == [], "found outside the request"
    scores = related.scores_for_text(new.headline, FLOOD_BODY, "article",
                                     [flood.pk, flood_two.pk, library.pk, festival.pk])
    assert scores[flood.pk] >= services.SIMILAR_ALERT_MIN_SCORE > scores[festival.pk] > scores[library.pk]

    services.process_alert_jobs()
    job.refresh_from_db()
    assert sorted(job.target_keys) == sorted([f"article.{flood.pk}", f"article.{flood_two.pk}"])
    alerts = OutboxMessage.objects.filter(batch=f"alert:{job.event_key}")
    assert sorted(alerts.values_list("recipient", flat=True)) == ["beides@example.org", "flut@example.org"]
    mail = alerts.get(recipient="flut@example.org")
    assert mail.subject == f"Ähnliche News: {new.headline}" and new.get_absolute_url() in mail.text
    assert "Ähnliche News zu „Hochwasser in Kelmsbrück" in mail.text
    assert mail.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # Published again (back to draft and out again): the same article never reaches a reader twice.
    with django_capture_on_commit_callbacks(execute=True):
        article_services.article_unpublish(article=new)
        article_services.article_publish(article=new)
    services.process_alert_jobs()
    assert OutboxMessage.objects.filter(recipient="flut@example.org", kind="alert").count() == 1


def test_one_new_article_reaches_a_reader_once_whichever_alerts_they_follow(
        archive, author, django_capture_on_commit_callbacks):
    from newsdesk.articles.models import Topic

    flood = archive[0]
    floods = Topic.objects.create(name="Hochwasser", slug="hochwasser")
    follow("alles@example.org", "topic", f"topic.{floods.pk}")
    follow("alles@example.org", "similar", f"article.{flood.pk}")
    follow("alles@example.org", "breaking")
    follow("thema@example.org", "topic", f"topic.{floods.pk}")
    follow("aehnlich@example.org", "similar", f"article.{flood.pk}")

    with django_capture_on_commit_callbacks(execute=True):
        new = article_services.article_create(
            headline="Deich am Lindrahof bricht: Kelmsbrück evakuiert die Altstadt", teaser="Sofort.",
            body=FLOOD_BODY, topics=[floods], authors=[author])
        new.breaking = True
        article_services.article_publish(article=new)
    services.process_alert_jobs()
    about_new = OutboxMessage.objects.filter(kind="alert", text__contains=new.get_absolute_url())
    subjects = dict(about_new.values_list("recipient", "subject"))
    assert about_new.count() == len(subjects) == 3, "one mail per reader"
    assert subjects["alles@example.org"] == f"Eilmeldung: {new.headline}", "the most urgent one"
    assert subjects["thema@example.org"] == f"Neu: {new.headline}"
    assert subjects["aehnlich@example.org"] == f"Ähnliche News: {new.headline}"


def test_no_similar_news_alert_for_the_followed_article_itself(archive):
    flood, _flood_two, _library, _festival = archive
    follow("selbst@example.org", "similar", f"article.{flood.pk}")
    # The followed article's own publication alert, expanded after the reader followed it: cosine 1.0 with
    # itself, and still no mail about it.
    AlertJob.objects.filter(event_key=f"article.{flood.pk}.similar").delete()
    services.article_similar(article=flood)
    services.process_alert_jobs()
    job = AlertJob.objects.get(event_key=f"article.{flood.pk}.similar")
    assert f"article.{flood.pk}" not in job.target_keys
    assert not OutboxMessage.objects.filter(recipient="selbst@example.org", kind="alert").exists()


def test_a_rolled_back_publication_records_no_similar_alert(author):
    article = article_services.article_create(headline="Nie erschienen", teaser="Entwurf.", authors=[author])
    with pytest.raises(RuntimeError), transaction.atomic():
        article_services.article_publish(article=article)
        raise RuntimeError("the editor's transaction fails")
    assert not AlertJob.objects.filter(kind="similar").exists()


def test_article_page_offers_similar_news_with_double_opt_in(article):
    page = Client().get(article.get_absolute_url()).content.decode()
    assert 'value="similar"' in page and f'value="article.{article.pk}"' in page and "Ähnliche News" in page
    response = Client().post("/abo/", {"kind": "similar", "target": f"article.{article.pk}",
                                       "email": "neugierig@example.org"})
    assert response.status_code == 200
    subscription = Subscription.objects.get(subscriber__email="neugierig@example.org")
    assert subscription.kind == "similar" and subscription.status == Subscription.Status.PENDING
    assert subscription.target_title == f"Ähnliche News zu „{article.headline}“"
    (confirmation,) = OutboxMessage.objects.filter(recipient="neugierig@example.org")
    assert "Ähnliche News zu" in confirmation.text and subscription.confirmation_mail == confirmation.text
    bad = Client().post("/abo/", {"kind": "similar", "target": "article.999999", "email": "n@example.org"})
    assert bad.status_code == 422 and "Artikel" in bad.content.decode()


def test_breaking_newsblog_entries_alert_once_per_entry(liveblog, editor):
    follow("eilig@example.org", "breaking")
    follow("blog@example.org", "liveblog", liveblog.channel)
    entry = liveblog_services.entry_create(liveblog=liveblog, author=editor, headline="Deich bricht",
                                           body="<p>Evakuierung am Lindrahof.</p>", breaking=True)
    services.process_alert_jobs()
    (alert,) = OutboxMessage.objects.filter(recipient="eilig@example.org", kind="alert")
    assert alert.subject == "Eilmeldung: Deich bricht" and entry.get_absolute_url() in alert.text
    assert not OutboxMessage.objects.filter(recipient="blog@example.org", kind="alert").exists(), "not a key event"

    # Edited, unmarked and marked again: still one alert for this entry.
    entry = liveblog_services.entry_update(entry=entry, editor=editor, version=entry.version, body="<p>Neu.</p>")
    entry = liveblog_services.entry_update(entry=entry, editor=editor, version=entry.version, breaking=False)
    entry = liveblog_services.entry_update(entry=entry, editor=editor, version=entry.version, breaking=True)
    services.process_alert_jobs()
    assert OutboxMessage.objects.filter(recipient="eilig@example.org", kind="alert").count() == 1

    # An entry marked as breaking later alerts then.
    later = liveblog_services.entry_create(liveblog=liveblog, author=editor, body="<p>Zunächst ruhig.</p>")
    services.process_alert_jobs()
    assert OutboxMessage.objects.filter(recipient="eilig@example.org", kind="alert").count() == 1
    liveblog_services.entry_update(entry=later, editor=editor, version=later.version, breaking=True)
    services.process_alert_jobs()
    assert OutboxMessage.objects.filter(recipient="eilig@example.org", kind="alert").count() == 2


def test_alert_expansion_reports_progress_and_labels_its_send(liveblog, editor):
    for n in range(5):
        follow(f"leser{n}@example.org", "liveblog", liveblog.channel)
    liveblog_services.entry_create(liveblog=liveblog, author=editor, headline="Pegel sinkt", body="Gut.",
                                   key_event=True)
    seen = []
    services.process_alert_jobs(on_progress=lambda job, read, total: seen.append((read, total)))
    assert seen and seen[-1] == (5, 5)
    send = MailBatch.objects.get(key__startswith="alert:liveblog.")
    assert send.label.startswith("Benachrichtigung „") and "Pegel sinkt" in send.label
    assert (send.total, send.sent) == (5, 0)


def test_send_alerts_command_turns_pending_alerts_into_mails(liveblog, editor, capsys):
    follow("cli@example.org", "liveblog", liveblog.channel)
    liveblog_services.entry_create(liveblog=liveblog, author=editor, body="Wichtig.", key_event=True)
    call_command("send_alerts")
    assert "Alerts sent to the outbox: 1" in capsys.readouterr().out
    assert OutboxMessage.objects.filter(recipient="cli@example.org", kind="alert").count() == 1
