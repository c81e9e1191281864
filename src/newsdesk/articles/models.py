from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsdesk.core.html import reading_minutes


class Topic(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("articles:topic", kwargs={"slug": self.slug})


class Author(models.Model):
    """A byline with a public profile page; may belong to a login (user) or not (freelancers)."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    role = models.CharField(_("position"), max_length=150, blank=True)
    bio = models.TextField(_("biography"), blank=True)
    photo = models.ForeignKey("media.Image", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                              verbose_name=_("photo"))
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="author_profile", verbose_name=_("user"))

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("articles:author", kwargs={"slug": self.slug})


class ArticleQuerySet(models.QuerySet):
    def published(self) -> ArticleQuerySet:
        # A scheduled article whose time has come counts as published even before the scheduler has run.
        # Written as "not a draft" (the only other status), so that planners walk article_recent_idx newest
        # first and stop after a page, instead of collecting both statuses from the status index and sorting
        # the whole archive (SQLite without statistics did that).
        now = timezone.now()
        return self.filter(published_at__lte=now).exclude(status=Article.Status.DRAFT)


def article_freshness_key(slug: str) -> str:
    """The content version of one article's page beyond the shared slices: its comment section."""
    return f"article.{slug}"


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")

    headline = models.CharField(_("headline"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kicker = models.CharField(_("kicker"), max_length=80, blank=True,
                              help_text=_("A short word above the headline, e.g. 'Hochwasser'."))
    dateline = models.CharField(_("dateline"), max_length=80, blank=True,
                                help_text=_("Where the story comes from, e.g. 'KELMSBRÜCK'."))
    teaser = models.TextField(_("teaser"), max_length=600)
    body = models.TextField(_("text"), blank=True)  # sanitized HTML (core.html)
    lead_image = models.ForeignKey("media.Image", on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("lead image"))
    authors = models.ManyToManyField(Author, related_name="articles", verbose_name=_("authors"),
                                     through="ArticleAuthor")
    topics = models.ManyToManyField(Topic, related_name="articles", blank=True, verbose_name=_("topics"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(_("publication time"), null=True, blank=True, db_index=True)
    # Set when a published article is edited: "Aktualisiert am …", dateModified, Last-Modified.
    updated_at = models.DateTimeField(_("updated"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    correction_note = models.TextField(_("correction note"), blank=True,
                                       help_text=_("Shown to readers under the article when something was corrected."))
    top_story = models.BooleanField(_("top story"), default=False,
                                    help_text=_("Shown in the top stories on the home page."))
    breaking = models.BooleanField(_("breaking news"), default=False,
                                   help_text=_("Alerts the breaking-news subscribers by e-mail when it goes live."))
    top_rank = models.PositiveSmallIntegerField(_("top story position"), default=0,
                                                help_text=_("Smaller numbers come first."))
    word_count = models.PositiveIntegerField(default=0, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_listing_idx"),
            # The home page's top stories: the few flagged rows in their order, without scanning the archive.
            models.Index(fields=["top_rank", "-published_at"], name="article_top_idx",
                         condition=models.Q(top_story=True)),
            # Listings take published *and* due scheduled articles: two status values, so the status index
            # cannot give the order; walking this one newest first stops after a page (no sort of the archive).
            models.Index(fields=["-published_at", "-id"], name="article_recent_idx"),
        ]

    def __str__(self) -> str:
        return self.headline

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", kwargs={"slug": self.slug})

    @property
    def reading_minutes(self) -> int:
        return reading_minutes(self.word_count)

    @property
    def is_live(self) -> bool:
        return (self.status != self.Status.DRAFT and self.published_at is not None
                and self.published_at <= timezone.now())

    @property
    def modified_at(self):
        return self.updated_at or self.published_at or self.created_at


class ArticleAuthor(models.Model):
    """Byline order matters ("Von A und B"), so the link has a position."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE)
    author = models.ForeignKey(Author, on_delete=models.PROTECT, verbose_name=_("author"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        constraints = [models.UniqueConstraint(fields=["article", "author"], name="unique_article_author")]

    def __str__(self) -> str:
        return str(self.author)


class ArticleSlug(models.Model):
    """A slug the article had before; its URL answers with a permanent redirect."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="old_slugs")
    slug = models.SlugField(max_length=200, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.slug


class ArticleRevision(models.Model):
    """The article as it was before an edit after publication (corrections stay traceable)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    headline = models.CharField(_("headline"), max_length=200)
    teaser = models.TextField(_("teaser"))
    body = models.TextField(_("text"))
    correction_note = models.TextField(_("correction note"), blank=True)
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="+", verbose_name=_("replaced by"))
    saved_at = models.DateTimeField(_("replaced at"))

    class Meta:
        ordering = ["article", "-saved_at", "-id"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")

    def __str__(self) -> str:
        return f"{self.article_id} @ {self.saved_at:%Y-%m-%d %H:%M}"
