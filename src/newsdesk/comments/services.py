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
from django.db.models import F, Q
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
    Decision,
    Reason,
    Report,
    normalize_email,
)
from newsdesk.comments.policy import Rules, closed_message, rules_for
from newsdesk.comments.selectors import commenter_comments
from newsdesk.comments.signals import approved_comments_changed
from newsdesk.comments.targets import context_text, is_commentable, is_public, target_url
from newsdesk.core.errors import Forbidden, InvalidInput, NotFound, ServiceError
from newsdesk.core.privacy import ip_hash
from newsdesk.mail import services as mail
from newsdesk.moderation import Action, screen
from newsdesk.moderation import lists as wordlists

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
                   honeypot: str = "", parent_id: int | None = None, ip: str | None = None,
                   notify: bool = False) -> Comment:
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
    digest = ip_hash(ip)
    _check_rate(ip_digest=digest, email=email)
    banned, suspect = wordlists.current()
    screening = screen(body, context_text=context_text(target), parent_text=parent.body if parent else "",
                       banned=banned, suspect=suspect)
    signals = [{**asdict(s), "action": s.action.value} for s in screening.signals]
    signals += history_signals(body=body, fingerprint=screening.fingerprint, content_type=content_type,
                               object_id=target.pk, email=email, ip_digest=digest)
    with transaction.atomic():
        commenter, _created = Commenter.objects.get_or_create(email=email)
        comment = Comment(
            content_type=content_type, object_id=target.pk, parent=parent, commenter=commenter,
            display_name=display_name, body=body, ip_hash=digest,
            risk=max(s["score"] for s in signals), screen_action=_strictest(signals),
            fingerprint=screening.fingerprint, signals=signals,
            model_versions={**screening.versions, **{s["name"]: s["version"] for s in signals}},
            notify=bool(notify),
        )
        comment.save()
        auto = _automatic_rejection(comment, commenter, honeypot, screening)
        if auto is not None:
            reason, note = auto
            _decide(comment, Comment.Status.REJECTED, moderator=None, action=Decision.Action.REJECT,
                    reason=reason, note=note)
        elif rules.require_email_confirmation and commenter.email_confirmed_at is None:
            Comment.objects.filter(pk=comment.pk).update(status=Comment.Status.UNVERIFIED)
            comment.status = Comment.Status.UNVERIFIED
            _send_confirmation(commenter, target)
        else:
            _maybe_auto_approve(comment, commenter, rules)
    return comment


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
    if Comment.Status.APPROVED in (old, status) and old != status:
        approved_comments_changed.send(sender=Comment, comment=comment)
    if status == Comment.Status.APPROVED and old != status:
        message = {"type": "comment.approved", "id": comment.pk, "parent": comment.parent_id,
                   "html": render_to_string("comments/_comment.html", {"comment": comment})}
        transaction.on_commit(lambda: realtime.publish(channel, message))
        _notify_approved(comment)
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
        if locked.status == Comment.Status.UNVERIFIED:
            raise InvalidInput(_("The commenter has not confirmed their e-mail address yet."))
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
        waiting = (Comment.Status.PENDING, Comment.Status.UNVERIFIED)
        for pending in Comment.objects.select_for_update().filter(commenter=commenter, status__in=waiting):
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
    context = {"site_name": settings.SITE_NAME, "data_url": data_url(commenter),
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
    return commenter


def _may_notify(commenter: Commenter) -> bool:
    """Only confirmed, not banned addresses that did not switch notifications off."""
    return (commenter.email_confirmed_at is not None and not commenter.is_banned
            and commenter.notifications_off_at is None)


def _notify_approved(comment: Comment) -> None:
    """After approval (inside its transaction): the author if they asked, and the author of the comment replied to."""
    commenter = Commenter.objects.get(pk=comment.commenter_id)
    target = comment.target
    where = {"target": target, "comment_url": _absolute(f"{target_url(target)}#{comment.anchor}")}
    if comment.notify and _may_notify(commenter):
        _send(commenter, template="approved", subject=_("Your comment has been published"),
              key=f"comments.approved:{comment.pk}", kind="comments.notification",
              context={**where, "comment": comment, "off_url": notifications_off_url(commenter)})
    parent = comment.parent
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
    count, seconds = _limit("COMMENTS_REPORT_RATE_LIMIT_IP", (10, 600))
    if digest and Report.objects.filter(
            ip_hash=digest, created_at__gte=timezone.now() - timedelta(seconds=seconds)).count() >= count:
        raise RateLimited(_("Too many reports from your connection. Please wait %(minutes)d minutes and try "
                            "again.") % {"minutes": max(1, seconds // 60)})
    with transaction.atomic():
        # The lock on the comment serialises reports of it, so "counted once" holds under concurrency.
        comment = Comment.objects.select_for_update().filter(pk=comment_id, status=Comment.Status.APPROVED).first()
        if comment is None:
            raise NotFound(_("This comment cannot be reported (any more)."))
        same_reader = Q(pk__in=[])
        if session:
            same_reader |= Q(session_hash=session)
        if digest:
            same_reader |= Q(ip_hash=digest)
        earlier = Report.objects.filter(same_reader, comment=comment).first()
        if earlier is not None:
            return earlier, False
        report = Report.objects.create(comment=comment, reason=reason, session_hash=session, ip_hash=digest)
        Comment.objects.filter(pk=comment.pk).update(open_reports=F("open_reports") + 1)
    return report, True


def _resolve_reports(comment: Comment, *, moderator, outcome: str) -> int:
    resolved = Report.objects.filter(comment=comment, resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=moderator, outcome=outcome)
    Comment.objects.filter(pk=comment.pk).update(open_reports=0)
    comment.open_reports = 0
    return resolved


def comment_keep(*, comment: Comment, moderator) -> Comment:
    """The moderator keeps a reported comment: its open reports are dismissed, the decision is logged."""
    with transaction.atomic():
        locked = _locked(comment.pk)
        if locked.status != Comment.Status.APPROVED:
            raise InvalidInput(_("Only a published comment can be kept."))
        dismissed = _resolve_reports(locked, moderator=moderator, outcome=Report.Outcome.KEPT)
        Decision.objects.create(comment=locked, commenter_id=locked.commenter_id, moderator=moderator,
                                action=Decision.Action.KEEP, note=f"{dismissed} Meldung(en) verworfen")
    return locked


def comment_reject_reported(*, comment: Comment, moderator, reason: str) -> Comment:
    """Reject a comment (published or not) and close its open reports as upheld; readers see it disappear."""
    with transaction.atomic():
        locked = comment_reject(comment=comment, moderator=moderator, reason=reason)
        _resolve_reports(locked, moderator=moderator, outcome=Report.Outcome.REJECTED)
    return locked


# --- bulk decisions ---------------------------------------------------------------------------------------------

BULK_MAX = 200


@dataclass(frozen=True)
class BulkResult:
    action: str
    done: list[int]
    skipped: list[int]  # already in that state, deleted by the commenter, or gone


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
    done, skipped = [], []
    for comment in Comment.objects.filter(pk__in=ids).order_by("id"):
        if comment.status == Comment.Status.DELETED or comment.status == target_status:
            skipped.append(comment.pk)
            continue
        try:
            if action == "approve":
                comment_approve(comment=comment, moderator=moderator)
            elif action == "reject":
                comment_reject_reported(comment=comment, moderator=moderator, reason=reason)
            else:
                comment_keep(comment=comment, moderator=moderator)
        except ServiceError:
            skipped.append(comment.pk)  # changed under our feet (e.g. deleted meanwhile): leave it alone
            continue
        done.append(comment.pk)
    found = set(done) | set(skipped)
    skipped += [pk for pk in ids if pk not in found]
    return BulkResult(action=action, done=done, skipped=skipped)


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
