"""The home page's queries read indexes, not the whole archive, and the topic counts are computed once per change."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from newsdesk.articles import selectors, services
from newsdesk.articles.models import Article, Topic

pytestmark = pytest.mark.django_db


def publish(headline: str, **fields) -> Article:
    article = services.article_create(headline=headline, teaser="Ein erfundener Vorspann.",
                                      body="<p>Absatz.</p>", **fields)
    article.status = Article.Status.PUBLISHED
    article.published_at = timezone.now() - timedelta(hours=1)
    return services.article_save(article=article)


def test_top_stories_come_from_their_partial_index():
    publish("Aufmacher aus Testhausen")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE articles_article")
            cursor.execute("SET LOCAL enable_seqscan = off")
    plan = Article.objects.filter(top_story=True).order_by("top_rank", "-published_at")[:4].explain()
    assert "article_top_idx" in plan, plan


def test_topic_counts_are_computed_once_per_change(django_assert_max_num_queries):
    topic = Topic.objects.create(name="Verkehr", slug="verkehr")
    publish("Brücke gesperrt", topics=[topic])
    assert [(t.slug, t.article_count) for t in selectors.topics_with_articles()] == [("verkehr", 1)]
    with django_assert_max_num_queries(1):  # the version only
        assert selectors.topics_with_articles()[0].article_count == 1
    publish("Brücke wieder offen", topics=[topic])
    assert selectors.topics_with_articles()[0].article_count == 2


def test_latest_articles_walk_the_recent_index_without_sorting_the_archive():
    now = timezone.now()
    # An archive of some size (the planner sorts a handful of rows rather than walk an index, rightly).
    Article.objects.bulk_create(Article(headline=f"Meldung {n}", slug=f"meldung-{n}", teaser="Erfunden.",
                                        status=Article.Status.PUBLISHED, published_at=now - timedelta(minutes=n))
                                for n in range(3000))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    plan = selectors.published().exclude(pk__in=[1])[:12].explain()
    assert "article_recent_idx" in plan, plan
    assert "TEMP B-TREE" not in plan.upper() and "Sort" not in plan, plan
