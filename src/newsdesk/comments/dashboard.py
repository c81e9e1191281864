"""The desk lead's numbers (issue 12): the last 24 hours per site or per story, with server-rendered SVG bar
charts (no script, no external file). Read-only."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta
from statistics import median

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.db.models.functions import TruncHour
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from newsdesk.comments.models import Comment, Decision

HOURS = 24
HELD = ("hold", "reject")


def _hours(now: datetime) -> list[datetime]:
    top = now.replace(minute=0, second=0, microsecond=0)
    return [top - timedelta(hours=HOURS - 1 - i) for i in range(HOURS)]


def dashboard(*, content_type_id: int | None = None, object_id: int | None = None,
              now: datetime | None = None) -> dict:
    """The site's figures (one installation is one site: `NEWSDESK_SITE_URL`, one site identity), or one
    story's with `content_type_id` and `object_id`; without a story also the same figures for each story that
    has comments waiting or arriving (`stories`)."""
    now = now or timezone.now()
    hours = _hours(now)
    start = hours[0]
    where = Q()
    if content_type_id and object_id:
        where = Q(content_type_id=content_type_id, object_id=object_id)
    comments = Comment.objects.filter(where).exclude(status=Comment.Status.UNVERIFIED)
    # Pending at the end of each hour: arrived by then, not decided by then.
    spans = list(comments.filter(Q(decided_at__isnull=True, status=Comment.Status.PENDING)
                                 | Q(decided_at__gte=start)).values_list("created_at", "decided_at"))
    pending = [sum(1 for created, decided in spans if created <= h + timedelta(hours=1)
                   and (decided is None or decided > h + timedelta(hours=1))) for h in hours]
    decision_where = Q(comment__content_type_id=content_type_id, comment__object_id=object_id) if object_id else Q()
    per_hour = dict(_decisions(decision_where, start).annotate(hour=TruncHour("created_at")).values("hour")
                    .annotate(n=Count("id")).values_list("hour", "n"))
    decisions = [per_hour.get(h, 0) for h in hours]
    figures = _figures(list(comments.filter(decided_at__gte=start, decided_by__isnull=False)
                            .values_list("created_at", "decided_at", "screen_action", "status")),
                       list(comments.filter(created_at__gte=start).values_list("screen_action", flat=True)))
    story = None
    if object_id:
        first = comments.select_related("content_type").first()
        story = {"key": f"{content_type_id}.{object_id}", "title": _title(first)}
    return {
        "pending_chart": bar_chart(pending, hours, title=_("Pending per hour"), name="pending"),
        "decisions_chart": bar_chart(decisions, hours, title=_("Decisions per hour"), name="decisions"),
        "pending_now": pending[-1] if pending else 0,
        "decisions_total": sum(decisions),
        **figures,
        "stories": [] if object_id else _stories(start),
        "story": story,
    }


def _decisions(where: Q, start: datetime):
    """Decisions that count on the desk: on a comment, by anyone, not undone and no undo themselves."""
    return Decision.objects.filter(where, created_at__gte=start, comment__isnull=False, undone_at__isnull=True,
                                   undo_of__isnull=True,
                                   action__in=[Decision.Action.APPROVE, Decision.Action.REJECT, Decision.Action.KEEP,
                                               Decision.Action.FEATURE])


def _figures(decided: list[tuple], arrived: list[str]) -> dict:
    """Median minutes to a moderator's decision, share of arrivals the model held, share of its holds that a
    moderator approved after all. `decided`: (created, decided, screen_action, status) rows."""
    waits = [(d - c).total_seconds() / 60 for c, d, _a, _s in decided]
    held = [st for _c, _d, s, st in decided if s in HELD]
    overturned = sum(1 for st in held if st == Comment.Status.APPROVED)
    return {
        "median_minutes": round(median(waits), 1) if waits else None,
        "held_share": round(sum(1 for a in arrived if a in HELD) / len(arrived), 3) if arrived else None,
        "overturned_share": round(overturned / len(held), 3) if held else None,
        "arrived": len(arrived),
    }


def _title(comment: Comment | None) -> str:
    target = comment.target if comment is not None else None
    return str(target) if target is not None else "–"


STORIES = 10


def _stories(start: datetime) -> list[dict]:
    """Per story: the stories with the most comments waiting, then arriving in the window, each with the
    figures of the whole site (a fixed number of queries: grouped by story, targets fetched once per type)."""
    rows = (Comment.objects.exclude(status=Comment.Status.UNVERIFIED)
            .filter(Q(created_at__gte=start) | Q(status=Comment.Status.PENDING))
            .values("content_type_id", "object_id")
            .annotate(pending=Count("id", filter=Q(status=Comment.Status.PENDING)),
                      arrived=Count("id", filter=Q(created_at__gte=start)))
            .order_by("-pending", "-arrived", "content_type_id", "object_id")[:STORIES])
    keys = [(row["content_type_id"], row["object_id"]) for row in rows]
    if not keys:
        return []
    in_stories = Q()
    for ct, oid in keys:
        in_stories |= Q(content_type_id=ct, object_id=oid)
    decided: dict[tuple, list] = defaultdict(list)
    for ct, oid, *row in (Comment.objects.filter(in_stories, decided_at__gte=start, decided_by__isnull=False)
                          .values_list("content_type_id", "object_id", "created_at", "decided_at", "screen_action",
                                       "status")):
        decided[(ct, oid)].append(row)
    arrived: dict[tuple, list] = defaultdict(list)
    for ct, oid, action in (Comment.objects.filter(in_stories, created_at__gte=start)
                            .exclude(status=Comment.Status.UNVERIFIED)
                            .values_list("content_type_id", "object_id", "screen_action")):
        arrived[(ct, oid)].append(action)
    decision_counts = {(row["comment__content_type_id"], row["comment__object_id"]): row["n"] for row in
                       _decisions(Q(comment__in=Comment.objects.filter(in_stories)), start)
                       .values("comment__content_type_id", "comment__object_id").annotate(n=Count("id"))}
    targets: dict[tuple, object] = {}
    by_type: dict[int, list[int]] = defaultdict(list)
    for ct, oid in keys:
        by_type[ct].append(oid)
    for ct, ids in by_type.items():
        model = ContentType.objects.get_for_id(ct).model_class()
        if model is not None:
            targets.update({(ct, obj.pk): obj for obj in model._base_manager.filter(pk__in=ids)})
    stories = []
    for row, key in zip(rows, keys, strict=True):
        target = targets.get(key)
        stories.append({"key": f"{key[0]}.{key[1]}", "title": str(target) if target is not None else "–",
                        "pending": row["pending"], "decisions": decision_counts.get(key, 0),
                        **_figures(decided[key], arrived[key])})
    return stories


def bar_chart(values: list[int], hours: list[datetime], *, title: str, name: str = "chart", width: int = 720,
              height: int = 180) -> SafeString:
    """A bar chart as inline SVG with a title, an accessible description and the hours under the bars."""
    top = max([*values, 1])
    left, bottom = 36, 24
    inner_w, inner_h = width - left - 8, height - bottom - 12
    bar_w = inner_w / max(1, len(values))
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="chart-{name}"'
             f' xmlns="http://www.w3.org/2000/svg"><title id="chart-{name}">{escape(title)}: '
             f'{escape(", ".join(str(v) for v in values))}</title>',
             f'<line x1="{left}" y1="{12 + inner_h}" x2="{width - 8}" y2="{12 + inner_h}" class="chart__axis"/>',
             f'<text x="{left - 4}" y="18" text-anchor="end" class="chart__label">{top}</text>',
             f'<text x="{left - 4}" y="{12 + inner_h}" text-anchor="end" class="chart__label">0</text>']
    for i, value in enumerate(values):
        h = inner_h * value / top
        x = left + i * bar_w
        parts.append(f'<rect x="{x + 1:.1f}" y="{12 + inner_h - h:.1f}" width="{max(1.0, bar_w - 2):.1f}" '
                     f'height="{h:.1f}" class="chart__bar"><title>{timezone.localtime(hours[i]):%H} Uhr: '
                     f'{value}</title></rect>')
        if i % 3 == 0:
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{height - 6}" text-anchor="middle" '
                         f'class="chart__label">{timezone.localtime(hours[i]):%H}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - numbers and escaped text only
