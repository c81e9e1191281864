"""E-mail subscriptions with double opt-in, one-click unsubscribe and alerts, through the mail outbox.

Nothing is sent to an address before it confirmed (German law: double opt-in); the confirmation mail
carries no advertising and its link expires after CONFIRMATION_VALID. Every later mail carries
List-Unsubscribe (https and mailto) and List-Unsubscribe-Post (RFC 8058), so a mail client unsubscribes
with one POST, without login or cookies.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from newsdesk.core.errors import InvalidInput, NotFound, ServiceError
from newsdesk.core.html import html_to_text
from newsdesk.core.privacy import ip_hash
from newsdesk.core.seo import site_name
from newsdesk.core.validation import whole_number
from newsdesk.mail import services as mail
from newsdesk.subscriptions.models import AlertJob, Subscriber, Subscription

CONFIRMATION_VALID = timedelta(hours=48)
RESEND_AFTER = timedelta(minutes=10)
UNCONFIRMED_KEPT = timedelta(days=7)
CONSENT_VERSION = "2026-11"
# "Similar news" alerts: TF-IDF cosine (newsdesk.related) a new article needs with a followed one. Far above
# the related box's floor (0.05): a mail must be worth it; in the tests the same town on another subject
# scores 0.09, the same flood story 0.75.
SIMILAR_ALERT_MIN_SCORE = 0.3


class Expired(ServiceError):
    status = 410


@dataclass(frozen=True)
class Target:
    """What a subscription follows; `key` like "liveblog.12", empty for site-wide kinds."""

    kind: str
    key: str = ""
    title: str = ""
    url: str = ""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


def normalize_email(raw: str) -> str:
    email = (raw or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError as exc:
        raise InvalidInput(_("Please enter a valid e-mail address."), field="email") from exc
    return email


def unsubscribe_headers(subscriber: Subscriber) -> dict[str, str]:
    """RFC 2369 and RFC 8058 headers: mail clients offer "unsubscribe" and POST it with one click."""
    url = _absolute(reverse("subscriptions:unsubscribe", kwargs={"token": subscriber.token}))
    mailbox = settings.SUBSCRIPTIONS_UNSUBSCRIBE_MAILBOX
    return {
        "List-Unsubscribe": f"<{url}>, <mailto:{mailbox}?subject=unsubscribe-{subscriber.token}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


# --- signing up and confirming ------------------------------------------------------------------------

def subscribe(*, email: str, target: Target, ip: str = "") -> Subscription:
    """Records the sign-up and queues the confirmation mail (in the same transaction).

    Signing up again while unconfirmed sends a new link at most every RESEND_AFTER; an address that is
    already confirmed gets no mail (nobody learns from the answer whether an address is subscribed).
    """
    if target.kind not in Subscription.Kind.values:
        raise InvalidInput(_("Unknown kind of subscription."), field="kind")
    address = normalize_email(email)
    now = timezone.now()
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.get_or_create(
            email=address, defaults={"token": secrets.token_urlsafe(32)})
        subscription, created = Subscription.objects.select_for_update().get_or_create(
            subscriber=subscriber, kind=target.kind, target_key=target.key,
            defaults={"target_title": target.title, "signed_up_at": now, "signup_ip_hash": ip_hash(ip),
                      "consent_version": CONSENT_VERSION},
        )
        if subscription.status == Subscription.Status.CONFIRMED:
            return subscription
        if not created:
            if subscription.confirmation_sent_at and now - subscription.confirmation_sent_at < RESEND_AFTER:
                return subscription
            subscription.status = Subscription.Status.PENDING
            subscription.signed_up_at, subscription.signup_ip_hash = now, ip_hash(ip)
            subscription.consent_version = CONSENT_VERSION
        _send_confirmation(subscription, target, now)
    return subscription


def _send_confirmation(subscription: Subscription, target: Target, now) -> None:
    token = secrets.token_urlsafe(32)
    context = {
        "target": target, "site_name": site_name(), "hours": int(CONFIRMATION_VALID.total_seconds() // 3600),
        "confirm_url": _absolute(reverse("subscriptions:confirm", kwargs={"token": token})),
    }
    text = render_to_string("subscriptions/mail/confirm.txt", context)
    html = render_to_string("subscriptions/mail/confirm.html", context)
    subscription.confirmation_token_hash = _hash(token)
    subscription.confirmation_sent_at = now
    subscription.confirmation_mail = text
    subscription.save()
    mail.enqueue(
        to=subscription.subscriber.email, subject=_("Please confirm your subscription"), text=text, html=html,
        idempotency_key=f"doi:{subscription.pk}:{subscription.confirmation_token_hash[:16]}", kind="confirmation",
    )


def subscription_to_confirm(token: str) -> Subscription:
    """The sign-up a confirmation link belongs to, for the page that asks before confirming (GET changes nothing).

    Raises like `confirm`: an unknown link NotFound, an expired one Expired (a confirmed one is returned as is).
    """
    subscription = (Subscription.objects.select_related("subscriber")
                    .filter(confirmation_token_hash=_hash(token)).first() if token else None)
    if subscription is None:
        raise NotFound(_("This confirmation link is not valid (any more). Please sign up again."))
    if (subscription.status != Subscription.Status.CONFIRMED
            and timezone.now() - subscription.confirmation_sent_at > CONFIRMATION_VALID):
        raise Expired(_("This confirmation link has expired. Please sign up again."))
    return subscription


def confirm(*, token: str, ip: str = "") -> Subscription:
    with transaction.atomic():
        subscription = (Subscription.objects.select_for_update().select_related("subscriber")
                        .filter(confirmation_token_hash=_hash(token)).first())
        if subscription is None:
            raise NotFound(_("This confirmation link is not valid (any more). Please sign up again."))
        if subscription.status == Subscription.Status.CONFIRMED:
            return subscription
        if timezone.now() - subscription.confirmation_sent_at > CONFIRMATION_VALID:
            raise Expired(_("This confirmation link has expired. Please sign up again."))
        subscription.status = Subscription.Status.CONFIRMED
        subscription.confirmed_at = timezone.now()
        subscription.confirm_ip_hash = ip_hash(ip)
        subscription.unsubscribed_at = None
        subscription.save()
        _send_welcome(subscription)
    return subscription


def _send_welcome(subscription: Subscription) -> None:
    """The first mail after confirming: what comes, and the preference centre's link (until now only on the
    confirmation page). Exactly once per subscription: its idempotency key is the subscription's."""
    subscriber = subscription.subscriber
    context = {
        "site_name": site_name(),
        "what": subscription.target_title or subscription.get_kind_display(),
        "preferences_url": _absolute(reverse("subscriptions:preferences", kwargs={"token": subscriber.token})),
    }
    mail.enqueue(
        to=subscriber.email, subject=_("Welcome: your subscription is active"),
        text=render_to_string("subscriptions/mail/welcome.txt", context),
        html=render_to_string("subscriptions/mail/welcome.html", context),
        headers=unsubscribe_headers(subscriber), idempotency_key=f"welcome:{subscription.pk}", kind="welcome",
    )


