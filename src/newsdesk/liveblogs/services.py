"""Writes to newsblogs. Every change appends an event in the same transaction and is pushed after commit."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from newsdesk import realtime
from newsdesk.core import freshness
from newsdesk.core.errors import Conflict, Forbidden, InvalidInput, NotFound, TooLarge
from newsdesk.core.html import html_to_text, sanitize_rich_text, word_count
from newsdesk.core.validation import check_text, clean_line
from newsdesk.liveblogs import indexing
from newsdesk.liveblogs.models import DeletedLiveBlog, Entry, EntryRevision, Event, LiveBlog
from newsdesk.liveblogs.permissions import (
    can_create_liveblog,
    ensure_can_compose,
    ensure_can_touch,
    ensure_can_write,
)
from newsdesk.liveblogs.rendering import entry_data, entry_html
from newsdesk.liveblogs.signals import breaking_entry_published, key_event_published, liveblog_changed
from newsdesk.media.embeds import fetch_embed_metadata
from newsdesk.media.models import Image
from newsdesk.media.rendering import image_ids
from newsdesk.realtime import audience

HEADLINE_MAX = 300
TITLE_MAX = 200
TEASER_MAX = 1000


# --- validation ----------------------------------------------------------------------------------

def clean_body(raw: str) -> str:
    if not isinstance(raw, str):
        raise InvalidInput(_("The text must be a string."), field="body")
    check_text(raw, field="body")
    if len(raw.encode()) > settings.ENTRY_BODY_MAX_BYTES:
        raise TooLarge(
            _("The text is too long: at most %(kb)d KB are allowed.") % {"kb": settings.ENTRY_BODY_MAX_BYTES // 1024},
            field="body",
        )
    body = sanitize_rich_text(raw)
    photo_ids = image_ids(body)
    if not html_to_text(body) and "<img" not in body and not photo_ids:
        raise InvalidInput(_("The entry is empty. Please write some text."), field="body")
    missing = sorted(set(photo_ids) - set(Image.objects.filter(pk__in=photo_ids).values_list("pk", flat=True)))
    if missing:
        raise InvalidInput(_("There is no photo with the number %(ids)s in the media library.")
                           % {"ids": ", ".join(map(str, missing))}, field="body")
    return body


def _entry_words(headline: str, body: str) -> int:
    return word_count(headline) + word_count(html_to_text(body))


# --- events --------------------------------------------------------------------------------------

def _append_event(blog: LiveBlog, event_type: str, payload: dict, *, now: datetime,
                  entry_id: int | None = None) -> Event:
    """Call with `blog` locked (select_for_update) inside the transaction that makes the change."""
    blog.last_seq += 1
    blog.updated_at = now
    blog.save(update_fields=["last_seq", "updated_at", "word_count", "status", "closed_at", "title",
                             "teaser", "order"])
    event = Event.objects.create(
        liveblog=blog, seq=blog.last_seq, type=event_type, entry_id=entry_id, payload=payload, created_at=now
    )
    message = event.as_message()
    channel = blog.channel
    transaction.on_commit(lambda: realtime.publish(channel, message))
    liveblog_changed.send(sender=LiveBlog, liveblog=blog)
    return event


def _announce_key_event(blog: LiveBlog, entry: Entry) -> None:
    key_event_published.send(sender=Entry, liveblog=blog, entry=entry)


def _announce_breaking(blog: LiveBlog, entry: Entry) -> None:
    breaking_entry_published.send(sender=Entry, liveblog=blog, entry=entry)


def _entry_payload(entry: Entry) -> dict:
    return {"entry": entry_data(entry), "html": entry_html(entry)}


def _locked_blog(liveblog: LiveBlog) -> LiveBlog:
    return LiveBlog.objects.select_for_update().get(pk=liveblog.pk)


def _locked_entry(blog: LiveBlog, entry_id: int, *, desk: bool = False) -> Entry:
    """desk=True: drafts, scheduled and pending entries too (the desk works on them); else published only."""
    rows = Entry.objects.select_for_update().select_related("author").filter(pk=entry_id, liveblog=blog)
    entry = (rows.existing() if desk else rows.visible()).first()
    if entry is None:
        raise NotFound(_("This entry does not exist in this newsblog (or was deleted)."))
    entry.liveblog = blog
    return entry


def _keep_revision(entry: Entry, *, editor, now: datetime, action: str) -> EntryRevision:
    """The entry as it is now, before `action` changes it (call with the entry locked)."""
    return EntryRevision.objects.create(
        entry=entry, version=entry.version, headline=entry.headline, body=entry.body, key_event=entry.key_event,
        pinned=entry.pinned, breaking=entry.breaking, action=action, saved_by=editor, saved_at=now,
    )


def _ensure_open(blog: LiveBlog) -> None:
    if not blog.is_open:
        raise Conflict(_("This newsblog is closed; reopen it to post or edit."))


# --- newsblogs -----------------------------------------------------------------------------------

def unique_slug(title: str, model=LiveBlog) -> str:
    base = (slugify(title) or "newsblog")[:100]
    slug, n = base, 1
    # A deleted newsblog's address keeps answering 410: a new one never takes it over.
    while model.objects.filter(slug=slug).exists() or (
            model is LiveBlog and DeletedLiveBlog.objects.filter(slug=slug).exists()):
        n += 1
        slug = f"{base}-{n}"
    return slug


def liveblog_create(*, title: str, author, teaser: str = "", order: str = LiveBlog.Order.NEWEST_FIRST,
                    lead_image=None, slug: str | None = None) -> LiveBlog:
    if not can_create_liveblog(author):
        raise Forbidden(_("Only editors can create newsblogs."))
    title = clean_line(title, field="title", max_length=TITLE_MAX, required=True)
    teaser = clean_line(teaser, field="teaser", max_length=TEASER_MAX)
    if order not in LiveBlog.Order.values:
        raise InvalidInput(_("Unknown entry order."), field="order")
    with transaction.atomic():
        blog = LiveBlog.objects.create(
            slug=slug or unique_slug(title), title=title, teaser=teaser, order=order, lead_image=lead_image,
            created_by=author, word_count=word_count(teaser),
        )
        indexing.liveblog_after_commit(blog.pk)
    return blog


_UNCHANGED = object()


def liveblog_update(*, liveblog: LiveBlog, editor, title: str | None = None, teaser: str | None = None,
                    order: str | None = None, lead_image=_UNCHANGED, topics=None) -> LiveBlog:
    """Changes what readers see of the newsblog itself; `lead_image=None` removes the lead image."""
    ensure_can_write(editor, liveblog)
    with transaction.atomic():
        blog = _locked_blog(liveblog)
        if lead_image is not _UNCHANGED:
            if lead_image is not None and not isinstance(lead_image, Image):
                raise InvalidInput(_("The lead image must be an image from the media library."), field="lead_image")
            blog.lead_image = lead_image
            blog.save(update_fields=["lead_image"])
        if topics is not None:
            blog.topics.set(list(topics))
            # Topic pages list their newsblogs; they show the "articles" slice, which a topic change moves.
            freshness.bump(freshness.ARTICLES)
        if title is not None:
            blog.title = clean_line(title, field="title", max_length=TITLE_MAX, required=True)
        if teaser is not None:
            new_teaser = clean_line(teaser, field="teaser", max_length=TEASER_MAX)
            blog.word_count += word_count(new_teaser) - word_count(blog.teaser)
            blog.teaser = new_teaser
        if order is not None:
            if order not in LiveBlog.Order.values:
                raise InvalidInput(_("Unknown entry order."), field="order")
            blog.order = order
        _append_event(blog, Event.Type.LIVEBLOG_UPDATED, _liveblog_payload(blog), now=timezone.now())
        indexing.liveblog_after_commit(blog.pk, entries_too=title is not None)
    return blog


def _liveblog_payload(blog: LiveBlog) -> dict:
    return {"liveblog": {"slug": blog.slug, "title": blog.title, "teaser": blog.teaser,
                         "status": blog.status, "order": blog.order}}


def liveblog_set_status(*, liveblog: LiveBlog, editor, status: str) -> LiveBlog:
    ensure_can_write(editor, liveblog)
    with transaction.atomic():
        blog = _locked_blog(liveblog)
        if blog.status == status:
            return blog
        now = timezone.now()
        blog.status = status
        blog.closed_at = now if status == LiveBlog.Status.CLOSED else None
        event_type = Event.Type.LIVEBLOG_CLOSED if status == LiveBlog.Status.CLOSED else Event.Type.LIVEBLOG_UPDATED
        _append_event(blog, event_type, _liveblog_payload(blog), now=now)
    return blog


# --- entries -------------------------------------------------------------------------------------

PUBLISH_AHEAD_MAX = timedelta(days=366)
REVIEW_NOTE_MAX = 1000


def clean_publish_at(raw: datetime | str | None, *, now: datetime | None = None) -> datetime | None:
    """A time in the future; without a zone it is read as newsroom time (TIME_ZONE, Europe/Berlin)."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, str):
        try:
            raw = datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
        except ValueError:
            raise InvalidInput(_("The publication time is not a valid date and time (ISO 8601, e.g. "
                                 "2026-11-03T18:00+01:00)."), field="publish_at") from None
    if not isinstance(raw, datetime):
        raise InvalidInput(_("The publication time must be a date and time."), field="publish_at")
    if timezone.is_naive(raw):
        raw = timezone.make_aware(raw, timezone.get_default_timezone())
    now = now or timezone.now()
    if raw <= now:
        raise InvalidInput(_("The publication time must be in the future."), field="publish_at")
    if raw - now > PUBLISH_AHEAD_MAX:
        raise InvalidInput(_("The publication time may be at most a year ahead."), field="publish_at")
    return raw


