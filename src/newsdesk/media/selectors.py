"""Reads of the media library."""

from __future__ import annotations

from django.db.models import Q

from newsdesk.media.models import Image

PICKER_MAX = 24


def images_for_picker(query: str = "", limit: int = PICKER_MAX) -> list[Image]:
    """Uploaded photos, newest first, optionally those whose caption, credit or alt text contains `query`."""
    images = Image.objects.order_by("-created_at", "-id")
    query = query.strip()
    if query:
        images = images.filter(Q(caption__icontains=query) | Q(credit__icontains=query) | Q(alt_text__icontains=query))
    return list(images[:limit])