def resubscribe(*, subscriber: Subscriber, subscription_id: int) -> Subscription:
    """"Wieder anmelden" in the preference centre: an ended subscription starts again only after a new
    confirmation (double opt-in), so it goes back to waiting and a fresh link is mailed."""
    with transaction.atomic():
        subscription = (subscriber.subscriptions.select_for_update()
                        .filter(pk=subscription_id, status=Subscription.Status.UNSUBSCRIBED).first())
        if subscription is None:
            raise NotFound(_("This subscription cannot be started again here. Please sign up again."))
        now = timezone.now()
        subscription.status = Subscription.Status.PENDING
        subscription.signed_up_at, subscription.consent_version = now, CONSENT_VERSION
        target = Target(subscription.kind, subscription.target_key,
                        subscription.target_title or subscription.get_kind_display())
        _send_confirmation(subscription, target, now)
    return subscription


# --- the subscriber's own controls ----------------------------------------------------------------------

def subscriber_by_token(token: str) -> Subscriber:
    subscriber = Subscriber.objects.filter(token=token).first() if token else None
    if subscriber is None:
        raise NotFound(_("This link is not valid (any more)."))
    return subscriber


def unsubscribe(*, subscriber: Subscriber, subscription_id: int | None = None) -> int:
    """Ends one subscription, or all of them; returns how many were active."""
    active = subscriber.subscriptions.exclude(status=Subscription.Status.UNSUBSCRIBED)
    if subscription_id is not None:
        active = active.filter(pk=subscription_id)
    return active.update(status=Subscription.Status.UNSUBSCRIBED, unsubscribed_at=timezone.now(),
                         confirmation_token_hash=None)


