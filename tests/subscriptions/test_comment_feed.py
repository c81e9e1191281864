"""The feed of an article carries its approved comments: name and escaped text only, valid for any content."""

import json
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from newsdesk.comments import services as comment_services
from newsdesk.comments.models import Comment, Commenter, Reason
from tests.subscriptions.test_feeds import assert_json_feed_1_1

HOSTILE = "Steuer\x01zeichen ]]> und <b>fett</b> & <script>alert(1)</script> 🌊\n\nZweiter Absatz."


def comment_on(article, *, status: str, body: str = "Ein sachlicher Beitrag.", name: str = "Erika M.",
               email: str = "erika@example.org") -> Comment:
    commenter, _created = Commenter.objects.get_or_create(email=email)
    return Comment.objects.create(content_type=ContentType.objects.get_for_model(article), object_id=article.pk,
                                  commenter=commenter, display_name=name, body=body, status=status)


@pytest.fixture
def discussed(article):
    comment_on(article, status="approved", body=HOSTILE, name="Leserin <i>Kursiv</i> ]]>")
    comment_on(article, status="pending", body="Noch nicht geprüft.", email="p@example.org")
    comment_on(article, status="rejected", body="Abgelehnter Text.", email="r@example.org")
    return article


@pytest.mark.parametrize("suffix", ["", "atom/"])
def test_article_feed_lists_approved_comments_only_and_stays_valid(discussed, suffix):
    response = Client().get(f"/artikel/{discussed.slug}/feed/{suffix}")
    assert response.status_code == 200
    ET.fromstring(response.content)  # noqa: S314 - our own output; a strict parser raises on anything invalid
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    content = response.content.decode()
    assert "Noch nicht geprüft" not in content and "Abgelehnter Text" not in content
    assert "@example.org" not in content, "never a commenter's e-mail"
    (comment,) = [entry for entry in parsed.entries if entry.title.startswith("Kommentar von")]
    assert comment.title == "Kommentar von Leserin <i>Kursiv</i> ]]>"
    assert comment.author == "Leserin <i>Kursiv</i> ]]>"
    # The comment is plain text: its markup arrives as text, never as markup; the control character is gone.
    assert "&lt;script&gt;" in comment.summary and "<script>" not in comment.summary
    assert "\x01" not in comment.summary and "🌊" in comment.summary and "]]&gt;" in comment.summary
    assert comment.link.endswith(f"{discussed.get_absolute_url()}#kommentar-{Comment.objects.first().pk}")
    assert discussed.headline in [entry.title for entry in parsed.entries]


def test_json_article_feed_with_comments_has_the_1_1_fields(discussed):
    document = json.loads(Client().get(f"/artikel/{discussed.slug}/feed/json/").content)
    assert_json_feed_1_1(document)
    (comment,) = [item for item in document["items"] if "Kommentar" in item.get("tags", [])]
    assert comment["authors"] == [{"name": "Leserin <i>Kursiv</i> ]]>"}]
    assert "&lt;b&gt;fett&lt;/b&gt;" in comment["content_html"] and "@" not in json.dumps(comment)


def test_article_feed_etag_changes_when_a_comment_is_approved_or_removed(discussed, moderator):
    client = Client()
    url = f"/artikel/{discussed.slug}/feed/"
    first = client.get(url)
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    pending = Comment.objects.get(status="pending")
    comment_services.comment_approve(comment=pending, moderator=moderator)
    approved = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert approved.status_code == 200 and "Noch nicht geprüft" in approved.content.decode()
    assert client.get(url, HTTP_IF_NONE_MATCH=approved["ETag"]).status_code == 304
    comment_services.comment_reject(comment=pending, moderator=moderator, reason=Reason.OFF_TOPIC)
    removed = client.get(url, HTTP_IF_NONE_MATCH=approved["ETag"])
    assert removed.status_code == 200 and "Noch nicht geprüft" not in removed.content.decode()


def test_comments_on_other_articles_stay_in_their_own_feed(discussed, author):
    from tests.articles.conftest import publish

    other = publish("Ein anderer Artikel", authors=[author])
    comment_on(other, status="approved", body="Gehört zum anderen Artikel.", email="o@example.org")
    assert "Gehört zum anderen" not in Client().get(f"/artikel/{discussed.slug}/feed/").content.decode()
    assert "Gehört zum anderen" in Client().get(f"/artikel/{other.slug}/feed/").content.decode()
