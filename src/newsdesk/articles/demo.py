"""Loads the fictional demo articles, topics and authors through the services (idempotent: by slug)."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from newsdesk.accounts.models import User
from newsdesk.articles import demo_content, services
from newsdesk.articles.models import Article, Author, Topic
from newsdesk.media.demo import portrait_illustration, wave_illustration
from newsdesk.media.services import image_create

CORRECTED_SLUG = "stadtrat-beschliesst-soforthilfe"
CORRECTION = ("In einer früheren Fassung dieses Artikels hieß es, Betriebe erhielten bis zu 5.000 Euro. "
              "Richtig sind bis zu 10.000 Euro. Wir haben den Fehler korrigiert.")


def _topics() -> dict[str, Topic]:
    topics = {}
    for spec in demo_content.TOPICS:
        topic, _created = Topic.objects.get_or_create(
            slug=spec["slug"], defaults={"name": spec["name"], "description": spec["description"]})
        topics[topic.slug] = topic
    return topics


def _authors() -> dict[str, Author]:
    authors = {}
    for spec in demo_content.AUTHORS:
        author = Author.objects.filter(slug=spec["slug"]).first()
        if author is None:
            photo = image_create(
                data=portrait_illustration(seed=spec["seed"], colour=spec["hue"]), filename=f"{spec['slug']}.jpg",
                alt_text=f"Porträt von {spec['name']} (Illustration)", credit="newsdesk-Demo (Illustration)",
            )
            author = Author.objects.create(
                slug=spec["slug"], name=spec["name"], role=spec["role"], bio=spec["bio"], photo=photo,
                user=User.objects.filter(username=spec["username"], author_profile__isnull=True).first(),
            )
        authors[author.slug] = author
    return authors


@transaction.atomic
def load() -> list[str]:
    """Creates what is missing; returns the headlines of the articles it created."""
    topics, authors = _topics(), _authors()
    now = timezone.now()
    created = []
    for spec in demo_content.ARTICLES:
        if Article.objects.filter(slug=spec["slug"]).exists():
            continue
        palette = {"palette": spec["palette"]} if "palette" in spec else {}
        image = image_create(
            data=wave_illustration(seed=spec["seed"], **palette), filename=f"{spec['slug'][:50]}.jpg",
            alt_text=spec["image_alt"], caption=spec["image_caption"], credit="newsdesk-Demo (Illustration)",
        )
        article = services.article_create(
            headline=spec["headline"], teaser=spec["teaser"], body=spec["body"], kicker=spec["kicker"],
            dateline=spec["dateline"], slug=spec["slug"], lead_image=image,
            authors=[authors[a] for a in spec["authors"]], topics=[topics[t] for t in spec["topics"]],
        )
        article.status = Article.Status.PUBLISHED
        article.published_at = now - timedelta(hours=spec["hours_ago"])
        article.top_story = spec["top"] is not None
        article.top_rank = spec["top"] or 0
        services.article_save(article=article)
        if spec["slug"] == CORRECTED_SLUG:
            # An edit after publication: keeps the first version as a revision and shows "Aktualisiert am".
            services.article_update(article=article, correction_note=CORRECTION)
        created.append(article.headline)
    return created
