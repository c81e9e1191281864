"""/api/v1/liveblogs: the contract integrations and our acceptance checks use. Rename nothing."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import http_date, quote_etag
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import ConfigDict, field_validator
from pydantic_core import PydanticCustomError

from newsdesk.accounts.auth import API_AUTH
from newsdesk.accounts.services import token_authenticate
from newsdesk.core.errors import Conflict, Forbidden, InvalidInput, NotFound
from newsdesk.core.validation import text_problem
from newsdesk.liveblogs import history, selectors, services
from newsdesk.liveblogs.models import DeletedLiveBlog, Entry, LiveBlog
from newsdesk.liveblogs.permissions import can_contribute, can_write, ensure_can_write
from newsdesk.liveblogs.rendering import entry_data
from newsdesk.liveblogs.streaming import (
    EVENT_STREAM_CONTENT_TYPE,
    EVENT_STREAM_HEADERS,
    parse_seq,
    start_stream,
)

router = Router(tags=["newsblogs"], auth=API_AUTH)


class StrictSchema(Schema):
    # Unknown fields and loose types are errors: a typo must not be silently ignored.
    model_config = ConfigDict(extra="forbid", strict=True)

    @field_validator("*", mode="before")
    @classmethod
    def _valid_text(cls, value):
        # Lone surrogates and control characters: a 422 naming the field, not a 500 from the encoder or database.
        problem = text_problem(value) if isinstance(value, str) else None
        if problem:
            raise PydanticCustomError("invalid_text", problem)
        return value


class LiveBlogIn(StrictSchema):
    title: str
    teaser: str = ""
    order: Literal["newest", "oldest"] = "newest"


class LiveBlogPatch(StrictSchema):
    title: str | None = None
    teaser: str | None = None
    order: Literal["newest", "oldest"] | None = None
    status: Literal["open", "closed"] | None = None
    # Usernames; only admins assign them.
    editors: list[str] | None = None
    contributors: list[str] | None = None


class LiveBlogOut(Schema):
    slug: str
    title: str
    teaser: str
    status: str
    order: str
    url: str
    last_seq: int
    reading_minutes: int
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_url(obj: LiveBlog) -> str:
        return obj.get_absolute_url()


class EntryIn(StrictSchema):
    body: str
    headline: str = ""
    key_event: bool = False
    pinned: bool = False
    breaking: bool = False
    # Left out: published at once (an editor) or pending approval (a contributor).
    status: Literal["draft", "scheduled", "pending", "published"] | None = None
    publish_at: str | None = None  # ISO 8601; without a zone, newsroom time (Europe/Berlin)
    coauthors: list[str] | None = None  # usernames


class ScheduleIn(StrictSchema):
    publish_at: str | None  # null cancels the schedule (back to draft)


class SendBackIn(StrictSchema):
    note: str


class AutosaveIn(StrictSchema):
    body: str
    headline: str = ""


class EntryPatch(StrictSchema):
    version: int
    body: str | None = None
    headline: str | None = None
    key_event: bool | None = None
    pinned: bool | None = None
    breaking: bool | None = None
    coauthors: list[str] | None = None


class EntryOut(Schema):
    id: int
    seq: int | None = None
    version: int
    headline: str
    body: str
    key_event: bool
    pinned: bool
    breaking: bool
    author: str
    coauthors: list[str] = []
    status: str = "published"
    publish_at: datetime | None = None
    review_note: str = ""
    created_at: datetime
    updated_at: datetime
    edited_at: datetime | None
    anchor: str
    url: str


class DeskOut(Schema):
    pending_count: int
    drafts: list[EntryOut]
    scheduled: list[EntryOut]
    pending: list[EntryOut]
    mine: list[EntryOut]
    autosave: EntryOut | None


class Error(Schema):
    detail: str


class ConflictOut(Schema):
    detail: str
    current: EntryOut


class EventsOut(Schema):
    liveblog: str
    last_seq: int
    more: bool
    events: list[dict]


def _blog(slug: str) -> LiveBlog:
    blog = selectors.liveblog_by_slug(slug)
    if blog is None and DeletedLiveBlog.objects.filter(slug=slug).exists():
        raise HttpError(410, _("The newsblog '%(slug)s' was deleted.") % {"slug": slug})
    if blog is None:
        raise Http404(_("No newsblog with the address '%(slug)s'.") % {"slug": slug})
    return blog


def _entry_out(entry: Entry, seq: int | None = None) -> dict:
    return {**entry_data(entry), "seq": seq}


ERRORS = {401: Error, 403: Error, 404: Error, 413: Error, 422: Error}


def _users(usernames: list[str], field: str) -> list:
    """The users named, in one query; an unknown name is a 422 that says which."""
    users = {user.username: user for user in get_user_model().objects.filter(username__in=usernames)}
    missing = [name for name in usernames if name not in users]
    if missing:
        raise InvalidInput(_("There is no user named '%(name)s'.") % {"name": missing[0]}, field=field)
    return [users[name] for name in dict.fromkeys(usernames)]


def _desk_entry(blog: LiveBlog, entry_id: int) -> Entry:
    entry = selectors.desk_entry(blog, entry_id)
    if entry is None:
        raise Http404(_("This entry does not exist in this newsblog (or was deleted)."))
    return entry


def _ensure_desk(request: HttpRequest, blog: LiveBlog) -> bool:
    """The desk's reads are for this newsblog's editors and contributors; returns True for an editor."""
    if can_write(request.auth, blog):
        return True
    if can_contribute(request.auth, blog):
        return False
    raise Forbidden(_("The desk of this newsblog is for its editors and contributors."))


@router.get("/liveblogs", response=list[LiveBlogOut], auth=None)
def list_liveblogs(request: HttpRequest):
    return selectors.liveblogs_for_listing()


@router.post("/liveblogs", response={201: LiveBlogOut, **ERRORS})
def create_liveblog(request: HttpRequest, payload: LiveBlogIn):
    blog = services.liveblog_create(title=payload.title, teaser=payload.teaser, order=payload.order,
                                    author=request.auth)
    return Status(201, blog)


@router.get("/liveblogs/{slug}", response={200: LiveBlogOut, 404: Error}, auth=None)
def get_liveblog(request: HttpRequest, slug: str):
    return _blog(slug)


@router.patch("/liveblogs/{slug}", response={200: LiveBlogOut, **ERRORS})
def update_liveblog(request: HttpRequest, slug: str, payload: LiveBlogPatch):
    blog = _blog(slug)
    if payload.title is not None or payload.teaser is not None or payload.order is not None:
        blog = services.liveblog_update(liveblog=blog, editor=request.auth, title=payload.title,
                                        teaser=payload.teaser, order=payload.order)
    if payload.status is not None:
        blog = services.liveblog_set_status(liveblog=blog, editor=request.auth, status=payload.status)
    if payload.editors is not None:
        blog = services.liveblog_set_editors(liveblog=blog, admin=request.auth,
                                             editors=_users(payload.editors, "editors"))
    if payload.contributors is not None:
        blog = services.liveblog_set_contributors(liveblog=blog, admin=request.auth,
                                                  contributors=_users(payload.contributors, "contributors"))
    return blog


@router.post("/liveblogs/{slug}/entries", response={201: EntryOut, 409: Error, **ERRORS})
def create_entry(request: HttpRequest, slug: str, payload: EntryIn):
    blog = _blog(slug)
    coauthors = _users(payload.coauthors, "coauthors") if payload.coauthors else None
    entry = services.entry_create(liveblog=blog, author=request.auth, body=payload.body, headline=payload.headline,
                                  key_event=payload.key_event, pinned=payload.pinned,
                                  breaking=payload.breaking, status=payload.status, publish_at=payload.publish_at,
                                  coauthors=coauthors)
    return Status(201, _entry_out(entry, entry.seq))


@router.get("/liveblogs/{slug}/entries/{int:entry_id}", response={200: EntryOut, 404: Error}, auth=None)
def get_entry(request: HttpRequest, slug: str, entry_id: int):
    blog = _blog(slug)
    entry = selectors.desk_entry(blog, entry_id)
    # Drafts, scheduled and pending entries exist for the newsblog's desk only; for everyone else, not at all.
    if entry is None or (not entry.is_published and not _may_see_unpublished(request, blog, entry)):
        raise Http404(_("This entry does not exist in this newsblog (or was deleted)."))
    return _entry_out(entry)


def _may_see_unpublished(request: HttpRequest, blog: LiveBlog, entry: Entry) -> bool:
    user = _optional_user(request)
    if user is None:
        return False
    return can_write(user, blog) or (can_contribute(user, blog) and entry.author_id == user.pk)


def _optional_user(request: HttpRequest):
    """The caller on an endpoint open to everyone: a bearer token or the session, if any."""
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        return token_authenticate(header[7:].strip())
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


@router.patch("/liveblogs/{slug}/entries/{int:entry_id}", response={200: EntryOut, 409: ConflictOut, **ERRORS})
def update_entry(request: HttpRequest, slug: str, entry_id: int, payload: EntryPatch):
    blog = _blog(slug)
    entry = _desk_entry(blog, entry_id)
    fields = payload.model_dump(exclude_unset=True, exclude={"version"})
    if any(value is None for value in fields.values()):
        raise InvalidInput(_("Fields may be left out, but not set to null."))
    if "coauthors" in fields:
        fields["coauthors"] = _users(fields["coauthors"], "coauthors")
    updated = services.entry_update(entry=entry, editor=request.auth, version=payload.version, **fields)
    return _entry_out(updated, getattr(updated, "seq", None))


@router.delete("/liveblogs/{slug}/entries/{int:entry_id}", response={204: None, 409: Error, **ERRORS})
def delete_entry(request: HttpRequest, slug: str, entry_id: int):
    blog = _blog(slug)
    entry = _desk_entry(blog, entry_id)
    services.entry_delete(entry=entry, editor=request.auth)
    return Status(204, None)


# --- the desk: drafts, schedule, approval queue, autosave ---------------------------------------------

@router.post("/liveblogs/{slug}/entries/{int:entry_id}/publish", response={200: EntryOut, 409: Error, **ERRORS})
def publish_entry(request: HttpRequest, slug: str, entry_id: int):
    """A draft, scheduled or pending entry, published now: an ordinary entry.created with a new seq."""
    blog = _blog(slug)
    entry = services.entry_publish(entry=_desk_entry(blog, entry_id), editor=request.auth)
    return _entry_out(entry, entry.seq)


@router.post("/liveblogs/{slug}/entries/{int:entry_id}/approve", response={200: EntryOut, 409: Error, **ERRORS})
def approve_entry(request: HttpRequest, slug: str, entry_id: int):
    blog = _blog(slug)
    entry = services.entry_approve(entry=_desk_entry(blog, entry_id), editor=request.auth)
    return _entry_out(entry, entry.seq)


@router.post("/liveblogs/{slug}/entries/{int:entry_id}/send-back", response={200: EntryOut, 409: Error, **ERRORS})
def send_back_entry(request: HttpRequest, slug: str, entry_id: int, payload: SendBackIn):
    blog = _blog(slug)
    entry = services.entry_send_back(entry=_desk_entry(blog, entry_id), editor=request.auth, note=payload.note)
    return _entry_out(entry)


@router.post("/liveblogs/{slug}/entries/{int:entry_id}/submit", response={200: EntryOut, 409: Error, **ERRORS})
def submit_entry(request: HttpRequest, slug: str, entry_id: int):
    blog = _blog(slug)
    entry = services.entry_submit(entry=_desk_entry(blog, entry_id), contributor=request.auth)
    return _entry_out(entry)


@router.post("/liveblogs/{slug}/entries/{int:entry_id}/schedule", response={200: EntryOut, 409: Error, **ERRORS})
def schedule_entry(request: HttpRequest, slug: str, entry_id: int, payload: ScheduleIn):
    """Schedules or moves (`publish_at`), or cancels (`null`: back to draft)."""
    blog = _blog(slug)
    entry = services.entry_schedule(entry=_desk_entry(blog, entry_id), editor=request.auth,
                                    publish_at=payload.publish_at)
    return _entry_out(entry)


@router.get("/liveblogs/{slug}/desk", response={200: DeskOut, **ERRORS})
def get_desk(request: HttpRequest, slug: str):
    blog = _blog(slug)
    editor = _ensure_desk(request, blog)
    desk = selectors.desk(blog, request.auth, editor=editor)
    return {
        "pending_count": desk.pending_count,
        "drafts": [_entry_out(e) for e in desk.drafts],
        "scheduled": [_entry_out(e) for e in desk.scheduled],
        "pending": [_entry_out(e) for e in desk.pending],
        "mine": [_entry_out(e) for e in desk.mine],
        "autosave": _entry_out(desk.autosave) if desk.autosave else None,
    }


@router.get("/liveblogs/{slug}/autosave", response={200: EntryOut, **ERRORS})
def get_autosave(request: HttpRequest, slug: str):
    blog = _blog(slug)
    _ensure_desk(request, blog)
    autosave = selectors.desk(blog, request.auth, editor=False).autosave
    if autosave is None:
        raise Http404(_("Nothing saved to resume."))
    return _entry_out(autosave)


@router.put("/liveblogs/{slug}/autosave", response={200: EntryOut, 204: None, **ERRORS})
def put_autosave(request: HttpRequest, slug: str, payload: AutosaveIn):
    """What the compose box holds right now; empty text removes it (204)."""
    blog = _blog(slug)
    entry = services.entry_autosave(liveblog=blog, author=request.auth, body=payload.body, headline=payload.headline)
    if entry is None:
        return Status(204, None)
    return _entry_out(entry)


@router.delete("/liveblogs/{slug}/autosave", response={204: None, **ERRORS})
def delete_autosave(request: HttpRequest, slug: str):
    blog = _blog(slug)
    services.autosave_discard(liveblog=blog, author=request.auth)
    return Status(204, None)


@router.get("/liveblogs/{slug}/entries", response={200: EventsOut, 304: None, 404: Error, 422: Error}, auth=None)
def entry_events(request: HttpRequest, slug: str, since: str | None = None):
    """The changes after `since` (a seq), oldest first; at most 500, `more` tells if others follow.

    Answers 304 to `If-None-Match` with the current ETag: the ETag is the newest seq.
    """
    since_seq = parse_seq(since, "since")
    blog = _blog(slug)
    etag = quote_etag(f"{blog.pk}.{blog.last_seq}")
    last_modified = http_date(blog.updated_at.timestamp())
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response = HttpResponse(status=304)
    else:
        events = selectors.events_after(blog.pk, since_seq)
        response = JsonResponse({
            "liveblog": blog.slug,
            "last_seq": blog.last_seq,
            "more": len(events) == selectors.EVENTS_PAGE_MAX,
            "events": [event.as_message() for event in events],
        }, json_dumps_params={"ensure_ascii": False})
    response["ETag"] = etag
    response["Last-Modified"] = last_modified
    response["Cache-Control"] = "public, max-age=0, must-revalidate"
    return response


@router.get("/liveblogs/{slug}/events", auth=None, response={200: None, 204: None, 404: Error, 422: Error},
            openapi_extra={"responses": {"200": {"content": {"text/event-stream": {}}}}})
async def entry_stream(request: HttpRequest, slug: str):
    """Server-sent events: `id: SEQ`, `event: entry.created|entry.updated|entry.deleted|entry.restored|...`,
    `data: JSON`. `entry.restored` (an undone delete) carries the entry like `entry.created`; readers put it back
    at its time, not on top. `liveblog.deleted` (no `seq` in the log, which goes with the newsblog) ends the stream.

    Resumes after the `Last-Event-ID` header (or `?last_event_id=`); heartbeat comments every 15 s.
    A closed newsblog sends what the reader missed and ends; with nothing missed it answers 204.
    Production servers answer this path in newsdesk.asgi before Django's request cycle (same
    code, `start_stream`): a held connection then costs no middleware and no worker thread.
    """
    raw_last = request.headers.get("Last-Event-ID") or request.GET.get("last_event_id")
    start = await start_stream(slug, raw_last, heartbeat=settings.REALTIME_HEARTBEAT_SECONDS,
                               request_headers={name.lower(): value for name, value in request.headers.items()},
                               recover=request.GET.get("recover") == "true")
    if start.detail:
        return JsonResponse({"detail": start.detail}, status=start.status)
    if start.events is not None:
        response = StreamingHttpResponse(start.events, content_type=EVENT_STREAM_CONTENT_TYPE)
    elif start.status == 204:
        response = HttpResponse(status=204)
    else:
        response = HttpResponse(start.body, content_type=EVENT_STREAM_CONTENT_TYPE, status=start.status)
    for name, value in [*EVENT_STREAM_HEADERS, *start.headers]:
        response[name] = value
    return response


# --- undo, history, "Als Artikel übernehmen" (editors) ------------------------------------------------

class RevertIn(StrictSchema):
    version: int  # the version the editor looked at
    to_version: int


class VersionOut(Schema):
    version: int
    headline: str
    body: str
    by: str
    at: datetime
    action: str
    current: bool


class HistoryOut(Schema):
    entry: int
    deleted: bool
    article: dict | None
    versions: list[VersionOut]


class DiffOut(Schema):
    old: int
    new: int
    headline: str
    body: str


class ArticleLinkOut(Schema):
    id: int
    headline: str
    status: str
    url: str
    edit_url: str


def _editors_entry(request: HttpRequest, slug: str, entry_id: int, *, deleted: bool | None = None) -> Entry:
    """Any entry of the newsblog, deleted ones too, for someone who may write there (else 403)."""
    blog = _blog(slug)
    ensure_can_write(request.auth, blog)
    rows = Entry.objects.select_related("author").filter(liveblog=blog)
    if deleted is not None:
        rows = rows.filter(deleted_at__isnull=not deleted)
    entry = get_object_or_404(rows, pk=entry_id)
    entry.liveblog = blog
    return entry


def _article_link(article) -> dict:
    return {"id": article.pk, "headline": article.headline, "status": article.status,
            "url": article.get_absolute_url(),
            "edit_url": reverse("newsroom:articles_article_change", args=[article.pk])}


@router.post("/liveblogs/{slug}/entries/{int:entry_id}/restore", response={200: EntryOut, 409: Error, **ERRORS})
def restore_entry(request: HttpRequest, slug: str, entry_id: int):
    """Undo of a delete: the entry is visible again at its place; readers get `entry.restored`."""
    entry = _editors_entry(request, slug, entry_id)
    if entry.deleted_at is None:
        raise Conflict(_("This entry is not deleted; there is nothing to restore."))
    restored = services.entry_restore(entry=entry, editor=request.auth)
    return _entry_out(restored, restored.seq)


@router.get("/liveblogs/{slug}/entries/{int:entry_id}/revisions", response={200: HistoryOut, **ERRORS})
def entry_revisions(request: HttpRequest, slug: str, entry_id: int):
    """Every version, newest first: who made it, when, how (created, edited, deleted, restored, reverted)."""
    entry = _editors_entry(request, slug, entry_id)
    article = entry.article if entry.article_id else None
    return {"entry": entry.pk, "deleted": entry.deleted_at is not None,
            "article": _article_link(article) if article else None,
            "versions": [vars(v) for v in history.entry_versions(entry)]}


@router.get("/liveblogs/{slug}/entries/{int:entry_id}/diff", response={200: DiffOut, **ERRORS})
def entry_diff(request: HttpRequest, slug: str, entry_id: int, old: int, new: int):
    """A word diff of two versions: removed words in `<del>`, added in `<ins>`, all else escaped."""
    entry = _editors_entry(request, slug, entry_id)
    versions = {v.version: v for v in history.entry_versions(entry)}
    missing = [n for n in (old, new) if n not in versions]
    if missing:
        raise NotFound(_("This entry has no version %(v)d.") % {"v": missing[0]})
    diff = history.version_diff(versions[old], versions[new])
    return {"old": old, "new": new, **diff}


@router.post("/liveblogs/{slug}/entries/{int:entry_id}/revert", response={200: EntryOut, 409: ConflictOut, **ERRORS})
def revert_entry(request: HttpRequest, slug: str, entry_id: int, payload: RevertIn):
    """"Diese Fassung wiederherstellen": `to_version`'s text becomes the newest version (version check)."""
    entry = _editors_entry(request, slug, entry_id, deleted=False)
    updated = services.entry_revert(entry=entry, editor=request.auth, version=payload.version,
                                    to_version=payload.to_version)
    return _entry_out(updated, getattr(updated, "seq", None))


@router.post("/liveblogs/{slug}/entries/{int:entry_id}/article", response={201: ArticleLinkOut, 200: ArticleLinkOut,
                                                                          **ERRORS})
def entry_article(request: HttpRequest, slug: str, entry_id: int):
    """"Als Artikel übernehmen": 201 with the new draft, or 200 with the article made from it before."""
    entry = _editors_entry(request, slug, entry_id, deleted=False)
    had = entry.article_id
    article = services.entry_to_article(entry=entry, editor=request.auth)
    return Status(200 if had and had == article.pk else 201, _article_link(article))
