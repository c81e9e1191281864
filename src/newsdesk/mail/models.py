"""The outbox (one row per recipient and message) and the addresses that must not be mailed again."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def normalize_address(address: str) -> str:
    """The form addresses are compared and stored in: trimmed and lower-cased.

    The local part is case-sensitive in theory only; every mailbox provider we mail treats it as case-insensitive,
    and comparing case-insensitively is what keeps a bounced "Erika@Example.org" from being mailed as "erika@...".
    """
    return address.strip().lower()


class OutboxMessage(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        SUPPRESSED = "suppressed", _("suppressed")

    # Unique per recipient and message, e.g. "alert:<article-id>:<subscriber-id>"; enqueueing it again is a no-op.
    idempotency_key = models.CharField(_("idempotency key"), max_length=200, unique=True)
    # What kind of mail (confirmation, newsletter, alert, ...) and, for large sends, which send it belongs to.
    kind = models.CharField(_("kind"), max_length=50)
    batch = models.CharField(_("send"), max_length=100, blank=True)
    recipient = models.CharField(_("recipient"), max_length=254)
    from_email = models.CharField(_("sender"), max_length=254, blank=True)  # blank: DEFAULT_FROM_EMAIL
    subject = models.CharField(_("subject"), max_length=300)
    text = models.TextField(_("text"))
    html = models.TextField(_("HTML"), blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # Not before this time: send_after at first, then the retry backoff.
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    # The last attempt ended without an answer from the server (worker died, connection lost after DATA):
    # the mail may have arrived. Checked before it is sent again (newsdesk.mail.worker).
    in_doubt = models.BooleanField(_("delivery uncertain"), default=False)

    # The claim of a worker: rows in status "sending" belong to claim_id until lease_expires_at.
    claim_id = models.CharField(max_length=32, blank=True)
    claimed_by = models.CharField(_("worker"), max_length=100, blank=True)
    lease_expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-id"]
        indexes = [
            # The worker's claim: status = pending AND next_attempt_at <= now ORDER BY next_attempt_at, id;
            # also finds expired leases (status = sending) and counts per status.
            models.Index(fields=["status", "next_attempt_at", "id"], name="mail_outbox_claim"),
            # Progress of one large send.
            models.Index(fields=["batch", "status"], name="mail_outbox_batch"),
        ]

    def __str__(self) -> str:
        return f"{self.recipient}: {self.subject}"

    @property
    def message_id(self) -> str:
        return message_id_for(self.idempotency_key)


def message_id_for(idempotency_key: str) -> str:
    """Message-ID derived from the idempotency key: every copy of one mail carries the same one.

    Hashed, so the header neither reveals internal ids nor grows with the key.
    """
    digest = hashlib.sha256(idempotency_key.encode()).hexdigest()[:40]
    return f"<{digest}@{settings.MAIL_MESSAGE_ID_DOMAIN}>"


class Suppression(models.Model):
    """An address that is never mailed again (hard bounce, or added by an admin)."""

    class Reason(models.TextChoices):
        BOUNCE = "bounce", _("bounced")
        MANUAL = "manual", _("added by hand")

    address = models.CharField(_("address"), max_length=254, unique=True)
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices, default=Reason.MANUAL)
    detail = models.CharField(_("detail"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("blocked address")
        verbose_name_plural = _("blocked addresses")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.address

    def save(self, *args, **kwargs) -> None:
        # Invariant: stored normalised, so lookups by normalize_address() always match.
        self.address = normalize_address(self.address)
        super().save(*args, **kwargs)


class MailBatch(models.Model):
    """Counters of one large send (an alert to 100,000 readers), so progress is read without counting the outbox.

    `total` grows in the transaction that enqueues the mails; the worker adds its outcomes once per claimed batch,
    and when nothing of the send is left to do, the counters are recounted exactly once and `finished_at` set.
    """

    key = models.CharField(_("send"), max_length=100, unique=True)  # OutboxMessage.batch
    label = models.CharField(_("label"), max_length=300, blank=True)
    total = models.PositiveIntegerField(_("mails"), default=0)
    sent = models.PositiveIntegerField(_("sent"), default=0)
    failed = models.PositiveIntegerField(_("failed"), default=0)
    suppressed = models.PositiveIntegerField(_("suppressed"), default=0)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("send")
        verbose_name_plural = _("sends")
        indexes = [models.Index(fields=["finished_at", "-started_at"], name="mail_batch_open")]

    def __str__(self) -> str:
        return self.label or self.key

    @property
    def done(self) -> int:
        return self.sent + self.failed + self.suppressed
