from __future__ import annotations

from typing import Any

from django import template

from newsdesk.related.selectors import similar_to

register = template.Library()


@register.inclusion_tag("related/_list.html")
def similar_list(kind: str, object_id: int, limit: int = 5) -> dict[str, Any]:
    """'Ähnliche Artikel' box: the stored neighbours, one query."""
    return {"items": similar_to(kind, object_id, limit)}
