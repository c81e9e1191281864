"""All writes of the comments app: submit (validate, rate-limit, pre-screen, store), decisions, deletion."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from newsdesk import realtime
from newsdesk.comments.history import history_signals
from newsdesk.comments.models import (
    BODY_MAX_LENGTH,
    DISPLAY_NAME_MAX_LENGTH,
    Comment,
    Commenter,
    CommenterNote,
    Complaint,
    Decision,
    Notice,
    NoticeCategory,
    Reason,
    Report,
    Statement,
    normalize_email,
)
from newsdesk.comments.policy import Rules, closed_message, rules_for
from newsdesk.comments.selectors import commenter_comments
from newsdesk.comments.signals import approved_comments_changed
from newsdesk.comments.targets import context_text, is_commentable, is_public, target_url
from newsdesk.core import ratelimit
from newsdesk.core.errors import Forbidden, InvalidInput, NotFound, ServiceError
from newsdesk.core.privacy import ip_hash
from newsdesk.core.seo import site_name
from newsdesk.mail import services as mail
from newsdesk.moderation import Action, screen
from newsdesk.moderation import lists as wordlists
from newsdesk.moderation import services as moderation_services

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
    """Take a slot per IP hash and per address from atomic counters (core.ratelimit), or raise RateLimited.

    A count of stored comments is no limit under concurrency: 30 parallel POSTs all counted 0 and were all stored.
    """
    count, seconds = _limit("COMMENTS_RATE_LIMIT_IP", (10, 600))
    ip_slot = None
    if ip_digest:
        ip_slot = ratelimit.take("comment-ip", ip_digest, limit=count, seconds=seconds)
        if ip_slot is None:
            raise RateLimited(_("Too many comments from your connection. Please wait %(minutes)d minutes and try "
                                "again.") % {"minutes": max(1, seconds // 60)})
    count, seconds = _limit("COMMENTS_RATE_LIMIT_EMAIL", (5, 600))
    email_key = salted_hmac("newsdesk.comments.rate", email).hexdigest()[:32]
    if ratelimit.take("comment-email", email_key, limit=count, seconds=seconds) is None:
        if ip_slot is not None:
            ip_slot.give_back()  # this comment is not stored, so it must not count against the connection
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
                   honeypot: str = "", parent_id: int | None = None, ip: str | None = None,
                   notify: bool = False, by_staff: bool = False) -> Comment:
    """Validate, rate-limit, pre-screen and store one reader comment; the answer comes after it is stored.

    Raises NotFound (not commentable, not published), Forbidden (comments closed: nothing is stored),
    InvalidInput (details["errors"]: field → German message) or RateLimited. A filled honeypot, a banned
    commenter or a banned word yields a stored, rejected comment (the reader is not told: bots learn nothing).
    A first-time commenter's comment waits as "unverified" until the e-mail link is followed (site setting);
    in post-moderation (or for trusted commenters, when switched on) a low-risk comment is approved at once.
    """
    content_type = ContentType.objects.get_for_model(target)
    if not is_commentable(content_type) or not is_public(target):
        raise NotFound(_("Comments are not possible here."))
    rules = rules_for(target)
    closed = closed_message(rules)
    if closed:
        raise Forbidden(closed)
    display_name = " ".join(clean_text(display_name).split())
    email = normalize_email(clean_text(email))
    body = clean_text(body)
    errors = _validate(display_name=display_name, email=email, body=body, consent=consent)
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors=errors)
    parent = _resolve_parent(target, content_type, parent_id)
    _check_suspension(email)
    digest = ip_hash(ip)
    _check_rate(ip_digest=digest, email=email)
    banned, suspect = wordlists.current()
    screening = screen(body, context_text=context_text(target), parent_text=parent.body if parent else "",
                       banned=banned, suspect=suspect, model=moderation_services.active_model(),
                       identity_terms=wordlists.identity_terms())
    signals = [{**asdict(s), "action": s.action.value} for s in screening.signals]
    for signal in signals:
        if signal["name"] == "offense" and screening.reason_spans:
            # Where the reason words are, for the cockpit's highlighting (comments.selectors.signal_spans).
            signal["reason_spans"] = [list(span) for span in screening.reason_spans]
    signals += history_signals(body=body, fingerprint=screening.fingerprint, content_type=content_type,
                               object_id=target.pk, email=email, ip_digest=digest)
    with transaction.atomic():
        commenter, _created = Commenter.objects.get_or_create(email=email)
        comment = Comment(
            content_type=content_type, object_id=target.pk, parent=parent, commenter=commenter,
            display_name=display_name, body=body, ip_hash=digest,
            risk=max(s["score"] for s in signals), screen_action=_strictest(signals),
            risk_next=_second_score(signals), by_staff=bool(by_staff),
            fingerprint=screening.fingerprint, signals=signals,
            model_versions={**screening.versions, **{s["name"]: s["version"] for s in signals}},
            notify=bool(notify),
        )
        comment.save()
        auto = _automatic_rejection(comment, commenter, honeypot, screening)
        if auto is not None:
            reason, note = auto
            decision = _decide(comment, Comment.Status.REJECTED, moderator=None, action=Decision.Action.REJECT,
                               reason=reason, note=note)
            _statement_for(decision, comment)  # decided by automated means: the author is told so
        elif rules.require_email_confirmation and commenter.email_confirmed_at is None:
            Comment.objects.filter(pk=comment.pk).update(status=Comment.Status.UNVERIFIED)
            comment.status = Comment.Status.UNVERIFIED
            _send_confirmation(commenter, target)
        else:
            _maybe_auto_approve(comment, commenter, rules)
        if comment.status == Comment.Status.PENDING:
            _queue_event("comment.new", comment)
    return comment


def _second_score(signals: list[dict]) -> float:
    """The next signal after the highest: two comments at risk 1,00 are ordered by what else is wrong."""
    scores = sorted((s["score"] for s in signals), reverse=True)
    return scores[1] if len(scores) > 1 else 0.0


def _check_suspension(email: str) -> None:
    """A suspended commenter is told clearly, and nothing is stored (the statement of reasons was mailed)."""
    commenter = Commenter.objects.filter(email=email).first()
    if commenter is None:
        return
    if commenter.is_suspended():
        until = timezone.localtime(commenter.suspended_until).strftime("%d.%m.%Y, %H:%M")
        raise Forbidden(_("You are suspended from commenting until %(until)s. Reason: %(reason)s") % {
            "until": until, "reason": commenter.suspension_reason or "–"})
    if commenter.is_banned and commenter.suspension_reason:
        raise Forbidden(_("You are permanently suspended from commenting. Reason: %(reason)s") % {
            "reason": commenter.suspension_reason})


def _strictest(signals: list[dict]) -> str:
    order = [Action.APPROVE_CANDIDATE, Action.HOLD, Action.REJECT]
    return max((Action(s["action"]) for s in signals), key=order.index).value


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


def _comment_snapshot(comment: Comment) -> dict:
    """The fields a decision changes, as JSON: what an undo puts back."""
    return {"status": comment.status, "rejection_reason": comment.rejection_reason,
            "decided_at": comment.decided_at.isoformat() if comment.decided_at else None,
            "decided_by": comment.decided_by_id, "featured": comment.featured,
            "open_reports": comment.open_reports}


def _transition(comment: Comment, *, old_status: str, old_featured: bool) -> None:
    """After a comment's status or featured mark changed (saved already): counts, freshness, live pages, mails."""
    status = comment.status
    changes = {}
    if old_status in _COUNTER and old_status != status:
        changes[_COUNTER[old_status]] = F(_COUNTER[old_status]) - 1
    if status in _COUNTER and old_status != status:
        changes[_COUNTER[status]] = F(_COUNTER[status]) + 1
    if changes:
        Commenter.objects.filter(pk=comment.commenter_id).update(**changes)
    channel = comment.channel
    visible_change = (Comment.Status.APPROVED in (old_status, status) and old_status != status) or (
        status == Comment.Status.APPROVED and old_featured != comment.featured)
    if visible_change:
        approved_comments_changed.send(sender=Comment, comment=comment)
    if status == Comment.Status.APPROVED and old_status != status:
        message = {"type": "comment.approved", "id": comment.pk, "parent": comment.parent_id,
                   "featured": comment.featured,
                   "html": render_to_string("comments/_comment.html", {"comment": comment})}
        transaction.on_commit(lambda: realtime.publish(channel, message))
    elif old_status == Comment.Status.APPROVED and status != old_status:
        message = {"type": "comment.removed", "id": comment.pk}
        transaction.on_commit(lambda: realtime.publish(channel, message))
    elif status == Comment.Status.APPROVED and old_featured != comment.featured:
        message = {"type": "comment.featured", "id": comment.pk, "parent": comment.parent_id,
                   "featured": comment.featured,
                   "html": render_to_string("comments/_comment.html", {"comment": comment})}
        transaction.on_commit(lambda: realtime.publish(channel, message))


