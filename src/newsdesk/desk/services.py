"""Every write of the desk: presence heartbeats (in the cache) and desk chat messages (in the database).

Presence lives in the cache with an expiry, one key per person and newsblog, so a closed laptop drops out by
itself; with REDIS_URL the cache is Redis and every server process sees the same desk. Changes go out on the
newsblog's desk channel (`liveblog.<id>.desk`), which only desk members can subscribe to (desk.views).
"""

from __future__ import annotations

import re
import time
import unicodedata
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from newsdesk import realtime
from newsdesk.core import ratelimit
from newsdesk.core.errors import ServiceError
from newsdesk.core.validation import text_problem
from newsdesk.desk import selectors
from newsdesk.desk.models import MESSAGE_MAX_LENGTH, DeskMessage
from newsdesk.desk.permissions import desk_members, ensure_desk_member
from newsdesk.liveblogs.models import Entry, LiveBlog

# A heartbeat every PRESENCE_HEARTBEAT_SECONDS keeps one present; without one for PRESENCE_SECONDS one is gone
# (long enough for a background tab whose timers the browser slows down).
PRESENCE_HEARTBEAT_SECONDS = 20
PRESENCE_SECONDS = 70
# "Anna schreibt …" lasts this long after the last keystroke the browser reported.
TYPING_SECONDS = 6
ROSTER_SECONDS = 24 * 3600

# Invisible and direction-changing characters could hide or reorder text in a message; they are dropped.
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_MENTION = re.compile(r"(?<![\w@])@([\w][\w.\-]{0,149})")


class BadDeskInput(ServiceError):
    status = 400


class RateLimited(ServiceError):
    status = 429


def desk_channel(liveblog: LiveBlog) -> str:
    """Editors only: readers' streams never subscribe to it, and its SSE view checks desk membership."""
    return f"{liveblog.channel}.desk"


def _limit(name: str, default: tuple[int, int]) -> tuple[int, int]:
    return tuple(getattr(settings, name, default))  # type: ignore[return-value]


def _publish(liveblog: LiveBlog, data: dict[str, Any]) -> None:
    realtime.publish(desk_channel(liveblog), data)


def _publish_presence(liveblog: LiveBlog, now: float) -> list[dict]:
    people = selectors.presence(liveblog, now=now)
    _publish(liveblog, {"type": "desk.presence", "people": people})
    return people


# --- presence ------------------------------------------------------------------------------------------


def presence_heartbeat(*, liveblog: LiveBlog, user, typing: bool = False, editing: int | None = None,
                       now: float | None = None) -> list[dict]:
    """`user` is at the desk now; `typing`: they typed in an entry a moment ago; `editing`: the entry they have
    open. Returns everybody present. Tells the desk when something others see changed (a plain heartbeat of
    someone already present sends nothing)."""
    ensure_desk_member(user, liveblog)
    count, seconds = _limit("DESK_PRESENCE_RATE_LIMIT", (40, 60))
    if ratelimit.take("desk-presence", f"{liveblog.pk}:{user.pk}", limit=count, seconds=seconds) is None:
        raise RateLimited(_("Too many presence signals. Please wait a moment."))
    if editing is not None and not Entry.objects.visible().filter(pk=editing, liveblog=liveblog).exists():
        raise BadDeskInput(_("This newsblog has no entry with this number."), field="editing")
    now = time.time() if now is None else now
    key = selectors.presence_key(liveblog.pk, user.pk)
    previous = cache.get(key)
    state = {
        "id": user.pk,
        "username": user.get_username(),
        "name": user.display_name,
        "typing_until": now + TYPING_SECONDS if typing else 0,
        "editing": editing,
        "seen": now,
        "expires_at": now + PRESENCE_SECONDS,
    }
    cache.set(key, state, PRESENCE_SECONDS)
    _join_roster(liveblog.pk, user.pk)
    was_typing = bool(previous) and previous.get("typing_until", 0) > now
    changed = (previous is None or previous.get("expires_at", 0) < now
               or previous.get("editing") != editing or was_typing != typing
               # A typing signal renews "schreibt …" on the others' screens.
               or typing)
    if changed:
        return _publish_presence(liveblog, now)
    return selectors.presence(liveblog, now=now)


def _join_roster(liveblog_id: int, user_id: int) -> None:
    # The roster (who might be present) is read-modify-write; a join lost to a concurrent one is repaired by the
    # next heartbeat. Each person's own state is a separate key, so no heartbeat overwrites another's.
    key = selectors.roster_key(liveblog_id)
    members = cache.get(key) or []
    if user_id not in members:
        cache.set(key, [*members, user_id], ROSTER_SECONDS)
    else:
        cache.touch(key, ROSTER_SECONDS)


def presence_leave(*, liveblog: LiveBlog, user, now: float | None = None) -> list[dict]:
    """`user` closed the page: gone for the others at once, not only when the heartbeat expires."""
    ensure_desk_member(user, liveblog)
    now = time.time() if now is None else now
    cache.delete(selectors.presence_key(liveblog.pk, user.pk))
    return _publish_presence(liveblog, now)


# --- desk chat -----------------------------------------------------------------------------------------


def clean_message(raw: object) -> str:
    """Plain text on one line: valid Unicode without control or invisible characters, at most 500 characters."""
    if not isinstance(raw, str):
        raise BadDeskInput(_("The message must be text."), field="text")
    problem = text_problem(raw)
    if problem:
        raise BadDeskInput(problem, field="text")
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", raw))
    text = " ".join(text.split())
    if not text:
        raise BadDeskInput(_("Please write a message."), field="text")
    if len(text) > MESSAGE_MAX_LENGTH:
        raise BadDeskInput(_("The message has %(length)d characters; at most %(max)d are allowed.") % {
            "length": len(text), "max": MESSAGE_MAX_LENGTH}, field="text")
    return text


def mentioned_members(liveblog: LiveBlog, text: str) -> list:
    """The desk members named as @username in the text (case-insensitive); other @words stay plain text."""
    names = {match.rstrip(".-").lower() for match in _MENTION.findall(text)}
    names.discard("")
    if not names:
        return []
    members = desk_members(liveblog).only("pk", "username")
    return [user for user in members if user.get_username().lower() in names]


def message_post(*, liveblog: LiveBlog, author, text: object) -> DeskMessage:
    ensure_desk_member(author, liveblog)
    text = clean_message(text)
    count, seconds = _limit("DESK_CHAT_RATE_LIMIT", (10, 60))
    if ratelimit.take("desk-chat", f"{liveblog.pk}:{author.pk}", limit=count, seconds=seconds) is None:
        raise RateLimited(_("You are sending messages too quickly. Please wait a moment and try again."))
    mentions = mentioned_members(liveblog, text)
    with transaction.atomic():
        message = DeskMessage.objects.create(liveblog=liveblog, author=author, author_name=author.display_name,
                                             text=text, created_at=timezone.now())
        if mentions:
            message.mentions.set(mentions)
        data = selectors.message_data(message, mentions=[user.get_username() for user in mentions])
        transaction.on_commit(lambda: _publish(liveblog, {"type": "desk.message", "message": data}))
    return message