def _ensure_contributor_marks(is_editor: bool, *, key_event=None, pinned=None, breaking=None) -> None:
    if not is_editor and any((key_event, pinned, breaking)):
        raise Forbidden(_("Contributors cannot pin entries or mark key events or breaking news."))


def _desk_notify(blog: LiveBlog, kind: str, entry: Entry) -> None:
    """Tells the newsblog's desk (editors-only channel) that its drafts, schedule or queue changed."""
    message = {"type": "desk.changed", "kind": kind, "entry": {"id": entry.pk, "status": entry.status},
               "pending": Entry.objects.unpublished().filter(liveblog=blog, status=Entry.Status.PENDING).count()}
    channel = blog.desk_channel
    transaction.on_commit(lambda: realtime.publish(channel, message))


def _clean_coauthors(coauthors, author) -> list:
    users = [user for user in (coauthors or []) if user.pk != author.pk]
    for user in users:
        if not (user.is_active and (user.is_editor or getattr(user, "is_contributor", False))):
            raise InvalidInput(_("%(name)s cannot be a co-author: only editors and contributors write entries.")
                               % {"name": user.get_username()}, field="coauthors")
    return users


def _discard_autosave(blog: LiveBlog, author) -> None:
    # The compose box's scratch draft has become a real entry: nothing left to resume.
    Entry.objects.filter(liveblog=blog, author=author, autosave=True, deleted_at__isnull=True).delete()


