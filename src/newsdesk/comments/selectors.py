"""Reads that need care: a target's approved comments page, the moderation queue without N+1 queries."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page, Paginator
from django.db import connections, models
from django.db.models import Prefetch, Q, QuerySet

from newsdesk.comments.models import Comment, Notice, Report, normalize_email

COMMENTS_PER_PAGE = 20
QUEUE_PAGE_SIZE = 50


def approved_page(target: models.Model, page_number: object, *, featured_only: bool = False) -> Page:
    """Approved top-level comments, editors' picks first, then newest first, each with its approved replies
    (oldest first). `featured_only`: the readers' filter "Redaktionsempfehlungen"."""
    replies = Comment.objects.approved().order_by("created_at", "id")
    comments = Comment.objects.for_target(target).approved().filter(parent__isnull=True)
    if featured_only:
        comments = comments.filter(featured=True)
    comments = comments.order_by("-featured", "-created_at", "-id").prefetch_related(
        Prefetch("replies", queryset=replies))
    return Paginator(comments, COMMENTS_PER_PAGE).get_page(page_number)


def own_comments(target: models.Model, ids: list[int]) -> QuerySet[Comment]:
    """The reader's own comments on this target that are still waiting (shown to them only, marked)."""
    if not ids:
        return Comment.objects.none()
    waiting = (Comment.Status.PENDING, Comment.Status.UNVERIFIED)
    return Comment.objects.for_target(target).filter(pk__in=ids, status__in=waiting).order_by("-created_at")


REPORTED = "reported"  # not a status: approved comments with open reader reports
NOTICES = "notices"  # not a status: comments with open DSA notices (issue 12)
QUEUES = (Comment.Status.PENDING, REPORTED, NOTICES, Comment.Status.APPROVED, Comment.Status.REJECTED)


@dataclass(frozen=True)
class QueueFilter:
    """The cockpit's views: one story (content type and id), one commenter, a search, the order."""

    content_type_id: int | None = None
    object_id: int | None = None
    commenter_id: int | None = None
    search: str = ""
    oldest_first: bool = False

    def apply(self, rows: QuerySet[Comment]) -> QuerySet[Comment]:
        if self.content_type_id and self.object_id:
            rows = rows.filter(content_type_id=self.content_type_id, object_id=self.object_id)
        if self.commenter_id:
            rows = rows.filter(commenter_id=self.commenter_id)
        term = self.search.strip()
        if term:
            if "@" in term:
                rows = rows.filter(commenter__email=normalize_email(term))
            elif _FINGERPRINT.fullmatch(term.lower()):
                rows = rows.filter(Q(commenter__email_fingerprint=term.lower()) | Q(body__icontains=term))
            else:
                rows = rows.filter(Q(body__icontains=term) | Q(display_name__icontains=term))
        return rows

    @property
    def active(self) -> bool:
        return bool(self.object_id or self.commenter_id or self.search.strip())


_FINGERPRINT = re.compile(r"[0-9a-f]{12}")


# The decided queues grow with the site's whole history: their tabs count up to this and then say "1000+".
DECIDED_COUNT_CAP = 1000


def queue_counts(view: QueueFilter | None = None) -> dict[str, int]:
    """The queue sizes within the current view, one indexed count each (every decision answers with them, so
    they must not grow with the history): pending, reported and notices exactly; approved and rejected up to
    `DECIDED_COUNT_CAP` + 1 (more than the cap: shown as "1000+")."""
    rows = (view or QueueFilter()).apply(Comment.objects.order_by()).values("pk")
    open_notices = Notice.objects.filter(decided_at__isnull=True).values("comment_id")
    return _counts({
        Comment.Status.PENDING: rows.filter(status=Comment.Status.PENDING),
        REPORTED: rows.filter(status=Comment.Status.APPROVED, open_reports__gt=0),
        NOTICES: rows.filter(pk__in=open_notices),
        Comment.Status.APPROVED: rows.filter(status=Comment.Status.APPROVED)[:DECIDED_COUNT_CAP + 1],
        Comment.Status.REJECTED: rows.filter(status=Comment.Status.REJECTED)[:DECIDED_COUNT_CAP + 1],
    })


def _counts(querysets: dict[str, QuerySet]) -> dict[str, int]:
    """Several counts in one round trip: `SELECT (SELECT COUNT(*) FROM (…)), …` (SQLite and PostgreSQL both
    allow a SELECT without FROM). Each inner query keeps its own index and LIMIT."""
    parts, params = [], []
    for n, rows in enumerate(querysets.values()):
        sql, inner = rows.query.get_compiler(using=rows.db).as_sql()
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) AS c{n})")  # noqa: S608 - compiled SQL, values as params
        params.extend(inner)
    with connections[Comment.objects.db].cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        values = cursor.fetchone()
    return dict(zip(querysets, (int(v) for v in values), strict=True))


