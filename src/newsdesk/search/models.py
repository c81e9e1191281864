"""The search index: one row per searchable document, pushed in by the domain apps (plain text, ids, dicts).

SQLite searches an FTS5 table over the Snowball-stemmed columns (kept in step by triggers, see migration 0003);
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
    # Documents of one container (the entries of a newsblog) share a group: results list them together under
    # its title ("7 Treffer im Newsblog …"). Blank: the document stands alone (an article).
    group = models.CharField(max_length=100, blank=True, default="")
    group_title = models.CharField(max_length=300, blank=True, default="")
    group_url = models.CharField(max_length=500, blank=True, default="")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_unique")]
        verbose_name = _("search document")
        indexes = [
            models.Index(fields=["group", "published_at"], name="search_document_group"),
            # Covering the ranking and the filters, so that a word in most documents reads this narrow index
            # instead of the wide rows (body and stems): SQLite uses it by name (INDEXED BY) in query.py.
            models.Index(fields=["id", "published_at", "group", "topic_slugs"], name="search_document_rank"),
        ]

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


class SearchTerm(models.Model):
    """Every stem seen in an indexed document with one readable form of it: the vocabulary of "Meinten Sie …".

    Only added to (a term whose documents are gone stays): a suggestion is offered only after a search for it
    has found something, so a stale term costs a look-up, never a wrong suggestion.
    """

    stem = models.CharField(max_length=60, unique=True)
    word = models.CharField(max_length=60)
    length = models.PositiveSmallIntegerField()  # of the stem: candidates within edit distance 2 differ by <= 2
    # The stem's first two and last two letters: a close word shares one end unless a slip is in each (see
    # query._close_terms), so two small indexed look-ups find it, a wrong first letter included.
    head = models.CharField(max_length=2, default="")
    tail = models.CharField(max_length=2, default="")

    class Meta:
        indexes = [models.Index(fields=["length"], name="search_term_length"),
                   models.Index(fields=["head", "length"], name="search_term_head"),
                   models.Index(fields=["tail", "length"], name="search_term_tail")]

    def __str__(self) -> str:
        return self.word