def _publish(blog: LiveBlog, entry: Entry, now: datetime) -> Event:
    """Makes a locked, unpublished entry public: an ordinary entry.created with the next seq."""
    words = _entry_words(entry.headline, entry.body)
    entry.status = Entry.Status.PUBLISHED
    entry.created_at = now  # it appears as new, where readers expect the newest entry
    entry.updated_at = now
    entry.publish_at = None
    entry.autosave = False
    entry.review_note = ""
    entry.word_count = words
    entry.reach = audience.reach(blog.channel)
    entry.save()
    blog.word_count += words
    event = _append_event(blog, Event.Type.ENTRY_CREATED, _entry_payload(entry), now=now, entry_id=entry.pk)
    if entry.key_event:
        _announce_key_event(blog, entry)
    if entry.breaking:
        _announce_breaking(blog, entry)
    indexing.index_after_commit(entry.pk, blog.pk)
    _desk_notify(blog, "published", entry)
    return event


def entry_create(*, liveblog: LiveBlog, author, body: str, headline: str = "", key_event: bool = False,
                 pinned: bool = False, breaking: bool = False, created_at: datetime | None = None,
                 status: str | None = None, publish_at: datetime | str | None = None,
                 coauthors=None) -> Entry:
    """Publishes at once, or keeps the entry on the desk: a draft, scheduled (`publish_at`), or, written by a
    contributor, pending an editor's approval. Only publication appends a reader event."""
    is_editor = ensure_can_compose(author, liveblog)
    _ensure_contributor_marks(is_editor, key_event=key_event, pinned=pinned, breaking=breaking)
    if status not in (None, *Entry.Status.values):
        raise InvalidInput(_("Unknown status; use draft, scheduled, pending or published."), field="status")
    publish_at = clean_publish_at(publish_at)
    if is_editor:
        if status == Entry.Status.PENDING:
            raise InvalidInput(_("Editors publish or keep drafts; the approval queue is for contributors."),
                               field="status")
        if status == Entry.Status.SCHEDULED and publish_at is None:
            raise InvalidInput(_("A scheduled entry needs a publication time (publish_at)."), field="publish_at")
        if publish_at is not None and status == Entry.Status.PUBLISHED:
            raise InvalidInput(_("An entry published now cannot also have a publication time."),
                               field="publish_at")
        status = Entry.Status.SCHEDULED if publish_at else (status or Entry.Status.PUBLISHED)
    else:
        if publish_at is not None or status in (Entry.Status.SCHEDULED, Entry.Status.PUBLISHED):
            raise Forbidden(_("Contributors cannot publish or schedule; an editor approves your entry."))
        status = status or Entry.Status.PENDING
    body = clean_body(body)
    headline = clean_line(headline, field="headline", max_length=HEADLINE_MAX)
    coauthors = _clean_coauthors(coauthors, author)
    embeds = fetch_embed_metadata(body)  # before the transaction: a slow provider must not hold the lock
    reach = audience.reach(liveblog.channel) if status == Entry.Status.PUBLISHED else None
    with transaction.atomic():
        blog = _locked_blog(liveblog)
        _ensure_open(blog)
        now = timezone.now()
        words = _entry_words(headline, body)
        entry = Entry.objects.create(
            liveblog=blog, author=author, headline=headline, body=body, key_event=bool(key_event),
            pinned=bool(pinned), breaking=bool(breaking), word_count=words, created_at=created_at or now,
            updated_at=now, embeds=embeds, status=status, publish_at=publish_at, reach=reach,
        )
        if coauthors:
            entry.coauthors.set(coauthors)
        _discard_autosave(blog, author)
        if status != Entry.Status.PUBLISHED:
            _desk_notify(blog, status, entry)
            entry.seq = None
            return entry
        blog.word_count += words
        event = _append_event(blog, Event.Type.ENTRY_CREATED, _entry_payload(entry), now=now, entry_id=entry.pk)
        if entry.key_event:
            _announce_key_event(blog, entry)
        if entry.breaking:
            _announce_breaking(blog, entry)
        indexing.index_after_commit(entry.pk, blog.pk)
    entry.seq = event.seq  # the API reports where in the log this change stands
    return entry


