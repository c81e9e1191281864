"""Documents as stems, and each one's strongest neighbours, stored so that a page reads them in one query."""

from __future__ import annotations

from django.db import models


class Document(models.Model):
    kind = models.CharField(max_length=20)  # the domain app's name: "article", "liveblog", ...
    object_id = models.BigIntegerField()
    title = models.CharField(max_length=300)
    url = models.CharField(max_length=500)
    published_at = models.DateTimeField()
    stems = models.TextField()  # German content stems, space-separated (core.german)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="related_document_unique")]
        indexes = [models.Index(fields=["indexed_at"], name="related_document_indexed_at")]  # index deltas

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.title}"


class Neighbour(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="neighbours")
    other = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()  # TF-IDF cosine, 0..1
    rank = models.PositiveSmallIntegerField()  # 0 = most similar

    class Meta:
        constraints = [models.UniqueConstraint(fields=["document", "other"], name="related_neighbour_unique")]
        indexes = [models.Index(fields=["document", "rank"])]

    def __str__(self) -> str:
        return f"{self.document_id} → {self.other_id} ({self.score:.2f})"


class Fit(models.Model):
    """The document frequencies of one background refit: the idf with which new documents are scored.

    The newest row is the one in use; each process keeps its index in memory for that row and adds new
    documents to it without refitting (see services).
    """

    documents = models.PositiveIntegerField()  # corpus size at fit time
    frequencies = models.TextField()  # JSON {stem: number of documents containing it}
    fitted_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"fit {self.pk}: {self.documents} documents"