def _decide(comment: Comment, status: str, *, moderator, action: str, reason: str = "", note: str = "",
            part_of: Decision | None = None) -> Decision:
    """Move a comment to `status`, keep the commenter's counts in step, log the decision (with what it was
    before, for undo), tell live pages and the moderators' queue."""
    before = {"comment": _comment_snapshot(comment)}
    old = comment.status
    now = timezone.now()
    comment.status = status
    comment.rejection_reason = reason if status == Comment.Status.REJECTED else ""
    comment.decided_at = now
    comment.decided_by = moderator
    comment.save(update_fields=["status", "rejection_reason", "decided_at", "decided_by"])
    decision = Decision.objects.create(comment=comment, commenter_id=comment.commenter_id, moderator=moderator,
                                       action=action, reason=reason, note=note[:300], before=before,
                                       part_of=part_of)
    _transition(comment, old_status=old, old_featured=comment.featured)
    if status == Comment.Status.APPROVED and old != status:
        _notify_approved(comment)
    if old != status and moderator is not None:  # automatic decisions happen before any cockpit saw the comment
        _queue_event("comment.decided", comment)
    return decision


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
        if locked.status == Comment.Status.UNVERIFIED:
            raise InvalidInput(_("The commenter has not confirmed their e-mail address yet."))
        if locked.status != Comment.Status.APPROVED:
            locked.last_decision = _decide(locked, Comment.Status.APPROVED, moderator=moderator,
                                           action=Decision.Action.APPROVE)
    return locked


def comment_reject(*, comment: Comment, moderator, reason: str, note: str = "") -> Comment:
    if reason not in Reason.values:
        raise InvalidInput(_("Please choose a reason."), errors={"reason": _("Please choose a reason.")})
    with transaction.atomic():
        locked = _locked(comment.pk)
        if locked.status == Comment.Status.DELETED:
            raise InvalidInput(_("The commenter has deleted this comment."))
        decision = _decide(locked, Comment.Status.REJECTED, moderator=moderator, action=Decision.Action.REJECT,
                           reason=reason, note=note)
        locked.last_decision = decision
        _statement_for(decision, locked)
    return locked


def _commenter_snapshot(commenter: Commenter) -> dict:
    return {"state": commenter.state, "always_premoderate": commenter.always_premoderate,
            "suspended_until": commenter.suspended_until.isoformat() if commenter.suspended_until else None,
            "suspension_reason": commenter.suspension_reason}


def _set_state(commenter: Commenter, state: str, *, moderator, comment: Comment | None, action: str,
               note: str = "", **fields) -> Decision:
    locked = Commenter.objects.select_for_update().get(pk=commenter.pk)
    before = {"commenter": _commenter_snapshot(locked)}
    Commenter.objects.filter(pk=commenter.pk).update(state=state, **fields)
    return Decision.objects.create(comment=comment, commenter=commenter, moderator=moderator, action=action,
                                   note=note[:300], before=before)


def commenter_ban(*, commenter: Commenter, moderator, comment: Comment | None = None, reason: str = "") -> Commenter:
    """Ban: new comments are rejected on arrival, and the ones still waiting are rejected now (undoable as one)."""
    with transaction.atomic():
        fields = {"suspended_until": None, "suspension_reason": reason[:300]} if reason else {}
        decision = _set_state(commenter, Commenter.State.BANNED, moderator=moderator, comment=comment,
                              action=Decision.Action.BAN, note=reason, **fields)
        waiting = (Comment.Status.PENDING, Comment.Status.UNVERIFIED)
        for pending in Comment.objects.select_for_update().filter(commenter=commenter, status__in=waiting):
            _decide(pending, Comment.Status.REJECTED, moderator=moderator, action=Decision.Action.REJECT,
                    reason=Reason.OTHER, note="Kommentator gesperrt", part_of=decision)
        if reason:
            _statement_for(decision, comment)
    commenter.refresh_from_db()
    commenter.last_decision = decision
    return commenter


def commenter_trust(*, commenter: Commenter, moderator, comment: Comment | None = None) -> Commenter:
    """Trusted is a mark for moderators for now: automatic approval is not switched on (policy: pre-moderation)."""
    with transaction.atomic():
        decision = _set_state(commenter, Commenter.State.TRUSTED, moderator=moderator, comment=comment,
                              action=Decision.Action.TRUST)
    commenter.refresh_from_db()
    commenter.last_decision = decision
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


# --- reader side: automatic approval, e-mail confirmation, notifications, data and deletion (issue 4) ----------

CONFIRM_SALT = "newsdesk.comments.confirm"
DATA_SALT = "newsdesk.comments.data"
NOTIFY_SALT = "newsdesk.comments.notifications"
CONFIRMATION_VALID = timedelta(hours=48)
DATA_LINK_VALID = timedelta(days=7)
CONFIRMATION_RESEND_AFTER = timedelta(minutes=10)


class Expired(ServiceError):
    status = 410


def _maybe_auto_approve(comment: Comment, commenter: Commenter, rules: Rules) -> bool:
    """Approve at once (moderator None, the note says why) when the rules in force allow it; else it waits.

    Never when the risk is above the threshold or any signal holds the comment (suspect word, short link,
    off-topic, offensive ...). Post-moderation: every such comment. Otherwise only commenters with enough
    approved comments (or marked trusted by a moderator), and only if an admin switched that on.
    """
    if comment.risk > rules.risk_threshold or comment.screen_action == Action.HOLD.value:
        return False
    if commenter.always_premoderate:
        return False
    risk = f"{comment.risk:.2f}".replace(".", ",")
    threshold = f"{rules.risk_threshold:.2f}".replace(".", ",")
    if rules.post_moderation:
        note = f"Nachmoderation: Risiko {risk} nicht über Schwelle {threshold}"
    elif rules.trusted_auto_approve and (commenter.approved_count >= rules.trusted_min_approved
                                         or commenter.state == Commenter.State.TRUSTED):
        note = (f"Vertrauenswürdig ({commenter.approved_count} freigeschaltete Kommentare): "
                f"Risiko {risk} nicht über Schwelle {threshold}")
    else:
        return False
    _decide(comment, Comment.Status.APPROVED, moderator=None, action=Decision.Action.APPROVE, note=note)
    return True


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


