"""Transparency figures of the moderation (Art. 15/24 DSA): notices by category, actions by ground, automated
involvement, time from notice to decision, complaints and their outcomes. Read-only; used by
`newsdesk moderation report` and the admins' CSV download."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, time
from statistics import median

from django.db.models import Count
from django.utils import timezone

from newsdesk.comments.models import Complaint, Notice, NoticeCategory, Statement


def _start(since: date) -> datetime:
    return timezone.make_aware(datetime.combine(since, time.min), timezone.get_default_timezone())


def report(*, since: date) -> dict:
    """All figures from `since` (a date in the newsroom's time zone) until now."""
    start = _start(since)
    notices = Notice.objects.filter(created_at__gte=start)
    by_category = {c: 0 for c in NoticeCategory.values}
    for row in notices.values("category").annotate(n=Count("id")):
        by_category[row["category"]] = row["n"]
    durations = [(decided - created).total_seconds() for created, decided in
                 notices.filter(decided_at__isnull=False).values_list("created_at", "decided_at")]
    statements = Statement.objects.filter(created_at__gte=start, withdrawn_at__isnull=True)
    by_ground: dict[str, int] = {}
    for row in statements.values("action", "ground").annotate(n=Count("id")).order_by("action", "ground"):
        key = f"{row['action']}: {row['ground']}"
        by_ground[key] = by_ground.get(key, 0) + row["n"]
    by_automation = {a: 0 for a in Statement.Automation.values}
    for row in statements.values("automation").annotate(n=Count("id")):
        by_automation[row["automation"]] = row["n"]
    actions = sum(by_automation.values())
    complaints = Complaint.objects.filter(created_at__gte=start)
    outcomes = {"open": complaints.filter(decided_at__isnull=True).count()}
    for value in Complaint.Outcome.values:
        outcomes[value] = complaints.filter(outcome=value).count()
    return {
        "since": since.isoformat(),
        "notices": {"total": sum(by_category.values()), "by_category": by_category,
                    "decided": len(durations),
                    "removed": notices.filter(outcome=Notice.Outcome.REMOVED).count(),
                    "kept": notices.filter(outcome=Notice.Outcome.KEPT).count(),
                    "median_hours_to_decision": round(median(durations) / 3600, 2) if durations else None},
        "actions": {"total": actions, "by_ground": by_ground, "by_automation": by_automation,
                    "automated_share": round((actions - by_automation["none"]) / actions, 4) if actions else None},
        "complaints": {"total": complaints.count(), "outcomes": outcomes},
    }


def as_json(figures: dict) -> str:
    return json.dumps(figures, ensure_ascii=False, indent=2)


def as_csv(figures: dict) -> str:
    """One figure a row: section, key, value (spreadsheets open it as it is)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["section", "key", "value"])
    writer.writerow(["report", "since", figures["since"]])
    notices = figures["notices"]
    for key in ("total", "decided", "removed", "kept", "median_hours_to_decision"):
        writer.writerow(["notices", key, "" if notices[key] is None else notices[key]])
    for key, value in notices["by_category"].items():
        writer.writerow(["notices_by_category", key, value])
    actions = figures["actions"]
    writer.writerow(["actions", "total", actions["total"]])
    writer.writerow(["actions", "automated_share", "" if actions["automated_share"] is None
                     else actions["automated_share"]])
    for key, value in actions["by_automation"].items():
        writer.writerow(["actions_by_automation", key, value])
    for key, value in actions["by_ground"].items():
        writer.writerow(["actions_by_ground", key, value])
    writer.writerow(["complaints", "total", figures["complaints"]["total"]])
    for key, value in figures["complaints"]["outcomes"].items():
        writer.writerow(["complaint_outcomes", key, value])
    return out.getvalue()
