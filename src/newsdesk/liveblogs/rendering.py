"""Entry HTML, rendered once per language when an event is written and shipped with it."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from newsdesk.liveblogs.models import Entry


def entry_html(entry: Entry) -> dict[str, str]:
    """The entry as the page's script inserts it: its share menu as a stub the script fills in from the page."""
    rendered = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            rendered[code] = render_to_string("liveblogs/_entry.html", {"entry": entry, "pushed": True}).strip()
    return rendered


def entry_data(entry: Entry) -> dict:
    return {
        "id": entry.pk,
        "headline": entry.headline,
        "body": entry.body,
        "key_event": entry.key_event,
        "pinned": entry.pinned,
        "breaking": entry.breaking,
        "version": entry.version,
        "author": entry.author.display_name,
        "coauthors": [user.display_name for user in entry.coauthors.all()],
        "status": entry.status,
        "publish_at": entry.publish_at.isoformat() if entry.publish_at else None,
        "review_note": entry.review_note,
        "created_at": entry.created_at.isoformat(),
        "updated_at": entry.updated_at.isoformat(),
        "edited_at": entry.edited_at.isoformat() if entry.edited_at else None,
        "anchor": entry.anchor,
        "url": entry.get_absolute_url(),
    }
