"""What a reader who commented or reported keeps: their own waiting comments and one-time notices.

Kept in a small signed cookie (`READER_COOKIE`), not in the session: a session cookie makes every page the
reader opens their own (private, past shared caches), so each commenter would cost a render per page all
night long. The cookie changes no page: shared pages stay the same for everybody (Varnish strips it), and the
page's script (comments.js) fetches the reader's part from `comments:own` (under /kommentare/, which shared
caches pass with cookies), a private answer that shows a notice once. The script reads only whether the
cookie is there (so it is not HttpOnly); it holds comment numbers and a random reader id, nothing secret,
and is signed so nobody can claim somebody else's comments.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse

READER_COOKIE = "newsdesk_leser"
_SALT = "newsdesk.comments.reader"
MINE_MAX = 50


def notes(request: HttpRequest) -> dict[str, Any]:
    """{"mine": [comment ids, newest first], "notice": "", "report": "", "rid": reader id}; empty when none."""
    raw = request.COOKIES.get(READER_COOKIE)
    if raw:
        try:
            data = signing.loads(raw, salt=_SALT, max_age=settings.SESSION_COOKIE_AGE)
        except signing.BadSignature:
            data = None
        if isinstance(data, dict):
            mine = [n for n in data.get("mine", []) if isinstance(n, int)][:MINE_MAX]
            return {"mine": mine, "notice": str(data.get("notice", "")), "report": str(data.get("report", "")),
                    "rid": str(data.get("rid", ""))}
    return {"mine": [], "notice": "", "report": "", "rid": ""}


def reader_id(kept: dict[str, Any]) -> str:
    """A random id for this reader (recognises a repeat report, like a session key did), made once."""
    if not kept["rid"]:
        kept["rid"] = secrets.token_urlsafe(16)
    return kept["rid"]


def remember_comment(kept: dict[str, Any], comment_id: int, notice: str) -> None:
    kept["mine"] = [comment_id, *[n for n in kept["mine"] if n != comment_id]][:MINE_MAX]
    kept["notice"] = notice


def save(response: HttpResponse, kept: dict[str, Any]) -> None:
    response.set_cookie(
        READER_COOKIE, signing.dumps(kept, salt=_SALT, compress=True), max_age=settings.SESSION_COOKIE_AGE,
        secure=settings.SESSION_COOKIE_SECURE, httponly=False, samesite="Lax")
