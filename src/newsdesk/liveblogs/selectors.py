"""Reads that need care: bounded pages, keyset pagination, the event log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Q, prefetch_related_objects
from django.utils import timezone

from newsdesk.liveblogs.models import Entry, Event, LiveBlog
from newsdesk.realtime import audience as realtime_audience

EVENTS_PAGE_MAX = 500
KEY_EVENTS_MAX = 12


@dataclass
class EntryPage:
    entries: list[Entry]
    next_cursor: int | None  # id of the last entry shown, when more follow


def with_coauthors(*groups: list[Entry]) -> None:
    """The co-authors of every entry shown, in one query for the whole page (pinned and stream together)."""
    prefetch_related_objects([entry for group in groups for entry in group], "coauthors")


def liveblog_by_slug(slug: str) -> LiveBlog | None:
    return LiveBlog.objects.select_related("lead_image").filter(slug=slug).first()


def _stream(blog: LiveBlog):
    return Entry.objects.visible().filter(liveblog=blog, pinned=False).select_related("author")


def entry_page(blog: LiveBlog, *, cursor: int | None = None, limit: int | None = None) -> EntryPage:
    """One page of unpinned entries in the blog's order; `cursor` is the last entry already shown."""
    limit = limit or settings.LIVEBLOG_PAGE_SIZE
    newest_first = blog.order == LiveBlog.Order.NEWEST_FIRST
    entries = _stream(blog)
    if cursor is not None:
        anchor = Entry.objects.filter(pk=cursor, liveblog=blog).values("created_at", "id").first()
        if anchor is None:
            return EntryPage([], None)
        if newest_first:
            entries = entries.filter(
                Q(created_at__lt=anchor["created_at"]) | Q(created_at=anchor["created_at"], id__lt=anchor["id"])
            )
        else:
            entries = entries.filter(
                Q(created_at__gt=anchor["created_at"]) | Q(created_at=anchor["created_at"], id__gt=anchor["id"])
            )
    ordering = ("-created_at", "-id") if newest_first else ("created_at", "id")
    rows = list(entries.order_by(*ordering)[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    for row in rows:
        row.liveblog = blog
    return EntryPage(rows, rows[-1].pk if more and rows else None)


def latest_entries(blog: LiveBlog, *, limit: int) -> list[Entry]:
    """The newest unpinned entries, newest first whatever the blog's order (the embed shows what is new)."""
    rows = list(_stream(blog).order_by("-created_at", "-id")[:limit])
    for row in rows:
        row.liveblog = blog
    return rows


# "Ältere Einträge laden" keeps its place in the address (?vor=<last entry loaded>): a reload renders everything
# down to there again, up to this many entries (beyond: the page that follows that entry, as ?cursor= does).
THROUGH_MAX = 200


def entries_through(blog: LiveBlog, through: int) -> tuple[EntryPage | None, int | None]:
    """The first page extended down to entry `through` and one page after it: what a reader had on screen after
    loading older entries, and None as cursor. More than THROUGH_MAX entries before it: the page after it and
    `through` as its cursor. (None, None) when that entry is not in the stream."""
    anchor = _stream(blog).filter(pk=through).values("created_at", "id").first()
    if anchor is None:
        return None, None
    newest_first = blog.order == LiveBlog.Order.NEWEST_FIRST
    if newest_first:
        upto = Q(created_at__gt=anchor["created_at"]) | Q(created_at=anchor["created_at"], id__gte=anchor["id"])
        ordering = ("-created_at", "-id")
    else:
        upto = Q(created_at__lt=anchor["created_at"]) | Q(created_at=anchor["created_at"], id__lte=anchor["id"])
        ordering = ("created_at", "id")
    rows = list(_stream(blog).filter(upto).order_by(*ordering)[: THROUGH_MAX + 1])
    after = entry_page(blog, cursor=through)
    if len(rows) > THROUGH_MAX:
        return after, through
    for row in rows:
        row.liveblog = blog
    return EntryPage(rows + after.entries, after.next_cursor), None


def entry_for_permalink(blog: LiveBlog, entry_id: int) -> Entry | None:
    """The entry, deleted or not (a deleted one answers 410); None when readers never saw it in this newsblog
    (drafts, scheduled and pending entries do not exist for them)."""
    entry = (Entry.objects.select_related("author")
             .filter(pk=entry_id, liveblog=blog, status=Entry.Status.PUBLISHED).first())
    if entry is not None:
        entry.liveblog = blog
    return entry


def page_around(blog: LiveBlog, entry: Entry) -> tuple[EntryPage, int | None]:
    """The page of the stream that starts with `entry`, and the cursor it starts after.

    Keyset: one query for its predecessor, one for the page.

    Works the same for the newest entry and the oldest of thousands: no offset is ever counted.
    """
    newest_first = blog.order == LiveBlog.Order.NEWEST_FIRST
    before = _stream(blog).exclude(pk=entry.pk)
    if newest_first:
        before = before.filter(Q(created_at__gt=entry.created_at) | Q(created_at=entry.created_at, id__gt=entry.pk))
        before = before.order_by("created_at", "id")
    else:
        before = before.filter(Q(created_at__lt=entry.created_at) | Q(created_at=entry.created_at, id__lt=entry.pk))
        before = before.order_by("-created_at", "-id")
    predecessor = before.values_list("id", flat=True).first()
    return entry_page(blog, cursor=predecessor), predecessor


def pinned_entries(blog: LiveBlog) -> list[Entry]:
    rows = list(
        Entry.objects.visible().filter(liveblog=blog, pinned=True).select_related("author").order_by("-created_at")
    )
    for row in rows:
        row.liveblog = blog
    return rows


def key_events(blog: LiveBlog) -> list[Entry]:
    rows = list(
        Entry.objects.visible().filter(liveblog=blog, key_event=True)
        .only("id", "headline", "body", "created_at", "liveblog_id").order_by("-created_at")[:KEY_EVENTS_MAX]
    )
    for row in rows:
        row.liveblog = blog
    return rows


def channel_position(channel: str) -> int | None:
    """The newest seq of a newsblog's reader channel ("liveblog.<pk>"); None for any other channel."""
    prefix, _, pk = channel.partition(".")
    if prefix != "liveblog" or not pk.isdigit():
        return None
    return LiveBlog.objects.filter(pk=int(pk)).values_list("last_seq", flat=True).first()


def events_after(liveblog_id: int, seq: int, limit: int = EVENTS_PAGE_MAX) -> list[Event]:
    return list(Event.objects.filter(liveblog_id=liveblog_id, seq__gt=seq).order_by("seq")[:limit])


def liveblogs_for_listing(limit: int = 50) -> list[LiveBlog]:
    # "-status": "open" sorts after "closed", so open newsblogs come first.
    return list(LiveBlog.objects.select_related("lead_image").order_by("-status", "-updated_at")[:limit])


@dataclass
class Desk:
    """What the desk of one newsblog shows one person: editors see everything, a contributor their own."""

    drafts: list[Entry]
    scheduled: list[Entry]
    pending: list[Entry]
    mine: list[Entry]  # a contributor's entries with their outcome (published ones of the last day too)
    autosave: Entry | None  # this person's scratch draft: "Entwurf fortsetzen"

    @property
    def pending_count(self) -> int:
        return len(self.pending)


DESK_MAX = 100


def desk(blog: LiveBlog, user, *, editor: bool) -> Desk:
    rows = (Entry.objects.unpublished().filter(liveblog=blog).select_related("author")
            .prefetch_related("coauthors").order_by("-updated_at"))
    if not editor:
        rows = rows.filter(author=user)
    rows = list(rows[:DESK_MAX])
    for row in rows:
        row.liveblog = blog
    autosave = next((row for row in rows if row.autosave and row.author_id == user.pk), None)
    mine: list[Entry] = []
    if not editor:
        recent = list(Entry.objects.visible().filter(liveblog=blog, author=user,
                                                     created_at__gte=timezone.now() - timedelta(days=1))
                      .select_related("author").order_by("-created_at")[:20])
        mine = [row for row in rows if not row.autosave] + recent
    return Desk(
        drafts=[row for row in rows if row.status == Entry.Status.DRAFT and not (row.autosave and row is autosave)],
        scheduled=sorted((row for row in rows if row.status == Entry.Status.SCHEDULED),
                         key=lambda row: row.publish_at),
        pending=sorted((row for row in rows if row.status == Entry.Status.PENDING), key=lambda row: row.created_at),
        mine=mine,
        autosave=autosave,
    )


def desk_entry(blog: LiveBlog, entry_id: int) -> Entry | None:
    entry = Entry.objects.existing().select_related("author").filter(pk=entry_id, liveblog=blog).first()
    if entry is not None:
        entry.liveblog = blog
    return entry


@dataclass(frozen=True)
class Audience:
    """The editors' figures of a newsblog: readers connected now and one sample a minute for the last hour."""

    readers: int
    samples: list[int]
    peak: int
    line: str  # the sparkline's points in its 120 x 32 viewBox
    area: str  # the same, closed along the bottom


SPARK_WIDTH, SPARK_HEIGHT = 120, 32


def audience(blog: LiveBlog, *, now: float | None = None) -> Audience:
    """Across every server process and Pushpin (realtime.audience); for editors only, never on a reader's page."""
    samples = realtime_audience.last_hour(blog.channel, now=now)
    current = realtime_audience.readers(blog.channel, now=now)
    peak = max([*samples, current])
    scale = (SPARK_HEIGHT - 4) / peak if peak else 0
    step = SPARK_WIDTH / (len(samples) - 1)
    points = [f"{index * step:.1f},{SPARK_HEIGHT - 2 - value * scale:.1f}" for index, value in enumerate(samples)]
    line = " ".join(points)
    return Audience(current, samples, peak, line, f"0,{SPARK_HEIGHT} {line} {SPARK_WIDTH},{SPARK_HEIGHT}")