def _sign(email: str, salt: str) -> str:
    return signing.dumps(email, salt=salt, compress=True)


def _unsign(token: str, salt: str, max_age: timedelta | None, *, invalid: str, expired: str) -> Commenter:
    try:
        email = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise Expired(expired) from exc
    except signing.BadSignature as exc:
        raise NotFound(invalid) from exc
    commenter = Commenter.objects.filter(email=email).first()
    if commenter is None:
        raise NotFound(invalid)
    return commenter


def data_url(commenter: Commenter) -> str:
    """The signed page listing a commenter's comments and data, with "delete all my comments" (7 days)."""
    return _absolute(reverse("comments:my-data", kwargs={"token": _sign(commenter.email, DATA_SALT)}))


def notifications_off_url(commenter: Commenter) -> str:
    return _absolute(reverse("comments:notifications-off",
                             kwargs={"token": _sign(commenter.email, NOTIFY_SALT)}))


def _send(commenter: Commenter, *, template: str, subject: str, key: str, kind: str, context: dict) -> None:
    context = {"site_name": site_name(), "data_url": data_url(commenter),
               "request_data_url": _absolute(reverse("comments:request-data")), **context}
    mail.enqueue(to=commenter.email, subject=subject, kind=kind, idempotency_key=key,
                 text=render_to_string(f"comments/mail/{template}.txt", context),
                 html=render_to_string(f"comments/mail/{template}.html", context))


