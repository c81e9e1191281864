"""Pushes newsblog entries into search and whole newsblogs into related (after commit)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from functools import partial
from typing import Any

from django.db import transaction
from django.utils import timezone

from newsdesk import related, search
from newsdesk.core import after_response
from newsdesk.core.html import html_to_text
from newsdesk.liveblogs.models import Entry, LiveBlog

KIND = "entry"
BLOG_KIND = "liveblog"
RELATED_ENTRIES = 100  # the newest entries say what a newsblog is about; older ones add little
# Recomputing similarity reads every document (2.4 s for 5,000 on this machine); a newsblog with an entry a
# minute recomputes at most this often from its entries. Creating or editing the newsblog itself always does.
RELATED_REFRESH = timedelta(minutes=10)


def searchable_entries() -> Any:
    """The entries readers may find (search and related): the one place that says which, so a new status rule
    (issue 11: only published entries) is a change of this line."""
    return Entry.objects.visible()


def entry_group(blog: LiveBlog) -> str:
    """The search group of a newsblog's entries; also the `?in=` value of "alle Treffer im Newsblog"."""
    return f"newsblog-{blog.slug}"


def entry_document(entry: Entry) -> dict[str, Any]:
    # The entry's own headline (blank: search shows its first words); the newsblog is its group, named beside it.
    blog = entry.liveblog
    return {
        "kind": KIND, "id": entry.pk, "title": entry.headline, "body": html_to_text(entry.body),
        "url": entry.get_absolute_url(), "published_at": entry.created_at, "topics": [],
        "group": entry_group(blog), "group_title": blog.title, "group_url": blog.get_absolute_url(),
    }


def related_document(blog: LiveBlog) -> dict[str, Any]:
    entries = searchable_entries().filter(liveblog=blog).order_by("-created_at")[:RELATED_ENTRIES]
    text = "\n\n".join([blog.teaser, *(f"{e.headline}\n{html_to_text(e.body)}" for e in entries)])
    return {"kind": BLOG_KIND, "id": blog.pk, "title": blog.title, "text": text, "url": blog.get_absolute_url(),
            "published_at": blog.created_at}


def index_liveblog(liveblog_id: int, *, throttle: bool = False) -> None:
    blog = LiveBlog.objects.filter(pk=liveblog_id).first()
    if blog is None:
        related.remove_document(BLOG_KIND, liveblog_id)
        return
    last = related.indexed_at(BLOG_KIND, liveblog_id) if throttle else None
    if last is None or timezone.now() - last >= RELATED_REFRESH:
        related.index_document(**related_document(blog))


def index_entry(entry_id: int) -> None:
    entry = searchable_entries().select_related("liveblog").filter(pk=entry_id).first()
    if entry is None:
        search.remove_document(KIND, entry_id)
    else:
        search.index_document(**entry_document(entry))


def _after_commit_and_response(work: Any) -> None:
    # An entry's POST answers first; search and related learn of it a moment later (core.after_response).
    transaction.on_commit(partial(after_response.defer, work))


def index_after_commit(entry_id: int, liveblog_id: int) -> None:
    _after_commit_and_response(partial(index_entry, entry_id))
    _after_commit_and_response(partial(index_liveblog, liveblog_id, throttle=True))


def remove_after_commit(entry_id: int, liveblog_id: int | None = None) -> None:
    _after_commit_and_response(partial(search.remove_document, KIND, entry_id))
    if liveblog_id is not None:
        _after_commit_and_response(partial(index_liveblog, liveblog_id, throttle=True))


def liveblog_after_commit(liveblog_id: int, *, entries_too: bool = False) -> None:
    """entries_too: the newsblog's title is part of each entry's search title."""
    transaction.on_commit(partial(index_liveblog, liveblog_id))
    if entries_too:
        transaction.on_commit(partial(_index_entries, liveblog_id))


def _index_entries(liveblog_id: int) -> None:
    for entry in searchable_entries().select_related("liveblog").filter(liveblog_id=liveblog_id):
        search.index_document(**entry_document(entry))


REPAIR_WINDOW = timedelta(hours=2)
REPAIR_INTERVAL_SECONDS = 60


def index_missing_entries(*, now: Any = None) -> int:
    """A worker round: entries published recently that have no search document get one.

    Indexing runs after the response (core.after_response); a process that died in between left the entry
    committed and published but unsearchable. Returns how many were indexed.
    """
    since = (now or timezone.now()) - REPAIR_WINDOW
    recent = list(searchable_entries().filter(updated_at__gte=since).values_list("pk", flat=True)[:5000])
    missing = set(recent) - search.indexed_ids(KIND, recent)
    for entry_id in sorted(missing):
        index_entry(entry_id)
    return len(missing)


def remove_liveblog_after_commit(liveblog_id: int) -> None:
    transaction.on_commit(partial(related.remove_document, BLOG_KIND, liveblog_id))


def all_documents() -> Iterator[dict[str, Any]]:
    for entry in searchable_entries().select_related("liveblog").iterator(chunk_size=500):
        yield entry_document(entry)


def all_related_documents() -> Iterator[dict[str, Any]]:
    for blog in LiveBlog.objects.iterator(chunk_size=50):
        yield related_document(blog)
