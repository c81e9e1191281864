from __future__ import annotations

from typing import Any

from django import template

from newsdesk.jobs.selectors import BOX_SIZE, box_postings

register = template.Library()


@register.inclusion_tag("jobs/_box.html")
def jobs_box(limit: int = BOX_SIZE) -> dict[str, Any]:
    """'Stellenangebote' box on article pages: the newest current postings, one query."""
    return {"postings": box_postings(limit)}