def entry_update(*, entry: Entry, editor, version: int, body: str | None = None, headline: str | None = None,
                 key_event: bool | None = None, pinned: bool | None = None, breaking: bool | None = None,
                 coauthors=None) -> Entry:
    """Saves changes made to `version`; a newer version on the server raises Conflict with it.

    A published entry's change is an entry.updated event; a draft's, scheduled or pending entry's stays on the desk.
    """
    is_editor = ensure_can_touch(editor, entry)
    _ensure_contributor_marks(is_editor, key_event=key_event, pinned=pinned, breaking=breaking)
    changes: dict = {}
    if body is not None:
        changes["body"] = clean_body(body)
        changes["embeds"] = fetch_embed_metadata(changes["body"], known=entry.embeds)
    if headline is not None:
        changes["headline"] = clean_line(headline, field="headline", max_length=HEADLINE_MAX)
    if key_event is not None:
        changes["key_event"] = bool(key_event)
    if pinned is not None:
        changes["pinned"] = bool(pinned)
    if breaking is not None:
        changes["breaking"] = bool(breaking)
    new_coauthors = _clean_coauthors(coauthors, entry.author) if coauthors is not None else None
    with transaction.atomic():
        blog = _locked_blog(entry.liveblog)
        _ensure_open(blog)
        current = _locked_entry(blog, entry.pk, desk=True)
        ensure_can_touch(editor, current)  # the status may have changed since the caller read it
        if current.version != version:
            raise Conflict(
                _("Someone else saved this entry in the meantime (version %(v)d). "
                  "Your changes were not saved; please compare with the current text.") % {"v": current.version},
                current=entry_data(current),
            )
        changed = {name: value for name, value in changes.items() if getattr(current, name) != value}
        coauthors_changed = new_coauthors is not None and (
            {u.pk for u in new_coauthors} != set(current.coauthors.values_list("pk", flat=True)))
        if not changed and not coauthors_changed:
            return current
        now = timezone.now()
        _keep_revision(current, editor=editor, now=now, action=EntryRevision.Action.EDITED)
        for name, value in changed.items():
            setattr(current, name, value)
        if coauthors_changed:
            current.coauthors.set(new_coauthors)
        published = current.status == Entry.Status.PUBLISHED
        if "body" in changed or "headline" in changed:
            words = _entry_words(current.headline, current.body)
            if published:
                current.edited_at = now
                blog.word_count += words - current.word_count
            current.word_count = words
        current.autosave = False  # edited on purpose: a draft of its own now
        current.version += 1
        current.updated_at = now
        current.save()
        if not published:
            _desk_notify(blog, "updated", current)
            current.seq = None
            return current
        event = _append_event(blog, Event.Type.ENTRY_UPDATED, _entry_payload(current), now=now,
                              entry_id=current.pk)
        if changed.get("key_event") is True:
            _announce_key_event(blog, current)
        if changed.get("breaking") is True:
            _announce_breaking(blog, current)  # the alert is keyed per entry: marked again, sent once
        indexing.index_after_commit(current.pk, blog.pk)
    current.seq = event.seq
    return current