def export_data(subscriber: Subscriber) -> dict[str, Any]:
    """Everything stored about this address (GDPR Art. 15), as JSON-able data."""
    return {
        "email": subscriber.email,
        "created_at": subscriber.created_at.isoformat(),
        "subscriptions": [
            {
                "kind": s.kind, "target": s.target_key, "title": s.target_title, "status": s.status,
                "signed_up_at": s.signed_up_at.isoformat(), "signup_ip_hash": s.signup_ip_hash,
                "consent_version": s.consent_version,
                "confirmation_sent_at": s.confirmation_sent_at.isoformat() if s.confirmation_sent_at else None,
                "confirmation_mail": s.confirmation_mail,
                "confirmed_at": s.confirmed_at.isoformat() if s.confirmed_at else None,
                "confirm_ip_hash": s.confirm_ip_hash,
                "unsubscribed_at": s.unsubscribed_at.isoformat() if s.unsubscribed_at else None,
            }
            for s in subscriber.subscriptions.order_by("signed_up_at")
        ],
    }


def delete_subscriber(subscriber: Subscriber) -> None:
    """Erases the address and its subscriptions (GDPR Art. 17); queued mails to it are suppressed."""
    with transaction.atomic():
        mail.suppress(subscriber.email, detail="subscriber deleted their data")
        subscriber.delete()


def purge_unconfirmed(now=None) -> int:
    """Sign-ups never confirmed are forgotten after UNCONFIRMED_KEPT."""
    cutoff = (now or timezone.now()) - UNCONFIRMED_KEPT
    deleted, _counts = Subscription.objects.filter(
        status=Subscription.Status.PENDING, signed_up_at__lt=cutoff).delete()
    Subscriber.objects.filter(subscriptions__isnull=True, created_at__lt=cutoff).delete()
    return deleted


# --- alerts ---------------------------------------------------------------------------------------------

def record_alert(*, kind: str, target_keys: list[str], subject: str, text: str, url: str, event_key: str,
                 source_key: str = "") -> None:
    """Call inside the transaction of the change: the alert exists iff the change commits."""
    AlertJob.objects.get_or_create(event_key=event_key, defaults={
        "kind": kind, "target_keys": target_keys, "subject": subject[:300], "text": text, "url": url[:500],
        "source_key": source_key})


# Told (job, mails read so far, recipients in all) while an alert is expanded: the progress bar of send_alerts.
Progress = Callable[[AlertJob, int, int], None]


def process_alert_jobs(*, limit: int = 20, on_progress: Progress | None = None) -> int:
    """Expands pending alerts into outbox mails; returns how many jobs it finished. Safe to repeat."""
    finished = 0
    for job in AlertJob.objects.filter(status=AlertJob.Status.PENDING).order_by("id")[:limit]:
        with transaction.atomic():
            locked = AlertJob.objects.select_for_update(**_skip_locked()).filter(
                pk=job.pk, status=AlertJob.Status.PENDING).first()
            if locked is None:
                continue  # another runner has it
            if locked.kind == Subscription.Kind.SIMILAR:
                locked.target_keys = _similar_targets(locked)
            locked.mails = _send_alert(locked, on_progress)
            locked.status, locked.finished_at = AlertJob.Status.DONE, timezone.now()
            locked.save(update_fields=["target_keys", "mails", "status", "finished_at"])
            finished += 1
    return finished


def _followers(job: AlertJob):
    return Subscription.objects.filter(kind=job.kind, target_key__in=job.target_keys,
                                       status=Subscription.Status.CONFIRMED)


def _skip_locked() -> dict:
    from django.db import connection

    return {"skip_locked": True} if connection.features.has_select_for_update_skip_locked else {}


