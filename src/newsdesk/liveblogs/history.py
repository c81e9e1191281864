"""An entry's versions for editors: who changed what when, and a word diff of two versions."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import datetime

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from newsdesk.core.html import html_to_text
from newsdesk.liveblogs.models import Entry, EntryRevision


@dataclass
class Version:
    version: int
    headline: str
    body: str
    by: str  # who made this version
    at: datetime  # when
    action: str  # how it came about: "created", or an EntryRevision.Action value
    current: bool = False


def entry_versions(entry: Entry) -> list[Version]:
    """Every version of the entry, newest first, including the current one (one query).

    A revision row holds the text *before* a change, with who made that change and when; so the author and
    time of version n come from the revision of version n-1 (version 1: the entry's author and time).
    """
    revisions = list(EntryRevision.objects.filter(entry=entry).select_related("saved_by").order_by("version"))
    versions = []
    by, at, action = entry.author.display_name, entry.created_at, "created"
    for revision in revisions:
        versions.append(Version(revision.version, revision.headline, revision.body, by, at, action))
        by = revision.saved_by.display_name if revision.saved_by else "–"
        at, action = revision.saved_at, revision.action
    versions.append(Version(entry.version, entry.headline, entry.body, by, at, action, current=True))
    return versions[::-1]


def word_diff(old: str, new: str) -> SafeString:
    """Words of the plain text compared; removed words in <del>, added in <ins>, everything escaped."""
    before, after = old.split(), new.split()
    parts = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape(" ".join(before[a1:a2])))
            continue
        if op in ("delete", "replace"):
            parts.append(f"<del>{escape(' '.join(before[a1:a2]))}</del>")
        if op in ("insert", "replace"):
            parts.append(f"<ins>{escape(' '.join(after[b1:b2]))}</ins>")
    return mark_safe(" ".join(parts))  # noqa: S308 - every word went through escape()


def version_diff(old: Version, new: Version) -> dict[str, str]:
    return {"headline": word_diff(old.headline, new.headline),
            "body": word_diff(html_to_text(old.body), html_to_text(new.body))}
