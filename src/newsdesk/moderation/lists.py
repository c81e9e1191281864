"""The word lists in force: database rows (`models.WordEntry`) compiled once per content, shared via the cache.

`current()` costs one cache read per comment. Saving or deleting an entry (admin, shell, migration) deletes the
cache key, so every server process picks up the change with its next comment: no restart.
"""

from __future__ import annotations

from functools import lru_cache

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from newsdesk.moderation.models import WordEntry
from newsdesk.moderation.wordlists import WordList

CACHE_KEY = "moderation:wordlists:v1"
CACHE_SECONDS = 3600  # a safety net only: changes invalidate the key at once


@lru_cache(maxsize=16)
def _compiled(entries: tuple[str, ...]) -> WordList:
    # Compiling the regex is the slow part; equal content → the same compiled list in this process.
    return WordList.of(entries)


def _load() -> dict[str, tuple[str, ...]]:
    rows = WordEntry.objects.order_by("entry").values_list("kind", "entry")
    lists: dict[str, list[str]] = {WordEntry.Kind.BANNED: [], WordEntry.Kind.SUSPECT: []}
    for kind, entry in rows:
        lists.setdefault(kind, []).append(entry)
    return {kind: tuple(entries) for kind, entries in lists.items()}


def current() -> tuple[WordList, WordList]:
    """(banned, suspect) as edited in the back office."""
    lists = cache.get(CACHE_KEY)
    if lists is None:
        lists = _load()
        cache.set(CACHE_KEY, lists, CACHE_SECONDS)
    return _compiled(lists[WordEntry.Kind.BANNED]), _compiled(lists[WordEntry.Kind.SUSPECT])


def invalidate() -> None:
    cache.delete(CACHE_KEY)


@receiver(post_save, sender=WordEntry)
@receiver(post_delete, sender=WordEntry)
def _entry_changed(**kwargs) -> None:
    invalidate()
