"""All writes of the comments app: submit (validate, rate-limit, pre-screen, store), decisions, deletion."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from newsdesk import realtime
from newsdesk.comments.models import (
    BODY_MAX_LENGTH,
    DISPLAY_NAME_MAX_LENGTH,
    Comment,
    Commenter,
    Decision,
    Reason,
    normalize_email,
)
from newsdesk.comments.targets import context_text, is_commentable
from newsdesk.core.errors import InvalidInput, NotFound, ServiceError
from newsdesk.core.privacy import ip_hash
from newsdesk.moderation import Action, screen

IP_HASH_MAX_AGE = timedelta(days=7)
DELETE_TOKEN_SALT = "newsdesk.comments.delete"  # noqa: S105 - a signing salt, not a secret
# Control characters other than line breaks and tabs have no place in a comment (and can hide text).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")


class RateLimited(ServiceError):
    status = 429


def _limit(name: str, default: tuple[int, int]) -> tuple[int, int]:
    """(comments, seconds) from settings, e.g. COMMENTS_RATE_LIMIT_IP = (10, 600)."""
    return tuple(getattr(settings, name, default))  # type: ignore[return-value]


def clean_text(text: str) -> str:
    """NFKC (full-width letters, ligatures become plain ones), invisible characters removed, line ends unified."""
    text = unicodedata.normalize("NFKC", text or "").replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text).strip()


def _validate(*, display_name: str, email: str, body: str, consent: bool) -> dict[str, str]:
    errors = {}
    if not display_name:
        errors["display_name"] = _("Please enter a name.")
    elif len(display_name) > DISPLAY_NAME_MAX_LENGTH:
        errors["display_name"] = _("The name may have at most %(max)d characters.") % {"max": DISPLAY_NAME_MAX_LENGTH}
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = _("Please enter a valid e-mail address.")
    if not body:
        errors["body"] = _("Please write a comment.")
    elif len(body) > BODY_MAX_LENGTH:
        errors["body"] = _("The comment has %(length)d characters; at most %(max)d are allowed.") % {
            "length": len(body), "max": BODY_MAX_LENGTH}
    if not consent:
        errors["consent"] = _("Please agree to the privacy notice.")
    return errors


def _check_rate(*, ip_digest: str, email: str) -> None:
    now = timezone.now()
    count, seconds = _limit("COMMENTS_RATE_LIMIT_IP", (10, 600))
    if ip_digest and Comment.objects.filter(
            ip_hash=ip_digest, created_at__gte=now - timedelta(seconds=seconds)).count() >= count:
        raise RateLimited(_("Too many comments from your connection. Please wait %(minutes)d minutes and try "
                            "again.") % {"minutes": max(1, seconds // 60)})
    count, seconds = _limit("COMMENTS_RATE_LIMIT_EMAIL", (5, 600))
    if Comment.objects.filter(commenter__email=email,
                              created_at__gte=now - timedelta(seconds=seconds)).count() >= count:
        raise RateLimited(_("Too many comments from this e-mail address. Please wait %(minutes)d minutes and try "
                            "again.") % {"minutes": max(1, seconds // 60)})


def _resolve_parent(target: models.Model, content_type: ContentType, parent_id: int | None) -> Comment | None:
    if not parent_id:
        return None
    parent = Comment.objects.filter(pk=parent_id, content_type=content_type, object_id=target.pk,
                                    status=Comment.Status.APPROVED).first()
    if parent is None:
        raise InvalidInput(_("The comment you reply to does not exist (any more)."),
                           errors={"parent": _("The comment you reply to does not exist (any more).")})
    return parent.parent or parent  # one level of replies: a reply to a reply answers the top comment


def comment_submit(*, target: models.Model, display_name: str, email: str, body: str, consent: bool,
                   honeypot: str = "", parent_id: int | None = None, ip: str | None = None) -> Comment:
    """Validate, rate-limit, pre-screen and store one reader comment; the answer comes after it is stored.

    Raises InvalidInput (details["errors"]: field → German message) or RateLimited. A filled honeypot, a banned
    commenter or a banned word yields a stored, rejected comment (the reader is not told: bots learn nothing).
    """
    content_type = ContentType.objects.get_for_model(target)
    if not is_commentable(content_type):
        raise NotFound(_("Comments are not possible here."))
    display_name = " ".join(clean_text(display_name).split())
    email = normalize_email(clean_text(email))
    body = clean_text(body)
    errors = _validate(display_name=display_name, email=email, body=body, consent=consent)
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors=errors)
    parent = _resolve_parent(target, content_type, parent_id)
    digest = ip_hash(ip)
    _check_rate(ip_digest=digest, email=email)
    screening = screen(body, context_text=context_text(target), parent_text=parent.body if parent else "")
    with transaction.atomic():
        commenter, _created = Commenter.objects.get_or_create(email=email)
        comment = Comment(
            content_type=content_type, object_id=target.pk, parent=parent, commenter=commenter,
            display_name=display_name, body=body, ip_hash=digest,
            risk=screening.risk, screen_action=screening.action.value, fingerprint=screening.fingerprint,
            signals=[{**asdict(s), "action": s.action.value} for s in screening.signals],
            model_versions=screening.versions,
        )
        comment.save()
        auto = _automatic_rejection(comment, commenter, honeypot, screening)
        if auto is not None:
            reason, note = auto
            _decide(comment, Comment.Status.REJECTED, moderator=None, action=Decision.Action.REJECT,
                    reason=reason, note=note)
    return comment


def _automatic_rejection(comment: Comment, commenter: Commenter, honeypot: str,
                         screening) -> tuple[str, str] | None:
    if honeypot.strip():
        return Reason.SPAM, "Honeypot-Feld ausgefüllt"
    if commenter.is_banned:
        return Reason.OTHER, "Kommentator gesperrt"
    if screening.action == Action.REJECT:
        banned = [s.reason_de for s in screening.signals if s.action == Action.REJECT]
        return Reason.DEMEANING, "; ".join(banned)[:300]
    return None


_COUNTER = {Comment.Status.APPROVED: "approved_count", Comment.Status.REJECTED: "rejected_count"}


def _decide(comment: Comment, status: str, *, moderator, action: str, reason: str = "", note: str = "") -> None:
    """Move a comment to `status`, keep the commenter's counts in step, log the decision, tell live pages."""
    old = comment.status
    now = timezone.now()
    comment.status = status
    comment.rejection_reason = reason if status == Comment.Status.REJECTED else ""
    comment.decided_at = now
    comment.decided_by = moderator
    comment.save(update_fields=["status", "rejection_reason", "decided_at", "decided_by"])
    changes = {}
    if old in _COUNTER and old != status:
        changes[_COUNTER[old]] = F(_COUNTER[old]) - 1
    if status in _COUNTER and old != status:
        changes[_COUNTER[status]] = F(_COUNTER[status]) + 1
    if changes:
        Commenter.objects.filter(pk=comment.commenter_id).update(**changes)
    Decision.objects.create(comment=comment, commenter_id=comment.commenter_id, moderator=moderator,
                            action=action, reason=reason, note=note)
    channel = comment.channel
    if status == Comment.Status.APPROVED and old != status:
        message = {"type": "comment.approved", "id": comment.pk, "parent": comment.parent_id,
                   "html": render_to_string("comments/_comment.html", {"comment": comment})}
        transaction.on_commit(lambda: realtime.publish(channel, message))
    elif old == Comment.Status.APPROVED and status != old:
        message = {"type": "comment.removed", "id": comment.pk}
        transaction.on_commit(lambda: realtime.publish(channel, message))


