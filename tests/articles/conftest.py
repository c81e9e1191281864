from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from newsdesk.articles import services
from newsdesk.articles.models import Article, Author, Topic
from newsdesk.media.demo import wave_illustration
from newsdesk.media.services import image_create


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SITE_URL = "https://zeitung.example"
    return settings.MEDIA_ROOT


@pytest.fixture
def topic(db) -> Topic:
    return Topic.objects.create(name="Stadt & Politik", slug="stadt-und-politik")


@pytest.fixture
def author(db) -> Author:
    return Author.objects.create(name="Erika Test", slug="erika-test", bio="Schreibt über Testhausen.")


@pytest.fixture
def image(db):
    return image_create(data=wave_illustration(seed=5, width=700, height=400), filename="bild.jpg",
                        alt_text="Wellen vor Dächern", caption="Testhausen am Morgen", credit="Otto Test")


def publish(headline: str = "Testhausen baut eine Brücke", *, authors=(), topics=(), hours_ago: float = 1,
            lead_image=None, **extra) -> Article:
    article = services.article_create(
        headline=headline, teaser=extra.pop("teaser", "Ein erfundener Vorspann über Testhausen."),
        body=extra.pop("body", "<p>Erster Absatz.</p><h2>Zwischenzeile</h2><p>Zweiter Absatz.</p>"),
        authors=authors, topics=topics, lead_image=lead_image,
        **{k: v for k, v in extra.items() if k not in {"top_story", "top_rank"}},
    )
    article.top_story = extra.get("top_story", False)
    article.top_rank = extra.get("top_rank", 0)
    article.status = Article.Status.PUBLISHED
    article.published_at = timezone.now() - timedelta(hours=hours_ago)
    return services.article_save(article=article)


@pytest.fixture
def article(author, topic, image) -> Article:
    return publish(authors=[author], topics=[topic], lead_image=image, dateline="TESTHAUSEN", kicker="Verkehr")
