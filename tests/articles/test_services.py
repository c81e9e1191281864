"""Article writes: sanitizing, reading time, slugs with redirects, revisions, publishing and scheduling."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from newsdesk.articles import scheduler, services
from newsdesk.articles.models import Article, ArticleRevision, ArticleSlug
from newsdesk.core.errors import InvalidInput

pytestmark = pytest.mark.django_db


def test_create_sanitizes_body_and_counts_words_like_newsblogs(author):
    article = services.article_create(
        headline="Drei Worte hier", teaser="Vier Worte im Vorspann",
        body='<p onclick="x()">Text <script>alert(1)</script><a href="javascript:x">Link</a></p>'
        + "<p>wort </p>" * 400,
        authors=[author],
    )
    assert "script" not in article.body and "onclick" not in article.body and "javascript" not in article.body
    assert article.status == Article.Status.DRAFT and article.published_at is None
    # 3 + 4 + (Text, Link, 400 x wort) = 409 words -> 3 minutes at 200 words a minute, rounded up
    assert article.word_count == 409 and article.reading_minutes == 3


def test_slug_is_german_and_unique():
    first = services.article_create(headline="Brücke über die Lindra", teaser="Vorspann")
    second = services.article_create(headline="Brücke über die Lindra", teaser="Vorspann")
    assert first.slug == "bruecke-ueber-die-lindra" and second.slug == "bruecke-ueber-die-lindra-2"


@pytest.mark.parametrize(("field", "value"), [("headline", "  "), ("teaser", ""), ("headline", "x" * 201),
                                              ("body", "x" * (300 * 1024 + 1))])
def test_bad_input_is_refused_and_nothing_saved(field, value):
    fields = {"headline": "Titel", "teaser": "Vorspann", field: value}
    with pytest.raises(InvalidInput) as caught:
        services.article_create(**fields)
    assert caught.value.details["field"] == field
    assert not Article.objects.exists()


def test_edit_after_publication_keeps_the_earlier_version(article, editor):
    old_body = article.body
    services.article_update(article=article, editor=editor, body="<p>Korrigierter Text.</p>",
                            correction_note="Wir haben eine Zahl korrigiert.")
    revision = ArticleRevision.objects.get(article=article)
    assert revision.body == old_body and revision.saved_by == editor and revision.correction_note == ""
    article.refresh_from_db()
    assert article.updated_at is not None and article.correction_note == "Wir haben eine Zahl korrigiert."


def test_edits_to_drafts_keep_no_revisions():
    draft = services.article_create(headline="Entwurf", teaser="Vorspann")
    services.article_update(article=draft, body="<p>Neu</p>")
    assert not ArticleRevision.objects.exists()
    draft.refresh_from_db()
    assert draft.updated_at is None


def test_renamed_slug_remembers_the_old_one_and_renaming_back_works(article):
    services.article_update(article=article, slug="neue-adresse")
    assert ArticleSlug.objects.get().slug == "testhausen-baut-eine-bruecke"
    services.article_update(article=article, slug="testhausen-baut-eine-bruecke")
    assert list(ArticleSlug.objects.values_list("slug", flat=True)) == ["neue-adresse"]


def test_an_old_slug_of_another_article_cannot_be_taken(article):
    services.article_update(article=article, slug="neue-adresse")
    other = services.article_create(headline="Anderes", teaser="Vorspann")
    with pytest.raises(InvalidInput, match=r"address|Adresse"):
        services.article_update(article=other, slug="testhausen-baut-eine-bruecke")


def test_schedule_needs_a_future_aware_time():
    draft = services.article_create(headline="Geplant", teaser="Vorspann")
    with pytest.raises(InvalidInput):
        services.article_schedule(article=draft, at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(InvalidInput):
        services.article_schedule(article=draft, at=timezone.now().replace(tzinfo=None) + timedelta(hours=1))


def test_scheduled_article_goes_live_by_itself():
    draft = services.article_create(headline="Geplant", teaser="Vorspann")
    at = timezone.now() + timedelta(minutes=10)
    services.article_schedule(article=draft, at=at)
    assert not Article.objects.published().exists()
    assert services.publish_due() == []
    assert services.publish_due(now=at + timedelta(seconds=1)) == [draft.pk]
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED and draft.published_at == at


def test_due_scheduled_article_is_visible_before_the_scheduler_runs():
    draft = services.article_create(headline="Geplant", teaser="Vorspann")
    services.article_schedule(article=draft, at=timezone.now() + timedelta(minutes=10))
    Article.objects.filter(pk=draft.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    assert list(Article.objects.published()) == [draft]


def test_publish_now_and_republish_keeps_first_time(article):
    first = article.published_at
    services.article_unpublish(article=article)
    services.article_publish(article=article)
    assert article.published_at == first and article.status == Article.Status.PUBLISHED
    draft = services.article_create(headline="Sofort", teaser="Vorspann")
    before = timezone.now()
    services.article_publish(article=draft)
    assert draft.published_at >= before


def test_publish_due_command(capsys):
    draft = services.article_create(headline="Geplant", teaser="Vorspann")
    services.article_schedule(article=draft, at=timezone.now() + timedelta(minutes=5))
    Article.objects.filter(pk=draft.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    call_command("publish_due")
    assert "1 article(s) published." in capsys.readouterr().out
    assert Article.objects.get(pk=draft.pk).status == Article.Status.PUBLISHED


def test_scheduler_thread_keeps_running_after_a_failed_round(monkeypatch):
    import threading

    calls = []

    def flaky_publish_due():
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("database is locked")
        return []

    # The thread has its own database connection; the test database's transaction is not visible to it,
    # so the round itself is replaced: what is tested here is the loop.
    monkeypatch.setattr(scheduler, "publish_due", flaky_publish_due)
    stop = threading.Event()
    thread = scheduler.start_scheduler_thread(interval=0.02, stop=stop)
    for _ in range(250):
        if len(calls) >= 3:
            break
        stop.wait(0.02)
    stop.set()
    thread.join(2)
    assert not thread.is_alive() and len(calls) >= 3