def queue(status: str, view: QueueFilter | None = None) -> QuerySet[Comment]:
    """Pending: highest risk first, ties broken by the next signal's score, then oldest. Reported: most reports
    first. Notices: oldest notice first. Decided queues: newest decision first.

    A fixed number of queries for any page size: commenter and parent are joined, targets are fetched once
    per content type (GenericForeignKey prefetch), open reports and notices in one more query each.
    """
    view = view or QueueFilter()
    if status == REPORTED:
        rows = Comment.objects.filter(status=Comment.Status.APPROVED, open_reports__gt=0)
    elif status == NOTICES:
        rows = Comment.objects.filter(pk__in=Notice.objects.filter(decided_at__isnull=True).values("comment_id"))
    else:
        rows = Comment.objects.filter(status=status)
    rows = view.apply(rows).select_related("commenter", "parent", "content_type", "decided_by")
    if status == Comment.Status.PENDING and view.oldest_first:
        rows = rows.order_by("created_at", "id")
    elif status == Comment.Status.PENDING:
        rows = rows.order_by("-risk", "-risk_next", "created_at", "id")
    elif status == NOTICES:
        rows = rows.order_by("created_at", "id")
    elif status == REPORTED:
        rows = rows.order_by("-open_reports", "-id")
    else:
        rows = rows.order_by("-decided_at", "-id")
    return _with_details(rows)


def _with_details(rows: QuerySet[Comment]) -> QuerySet[Comment]:
    open_reports = Report.objects.filter(resolved_at__isnull=True).order_by("created_at")
    open_notices = Notice.objects.filter(decided_at__isnull=True).order_by("created_at")
    return rows.prefetch_related("target", Prefetch("reports", queryset=open_reports, to_attr="open_report_list"),
                                 Prefetch("notices", queryset=open_notices, to_attr="open_notice_list"))


def queue_page(status: str, page_number: object, view: QueueFilter | None = None) -> Page:
    """One page (`QUEUE_PAGE_SIZE`) of a queue; a number past the end gives the last page (after decisions)."""
    return Paginator(queue(status, view), QUEUE_PAGE_SIZE).get_page(page_number)


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


# --- moderation desk (issue 12) ---------------------------------------------------------------------------------

def commenter_history(commenter_id: int) -> dict:
    """The drawer: the commenter, last comments, notes and warnings, and decisions about them."""
    from newsdesk.comments.models import Commenter, CommenterNote, Decision, Statement

    commenter = Commenter.objects.get(pk=commenter_id)
    return {
        "commenter": commenter,
        "comments": list(Comment.objects.filter(commenter=commenter).select_related("content_type")
                         .prefetch_related("target").order_by("-created_at", "-id")[:10]),
        "notes": list(CommenterNote.objects.filter(commenter=commenter).select_related("author")[:20]),
        "decisions": list(Decision.objects.filter(commenter=commenter, comment__isnull=True)
                          .select_related("moderator")[:20]),
        "statements": Statement.objects.filter(commenter=commenter, withdrawn_at__isnull=True).count(),
    }


def signal_spans(comment: Comment) -> list[tuple[int, int]]:
    """Where in the text the signals that hold a comment found something: `reason_spans` ([start, end] pairs)
    when the screening stored them, else every occurrence of the words it quoted (»…«)."""
    text = comment.body
    lowered = text.lower()
    spans: list[tuple[int, int]] = []
    for signal in comment.signals or []:
        if signal.get("action") not in ("hold", "reject"):
            continue
        given = signal.get("reason_spans")
        if given:
            spans += [(int(a), int(b)) for a, b in given if 0 <= int(a) < int(b) <= len(text)]
            continue
        for phrase in _QUOTED.findall(signal.get("reason_de", "")):
            needle = phrase.strip().lower()
            if len(needle) < 2:
                continue
            start = lowered.find(needle)
            while start >= 0:
                spans.append((start, start + len(needle)))
                start = lowered.find(needle, start + len(needle))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


_QUOTED = re.compile(r"»([^«]+)«")


def commenter_statements(commenter) -> list:
    from newsdesk.comments.models import Statement

    return list(Statement.objects.filter(commenter=commenter, withdrawn_at__isnull=True)
                .prefetch_related("complaints").order_by("-created_at"))


def open_complaint_count() -> int:
    from newsdesk.comments.models import Complaint

    return Complaint.objects.filter(decided_at__isnull=True).count()


def complaint_queue(*, decided: bool = False):
    from newsdesk.comments.models import Complaint

    rows = Complaint.objects.filter(decided_at__isnull=not decided).select_related(
        "statement__decision__moderator", "statement__comment", "statement__commenter", "decided_by")
    return rows.order_by("-decided_at" if decided else "created_at", "id")
