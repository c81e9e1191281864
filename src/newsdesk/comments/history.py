"""Spam signals that need stored comments: the same text posted again, and flooding per e-mail or IP hash.

`moderation.spam` has the database-free parts (fingerprints, shingles, similarity); this module asks the
comments table. Signals are stored like the pre-screening ones (dicts with `reason_de`), plus `comment` (the id
of the earlier copy) so the queue can link to it.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone

from newsdesk.comments.models import Comment
from newsdesk.moderation import Action, Signal
from newsdesk.moderation.normalize import fold_for_matching
from newsdesk.moderation.screening import decimal_de
from newsdesk.moderation.spam import shingles

HISTORY_VERSION = "history-de-1.0"
NEAR_DUPLICATE = 0.8  # Jaccard of word triples: "the same comment, slightly edited"
MIN_WORDS = 4  # "Danke!" or "Sehr gut" twice is not spam
NEAR_CANDIDATES = 200  # newest comments compared word by word (same target, IP hash or e-mail)


def _setting(name: str, default: tuple[int, int]) -> tuple[int, int]:
    return tuple(getattr(settings, name, default))  # type: ignore[return-value]


def _as_dict(signal: Signal, **extra: object) -> dict:
    return {**asdict(signal), "action": signal.action.value, **extra}


def duplicate_signal(*, body: str, fingerprint: str, content_type: ContentType, object_id: int, email: str,
                     ip_digest: str) -> dict | None:
    """The newest comment of the last `COMMENTS_DUPLICATE_HOURS` (24) with the same or nearly the same text."""
    if len(fold_for_matching(body).split()) < MIN_WORDS:
        return None
    since = timezone.now() - timedelta(hours=getattr(settings, "COMMENTS_DUPLICATE_HOURS", 24))
    recent = Comment.objects.filter(created_at__gte=since).exclude(status=Comment.Status.DELETED)
    same = recent.filter(fingerprint=fingerprint).order_by("-created_at", "-id").values_list("pk", flat=True)[:1]
    if same:
        return _as_dict(Signal("duplicate", 1.0, f"gleicher Text wie Kommentar #{same[0]}", HISTORY_VERSION,
                               Action.HOLD), comment=same[0])
    # Near copies: only among comments that plausibly belong together, so the cost stays bounded.
    nearby = Q(content_type=content_type, object_id=object_id) | Q(commenter__email=email)
    if ip_digest:
        nearby |= Q(ip_hash=ip_digest)
    mine = shingles(body)
    best: tuple[float, int] | None = None
    for pk, other in recent.filter(nearby).order_by("-created_at", "-id").values_list("pk", "body")[
            :NEAR_CANDIDATES]:
        theirs = shingles(other)
        if not mine or not theirs:
            continue
        score = len(mine & theirs) / len(mine | theirs)
        if score >= NEAR_DUPLICATE and (best is None or score > best[0]):
            best = (score, pk)
    if best is None:
        return None
    score, pk = best
    return _as_dict(Signal("duplicate", round(score, 4),
                           f"fast gleicher Text wie Kommentar #{pk} ({decimal_de(score)})", HISTORY_VERSION,
                           Action.HOLD), comment=pk)


def flood_signals(*, email: str, ip_digest: str) -> list[dict]:
    """Many comments in a short time, below the hard rate limit: `COMMENTS_FLOOD_EMAIL` (4 in 60 minutes) and
    `COMMENTS_FLOOD_IP` (6 in 60 minutes), the new comment included."""
    now = timezone.now()
    found = []
    checks = [("COMMENTS_FLOOD_EMAIL", (4, 3600), Q(commenter__email=email), "von dieser E-Mail-Adresse")]
    if ip_digest:
        checks.append(("COMMENTS_FLOOD_IP", (6, 3600), Q(ip_hash=ip_digest), "von diesem Anschluss"))
    for name, default, who, where in checks:
        limit, seconds = _setting(name, default)
        count = Comment.objects.filter(who, created_at__gte=now - timedelta(seconds=seconds)).count() + 1
        if count >= limit:
            minutes = max(1, seconds // 60)
            found.append(_as_dict(Signal(
                "flood", min(1.0, 0.6 + 0.1 * (count - limit + 1)),
                f"{count} Kommentare in {minutes} Minuten {where}", HISTORY_VERSION, Action.HOLD)))
    return found


def history_signals(*, body: str, fingerprint: str, content_type: ContentType, object_id: int, email: str,
                    ip_digest: str) -> list[dict]:
    """All signals of this module for a comment about to be stored (call before saving it)."""
    duplicate = duplicate_signal(body=body, fingerprint=fingerprint, content_type=content_type,
                                 object_id=object_id, email=email, ip_digest=ip_digest)
    return ([duplicate] if duplicate else []) + flood_signals(email=email, ip_digest=ip_digest)