def entry_delete(*, entry: Entry, editor) -> None:
    ensure_can_touch(editor, entry)
    with transaction.atomic():
        blog = _locked_blog(entry.liveblog)
        _ensure_open(blog)
        current = _locked_entry(blog, entry.pk, desk=True)
        ensure_can_touch(editor, current)
        now = timezone.now()
        # The deleted text is kept as a revision in any case (undo, history, the newsroom's record).
        _keep_revision(current, editor=editor, now=now, action=EntryRevision.Action.DELETED)
        current.version += 1
        current.deleted_at = now
        current.updated_at = now
        current.save(update_fields=["deleted_at", "updated_at", "version"])
        if current.status != Entry.Status.PUBLISHED:  # readers never saw it: nothing to tell them
            _desk_notify(blog, "deleted", current)
            return
        blog.word_count -= min(blog.word_count, current.word_count)
        # Deleted text must not live on in the replayable log; the row keeps it for the newsroom.
        Event.objects.filter(liveblog=blog, entry_id=current.pk).update(
            payload={"entry": {"id": current.pk, "redacted": True}}
        )
        _append_event(blog, Event.Type.ENTRY_DELETED, {"entry": {"id": current.pk}}, now=now, entry_id=current.pk)
        indexing.remove_after_commit(current.pk, blog.pk)


# --- the desk: publish, schedule, approve, send back, autosave -----------------------------------

def _unpublished_for_change(blog: LiveBlog, entry_id: int) -> Entry:
    current = _locked_entry(blog, entry_id, desk=True)
    if current.status == Entry.Status.PUBLISHED:
        raise Conflict(_("This entry is already published."))
    return current


def entry_publish(*, entry: Entry, editor) -> Entry:
    """A draft, scheduled or pending entry goes to readers now (by an editor of the newsblog)."""
    ensure_can_write(editor, entry.liveblog)
    with transaction.atomic():
        blog = _locked_blog(entry.liveblog)
        _ensure_open(blog)
        current = _unpublished_for_change(blog, entry.pk)
        event = _publish(blog, current, timezone.now())
    current.seq = event.seq
    return current


def entry_approve(*, entry: Entry, editor) -> Entry:
    """A contributor's pending entry, checked by an editor, goes to readers."""
    ensure_can_write(editor, entry.liveblog)
    with transaction.atomic():
        blog = _locked_blog(entry.liveblog)
        _ensure_open(blog)
        current = _unpublished_for_change(blog, entry.pk)
        if current.status != Entry.Status.PENDING:
            raise Conflict(_("This entry is not waiting for approval."))
        event = _publish(blog, current, timezone.now())
    current.seq = event.seq
    return current


def entry_send_back(*, entry: Entry, editor, note: str) -> Entry:
    """Returns a pending entry to its contributor as a draft, with the editor's note."""
    ensure_can_write(editor, entry.liveblog)
    note = clean_line(note, field="note", max_length=REVIEW_NOTE_MAX, required=True)
    with transaction.atomic():
        blog = _locked_blog(entry.liveblog)
        current = _unpublished_for_change(blog, entry.pk)
        if current.status != Entry.Status.PENDING:
            raise Conflict(_("This entry is not waiting for approval."))
        current.status = Entry.Status.DRAFT
        current.review_note = note
        current.updated_at = timezone.now()
        current.save(update_fields=["status", "review_note", "updated_at"])
        _desk_notify(blog, "returned", current)
    return current


