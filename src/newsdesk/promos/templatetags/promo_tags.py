"""`{% promo_slot "article_end" topics=article.topics.all %}` and, between newsblog entries,
`{% promo_between forloop.counter forloop.last %}`: server-rendered boxes, no script, no tracking."""

from __future__ import annotations

from typing import Any

from django import template

from newsdesk.promos.models import Slot
from newsdesk.promos.selectors import boxes_for

register = template.Library()


def _topic_ids(topics: Any) -> list[int]:
    return [getattr(topic, "pk", topic) for topic in (topics or [])]


@register.inclusion_tag("promos/_slot.html", takes_context=True)
def promo_slot(context: template.Context, slot: str, topics: Any = None) -> dict[str, Any]:
    """The boxes of one slot ("article_end", "sidebar", "home"); nothing at all when it is empty."""
    if slot not in Slot.values:
        raise template.TemplateSyntaxError(f"unknown promo slot {slot!r}")
    boxes = boxes_for(slot, topic_ids=_topic_ids(topics), request=context.get("request"))
    return {"boxes": boxes, "slot": slot, "landmark": True}


@register.inclusion_tag("promos/_slot.html", takes_context=True)
def promo_between(context: template.Context, counter: int, last: bool = False) -> dict[str, Any]:
    """After the counter-th entry of a newsblog page: a box when its "every N entries" falls here.

    Several boxes take turns. Never after the last entry of a page, so a box always stands between entries.
    """
    if last:
        return {"boxes": []}
    eligible = [box for box in boxes_for(Slot.NEWSBLOG, request=context.get("request"))
                if counter % box.every_n_entries == 0]
    if not eligible:
        return {"boxes": []}
    turn = (counter // eligible[0].every_n_entries - 1) % len(eligible)
    return {"boxes": [eligible[turn]], "slot": "newsblog", "landmark": False, "gap": counter}
