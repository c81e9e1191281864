"""Reads that need care: a target's approved comments page, the moderation queue without N+1 queries."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page, Paginator
from django.db import models
from django.db.models import Count, Prefetch, Q, QuerySet

from newsdesk.comments.models import Comment

COMMENTS_PER_PAGE = 20
QUEUE_PAGE_SIZE = 50


def approved_page(target: models.Model, page_number: object) -> Page:
    """Approved top-level comments, newest first, each with its approved replies (oldest first)."""
    replies = Comment.objects.approved().order_by("created_at", "id")
    comments = (Comment.objects.for_target(target).approved().filter(parent__isnull=True)
                .order_by("-created_at", "-id").prefetch_related(Prefetch("replies", queryset=replies)))
    return Paginator(comments, COMMENTS_PER_PAGE).get_page(page_number)


def own_comments(target: models.Model, ids: list[int]) -> QuerySet[Comment]:
    """The reader's own comments on this target that are still waiting (shown to them only, marked)."""
    if not ids:
        return Comment.objects.none()
    waiting = (Comment.Status.PENDING, Comment.Status.UNVERIFIED)
    return Comment.objects.for_target(target).filter(pk__in=ids, status__in=waiting).order_by("-created_at")


def queue_counts() -> dict[str, int]:
    rows = Comment.objects.aggregate(**{status: Count("id", filter=Q(status=status))
                                        for status in (Comment.Status.PENDING, Comment.Status.APPROVED,
                                                       Comment.Status.REJECTED)})
    return rows


def queue(status: str) -> QuerySet[Comment]:
    """Pending: highest risk first, then oldest. Decided queues: newest decision first.

    A fixed number of queries for any page size: commenter and parent are joined, targets are fetched once
    per content type (GenericForeignKey prefetch).
    """
    rows = Comment.objects.filter(status=status).select_related("commenter", "parent", "content_type",
                                                                "decided_by")
    if status == Comment.Status.PENDING:
        rows = rows.order_by("-risk", "created_at", "id")
    else:
        rows = rows.order_by("-decided_at", "-id")
    return rows.prefetch_related("target")


def content_type_for(content_type_id: int) -> ContentType | None:
    try:
        return ContentType.objects.get_for_id(content_type_id)
    except ContentType.DoesNotExist:
        return None


def commenter_comments(commenter) -> list[Comment]:
    """All of one commenter's comments, newest first, targets fetched once per content type."""
    return list(Comment.objects.filter(commenter=commenter).select_related("content_type")
                .prefetch_related("target").order_by("-created_at", "-id"))
