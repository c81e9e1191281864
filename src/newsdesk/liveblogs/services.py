"""Writes to newsblogs. Every change appends an event in the same transaction and is pushed after commit."""

from __future__ import annotations

from datetime import datetime

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
from newsdesk.liveblogs.permissions import can_create_liveblog, ensure_can_write
from newsdesk.liveblogs.rendering import entry_data, entry_html
from newsdesk.liveblogs.signals import breaking_entry_published, key_event_published, liveblog_changed
from newsdesk.media.embeds import fetch_embed_metadata
from newsdesk.media.models import Image
from newsdesk.media.rendering import image_ids

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


def _locked_entry(blog: LiveBlog, entry_id: int) -> Entry:
    entry = (
        Entry.objects.select_for_update().select_related("author").filter(pk=entry_id, liveblog=blog)
        .visible().first()
    )
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

def entry_create(*, liveblog: LiveBlog, author, body: str, headline: str = "", key_event: bool = False,
                 pinned: bool = False, breaking: bool = False, created_at: datetime | None = None) -> Entry:
    ensure_can_write(author, liveblog)
    body = clean_body(body)
    headline = clean_line(headline, field="headline", max_length=HEADLINE_MAX)
    embeds = fetch_embed_metadata(body)  # before the transaction: a slow provider must not hold the lock
    with transaction.atomic():
        blog = _locked_blog(liveblog)
        _ensure_open(blog)
        now = timezone.now()
        words = _entry_words(headline, body)
        entry = Entry.objects.create(
            liveblog=blog, author=author, headline=headline, body=body, key_event=bool(key_event),
            pinned=bool(pinned), breaking=bool(breaking), word_count=words, created_at=created_at or now,
            updated_at=now, embeds=embeds,
        )
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
                 key_event: bool | None = None, pinned: bool | None = None, breaking: bool | None = None) -> Entry:
    """Saves changes made to `version`; a newer version on the server raises Conflict with it."""
    ensure_can_write(editor, entry.liveblog)
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
    with transaction.atomic():
        blog = _locked_blog(entry.liveblog)
        _ensure_open(blog)
        current = _locked_entry(blog, entry.pk)
        if current.version != version:
            raise Conflict(
                _("Someone else saved this entry in the meantime (version %(v)d). "
                  "Your changes were not saved; please compare with the current text.") % {"v": current.version},
                current=entry_data(current),
            )
        changed = {name: value for name, value in changes.items() if getattr(current, name) != value}
        if not changed:
            return current
        now = timezone.now()
        _keep_revision(current, editor=editor, now=now, action=EntryRevision.Action.EDITED)
        for name, value in changed.items():
            setattr(current, name, value)
        if "body" in changed or "headline" in changed:
            current.edited_at = now
            words = _entry_words(current.headline, current.body)
            blog.word_count += words - current.word_count
            current.word_count = words
        current.version += 1
        current.updated_at = now
        current.save()
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
    ensure_can_write(editor, entry.liveblog)
    with transaction.atomic():
        blog = _locked_blog(entry.liveblog)
        _ensure_open(blog)
        current = _locked_entry(blog, entry.pk)
        now = timezone.now()
        # The deleted text is kept as a revision in any case (undo, history, the newsroom's record).
        _keep_revision(current, editor=editor, now=now, action=EntryRevision.Action.DELETED)
        current.version += 1
        current.deleted_at = now
        current.updated_at = now
        current.save(update_fields=["deleted_at", "updated_at", "version"])
        blog.word_count -= min(blog.word_count, current.word_count)
        # Deleted text must not live on in the replayable log; the row keeps it for the newsroom.
        Event.objects.filter(liveblog=blog, entry_id=current.pk).update(
            payload={"entry": {"id": current.pk, "redacted": True}}
        )
        _append_event(blog, Event.Type.ENTRY_DELETED, {"entry": {"id": current.pk}}, now=now, entry_id=current.pk)
        indexing.remove_after_commit(current.pk, blog.pk)


def liveblog_set_editors(*, liveblog: LiveBlog, admin, editors) -> LiveBlog:
    """Who may write in this newsblog (nobody assigned: every editor). Only admins assign editors."""
    if not (admin and admin.is_authenticated and admin.is_site_admin):
        raise Forbidden(_("Only admins can assign the editors of a newsblog."))
    editors = list(editors)
    not_editors = [user for user in editors if not user.is_editor]
    if not_editors:
        raise InvalidInput(_("%(name)s is not an editor.") % {"name": not_editors[0].get_username()},
                           field="editors")
    with transaction.atomic():
        blog = _locked_blog(liveblog)
        blog.editors.set(editors)
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
        blog.word_count += words - current.word_count
        current.headline, current.body, current.word_count = revision.headline, revision.body, words
        current.embeds = fetch_embed_metadata(current.body, known=current.embeds)
        current.version += 1
        current.edited_at = current.updated_at = now
        current.save()
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