def _send_alert(job: AlertJob, on_progress: Progress | None = None) -> int:
    """One mail per follower of any of the job's targets (the idempotency key merges a reader's several targets)."""
    subscriptions = (_followers(job).select_related("subscriber")
                     .only("target_title", "subscriber__email", "subscriber__token").order_by("subscriber_id"))
    rendered: dict[str, tuple[str, str]] = {}  # per target title: (text, html) with a token placeholder
    mails = (_alert_mail(subscription, job, rendered) for subscription in subscriptions.iterator(chunk_size=2000))
    report = None
    if on_progress is not None:
        total, read = _followers(job).count(), 0

        def report(n: int) -> None:
            nonlocal read
            read += n
            on_progress(job, read, total)

    batch = f"alert:{job.event_key}"
    return mail.enqueue_many(mails, labels={batch: _("Alert “%(subject)s”") % {"subject": job.subject}},
                             on_chunk=report).created


# URL-safe, so reverse() keeps it as it is; replaced by each reader's own key.
_READER_SLOT = "zz-newsdesk-reader-slot-zz"


def _alert_mail(subscription: Subscription, job: AlertJob, rendered: dict[str, tuple[str, str]]) -> mail.Mail:
    """Rendered once per alert (and target title), then personalised: readers differ only in their links."""
    title = subscription.target_title
    if title not in rendered:
        context = {"subject": job.subject, "text": job.text, "url": job.url, "site_name": site_name(),
                   "title": title,
                   "preferences_url": _absolute(reverse("subscriptions:preferences", kwargs={"token": _READER_SLOT})),
                   "unsubscribe_url": _absolute(reverse("subscriptions:unsubscribe", kwargs={"token": _READER_SLOT}))}
        rendered[title] = (render_to_string("subscriptions/mail/alert.txt", context),
                           render_to_string("subscriptions/mail/alert.html", context))
    text, html = rendered[title]
    subscriber = subscription.subscriber
    # Keyed per event (or, for a new article, per article) and subscriber: several followed targets, a reader
    # who follows both a topic and similar news, or a repeated run, still make one mail.
    return mail.Mail(
        to=subscriber.email, subject=job.subject, kind="alert",
        text=text.replace(_READER_SLOT, subscriber.token), html=html.replace(_READER_SLOT, subscriber.token),
        headers=unsubscribe_headers(subscriber),
        idempotency_key=f"alert:{job.source_key or job.event_key}:{subscriber.pk}",
        batch=f"alert:{job.event_key}",
    )


def liveblog_key_event(*, liveblog, entry) -> None:
    """Followers of a newsblog: a key event was posted."""
    record_alert(
        kind=Subscription.Kind.LIVEBLOG, target_keys=[f"liveblog.{liveblog.pk}"],
        subject=_("%(title)s: %(headline)s") % {"title": liveblog.title,
                                                 "headline": entry.headline or _("new key event")},
        text=html_to_text(entry.body), url=_absolute(entry.get_absolute_url()),
        event_key=f"liveblog.{liveblog.pk}.entry.{entry.pk}",
    )


def article_published(*, article) -> None:
    """Followers of the article's topics; someone following two of them gets one mail."""
    record_alert(
        kind=Subscription.Kind.TOPIC, target_keys=[f"topic.{pk}" for pk in article.topics.values_list("pk", flat=True)],
        subject=_("New: %(headline)s") % {"headline": article.headline}, text=article.teaser,
        url=_absolute(article.get_absolute_url()), event_key=f"article.{article.pk}.published",
        source_key=f"article.{article.pk}",
    )


def article_corrected(*, article) -> None:
    """Followers of one article: it got a correction."""
    note_key = hashlib.sha256(article.correction_note.encode()).hexdigest()[:12]
    record_alert(
        kind=Subscription.Kind.ARTICLE, target_keys=[f"article.{article.pk}"],
        subject=_("Correction: %(headline)s") % {"headline": article.headline}, text=article.correction_note,
        url=_absolute(article.get_absolute_url()), event_key=f"article.{article.pk}.correction.{note_key}",
    )


