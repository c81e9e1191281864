"""Demo navigation: the demo's topics as sections, when no editor has chosen any yet (idempotent)."""

from __future__ import annotations

from newsdesk.articles.models import Topic
from newsdesk.branding import services
from newsdesk.branding.models import Section

DEMO_SECTIONS = [("hochwasser", "Hochwasser"), ("stadt-und-politik", "Stadt & Politik"), ("kultur", "Kultur")]


def load() -> list[str]:
    if Section.objects.exists():
        return []
    added = []
    for position, (slug, label) in enumerate(DEMO_SECTIONS):
        topic = Topic.objects.filter(slug=slug).first()
        if topic is not None:
            Section.objects.create(topic=topic, label=label, position=position)
            added.append(label)
    if added:
        services.changed()
    return added
