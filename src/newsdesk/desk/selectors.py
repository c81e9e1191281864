"""Reads of the desk: who is present (cache) and the desk chat (database)."""

from __future__ import annotations

import re
import time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import cache

from newsdesk.desk.models import DeskMessage
from newsdesk.liveblogs.models import LiveBlog

RECENT_MESSAGES = 50


def presence_key(liveblog_id: int, user_id: int) -> str:
    return f"desk:presence:{liveblog_id}:{user_id}"


def roster_key(liveblog_id: int) -> str:
    return f"desk:roster:{liveblog_id}"


def _initials(name: str) -> str:
    parts = [part for part in name.split() if part[:1].isalnum()]
    letters = "".join(part[0] for part in parts[:2]) or name[:1]
    return letters.upper()


def presence(liveblog: LiveBlog, *, now: float | None = None) -> list[dict]:
    """Everybody at the desk now, by name: what the panel shows. Times are relative (seconds from now), so
    browsers with a wrong clock count down correctly."""
    now = time.time() if now is None else now
    members = cache.get(roster_key(liveblog.pk)) or []
    if not members:
        return []
    states = cache.get_many([presence_key(liveblog.pk, user_id) for user_id in members])
    people = []
    for state in states.values():
        expires = state["expires_at"] - now
        if expires <= 0:
            continue
        typing = max(0.0, state["typing_until"] - now)
        people.append({
            "id": state["id"],
            "username": state["username"],
            "name": state["name"],
            "initials": _initials(state["name"]),
            "typing": typing > 0,
            "typing_seconds": round(typing, 1),
            "editing": state["editing"],
            "expires_seconds": round(expires, 1),
        })
    if len(states) < len(members):  # some expired: keep the roster short
        alive = [user_id for user_id in members if presence_key(liveblog.pk, user_id) in states]
        cache.set(roster_key(liveblog.pk), alive, 24 * 3600)
    return sorted(people, key=lambda person: (person["name"].lower(), person["id"]))


def message_segments(text: str, mentions: list[str]) -> list[dict]:
    """The text cut into plain parts and @mentions of desk members, for highlighting without any HTML."""
    if not mentions:
        return [{"text": text}]
    names = sorted({name.lower() for name in mentions}, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w@])@(" + "|".join(re.escape(name) for name in names) + r")(?![\w])",
                         re.IGNORECASE)
    segments, position = [], 0
    for match in pattern.finditer(text):
        if match.start() > position:
            segments.append({"text": text[position:match.start()]})
        segments.append({"mention": match.group(1).lower(), "text": match.group(0)})
        position = match.end()
    if position < len(text):
        segments.append({"text": text[position:]})
    return segments


def message_data(message: DeskMessage, *, mentions: list[str] | None = None) -> dict:
    if mentions is None:
        mentions = [user.get_username() for user in message.mentions.all()]
    local = message.created_at.astimezone(ZoneInfo(settings.TIME_ZONE))
    return {
        "id": message.pk,
        "author": message.author_name,
        "author_id": message.author_id,
        "text": message.text,
        "mentions": [name.lower() for name in mentions],
        "segments": message_segments(message.text, mentions),
        "at": message.created_at.isoformat(),
        "time": local.strftime("%H:%M"),
    }


def recent_messages(liveblog: LiveBlog, *, limit: int = RECENT_MESSAGES) -> list[dict]:
    """The newest messages, oldest first (the order a chat reads in)."""
    rows = list(DeskMessage.objects.filter(liveblog=liveblog).prefetch_related("mentions").order_by("-id")[:limit])
    return [message_data(row) for row in reversed(rows)]


def messages_after(liveblog_id: int, after_id: int, *, limit: int = RECENT_MESSAGES) -> list[dict]:
    """What a desk stream missed while it was away (reconnect with Last-Event-ID)."""
    rows = DeskMessage.objects.filter(liveblog_id=liveblog_id, id__gt=after_id).prefetch_related(
        "mentions").order_by("id")[:limit]
    return [message_data(row) for row in rows]