def record_digest_if_due(now=None) -> bool:
    """Once a day at DIGEST_TIME (the newsroom's time zone): the last 24 hours' articles and key events."""
    now = timezone.localtime(now or timezone.now())
    hour, minute = (int(part) for part in settings.DIGEST_TIME.split(":"))
    if (now.hour, now.minute) < (hour, minute):
        return False
    event_key = f"digest.{now.date().isoformat()}"
    if AlertJob.objects.filter(event_key=event_key).exists():
        return False
    lines = _digest_lines(since=now - timedelta(hours=24))
    if not lines:
        return False  # nothing to tell; checked again next round, sent if news arrives before midnight
    record_alert(kind=Subscription.Kind.DIGEST, target_keys=[""], event_key=event_key,
                 subject=_("The most important news of %(date)s") % {"date": now.strftime("%d.%m.%Y")},
                 text="\n\n".join(lines), url=_absolute(reverse("home")))
    return True


def _digest_lines(*, since) -> list[str]:
    from newsdesk.articles.models import Article
    from newsdesk.liveblogs.models import Entry

    articles = Article.objects.published().filter(published_at__gte=since).order_by("-published_at")[:15]
    entries = (Entry.objects.visible().filter(key_event=True, created_at__gte=since).select_related("liveblog")
               .order_by("-created_at")[:15])
    return [f"{article.headline}\n{_absolute(article.get_absolute_url())}" for article in articles] + [
        f"{entry.liveblog.title}: {entry.headline or Truncator(html_to_text(entry.body)).words(20)}\n"
        f"{_absolute(entry.get_absolute_url())}" for entry in entries]


def liveblog_breaking(*, liveblog, entry) -> None:
    """Breaking-news followers: an editor marked a newsblog entry as breaking (once per entry, however often)."""
    headline = entry.headline or Truncator(html_to_text(entry.body)).words(12)
    record_alert(
        kind=Subscription.Kind.BREAKING, target_keys=[""],
        event_key=f"liveblog.{liveblog.pk}.entry.{entry.pk}.breaking",
        subject=_("Breaking: %(headline)s") % {"headline": headline}, text=html_to_text(entry.body),
        url=_absolute(entry.get_absolute_url()),
    )


def article_similar(*, article) -> None:
    """Followers of "similar news": which followed articles are close enough is found outside the request."""
    record_alert(
        kind=Subscription.Kind.SIMILAR, target_keys=[], source_key=f"article.{article.pk}",
        event_key=f"article.{article.pk}.similar", subject=_("Similar news: %(headline)s") % {
            "headline": article.headline},
        text=article.teaser, url=_absolute(article.get_absolute_url()),
    )


def _similar_targets(job: AlertJob) -> list[str]:
    """The followed articles the new one is similar to (SIMILAR_ALERT_MIN_SCORE), never the new one itself."""
    from newsdesk import related
    from newsdesk.articles.indexing import related_document
    from newsdesk.articles.models import Article

    _prefix, _dot, raw_id = job.source_key.partition(".")
    pk = whole_number(raw_id)
    article = Article.objects.published().filter(pk=pk).first() if pk is not None else None
    if article is None:
        return []  # unpublished again before the alert went out: nothing to tell
    followed = {int(key.partition(".")[2]) for key in Subscription.objects.filter(
        kind=Subscription.Kind.SIMILAR, status=Subscription.Status.CONFIRMED, target_key__startswith="article.")
        .values_list("target_key", flat=True).distinct()} - {article.pk}
    document = related_document(article)
    scores = related.scores_for_text(document["title"], document["text"], "article", sorted(followed))
    return [f"article.{pk}" for pk, score in sorted(scores.items()) if score >= SIMILAR_ALERT_MIN_SCORE]


def article_breaking(*, article) -> None:
    """Breaking-news followers: an article marked as breaking went live."""
    record_alert(
        kind=Subscription.Kind.BREAKING, target_keys=[""], event_key=f"article.{article.pk}.breaking",
        subject=_("Breaking: %(headline)s") % {"headline": article.headline}, text=article.teaser,
        url=_absolute(article.get_absolute_url()), source_key=f"article.{article.pk}",
    )