def _send_confirmation(commenter: Commenter, target: models.Model) -> None:
    """The link a first-time commenter confirms with; again at most every 10 minutes while unconfirmed."""
    now = timezone.now()
    locked = Commenter.objects.select_for_update().get(pk=commenter.pk)
    if locked.confirmation_sent_at and now - locked.confirmation_sent_at < CONFIRMATION_RESEND_AFTER:
        return
    Commenter.objects.filter(pk=commenter.pk).update(confirmation_sent_at=now)
    token = _sign(commenter.email, CONFIRM_SALT)
    _send(commenter, template="confirm", subject=_("Please confirm your e-mail address"),
          key=f"comments.confirm:{commenter.pk}:{int(now.timestamp())}", kind="comments.confirmation",
          context={"confirm_url": _absolute(reverse("comments:confirm", kwargs={"token": token})),
                   "target": target, "target_url": _absolute(target_url(target)),
                   "hours": int(CONFIRMATION_VALID.total_seconds() // 3600)})


def commenter_confirm_email(*, token: str) -> Commenter:
    """Confirm the address of the signed link; its waiting comments go to the queue (or are approved by the rules)."""
    commenter = _unsign(token, CONFIRM_SALT, CONFIRMATION_VALID,
                        invalid=_("This confirmation link is not valid."),
                        expired=_("This confirmation link has expired. Please write your comment again: you will "
                                  "get a new link."))
    with transaction.atomic():
        commenter = Commenter.objects.select_for_update().get(pk=commenter.pk)
        if commenter.email_confirmed_at is None:
            commenter.email_confirmed_at = timezone.now()
            commenter.save(update_fields=["email_confirmed_at"])
        for comment in Comment.objects.select_for_update().filter(commenter=commenter,
                                                                  status=Comment.Status.UNVERIFIED):
            comment.status = Comment.Status.PENDING
            comment.save(update_fields=["status"])
            if comment.target is not None and not commenter.is_banned:
                _maybe_auto_approve(comment, commenter, rules_for(comment.target))
            if comment.status == Comment.Status.PENDING:
                _queue_event("comment.new", comment)  # now it is in the queue: open cockpits count it
    return commenter


def _may_notify(commenter: Commenter) -> bool:
    """Only confirmed, not banned addresses that did not switch notifications off."""
    return (commenter.email_confirmed_at is not None and not commenter.is_banned
            and commenter.notifications_off_at is None)


def _notify_approved(comment: Comment) -> None:
    """After approval (inside its transaction): the author if they asked, and the author of the comment replied to."""
    parent = comment.parent
    if not comment.notify and not (parent is not None and parent.notify):
        return  # nobody asked: no reads (every approval in the cockpit goes through here)
    target = comment.target
    where = {"target": target, "comment_url": _absolute(f"{target_url(target)}#{comment.anchor}")}
    commenter = Commenter.objects.get(pk=comment.commenter_id) if comment.notify else None
    if commenter is not None and _may_notify(commenter):
        _send(commenter, template="approved", subject=_("Your comment has been published"),
              key=f"comments.approved:{comment.pk}", kind="comments.notification",
              context={**where, "comment": comment, "off_url": notifications_off_url(commenter)})
    if parent is not None and parent.notify and parent.commenter_id != comment.commenter_id:
        author = Commenter.objects.get(pk=parent.commenter_id)
        if _may_notify(author) and parent.status == Comment.Status.APPROVED:
            _send(author, template="reply", subject=_("New reply to your comment"),
                  key=f"comments.reply:{comment.pk}", kind="comments.notification",
                  context={**where, "comment": comment, "parent": parent,
                           "off_url": notifications_off_url(author)})


def commenter_notifications_off(*, token: str) -> Commenter:
    """Stop every notification mail to this commenter (the link in each notification; it does not expire)."""
    commenter = _unsign(token, NOTIFY_SALT, None, invalid=_("This link is not valid."), expired="")
    Commenter.objects.filter(pk=commenter.pk, notifications_off_at__isnull=True).update(
        notifications_off_at=timezone.now())
    commenter.refresh_from_db()
    return commenter


def commenter_request_data(*, email: str) -> None:
    """Mail the signed link to a commenter's data; an unknown address gets nothing (and the caller says the same)."""
    address = normalize_email(clean_text(email))
    try:
        validate_email(address)
    except ValidationError as exc:
        raise InvalidInput(_("Please enter a valid e-mail address."), errors={"email": _(
            "Please enter a valid e-mail address.")}) from exc
    commenter = Commenter.objects.filter(email=address).first()
    if commenter is None:
        return
    now = timezone.now()
    # One mail per address and 10 minutes, however often the form is sent.
    bucket = int(now.timestamp() // CONFIRMATION_RESEND_AFTER.total_seconds())
    with transaction.atomic():
        _send(commenter, template="data", subject=_("Your comments and data"),
              key=f"comments.data:{commenter.pk}:{bucket}", kind="comments.data",
              context={"days": DATA_LINK_VALID.days})


def commenter_by_data_token(token: str) -> Commenter:
    return _unsign(token, DATA_SALT, DATA_LINK_VALID, invalid=_("This link is not valid."),
                   expired=_("This link has expired. Please request a new one."))


def commenter_export(commenter: Commenter) -> dict:
    """Everything stored about a commenter, as they may see it (no IP hashes: they identify nobody to them)."""
    comments = commenter_comments(commenter)

    def iso(value) -> str | None:
        return value.isoformat() if value else None

    return {
        "email": commenter.email,
        "state": commenter.state,
        "first_comment_at": iso(commenter.created_at),
        "email_confirmed_at": iso(commenter.email_confirmed_at),
        "notifications_off_at": iso(commenter.notifications_off_at),
        "approved_comments": commenter.approved_count,
        "rejected_comments": commenter.rejected_count,
        "comments": [{
            "id": c.pk, "name": c.display_name, "text": c.body, "status": c.status,
            "status_label": str(c.get_status_display()),
            "target": str(c.target) if c.target is not None else None,
            "url": _absolute(target_url(c.target)) if c.target is not None else None,
            "reply_to": c.parent_id, "notify": c.notify,
            "created_at": iso(c.created_at), "decided_at": iso(c.decided_at),
            "rejection_reason": c.rejection_reason,
        } for c in comments],
    }


def commenter_delete_all(*, commenter: Commenter) -> int:
    """Delete all of a commenter's comments (text emptied too); approved ones disappear live. Returns how many."""
    count = 0
    with transaction.atomic():
        for comment in Comment.objects.select_for_update().filter(commenter=commenter).exclude(
                status=Comment.Status.DELETED):
            _decide(comment, Comment.Status.DELETED, moderator=None, action=Decision.Action.DELETE,
                    note="alle Kommentare auf Wunsch gelöscht")
            count += 1
        Comment.objects.filter(commenter=commenter).update(body="", ip_hash="")
        # The statements of reasons quote the comments: they keep decision, ground and automation (the
        # transparency report counts them) but not the text.
        Statement.objects.filter(commenter=commenter).update(facts=STATEMENT_FACTS_FORGOTTEN)
    return count


# --- reader reports ---------------------------------------------------------------------------------------------

REPORT_SALT = "newsdesk.comments.report"


def session_hash(session_key: str | None) -> str:
    """A keyed hash of the reader's session key: recognises a repeat report, reveals nothing."""
    if not session_key:
        return ""
    return salted_hmac(REPORT_SALT, session_key, algorithm="sha256").hexdigest()[:32]


def comment_report(*, comment_id: int, reason: str, session_key: str | None, ip: str | None) -> tuple[Report, bool]:
    """A reader reports an approved comment. Returns (report, counted): a second report of the same comment from
    the same session or IP hash is not counted again (counted=False, the earlier report is returned).

    Raises InvalidInput (no reason), NotFound (no such approved comment), RateLimited
    (`COMMENTS_REPORT_RATE_LIMIT_IP`, default 10 reports per 600 s per IP hash).
    """
    if reason not in Reason.values:
        raise InvalidInput(_("Please choose why you report this comment."),
                           errors={"reason": _("Please choose why you report this comment.")})
    digest, session = ip_hash(ip), session_hash(session_key)
    slot = _take_report_slot(digest)
    try:
        with transaction.atomic():
            # The lock on the comment serialises reports of it, so "counted once" holds under concurrency.
            comment = Comment.objects.select_for_update().filter(pk=comment_id,
                                                                 status=Comment.Status.APPROVED).first()
            if comment is None:
                raise NotFound(_("This comment cannot be reported (any more)."))
            same_reader = Q(pk__in=[])
            if session:
                same_reader |= Q(session_hash=session)
            if digest:
                same_reader |= Q(ip_hash=digest)
            earlier = Report.objects.filter(same_reader, comment=comment).first()
            if earlier is not None:
                if slot is not None:
                    slot.give_back()  # a repeat is not a new report: it costs the reader nothing
                return earlier, False
            report = Report.objects.create(comment=comment, reason=reason, session_hash=session, ip_hash=digest)
            Comment.objects.filter(pk=comment.pk).update(open_reports=F("open_reports") + 1)
            _queue_event("comment.reported", comment, source="report")  # open "Gemeldet" cockpits count it
    except NotFound:
        if slot is not None:
            slot.give_back()
        raise
    return report, True


def _take_report_slot(digest: str) -> ratelimit.Taken | None:
    """One slot of `COMMENTS_REPORT_RATE_LIMIT_IP` per IP hash, from the atomic counters (core.ratelimit), so
    parallel reports cannot all pass a count taken before any of them is written. Raises RateLimited."""
    if not digest:
        return None
    count, seconds = _limit("COMMENTS_REPORT_RATE_LIMIT_IP", (10, 600))
    slot = ratelimit.take("comment-report", digest, limit=count, seconds=seconds)
    if slot is None:
        raise RateLimited(_("Too many reports from your connection. Please wait %(minutes)d minutes and try "
                            "again.") % {"minutes": max(1, seconds // 60)})
    return slot


def _resolve_reports(comment: Comment, *, moderator, outcome: str, decision: Decision) -> int:
    """Close the open reader reports and DSA notices of a comment (recorded on `decision`, so undo reopens them);
    notifiers who left an address are told the outcome."""
    now = timezone.now()
    report_ids = list(Report.objects.filter(comment=comment, resolved_at__isnull=True).values_list("pk", flat=True))
    notices = list(Notice.objects.filter(comment=comment, decided_at__isnull=True))
    if not report_ids and not notices and not comment.open_reports:
        return 0  # a plain rejection from the pending queue: nothing to close, nothing more to write
    Report.objects.filter(pk__in=report_ids).update(resolved_at=now, resolved_by=moderator, outcome=outcome)
    notice_outcome = Notice.Outcome.REMOVED if outcome == Report.Outcome.REJECTED else Notice.Outcome.KEPT
    Notice.objects.filter(pk__in=[n.pk for n in notices]).update(decided_at=now, decided_by=moderator,
                                                                 outcome=notice_outcome)
    decision.before = {**decision.before, "reports": report_ids, "notices": [n.pk for n in notices]}
    Decision.objects.filter(pk=decision.pk).update(before=decision.before)
    Comment.objects.filter(pk=comment.pk).update(open_reports=0)
    comment.open_reports = 0
    for notice in notices:
        notice.outcome = notice_outcome
        _notice_decision_mail(notice, decision)
    return len(report_ids) + len(notices)


def comment_keep(*, comment: Comment, moderator) -> Comment:
    """The moderator keeps a reported comment: its open reports are dismissed, the decision is logged."""
    with transaction.atomic():
        locked = _locked(comment.pk)
        if locked.status != Comment.Status.APPROVED:
            raise InvalidInput(_("Only a published comment can be kept."))
        decision = Decision.objects.create(comment=locked, commenter_id=locked.commenter_id, moderator=moderator,
                                           action=Decision.Action.KEEP,
                                           before={"comment": _comment_snapshot(locked)})
        dismissed = _resolve_reports(locked, moderator=moderator, outcome=Report.Outcome.KEPT, decision=decision)
        Decision.objects.filter(pk=decision.pk).update(note=f"{dismissed} Meldung(en) verworfen")
        locked.last_decision = decision
        _queue_event("comment.decided", locked)
    return locked


def comment_reject_reported(*, comment: Comment, moderator, reason: str, note: str = "") -> Comment:
    """Reject a comment (published or not) and close its open reports as upheld; readers see it disappear."""
    with transaction.atomic():
        locked = comment_reject(comment=comment, moderator=moderator, reason=reason, note=note)
        _resolve_reports(locked, moderator=moderator, outcome=Report.Outcome.REJECTED,
                         decision=locked.last_decision)
    return locked


# --- bulk decisions ---------------------------------------------------------------------------------------------

BULK_MAX = 200


@dataclass(frozen=True)
class BulkResult:
    action: str
    done: list[int]
    skipped: list[int]  # already in that state, deleted by the commenter, or gone
    decisions: list[int] = ()  # the logged decisions, for "Rückgängig"


def comments_bulk_decide(*, ids: list[int], action: str, moderator, reason: str = "") -> BulkResult:
    """Approve, reject (one reason for all) or keep several comments; each one is its own logged decision."""
    if action not in {"approve", "reject", "keep"}:
        raise InvalidInput(_("Unknown action."))
    ids = list(dict.fromkeys(ids))
    if not ids:
        raise InvalidInput(_("Please select at least one comment."))
    if len(ids) > BULK_MAX:
        raise InvalidInput(_("At most %(max)d comments at once, please.") % {"max": BULK_MAX})
    if action == "reject" and reason not in Reason.values:
        raise InvalidInput(_("Please choose a reason."), errors={"reason": _("Please choose a reason.")})
    target_status = {"approve": Comment.Status.APPROVED, "reject": Comment.Status.REJECTED}.get(action)
    done, skipped, decisions = [], [], []
    for comment in Comment.objects.filter(pk__in=ids).order_by("id"):
        if comment.status == Comment.Status.DELETED or comment.status == target_status:
            skipped.append(comment.pk)
            continue
        try:
            if action == "approve":
                decided = comment_approve(comment=comment, moderator=moderator)
            elif action == "reject":
                decided = comment_reject_reported(comment=comment, moderator=moderator, reason=reason)
            else:
                decided = comment_keep(comment=comment, moderator=moderator)
        except ServiceError:
            skipped.append(comment.pk)  # changed under our feet (e.g. deleted meanwhile): leave it alone
            continue
        done.append(comment.pk)
        if getattr(decided, "last_decision", None) is not None:
            decisions.append(decided.last_decision.pk)
    found = set(done) | set(skipped)
    skipped += [pk for pk in ids if pk not in found]
    return BulkResult(action=action, done=done, skipped=skipped, decisions=decisions)


# --- moderation desk (issue 12): undo, featured comments, suspensions, notes, the live queue ---------------------

# The cockpit offers "Rückgängig" for 10 s; the server accepts it a little longer (a slow connection, a second
# look), and statements of reasons to authors wait this long in the outbox, so an undone decision mails nothing.
def undo_window() -> timedelta:
    return timedelta(seconds=settings.COMMENTS_UNDO_SECONDS)


QUEUE_CHANNEL = "moderation.queue"  # moderators only: the stream view checks the role
SUSPENSIONS = {"1h": timedelta(hours=1), "1d": timedelta(days=1), "7d": timedelta(days=7),
               "30d": timedelta(days=30), "permanent": None}


def _queue_event(kind: str, comment: Comment, *, source: str = "") -> None:
    """Tell open cockpits (after commit) that a comment arrived, was reported (`source`: a reader's "report" or
    a DSA "notice": each has its own queue) or was decided."""
    message = {"type": kind, "id": comment.pk, "status": comment.status,
               "target": f"{comment.content_type_id}.{comment.object_id}"}
    if source:
        message["source"] = source
    transaction.on_commit(lambda: realtime.publish(QUEUE_CHANNEL, message))


def _restore_comment(comment: Comment, snapshot: dict) -> None:
    from django.utils.dateparse import parse_datetime

    old_status, old_featured = comment.status, comment.featured
    comment.status = snapshot["status"]
    comment.rejection_reason = snapshot["rejection_reason"]
    comment.decided_at = parse_datetime(snapshot["decided_at"]) if snapshot["decided_at"] else None
    comment.decided_by_id = snapshot["decided_by"]
    comment.featured = snapshot["featured"]
    comment.open_reports = snapshot["open_reports"]
    comment.save(update_fields=["status", "rejection_reason", "decided_at", "decided_by", "featured",
                                "open_reports"])
    _transition(comment, old_status=old_status, old_featured=old_featured)
    _queue_event("comment.restored", comment)


def _restore_commenter(commenter_id: int, snapshot: dict) -> None:
    from django.utils.dateparse import parse_datetime

    until = snapshot["suspended_until"]
    Commenter.objects.filter(pk=commenter_id).update(
        state=snapshot["state"], always_premoderate=snapshot["always_premoderate"],
        suspended_until=parse_datetime(until) if until else None, suspension_reason=snapshot["suspension_reason"])


def _undo_one(decision: Decision, moderator, now) -> None:
    before = decision.before or {}
    if "comment" in before and decision.comment_id:
        comment = _locked(decision.comment_id)
        if comment.status == Comment.Status.DELETED:
            raise InvalidInput(_("The commenter has deleted this comment meanwhile."))
        _restore_comment(comment, before["comment"])
        Report.objects.filter(pk__in=before.get("reports", [])).update(resolved_at=None, resolved_by=None,
                                                                        outcome="")
        Notice.objects.filter(pk__in=before.get("notices", [])).update(decided_at=None, decided_by=None,
                                                                        outcome="")
    if "commenter" in before:
        _restore_commenter(decision.commenter_id, before["commenter"])
    for part in decision.parts.filter(undone_at__isnull=True):
        _undo_one(part, moderator, now)
    _withdraw_statement(decision, now)
    for key in before.get("mails", []):
        mail.cancel(key)  # the notifier's "decision" mail, not sent yet
    Decision.objects.filter(pk=decision.pk).update(undone_at=now)
    Decision.objects.create(comment_id=decision.comment_id, commenter_id=decision.commenter_id,
                            moderator=moderator, action=Decision.Action.UNDO, undo_of=decision,
                            note=f"Rückgängig: {decision.get_action_display()} (#{decision.pk})")


def decisions_undo(*, decision_ids: list[int], moderator) -> int:
    """Undo decisions (one, or a bulk action's): everything goes back exactly as it was, readers' pages follow
    live, reopened reports and notices are open again, a statement not yet mailed is withdrawn. Each undo is
    logged. Refused after `undo_window()` (COMMENTS_UNDO_SECONDS, 60), for a decision undone already, or when
    the comment was decided again since. Returns how many were undone."""
    ids = list(dict.fromkeys(decision_ids))
    if not ids:
        raise InvalidInput(_("Nothing to undo."))
    if len(ids) > BULK_MAX:
        raise InvalidInput(_("At most %(max)d comments at once, please.") % {"max": BULK_MAX})
    now = timezone.now()
    with transaction.atomic():
        decisions = list(Decision.objects.select_for_update().filter(pk__in=ids, part_of__isnull=True)
                         .order_by("-id"))
        if len(decisions) != len(ids):
            raise NotFound(_("This decision does not exist."))
        for decision in decisions:
            if decision.action in (Decision.Action.UNDO, Decision.Action.DELETE) or decision.moderator_id is None:
                raise InvalidInput(_("Only a moderator's decision can be undone."))
            if decision.undone_at is not None:
                raise InvalidInput(_("This decision has been undone already."))
            if now - decision.created_at > undo_window():
                raise InvalidInput(_("Too late to undo: please decide again instead."))
            later = Decision.objects.filter(comment_id=decision.comment_id, pk__gt=decision.pk,
                                            undone_at__isnull=True, undo_of__isnull=True,
                                            part_of__isnull=True).exclude(comment_id=None)
            if later.exists():
                raise InvalidInput(_("This comment has been decided again since; undo that first."))
            _undo_one(decision, moderator, now)
    return len(decisions)


def comment_feature(*, comment: Comment, moderator, featured: bool = True) -> Comment:
    """Mark a comment "Redaktionsempfehlung" (or take the mark away): readers see it first, pushed live.
    A pending comment marked featured is approved with it."""
    with transaction.atomic():
        locked = _locked(comment.pk)
        if locked.status not in (Comment.Status.PENDING, Comment.Status.APPROVED):
            raise InvalidInput(_("Only a waiting or published comment can be featured."))
        if locked.featured == featured and locked.status == Comment.Status.APPROVED:
            return locked
        before = {"comment": _comment_snapshot(locked)}
        old_status, old_featured = locked.status, locked.featured
        locked.featured = featured
        locked.save(update_fields=["featured"])
        action = Decision.Action.FEATURE if featured else Decision.Action.UNFEATURE
        if featured and old_status == Comment.Status.PENDING:
            locked.status = Comment.Status.APPROVED
            locked.decided_at, locked.decided_by = timezone.now(), moderator
            locked.save(update_fields=["status", "decided_at", "decided_by"])
        locked.last_decision = Decision.objects.create(comment=locked, commenter_id=locked.commenter_id,
                                                       moderator=moderator, action=action, before=before)
        _transition(locked, old_status=old_status, old_featured=old_featured)
        if old_status != locked.status:
            _notify_approved(locked)
            _queue_event("comment.decided", locked)
    return locked


def commenter_suspend(*, commenter: Commenter, moderator, duration: str, reason: str,
                      comment: Comment | None = None) -> Commenter:
    """Suspend for 1 h, 1 d, 7 d, 30 d or permanently (a ban), with a reason the commenter is told: a clear
    message when posting, and a statement of reasons. Their waiting comments are rejected. Undoable."""
    if duration not in SUSPENSIONS:
        raise InvalidInput(_("Please choose how long the suspension lasts."),
                           errors={"duration": _("Please choose how long the suspension lasts.")})
    reason = " ".join(clean_text(reason).split())
    if not reason:
        raise InvalidInput(_("Please give a reason for the suspension: the commenter is told."),
                           errors={"reason": _("Please give a reason for the suspension: the commenter is told.")})
    if SUSPENSIONS[duration] is None:
        return commenter_ban(commenter=commenter, moderator=moderator, comment=comment, reason=reason)
    until = timezone.now() + SUSPENSIONS[duration]
    with transaction.atomic():
        decision = _set_state(commenter, commenter.state if not commenter.is_banned else Commenter.State.NORMAL,
                              moderator=moderator, comment=comment, action=Decision.Action.SUSPEND,
                              note=f"bis {timezone.localtime(until):%d.%m.%Y %H:%M}: {reason}",
                              suspended_until=until, suspension_reason=reason[:300])
        waiting = (Comment.Status.PENDING, Comment.Status.UNVERIFIED)
        for pending in Comment.objects.select_for_update().filter(commenter=commenter, status__in=waiting):
            _decide(pending, Comment.Status.REJECTED, moderator=moderator, action=Decision.Action.REJECT,
                    reason=Reason.OTHER, note="Kommentator gesperrt", part_of=decision)
        _statement_for(decision, comment)
    commenter.refresh_from_db()
    commenter.last_decision = decision
    return commenter


def commenter_set_mark(*, commenter: Commenter, moderator, mark: str) -> Commenter:
    """The drawer's switches: "trusted" / "normal" (state), "premoderate" / "no-premoderate". Logged, undoable."""
    with transaction.atomic():
        if mark == "trusted":
            decision = _set_state(commenter, Commenter.State.TRUSTED, moderator=moderator, comment=None,
                                  action=Decision.Action.TRUST)
        elif mark == "normal":
            decision = _set_state(commenter, Commenter.State.NORMAL, moderator=moderator, comment=None,
                                  action=Decision.Action.TRUST, note="wieder normal",
                                  suspended_until=None, suspension_reason="")
        elif mark in ("premoderate", "no-premoderate"):
            decision = _set_state(commenter, commenter.state, moderator=moderator, comment=None,
                                  action=Decision.Action.PREMODERATE, note="an" if mark == "premoderate" else "aus",
                                  always_premoderate=mark == "premoderate")
        else:
            raise InvalidInput(_("Unknown action."))
    commenter.refresh_from_db()
    commenter.last_decision = decision
    return commenter


def commenter_add_note(*, commenter: Commenter, moderator, text: str, kind: str = CommenterNote.Kind.NOTE
                       ) -> CommenterNote:
    text = " ".join(clean_text(text).split())
    if not text:
        raise InvalidInput(_("Please write a note."), errors={"text": _("Please write a note.")})
    if len(text) > 1000:
        raise InvalidInput(_("A note may have at most 1,000 characters."))
    if kind not in CommenterNote.Kind.values:
        raise InvalidInput(_("Unknown action."))
    return CommenterNote.objects.create(commenter=commenter, author=moderator, text=text, kind=kind)


# --- DSA Art. 17: statements of reasons, Art. 20: complaints ---------------------------------------------------

COMPLAINT_SALT = "newsdesk.comments.complaint"
COMPLAINT_VALID = timedelta(days=183)  # Art. 20(1) DSA: at least six months after the decision
GROUNDS = {
    Reason.OFF_TOPIC: "Kommentarregeln: Kommentare müssen sich auf das Thema beziehen",
    Reason.DEMEANING: "Kommentarregeln: keine Herabsetzung von Leserinnen, Lesern oder Autoren",
    Reason.SPAM: "Kommentarregeln: keine Werbung und kein Spam",
    Reason.ILLEGAL: "rechtswidriger Inhalt",
    Reason.OTHER: "Kommentarregeln",
}


def _automation(decision: Decision, comment: Comment | None) -> str:
    """Whether the pre-screening model took the decision (no moderator) or prepared it (it held the comment)."""
    if decision.moderator_id is None:
        return Statement.Automation.DECIDED
    if comment is not None and comment.screen_action in (Action.HOLD.value, Action.REJECT.value):
        return Statement.Automation.PREPARED
    return Statement.Automation.NONE


def _ground(decision: Decision, comment: Comment | None) -> str:
    if decision.action in (Decision.Action.SUSPEND, Decision.Action.BAN):
        return "Kommentarregeln: wiederholte oder schwere Verstöße"
    if comment is not None:
        categories = list(Notice.objects.filter(comment=comment).exclude(outcome=Notice.Outcome.KEPT)
                          .values_list("category", flat=True).distinct())
        illegal = [str(NoticeCategory(c).label) for c in categories if c != NoticeCategory.RULES]
        if illegal and decision.reason == Reason.ILLEGAL:
            return "; ".join(illegal)[:300]
    return GROUNDS.get(decision.reason, GROUNDS[Reason.OTHER])


def _facts(decision: Decision, comment: Comment | None) -> str:
    lines = []
    if comment is not None:
        target = comment.target
        lines.append(f"Ihr Kommentar vom {timezone.localtime(comment.created_at):%d.%m.%Y, %H:%M} Uhr"
                     + (f" zu »{target}«" if target is not None else "") + ":")
        lines.append(f"»{comment.body[:500]}{'…' if len(comment.body) > 500 else ''}«")
        held = [s["reason_de"] for s in comment.signals if s.get("action") in ("hold", "reject")]
        if held and decision.moderator_id is None:
            lines.append("Die automatische Vorprüfung hat festgestellt: " + "; ".join(held))
        elif held:
            lines.append("Die automatische Vorprüfung hat den Kommentar zur Prüfung zurückgehalten: "
                         + "; ".join(held))
    if decision.action == Decision.Action.SUSPEND or decision.action == Decision.Action.BAN:
        lines.append(f"Sperre: {decision.note}")
    elif decision.note:
        lines.append(f"Anmerkung der Moderation: {decision.note}")
    return "\n".join(lines)


def _statement_for(decision: Decision, comment: Comment | None) -> Statement | None:
    """Write the statement of reasons for a rejection or suspension (once per decision), mail it (after the undo
    window, through the outbox) if the address may be written to; it is also on the commenter's data page."""
    if decision.note == "Honeypot-Feld ausgefüllt":  # a bot filled the hidden field: nobody to inform
        return None
    statement, created = Statement.objects.get_or_create(decision=decision, defaults={
        "commenter_id": decision.commenter_id, "comment": comment, "action": decision.action,
        "ground": _ground(decision, comment), "facts": _facts(decision, comment),
        "automation": _automation(decision, comment)})
    if not created:
        return statement
    commenter = Commenter.objects.get(pk=decision.commenter_id)
    from newsdesk.comments.models import CommentSettings

    confirmation_required = (rules_for(comment.target).require_email_confirmation
                             if comment is not None and comment.target is not None
                             else CommentSettings.load().require_email_confirmation)
    if commenter.email_confirmed_at is None and confirmation_required:
        return statement  # an address never confirmed may be somebody else's: only on the data page
    send_after = None if decision.moderator_id is None else timezone.now() + undo_window()
    context = {"statement": statement, "complaint_url": complaint_url(statement),
               "terms_url": _absolute(reverse("pages:nutzungsbedingungen"))}
    subject = (_("Your comment has not been published") if decision.action == Decision.Action.REJECT
               else _("Your commenting has been suspended"))
    mail.enqueue(to=commenter.email, subject=subject, kind="comments.statement",
                 idempotency_key=_statement_key(statement), send_after=send_after,
                 text=render_to_string("comments/mail/statement.txt", {
                     **context, "site_name": site_name(), "data_url": data_url(commenter)}),
                 html=render_to_string("comments/mail/statement.html", {
                     **context, "site_name": site_name(), "data_url": data_url(commenter)}))
    return statement


def _statement_key(statement: Statement) -> str:
    return f"comments.statement:{statement.pk}"


def _withdraw_statement(decision: Decision, now) -> None:
    statement = Statement.objects.filter(decision=decision, withdrawn_at__isnull=True).first()
    if statement is None:
        return
    Statement.objects.filter(pk=statement.pk).update(withdrawn_at=now)
    mail.cancel(_statement_key(statement))


def complaint_url(statement: Statement) -> str:
    return _absolute(reverse("comments:complaint", kwargs={"token": signing.dumps(statement.pk,
                                                                                  salt=COMPLAINT_SALT)}))


def statement_by_token(token: str) -> Statement:
    try:
        pk = signing.loads(token, salt=COMPLAINT_SALT, max_age=COMPLAINT_VALID)
    except signing.SignatureExpired as exc:
        raise Expired(_("The time for a complaint (six months) has passed.")) from exc
    except signing.BadSignature as exc:
        raise NotFound(_("This link is not valid.")) from exc
    statement = Statement.objects.select_related("decision", "comment").filter(pk=pk,
                                                                               withdrawn_at__isnull=True).first()
    if statement is None:
        raise NotFound(_("This decision no longer exists (it was undone)."))
    return statement


def complaint_submit(*, token: str, text: str) -> Complaint:
    statement = statement_by_token(token)
    text = clean_text(text)
    if not text:
        raise InvalidInput(_("Please say why you object to the decision."),
                           errors={"text": _("Please say why you object to the decision.")})
    if len(text) > 3000:
        raise InvalidInput(_("At most 3,000 characters, please."), errors={"text": _("At most 3,000 characters, "
                                                                                      "please.")})
    if statement.complaints.filter(decided_at__isnull=True).exists():
        raise InvalidInput(_("Your complaint about this decision is already being reviewed."))
    complaint = Complaint.objects.create(statement=statement, text=text)
    transaction.on_commit(lambda: realtime.publish(QUEUE_CHANNEL, {"type": "complaint.new", "id": complaint.pk}))
    return complaint


def _moderator_count() -> int:
    from django.contrib.auth import get_user_model

    from newsdesk.accounts.models import Role

    return get_user_model().objects.filter(Q(role__in=[Role.MODERATOR, Role.ADMIN]) | Q(is_superuser=True),
                                           is_active=True).count()


def complaint_decide(*, complaint: Complaint, moderator, outcome: str, answer: str = "") -> Complaint:
    """Decide a complaint: upheld, or reversed (the comment is published again / the suspension lifted). Decided
    by another moderator than the first where the site has more than one; the outcome is mailed."""
    if outcome not in Complaint.Outcome.values:
        raise InvalidInput(_("Please choose an outcome."))
    answer = " ".join(clean_text(answer).split())[:1000]
    with transaction.atomic():
        complaint = Complaint.objects.select_for_update().select_related("statement__decision").get(pk=complaint.pk)
        if complaint.decided_at is not None:
            raise InvalidInput(_("This complaint has been decided already."))
        first = complaint.statement.decision.moderator_id
        if first is not None and first == moderator.pk and _moderator_count() > 1:
            raise Forbidden(_("Another moderator must decide this complaint: you took the first decision."))
        complaint.decided_at, complaint.decided_by = timezone.now(), moderator
        complaint.outcome, complaint.answer = outcome, answer
        complaint.save(update_fields=["decided_at", "decided_by", "outcome", "answer"])
        statement = complaint.statement
        if outcome == Complaint.Outcome.REVERSED:
            if statement.comment_id and statement.action == Decision.Action.REJECT:
                comment_approve(comment=statement.comment, moderator=moderator)
            elif statement.action in (Decision.Action.SUSPEND, Decision.Action.BAN):
                commenter_set_mark(commenter=statement.commenter, moderator=moderator, mark="normal")
        commenter = Commenter.objects.get(pk=statement.commenter_id)
        _send(commenter, template="complaint_outcome", subject=_("Your complaint has been decided"),
              key=f"comments.complaint:{complaint.pk}", kind="comments.complaint",
              context={"complaint": complaint, "statement": statement})
    return complaint


# --- DSA Art. 16: notices ---------------------------------------------------------------------------------------

def notice_submit(*, comment_id: int, category: str, explanation: str, name: str = "", email: str = "",
                  good_faith: bool = False, ip: str | None = None) -> Notice:
    """A notice about a published comment. The notifier gets a confirmation of receipt (and later the decision)
    if they leave an address. The comment goes to the notices queue."""
    explanation = clean_text(explanation)
    name = " ".join(clean_text(name).split())
    email = normalize_email(clean_text(email))
    errors = {}
    if category not in NoticeCategory.values:
        errors["category"] = _("Please choose what is wrong with the comment.")
    if not explanation:
        errors["explanation"] = _("Please explain why the comment is illegal or breaks our rules.")
    elif len(explanation) > 2000:
        errors["explanation"] = _("At most 2,000 characters, please.")
    if len(name) > 120:
        errors["name"] = _("The name may have at most %(max)d characters.") % {"max": 120}
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = _("Please enter a valid e-mail address.")
    if not good_faith:
        errors["good_faith"] = _("Please confirm that your notice is accurate and complete to the best of your "
                                 "knowledge.")
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors=errors)
    digest = ip_hash(ip)
    slot = _take_report_slot(digest)
    with transaction.atomic():
        comment = Comment.objects.select_for_update().filter(pk=comment_id, status=Comment.Status.APPROVED).first()
        if comment is None:
            if slot is not None:
                slot.give_back()
            raise NotFound(_("This comment cannot be reported (any more)."))
        notice = Notice.objects.create(comment=comment, category=category, explanation=explanation, name=name,
                                       email=email, good_faith=True, ip_hash=digest)
        _queue_event("comment.reported", comment, source="notice")
        if email:
            _mail_notifier(notice, template="notice_received", subject=_("We have received your report"),
                           key=f"comments.notice-received:{notice.pk}")
    return notice


def _mail_notifier(notice: Notice, *, template: str, subject: str, key: str, **context) -> None:
    comment = notice.comment
    target = comment.target
    context = {"notice": notice, "site_name": site_name(), "target": target,
               "comment_url": _absolute(f"{target_url(target)}#{comment.anchor}") if target else "", **context}
    mail.enqueue(to=notice.email, subject=subject, kind="comments.notice", idempotency_key=key,
                 text=render_to_string(f"comments/mail/{template}.txt", context),
                 html=render_to_string(f"comments/mail/{template}.html", context))


def _notice_decision_mail(notice: Notice, decision: Decision) -> None:
    """The notifier learns the decision (after the undo window; an undo cancels it)."""
    if not notice.email:
        return
    key = f"comments.notice-decided:{notice.pk}:{decision.pk}"
    automated = decision.moderator_id is None
    notice.comment = Comment.objects.get(pk=notice.comment_id)
    comment = notice.comment
    target = comment.target
    context = {"notice": notice, "site_name": site_name(), "target": target, "automated": automated,
               "comment_url": _absolute(f"{target_url(target)}#{comment.anchor}") if target else ""}
    mail.enqueue(to=notice.email, subject=_("Decision on your report"), kind="comments.notice",
                 idempotency_key=key, send_after=timezone.now() + undo_window(),
                 text=render_to_string("comments/mail/notice_decided.txt", context),
                 html=render_to_string("comments/mail/notice_decided.html", context))
    decision.before.setdefault("mails", []).append(key)
    Decision.objects.filter(pk=decision.pk).update(before=decision.before)


STATEMENT_FACTS_FORGOTTEN = "(Der Sachverhalt mit dem Text des Kommentars ist gelöscht.)"


def statements_purge(*, max_age: timedelta = timedelta(days=365)) -> int:
    """Retention: a year after it was written (the complaint window is six months) a statement forgets its facts,
    which quote the comment; decision, ground and automation stay for the transparency report. A statement with
    a complaint still open keeps them until it is decided."""
    open_complaint = Complaint.objects.filter(statement=OuterRef("pk"), decided_at__isnull=True)
    return (Statement.objects.filter(created_at__lt=timezone.now() - max_age).exclude(Exists(open_complaint))
            .exclude(facts=STATEMENT_FACTS_FORGOTTEN).update(facts=STATEMENT_FACTS_FORGOTTEN))


def notices_purge(*, max_age: timedelta = timedelta(days=180)) -> int:
    """Retention: a decided notice keeps its category and dates (for the transparency report) but forgets the
    notifier's name, address, IP hash and explanation `max_age` after the decision."""
    return (Notice.objects.filter(decided_at__lt=timezone.now() - max_age)
            .exclude(email="", name="", explanation="", ip_hash="")
            .update(email="", name="", explanation="", ip_hash=""))


IMPORT_NOTE = "Import"


@transaction.atomic
def comment_import(*, target: models.Model, display_name: str, email: str, body: str, status: str,
                   created_at, parent: Comment | None = None, reason: str = "", note: str = IMPORT_NOTE) -> Comment:
    """Store a comment brought from another system with its date and moderation state, as it was decided there.

    No pre-screening, no rate limit, no confirmation mail and no notice to the commenter (they wrote it long
    ago); a reply to a reply is attached to the top comment (one level). The decision is logged without a
    moderator, with `note` saying where it came from.
    """
    if status not in {Comment.Status.APPROVED, Comment.Status.PENDING, Comment.Status.REJECTED}:
        raise InvalidInput(_("Unknown comment status."), field="status")
    if status == Comment.Status.REJECTED and reason not in Reason.values:
        raise InvalidInput(_("Please choose a reason."), field="reason")
    display_name = " ".join(clean_text(display_name).split())[:DISPLAY_NAME_MAX_LENGTH] or "Anonym"
    email = normalize_email(clean_text(email))
    body = clean_text(body)
    if not body:
        raise InvalidInput(_("Please write a comment."), field="body")
    if len(body) > BODY_MAX_LENGTH:
        raise InvalidInput(_("The comment has %(length)d characters; at most %(max)d are allowed.") % {
            "length": len(body), "max": BODY_MAX_LENGTH}, field="body")
    try:
        validate_email(email)
    except ValidationError as exc:
        raise InvalidInput(_("Please enter a valid e-mail address."), field="email") from exc
    commenter, _created = Commenter.objects.get_or_create(email=email)
    if parent is not None:
        parent = parent.parent or parent
    comment = Comment.objects.create(
        content_type=ContentType.objects.get_for_model(target), object_id=target.pk, parent=parent,
        commenter=commenter, display_name=display_name, body=body, status=status,
        rejection_reason=reason if status == Comment.Status.REJECTED else "",
        decided_at=created_at if status != Comment.Status.PENDING else None,
    )
    Comment.objects.filter(pk=comment.pk).update(created_at=created_at)  # auto_now_add ignores a given date
    comment.created_at = created_at
    if status in _COUNTER:
        Commenter.objects.filter(pk=commenter.pk).update(**{_COUNTER[status]: F(_COUNTER[status]) + 1})
    if status != Comment.Status.PENDING:
        action = Decision.Action.APPROVE if status == Comment.Status.APPROVED else Decision.Action.REJECT
        Decision.objects.create(comment=comment, commenter=commenter, moderator=None, action=action,
                                reason=comment.rejection_reason, note=note[:300])
    if status == Comment.Status.APPROVED:
        approved_comments_changed.send(sender=Comment, comment=comment)
    return comment


def comment_import_update(*, comment: Comment, display_name: str, body: str, status: str,
                          reason: str = "", note: str = IMPORT_NOTE) -> Comment:
    """A re-imported comment whose text or state changed at the source; a state change is logged."""
    with transaction.atomic():
        locked = _locked(comment.pk)
        locked.display_name = " ".join(clean_text(display_name).split())[:DISPLAY_NAME_MAX_LENGTH] or "Anonym"
        locked.body = clean_text(body)[:BODY_MAX_LENGTH]
        locked.save(update_fields=["display_name", "body"])
        if locked.status != status:
            action = {Comment.Status.APPROVED: Decision.Action.APPROVE,
                      Comment.Status.REJECTED: Decision.Action.REJECT}.get(status)
            if action is None:  # back to pending: no decision to log, only the state
                Comment.objects.filter(pk=locked.pk).update(status=status, rejection_reason="")
                locked.status = status
            else:
                _decide(locked, status, moderator=None, action=action, reason=reason, note=note)
    return locked