def entry_submit(*, entry: Entry, contributor) -> Entry:
    """A contributor's draft (perhaps sent back and reworked) goes to the approval queue."""
    ensure_can_touch(contributor, entry)
    with transaction.atomic():
        blog = _locked_blog(entry.liveblog)
        _ensure_open(blog)
        current = _unpublished_for_change(blog, entry.pk)
        if current.status != Entry.Status.DRAFT:
            raise Conflict(_("Only a draft can be submitted for approval."))
        current.status = Entry.Status.PENDING
        current.autosave = False
        current.updated_at = timezone.now()
        current.save(update_fields=["status", "autosave", "updated_at"])
        _desk_notify(blog, "pending", current)
    return current


def entry_schedule(*, entry: Entry, editor, publish_at: datetime | str | None) -> Entry:
    """Schedules (or moves) an unpublished entry; `publish_at=None` cancels the schedule (back to draft)."""
    ensure_can_write(editor, entry.liveblog)
    at = clean_publish_at(publish_at)
    with transaction.atomic():
        blog = _locked_blog(entry.liveblog)
        if at is not None:
            _ensure_open(blog)
        current = _unpublished_for_change(blog, entry.pk)
        if at is None and current.status != Entry.Status.SCHEDULED:
            raise Conflict(_("This entry is not scheduled."))
        current.status = Entry.Status.SCHEDULED if at else Entry.Status.DRAFT
        current.publish_at = at
        current.autosave = False
        current.updated_at = timezone.now()
        current.save(update_fields=["status", "publish_at", "autosave", "updated_at"])
        _desk_notify(blog, "scheduled" if at else "unscheduled", current)
    return current


def publish_due(*, now: datetime | None = None) -> list[int]:
    """Publishes scheduled entries whose time has come; returns their ids. Safe in several processes at once:
    each entry is claimed by a conditional UPDATE under its newsblog's lock, so it is published exactly once."""
    now = now or timezone.now()
    due = list(Entry.objects.filter(status=Entry.Status.SCHEDULED, deleted_at__isnull=True, publish_at__lte=now)
               .order_by("publish_at", "id").values_list("pk", "liveblog_id")[:200])
    published = []
    for entry_id, liveblog_id in due:
        with transaction.atomic():
            blog = LiveBlog.objects.select_for_update().filter(pk=liveblog_id).first()
            if blog is None:
                continue
            claimed = Entry.objects.filter(pk=entry_id, status=Entry.Status.SCHEDULED, deleted_at__isnull=True,
                                           publish_at__lte=now)
            if not blog.is_open:
                # Nobody may post into a closed newsblog, the scheduler neither: back to the desk, with a reason.
                if claimed.update(status=Entry.Status.DRAFT, publish_at=None, updated_at=now,
                                  review_note=_("Not published: the newsblog was closed at the scheduled time.")):
                    _desk_notify(blog, "unscheduled", Entry.objects.get(pk=entry_id))
                continue
            if not claimed.update(status=Entry.Status.PUBLISHED):  # another process was first
                continue
            entry = Entry.objects.select_related("author").get(pk=entry_id)
            entry.liveblog = blog
            _publish(blog, entry, now)
            published.append(entry_id)
    return published


