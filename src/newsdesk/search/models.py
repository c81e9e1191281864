"""The search index: one row per searchable document, pushed in by the domain apps (plain text, ids, dicts).

SQLite searches an FTS5 table over the Snowball-stemmed columns (kept in step by triggers, see migration 0001);
PostgreSQL searches `vector`, a tsvector built with the `german` configuration under a GIN index.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    kind = models.CharField(max_length=20)  # "article", "entry", ...: the domain app's name for it
    object_id = models.BigIntegerField()
    title = models.CharField(max_length=300)
    body = models.TextField()  # plain text
    url = models.CharField(max_length=500)
    published_at = models.DateTimeField(db_index=True)
    topics = models.JSONField(default=list)  # [[slug, name], ...] for display
    topic_slugs = models.CharField(max_length=1000, blank=True)  # "|politik|wirtschaft|": portable filter
    title_stems = models.TextField(blank=True)  # SQLite: what FTS5 indexes
    body_stems = models.TextField(blank=True)
    vector = SearchVectorField(null=True)  # PostgreSQL only

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_unique")]
        verbose_name = _("search document")

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.title}"


class SearchTopic(models.Model):
    """Topics seen in indexed documents: the choices of the search form without asking a domain app."""

    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
