"""Issue 5 checks across feeds and mails: hostile article text in every feed, autodiscovery, a clean confirmation."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import feedparser
import pytest
from django.test import Client
from django.utils import timezone

from newsdesk.articles import services as article_services
from newsdesk.mail.models import OutboxMessage
from newsdesk.subscriptions import services
from newsdesk.subscriptions.models import Subscription
from newsdesk.subscriptions.targets import resolve_target
from tests.subscriptions.test_feeds import assert_json_feed_1_1

HEADLINE = "Pegel\x01 <b>steigt</b> ]]> & 🌊 „Lindra“"
TEASER = "Vorspann\x0b mit <script>x</script> und ]]> " + "lang " * 100
BODY = "<p>Text ]]&gt; 🌊 " + "sehr lang " * 5000 + "</p>"


@pytest.fixture
def hostile(author, topic):
    clean = {"headline": HEADLINE.replace("\x01", ""), "teaser": TEASER.replace("\x0b", "")}
    article = article_services.article_create(body=BODY, authors=[author], topics=[topic], **clean)
    article_services.article_publish(article=article)
    article_services.article_update(article=article, correction_note="Korrektur mit ]]> und <i>HTML</i>")
    # The services refuse control characters now (issue 16); rows stored before that still must not break a feed.
    type(article).objects.filter(pk=article.pk).update(
        headline=HEADLINE, teaser=TEASER, correction_note="Korrektur\x02 mit ]]> und <i>HTML</i>")
    article.refresh_from_db()
    return article


def feed_paths(article) -> list[str]:
    topic, author = article.topics.first(), article.authors.first()
    return ["/feed/", f"/thema/{topic.slug}/feed/", f"/autor/{author.slug}/feed/", f"/artikel/{article.slug}/feed/"]


@pytest.mark.parametrize("suffix", ["", "atom/"])
def test_every_article_feed_stays_valid_for_hostile_text(hostile, suffix):
    for path in feed_paths(hostile):
        response = Client().get(path + suffix)
        assert response.status_code == 200, path
        ET.fromstring(response.content)  # noqa: S314 - our own output; a strict parser raises on anything invalid
        parsed = feedparser.parse(response.content)
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        titles = [entry.title for entry in parsed.entries]
        assert "Pegel <b>steigt</b> ]]> & 🌊 „Lindra“" in titles, (path, titles)


def test_every_json_feed_keeps_the_1_1_fields_for_hostile_text(hostile):
    for path in feed_paths(hostile):
        document = json.loads(Client().get(path + "json/").content)
        assert_json_feed_1_1(document)
        assert any("🌊" in item["title"] for item in document["items"]), path


def test_every_page_announces_the_site_feed_and_its_own(article, liveblog):
    topic, author = article.topics.first(), article.authors.first()
    own = {
        "/": None, "/archiv/": None, "/newsblog/": None,
        article.get_absolute_url(): f"/artikel/{article.slug}/feed/",
        topic.get_absolute_url(): f"/thema/{topic.slug}/feed/",
        author.get_absolute_url(): f"/autor/{author.slug}/feed/",
        liveblog.get_absolute_url(): f"/newsblog/{liveblog.slug}/feed/",
    }
    for path, feed in own.items():
        page = Client().get(path).content.decode()
        links = re.findall(r'<link rel="alternate" type="([^"]+)"[^>]*href="([^"]+)"', page)
        assert ("application/rss+xml", "/feed/") in links and ("application/feed+json", "/feed/json/") in links, path
        if feed:
            assert ("application/atom+xml", feed + "atom/") in links, path


def test_the_confirmation_mail_carries_nothing_but_the_confirmation(liveblog):
    services.subscribe(email="ohne-werbung@example.org", target=resolve_target("liveblog", liveblog.channel))
    (mail,) = OutboxMessage.objects.filter(recipient="ohne-werbung@example.org")
    assert mail.kind == "confirmation" and "List-Unsubscribe" not in mail.headers
    # One link only, the confirmation: no advertising, no other offers, no tracking.
    assert len(set(re.findall(r"https?://\S+", mail.text))) == 1
    assert set(re.findall(r'href="([^"]+)"', mail.html)) == set(re.findall(r"https?://\S+", mail.text))


def test_the_confirm_page_says_what_is_confirmed_and_refuses_bad_links_clearly(liveblog):
    subscription = services.subscribe(email="frage@example.org", target=resolve_target("liveblog", liveblog.channel))
    token = re.search(r"/abo/bestaetigen/([^/\s]+)/", OutboxMessage.objects.get().text).group(1)
    page = Client().get(f"/abo/bestaetigen/{token}/")
    text = page.content.decode()
    assert page.status_code == 200 and "frage@example.org" in text and liveblog.title in text and "<form" in text
    subscription.refresh_from_db()
    assert subscription.status == "pending", "a GET (a mail scanner) confirms nothing"
    unknown = Client().get("/abo/bestaetigen/gibt-es-nicht/")
    assert unknown.status_code == 404 and "nicht (mehr) gültig" in unknown.content.decode()
    Subscription.objects.update(confirmation_sent_at=timezone.now() - timedelta(hours=49))
    expired = Client().get(f"/abo/bestaetigen/{token}/")
    assert expired.status_code == 410 and "abgelaufen" in expired.content.decode()
