"""The desk lead's numbers (issue 12): the last 24 hours per site or per story, with server-rendered SVG bar
charts (no script, no external file). Read-only."""

from __future__ import annotations

from datetime import datetime, timedelta
from statistics import median

from django.db.models import Count, Q
from django.db.models.functions import TruncHour
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from newsdesk.comments.models import Comment, Decision

HOURS = 24
HELD = ("hold", "reject")


def _hours(now: datetime) -> list[datetime]:
    top = now.replace(minute=0, second=0, microsecond=0)
    return [top - timedelta(hours=HOURS - 1 - i) for i in range(HOURS)]


def dashboard(*, content_type_id: int | None = None, object_id: int | None = None,
              now: datetime | None = None) -> dict:
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
    per_hour = dict(Decision.objects.filter(decision_where, created_at__gte=start, comment__isnull=False,
                                            undone_at__isnull=True, undo_of__isnull=True,
                                            action__in=[Decision.Action.APPROVE, Decision.Action.REJECT,
                                                        Decision.Action.KEEP, Decision.Action.FEATURE])
                    .annotate(hour=TruncHour("created_at")).values("hour").annotate(n=Count("id"))
                    .values_list("hour", "n"))
    decisions = [per_hour.get(h, 0) for h in hours]
    decided = list(comments.filter(decided_at__gte=start, decided_by__isnull=False)
                   .values_list("created_at", "decided_at", "screen_action", "status"))
    waits = [(d - c).total_seconds() / 60 for c, d, _a, _s in decided]
    arrived = list(comments.filter(created_at__gte=start).values_list("screen_action", flat=True))
    held = [s for _c, _d, s, st in decided if s in HELD]
    overturned = [1 for _c, _d, s, st in decided if s in HELD and st == Comment.Status.APPROVED]
    return {
        "pending_chart": bar_chart(pending, hours, title="Ausstehend (je Stunde)", name="pending"),
        "decisions_chart": bar_chart(decisions, hours, title="Entscheidungen je Stunde", name="decisions"),
        "pending_now": pending[-1] if pending else 0,
        "decisions_total": sum(decisions),
        "median_minutes": round(median(waits), 1) if waits else None,
        "held_share": round(sum(1 for a in arrived if a in HELD) / len(arrived), 3) if arrived else None,
        "overturned_share": round(len(overturned) / len(held), 3) if held else None,
        "arrived": len(arrived),
        "stories": _busy_stories(start),
        "story": (content_type_id, object_id) if object_id else None,
    }


def _busy_stories(start: datetime) -> list[dict]:
    """The stories with the most comments in the window: links to their own numbers."""
    rows = (Comment.objects.filter(created_at__gte=start).values("content_type_id", "object_id")
            .annotate(n=Count("id")).order_by("-n")[:10])
    stories = []
    for row in rows:
        comment = Comment.objects.filter(content_type_id=row["content_type_id"],
                                         object_id=row["object_id"]).first()
        stories.append({"key": f"{row['content_type_id']}.{row['object_id']}", "count": row["n"],
                        "title": str(comment.target) if comment and comment.target else "–"})
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
