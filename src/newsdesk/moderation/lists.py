"""The word lists in force (and the identity terms): database rows (`models.WordEntry`), compiled once per
content, shared via the cache.

`current()` costs one cache read per comment. Saving or deleting an entry (admin, shell, migration) deletes the
cache key, so every server process picks up the change with its next comment: no restart.
"""

from __future__ import annotations

from functools import lru_cache

from django.core.cache import cache
from django.db import DatabaseError
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from newsdesk.moderation.identity import DEFAULT_TERMS, IdentityTerms
from newsdesk.moderation.models import WordEntry
from newsdesk.moderation.wordlists import WordList

CACHE_KEY = "moderation:wordlists:v1"
CACHE_SECONDS = 3600  # a safety net only: changes invalidate the key at once


@lru_cache(maxsize=16)
def _compiled(entries: tuple[str, ...]) -> WordList:
    # Compiling the regex is the slow part; equal content → the same compiled list in this process.
    return WordList.of(entries)


def _load() -> dict[str, tuple[str, ...]]:
    rows = (WordEntry.objects.filter(kind__in=[WordEntry.Kind.BANNED, WordEntry.Kind.SUSPECT])
            .order_by("entry").values_list("kind", "entry"))
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


IDENTITY_CACHE_KEY = "moderation:identity:v1"


@lru_cache(maxsize=4)
def _identity(groups: tuple[tuple[str, tuple[str, ...]], ...]) -> IdentityTerms:
    return IdentityTerms(groups)


def identity_terms() -> IdentityTerms:
    """The identity/topic terms as edited in the back office; the shipped file when there is no database."""
    groups = cache.get(IDENTITY_CACHE_KEY)
    if groups is None:
        try:
            rows = list(WordEntry.objects.filter(kind=WordEntry.Kind.IDENTITY).order_by("group", "entry")
                        .values_list("group", "entry"))
        except DatabaseError:
            return DEFAULT_TERMS
        by_group: dict[str, list[str]] = {}
        for group, entry in rows:
            by_group.setdefault(group or "ohne", []).append(entry)
        groups = IdentityTerms.of(by_group).groups
        cache.set(IDENTITY_CACHE_KEY, groups, CACHE_SECONDS)
    return _identity(groups)


def invalidate() -> None:
    cache.delete_many([CACHE_KEY, IDENTITY_CACHE_KEY])


@receiver(post_save, sender=WordEntry)
@receiver(post_delete, sender=WordEntry)
def _entry_changed(**kwargs) -> None:
    invalidate()