def entry_autosave(*, liveblog: LiveBlog, author, body: str, headline: str = "") -> Entry | None:
    """What the compose box holds, saved while the editor types: one scratch draft per person and newsblog.

    Empty text removes it. It appends no event and tells no one; it is only there to be resumed.
    """
    ensure_can_compose(author, liveblog)
    if not isinstance(body, str):
        raise InvalidInput(_("The text must be a string."), field="body")
    check_text(body, field="body")
    if len(body.encode()) > settings.ENTRY_BODY_MAX_BYTES:
        raise TooLarge(_("The text is too long: at most %(kb)d KB are allowed.")
                       % {"kb": settings.ENTRY_BODY_MAX_BYTES // 1024}, field="body")
    headline = clean_line(headline, field="headline", max_length=HEADLINE_MAX)
    body = sanitize_rich_text(body)
    with transaction.atomic():
        existing = (Entry.objects.select_for_update()
                    .filter(liveblog=liveblog, author=author, autosave=True, deleted_at__isnull=True).first())
        if not html_to_text(body) and "<img" not in body and not headline:
            if existing is not None:
                existing.delete()
            return None
        now = timezone.now()
        if existing is not None:
            existing.headline, existing.body, existing.updated_at = headline, body, now
            existing.word_count = _entry_words(headline, body)
            existing.save(update_fields=["headline", "body", "updated_at", "word_count"])
            return existing
        entry = Entry.objects.create(
            liveblog=liveblog, author=author, headline=headline, body=body, status=Entry.Status.DRAFT,
            autosave=True, created_at=now, updated_at=now, word_count=_entry_words(headline, body),
        )
        _desk_notify(liveblog, "autosave", entry)  # once, when it starts: not on every keystroke
    return entry


def autosave_discard(*, liveblog: LiveBlog, author) -> None:
    ensure_can_compose(author, liveblog)
    with transaction.atomic():
        _discard_autosave(liveblog, author)


def liveblog_set_editors(*, liveblog: LiveBlog, admin, editors) -> LiveBlog:
    """Who may write in this newsblog (nobody assigned: every editor). Only admins assign editors."""
    return _assign_people(liveblog, admin, editors, field="editors", has_role=lambda user: user.is_editor,
                          forbidden=_("Only admins can assign the editors of a newsblog."),
                          wrong_role=_("%(name)s is not an editor."))


def liveblog_set_contributors(*, liveblog: LiveBlog, admin, contributors) -> LiveBlog:
    """The contributors whose entries this newsblog's editors approve. Only admins assign them."""
    return _assign_people(liveblog, admin, contributors, field="contributors",
                          has_role=lambda user: user.is_contributor,
                          forbidden=_("Only admins can assign the contributors of a newsblog."),
                          wrong_role=_("%(name)s is not a contributor."))


def _assign_people(liveblog: LiveBlog, admin, users, *, field: str, has_role, forbidden: str,
                   wrong_role: str) -> LiveBlog:
    if not (admin and admin.is_authenticated and admin.is_site_admin):
        raise Forbidden(forbidden)
    users = list(users)
    wrong = [user for user in users if not has_role(user)]
    if wrong:
        raise InvalidInput(wrong_role % {"name": wrong[0].get_username()}, field=field)
    with transaction.atomic():
        blog = _locked_blog(liveblog)
        getattr(blog, field).set(users)
    return blog


# --- undo, revisions, articles from entries, deletion (issue 11) ------------------------------------

def _locked_deleted_entry(blog: LiveBlog, entry_id: int) -> Entry:
    entry = (Entry.objects.select_for_update().select_related("author")
             .filter(pk=entry_id, liveblog=blog, deleted_at__isnull=False).first())
    if entry is None:
        raise NotFound(_("There is no deleted entry with this number in this newsblog."))
    entry.liveblog = blog
    return entry


def entry_restore(*, entry: Entry, editor) -> Entry:
    """Undo of a deletion: the entry comes back at its place (its time is unchanged), as `entry.restored`.

    Readers insert it by its time; search, reading time and the entry's address (200 again) follow.
    """
    ensure_can_write(editor, entry.liveblog)
    with transaction.atomic():
        blog = _locked_blog(entry.liveblog)
        _ensure_open(blog)
        current = _locked_deleted_entry(blog, entry.pk)
        now = timezone.now()
        _keep_revision(current, editor=editor, now=now, action=EntryRevision.Action.RESTORED)
        current.version += 1
        current.deleted_at = None
        current.updated_at = now
        current.save(update_fields=["deleted_at", "updated_at", "version"])
        if current.status != Entry.Status.PUBLISHED:  # a draft comes back to the desk, never to readers
            _desk_notify(blog, "updated", current)
            current.seq = None
            return current
        blog.word_count += current.word_count
        event = _append_event(blog, Event.Type.ENTRY_RESTORED, _entry_payload(current), now=now,
                              entry_id=current.pk)
        indexing.index_after_commit(current.pk, blog.pk)
    current.seq = event.seq
    return current


def entry_revert(*, entry: Entry, editor, version: int, to_version: int) -> Entry:
    """"Diese Fassung wiederherstellen": the text of `to_version` becomes the newest version.

    `version` is the version the editor looked at; a newer one on the server raises Conflict, like an edit.
    The replaced text is kept as a revision, and readers get an ordinary `entry.updated`.
    """
    revision = EntryRevision.objects.filter(entry_id=entry.pk, version=to_version).first()
    if revision is None:
        raise NotFound(_("This entry has no version %(v)d.") % {"v": to_version})
    ensure_can_write(editor, entry.liveblog)
    with transaction.atomic():
        blog = _locked_blog(entry.liveblog)
        _ensure_open(blog)
        current = _locked_entry(blog, entry.pk)
        if current.version != version:
            raise Conflict(
                _("Someone else saved this entry in the meantime (version %(v)d). "
                  "Please look at the current text before restoring an earlier one.") % {"v": current.version},
                current=entry_data(current),
            )
        if (current.headline, current.body) == (revision.headline, revision.body):
            return current
        now = timezone.now()
        _keep_revision(current, editor=editor, now=now, action=EntryRevision.Action.REVERTED)
        words = _entry_words(revision.headline, revision.body)
        published = current.status == Entry.Status.PUBLISHED
        if published:
            blog.word_count += words - current.word_count
        current.headline, current.body, current.word_count = revision.headline, revision.body, words
        current.embeds = fetch_embed_metadata(current.body, known=current.embeds)
        current.version += 1
        current.edited_at = current.updated_at = now
        current.save()
        if not published:  # readers never saw it: the desk hears of it, the event log does not
            _desk_notify(blog, "updated", current)
            current.seq = None
            return current
        event = _append_event(blog, Event.Type.ENTRY_UPDATED, _entry_payload(current), now=now,
                              entry_id=current.pk)
        indexing.index_after_commit(current.pk, blog.pk)
    current.seq = event.seq
    return current


ARTICLE_HEADLINE_WORDS = 12
ARTICLE_TEASER_CHARS = 300


def entry_to_article(*, entry: Entry, editor):
    """"Als Artikel übernehmen": a new article draft with the entry's text, photo and author, linked from the entry.

    A second call opens the article made the first time instead of a second copy. Returns the article.
    """
    from django.utils.text import Truncator

    from newsdesk.articles import services as articles
    from newsdesk.articles.models import Article, Author

    ensure_can_write(editor, entry.liveblog)
    with transaction.atomic():
        blog = _locked_blog(entry.liveblog)
        current = _locked_entry(blog, entry.pk)
        if current.article_id and Article.objects.filter(pk=current.article_id).exists():
            return Article.objects.get(pk=current.article_id)
        text = html_to_text(current.body)
        headline = current.headline or Truncator(text).words(ARTICLE_HEADLINE_WORDS, truncate="…")
        teaser = Truncator(text).chars(ARTICLE_TEASER_CHARS, truncate="…") or headline
        photos = image_ids(current.body)
        lead_image = Image.objects.filter(pk=photos[0]).first() if photos else None
        writer = current.author
        author = Author.objects.filter(user=writer).first()
        if author is None:  # a byline for the entry's writer, made once
            author = articles.author_save(author=Author(name=writer.display_name, user=writer))
        article = articles.article_create(
            headline=headline[:articles.HEADLINE_MAX], teaser=teaser[:articles.TEASER_MAX], body=current.body,
            authors=[author], topics=list(blog.topics.all()), kicker=blog.title[:80], lead_image=lead_image,
            editor=editor,
        )
        current.article = article
        current.save(update_fields=["article"])
    return article


def liveblog_delete(*, liveblog: LiveBlog, admin) -> None:
    """Removes a newsblog everywhere (page, entries, feeds, sitemaps, search, related); its address answers 410.

    Only admins. Readers on the page are told through the stream; the event log goes with the newsblog.
    """
    if not (admin and admin.is_authenticated and admin.is_site_admin):
        raise Forbidden(_("Only admins can delete a newsblog."))
    with transaction.atomic():
        blog = _locked_blog(liveblog)
        now = timezone.now()
        DeletedLiveBlog.objects.update_or_create(slug=blog.slug, defaults={
            "title": blog.title, "deleted_by": admin, "deleted_at": now})
        message = {"seq": blog.last_seq + 1, "type": "liveblog.deleted", "at": now.isoformat(),
                   "liveblog": {"slug": blog.slug}}
        channel = blog.channel
        blog_id = blog.pk
        # The cascade sends post_delete per entry (search removal) and for the blog (freshness, related).
        blog.delete()
        indexing.remove_liveblog_after_commit(blog_id)
        freshness.bump(freshness.ARTICLES)  # topic and author pages list newsblogs
        transaction.on_commit(lambda: realtime.publish(channel, message))
