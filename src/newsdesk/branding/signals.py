"""Section and topic edits (also through the admin's list editing) change every page's navigation."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from newsdesk.articles.models import Topic
from newsdesk.branding import services
from newsdesk.branding.models import Section


def _changed(sender, **kwargs) -> None:
    services.changed()


def connect() -> None:
    for model in (Section, Topic):
        for signal in (post_save, post_delete):
            signal.connect(_changed, sender=model, weak=False,
                           dispatch_uid=f"branding-nav-{model.__name__}-{signal is post_save}")
