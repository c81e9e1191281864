"""Reads that need care: a target's approved comments page, the moderation queue without N+1 queries."""

from __future__ import annotations

from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page, Paginator
from django.db import models
from django.db.models import Count, Prefetch, Q, QuerySet

from newsdesk.comments.models import Comment, Report

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


REPORTED = "reported"  # not a status: approved comments with open reader reports
QUEUES = (Comment.Status.PENDING, REPORTED, Comment.Status.APPROVED, Comment.Status.REJECTED)


def queue_counts() -> dict[str, int]:
    """All queue sizes in one query."""
    return Comment.objects.aggregate(
        **{status: Count("id", filter=Q(status=status))
           for status in (Comment.Status.PENDING, Comment.Status.APPROVED, Comment.Status.REJECTED)},
        **{REPORTED: Count("id", filter=Q(status=Comment.Status.APPROVED, open_reports__gt=0))},
    )


def queue(status: str) -> QuerySet[Comment]:
    """Pending: highest risk first, then oldest. Reported: most reports first. Decided queues: newest decision
    first.

    A fixed number of queries for any page size: commenter and parent are joined, targets are fetched once
    per content type (GenericForeignKey prefetch), open reports in one more query.
    """
    if status == REPORTED:
        rows = Comment.objects.filter(status=Comment.Status.APPROVED, open_reports__gt=0)
    else:
        rows = Comment.objects.filter(status=status)
    rows = rows.select_related("commenter", "parent", "content_type", "decided_by")
    if status == Comment.Status.PENDING:
        rows = rows.order_by("-risk", "created_at", "id")
    elif status == REPORTED:
        rows = rows.order_by("-open_reports", "-id")
    else:
        rows = rows.order_by("-decided_at", "-id")
    return _with_details(rows)


def _with_details(rows: QuerySet[Comment]) -> QuerySet[Comment]:
    open_reports = Report.objects.filter(resolved_at__isnull=True).order_by("created_at")
    return rows.prefetch_related("target", Prefetch("reports", queryset=open_reports, to_attr="open_report_list"))


def queue_page(status: str, page_number: object) -> Page:
    """One page (`QUEUE_PAGE_SIZE`) of a queue; a number past the end gives the last page (after decisions)."""
    return Paginator(queue(status), QUEUE_PAGE_SIZE).get_page(page_number)


def queue_single(comment_id: int) -> QuerySet[Comment]:
    """One comment, whatever its state (the link of a "gleicher Text wie Kommentar #…" signal)."""
    return _with_details(Comment.objects.filter(pk=comment_id).order_by("id").select_related(
        "commenter", "parent", "content_type", "decided_by"))


def report_summary(reports: list[Report]) -> list[tuple[str, int]]:
    """[(reason label, count)], most frequent first, for the reported queue."""
    counts = Counter(report.get_reason_display() for report in reports)
    return counts.most_common()


def content_type_for(content_type_id: int) -> ContentType | None:
    try:
        return ContentType.objects.get_for_id(content_type_id)
    except ContentType.DoesNotExist:
        return None


def commenter_comments(commenter) -> list[Comment]:
    """All of one commenter's comments, newest first, targets fetched once per content type."""
    return list(Comment.objects.filter(commenter=commenter).select_related("content_type")
                .prefetch_related("target").order_by("-created_at", "-id"))
