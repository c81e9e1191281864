"""Writes to articles: sanitizing, slugs with redirects, revisions after publication, publishing and scheduling."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from newsdesk.articles import indexing
from newsdesk.articles.models import Article, ArticleAuthor, ArticleRevision, ArticleSlug, Author, Topic
from newsdesk.articles.signals import article_corrected, article_published
from newsdesk.core import freshness
from newsdesk.core.errors import InvalidInput
from newsdesk.core.html import html_to_text, looks_like_html, sanitize_rich_text, word_count
from newsdesk.core.validation import clean_line

HEADLINE_MAX = 200
TEASER_MAX = 600
BODY_MAX_BYTES = 300 * 1024
# Changes to these fields of a published article are kept as a revision (corrections stay traceable).
REVISED_FIELDS = ("headline", "teaser", "body", "correction_note")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def german_slug(text: str, *, max_length: int = 100) -> str:
    """"Brücke über die Lindra" -> "bruecke-ueber-die-lindra" (German readers expect ue, not u)."""
    return slugify(text.translate(_UMLAUTS))[:max_length].strip("-")


def unique_article_slug(headline: str, *, exclude_pk: int | None = None) -> str:
    base = german_slug(headline) or "artikel"
    slug, n = base, 1
    while _slug_taken(slug, exclude_pk):
        n += 1
        slug = f"{base}-{n}"
    return slug


def _slug_taken(slug: str, exclude_pk: int | None) -> bool:
    current = Article.objects.filter(slug=slug).exclude(pk=exclude_pk).exists()
    old = ArticleSlug.objects.filter(slug=slug).exclude(article_id=exclude_pk).exists()
    return current or old


def _clean(article: Article) -> None:
    """Normalises and checks the fields in place; raises InvalidInput with the field name."""
    article.headline = clean_line(article.headline, field="headline", max_length=HEADLINE_MAX, required=True)
    article.teaser = clean_line(article.teaser, field="teaser", max_length=TEASER_MAX, required=True)
    article.kicker = clean_line(article.kicker, field="kicker", max_length=80)
    article.dateline = clean_line(article.dateline, field="dateline", max_length=80)
    if len((article.body or "").encode()) > BODY_MAX_BYTES:
        raise InvalidInput(_("The text is too long: at most %(kb)d KB are allowed.") % {"kb": BODY_MAX_BYTES // 1024},
                           field="body")
    article.body = sanitize_rich_text(article.body or "")
    article.correction_note = (article.correction_note or "").strip()
    article.slug = german_slug(article.slug, max_length=200) if article.slug else ""
    article.slug = article.slug or unique_article_slug(article.headline, exclude_pk=article.pk)
    if _slug_taken(article.slug, article.pk):
        raise InvalidInput(_("Another article already uses this address."), field="slug")
    if article.status == Article.Status.SCHEDULED and article.published_at is None:
        raise InvalidInput(_("A scheduled article needs a publication time."), field="published_at")
    if article.status == Article.Status.PUBLISHED and article.published_at is None:
        article.published_at = timezone.now()
    # Same rule as newsblogs: the words a reader reads (headline, teaser, text), 200 a minute.
    article.word_count = (word_count(article.headline) + word_count(article.teaser)
                          + word_count(html_to_text(article.body)))


@transaction.atomic
def article_save(*, article: Article, editor=None, announce: bool = True, index: bool = True) -> Article:
    """Saves an article built or changed by a form, the admin or the other services.

    When a published article's text changes, the stored version becomes a revision and "updated" is set;
    when its slug changes, the old one keeps answering with a redirect. `announce=False` (imports of an
    archive) sends no "published"/"corrected" signal, so subscribers are not mailed about old articles;
    `index=False` leaves search and "related" to the caller (an import indexes all at the end, once:
    `indexing.index_many`).
    """
    _clean(article)
    stored = Article.objects.select_for_update().filter(pk=article.pk).first() if article.pk else None
    now = timezone.now()
    if stored is not None:
        if stored.is_live and any(getattr(stored, f) != getattr(article, f) for f in REVISED_FIELDS):
            ArticleRevision.objects.create(
                article=stored, headline=stored.headline, teaser=stored.teaser, body=stored.body,
                correction_note=stored.correction_note, saved_by=editor, saved_at=now,
            )
            article.updated_at = now
        if stored.slug != article.slug:
            ArticleSlug.objects.filter(slug=article.slug, article=article).delete()  # renamed back
            ArticleSlug.objects.get_or_create(slug=stored.slug, defaults={"article": article})
    article.save()
    if index:
        indexing.index_after_commit(article.pk)
    if not announce:
        return article
    if article.is_live and (stored is None or not stored.is_live):
        article_published.send(sender=Article, article=article)
    elif stored is not None and stored.is_live and article.correction_note \
            and article.correction_note != stored.correction_note:
        article_corrected.send(sender=Article, article=article)
    return article


def set_authors(*, article: Article, authors: Iterable[Author]) -> None:
    ArticleAuthor.objects.filter(article=article).delete()
    ArticleAuthor.objects.bulk_create(
        ArticleAuthor(article=article, author=author, position=n) for n, author in enumerate(authors)
    )


@transaction.atomic
def article_create(*, headline: str, teaser: str, body: str = "", authors: Iterable[Author] = (),
                   topics: Iterable[Topic] = (), kicker: str = "", dateline: str = "", lead_image=None,
                   slug: str = "", editor=None) -> Article:
    """A new draft; publish or schedule it with article_publish / article_schedule."""
    article = Article(headline=headline, teaser=teaser, body=body, kicker=kicker, dateline=dateline,
                      lead_image=lead_image, slug=slug)
    article_save(article=article, editor=editor)
    set_authors(article=article, authors=authors)
    article.topics.set(topics)
    return article


_UPDATABLE = {"headline", "teaser", "body", "kicker", "dateline", "lead_image", "slug", "correction_note",
              "top_story", "top_rank"}


def article_update(*, article: Article, editor=None, **changes) -> Article:
    unknown = set(changes) - _UPDATABLE
    if unknown:
        raise InvalidInput(_("Unknown field; it is not part of this request."), field=sorted(unknown)[0])
    for name, value in changes.items():
        setattr(article, name, value)
    return article_save(article=article, editor=editor)


def article_publish(*, article: Article, editor=None) -> Article:
    """Live now; an article published before keeps its first publication time."""
    if article.status == Article.Status.SCHEDULED or article.published_at is None:
        article.published_at = timezone.now()
    article.status = Article.Status.PUBLISHED
    return article_save(article=article, editor=editor)


def article_schedule(*, article: Article, at: datetime, editor=None) -> Article:
    if timezone.is_naive(at):
        raise InvalidInput(_("The publication time needs a time zone."), field="published_at")
    if at <= timezone.now():
        raise InvalidInput(_("The publication time must be in the future."), field="published_at")
    article.status = Article.Status.SCHEDULED
    article.published_at = at
    return article_save(article=article, editor=editor)


def article_unpublish(*, article: Article, editor=None) -> Article:
    article.status = Article.Status.DRAFT
    return article_save(article=article, editor=editor)


def publish_due(*, now: datetime | None = None) -> list[int]:
    """Marks scheduled articles whose time has come as published; returns their ids.

    Pages already treat a due scheduled article as published (Article.objects.published()), so readers never
    wait for this; it keeps the status honest for editors and feeds. Safe to run from several processes.
    """
    now = now or timezone.now()
    with transaction.atomic():
        due = list(Article.objects.filter(status=Article.Status.SCHEDULED, published_at__lte=now)
                   .values_list("pk", flat=True))
        if due:
            Article.objects.filter(pk__in=due, status=Article.Status.SCHEDULED).update(
                status=Article.Status.PUBLISHED)
            freshness.bump(freshness.ARTICLES)  # update() sends no model signal
            for pk in due:
                indexing.index_after_commit(pk)
            for article in Article.objects.filter(pk__in=due):
                # Alerts are keyed per article: one saved live earlier is not announced twice.
                article_published.send(sender=Article, article=article)
    return due


TOPIC_NAME_MAX = 100
AUTHOR_NAME_MAX = 150


def _unique_slug(model, text: str, *, fallback: str, exclude_pk: int | None, max_length: int) -> str:
    base = german_slug(text, max_length=max_length - 4) or fallback
    slug, n = base, 1
    while model.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def topic_save(*, topic: Topic) -> Topic:
    """A new or changed topic: the name is one line (unique), the slug is made from it when empty."""
    topic.name = clean_line(topic.name, field="name", max_length=TOPIC_NAME_MAX, required=True)
    if Topic.objects.filter(name=topic.name).exclude(pk=topic.pk).exists():
        raise InvalidInput(_("Another topic already has this name."), field="name")
    topic.slug = german_slug(topic.slug, max_length=100) if topic.slug else ""
    if not topic.slug or Topic.objects.filter(slug=topic.slug).exclude(pk=topic.pk).exists():
        topic.slug = _unique_slug(Topic, topic.slug or topic.name, fallback="thema", exclude_pk=topic.pk,
                                  max_length=100)
    topic.description = (topic.description or "").strip()
    topic.save()
    return topic


@transaction.atomic
def author_save(*, author: Author) -> Author:
    """A new or changed byline profile; the bio is plain text (the profile page escapes it)."""
    author.name = clean_line(author.name, field="name", max_length=AUTHOR_NAME_MAX, required=True)
    author.role = clean_line(author.role or "", field="role", max_length=150)
    author.slug = german_slug(author.slug, max_length=150) if author.slug else ""
    if not author.slug or Author.objects.filter(slug=author.slug).exclude(pk=author.pk).exists():
        author.slug = _unique_slug(Author, author.slug or author.name, fallback="autor", exclude_pk=author.pk,
                                   max_length=150)
    author.bio = html_to_text(author.bio) if looks_like_html(author.bio or "") else (author.bio or "").strip()
    author.save()
    return author