def _locked(comment_id: int) -> Comment:
    comment = Comment.objects.select_for_update().filter(pk=comment_id).first()
    if comment is None:
        raise NotFound(_("No such comment."))
    return comment


def comment_approve(*, comment: Comment, moderator) -> Comment:
    with transaction.atomic():
        locked = _locked(comment.pk)
        if locked.status == Comment.Status.DELETED:
            raise InvalidInput(_("The commenter has deleted this comment."))
        if locked.status != Comment.Status.APPROVED:
            _decide(locked, Comment.Status.APPROVED, moderator=moderator, action=Decision.Action.APPROVE)
    return locked


def comment_reject(*, comment: Comment, moderator, reason: str, note: str = "") -> Comment:
    if reason not in Reason.values:
        raise InvalidInput(_("Please choose a reason."), errors={"reason": _("Please choose a reason.")})
    with transaction.atomic():
        locked = _locked(comment.pk)
        if locked.status == Comment.Status.DELETED:
            raise InvalidInput(_("The commenter has deleted this comment."))
        _decide(locked, Comment.Status.REJECTED, moderator=moderator, action=Decision.Action.REJECT,
                reason=reason, note=note)
    return locked


def _set_state(commenter: Commenter, state: str, *, moderator, comment: Comment | None, action: str) -> None:
    Commenter.objects.filter(pk=commenter.pk).update(state=state)
    Decision.objects.create(comment=comment, commenter=commenter, moderator=moderator, action=action)


def commenter_ban(*, commenter: Commenter, moderator, comment: Comment | None = None) -> Commenter:
    """Ban: new comments are rejected on arrival, and the ones still waiting are rejected now."""
    with transaction.atomic():
        _set_state(commenter, Commenter.State.BANNED, moderator=moderator, comment=comment,
                   action=Decision.Action.BAN)
        for pending in Comment.objects.select_for_update().filter(commenter=commenter,
                                                                  status=Comment.Status.PENDING):
            _decide(pending, Comment.Status.REJECTED, moderator=moderator, action=Decision.Action.REJECT,
                    reason=Reason.OTHER, note="Kommentator gesperrt")
    commenter.refresh_from_db()
    return commenter


def commenter_trust(*, commenter: Commenter, moderator, comment: Comment | None = None) -> Commenter:
    """Trusted is a mark for moderators for now: automatic approval is not switched on (policy: pre-moderation)."""
    with transaction.atomic():
        _set_state(commenter, Commenter.State.TRUSTED, moderator=moderator, comment=comment,
                   action=Decision.Action.TRUST)
    commenter.refresh_from_db()
    return commenter


def delete_token(comment: Comment) -> str:
    return signing.dumps(comment.pk, salt=DELETE_TOKEN_SALT)


def comment_delete_by_reader(*, token: str) -> Comment:
    """A reader deletes their own comment with the signed token only they were given."""
    try:
        comment_id = signing.loads(token, salt=DELETE_TOKEN_SALT)
    except signing.BadSignature as exc:
        raise NotFound(_("This link to delete a comment is not valid.")) from exc
    with transaction.atomic():
        comment = _locked(comment_id)
        if comment.status != Comment.Status.DELETED:
            _decide(comment, Comment.Status.DELETED, moderator=None, action=Decision.Action.DELETE)
    return comment


def comment_purge_ip_hashes(*, max_age: timedelta = IP_HASH_MAX_AGE) -> int:
    """Forget the IP hashes of comments older than `max_age` (7 days); returns how many were emptied."""
    return Comment.objects.filter(created_at__lt=timezone.now() - max_age).exclude(ip_hash="").update(ip_hash="")
