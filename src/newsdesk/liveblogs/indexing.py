"""Pushes newsblog entries into the search index (after commit)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

from django.db import transaction

from newsdesk import search
from newsdesk.core.html import html_to_text
from newsdesk.liveblogs.models import Entry

KIND = "entry"


def entry_document(entry: Entry) -> dict[str, Any]:
    blog = entry.liveblog
    title = f"{blog.title}: {entry.headline}" if entry.headline else blog.title
    return {
        "kind": KIND, "id": entry.pk, "title": title, "body": html_to_text(entry.body),
        "url": f"{blog.get_absolute_url()}#{entry.anchor}", "published_at": entry.created_at, "topics": [],
    }


def index_entry(entry_id: int) -> None:
    entry = Entry.objects.visible().select_related("liveblog").filter(pk=entry_id).first()
    if entry is None:
        search.remove_document(KIND, entry_id)
    else:
        search.index_document(**entry_document(entry))


def index_after_commit(entry_id: int) -> None:
    transaction.on_commit(partial(index_entry, entry_id))


def remove_after_commit(entry_id: int) -> None:
    transaction.on_commit(partial(search.remove_document, KIND, entry_id))


def all_documents() -> Iterator[dict[str, Any]]:
    for entry in Entry.objects.visible().select_related("liveblog").iterator(chunk_size=500):
        yield entry_document(entry)
