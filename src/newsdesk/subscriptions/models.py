from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Subscriber(models.Model):
    """One e-mail address; its `token` opens the preference centre and unsubscribes without a login."""

    email = models.EmailField(_("e-mail address"), unique=True)
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")

    def __str__(self) -> str:
        return self.email


class Subscription(models.Model):
    """What one address receives, with the double opt-in record German law asks for."""

    class Kind(models.TextChoices):
        DIGEST = "digest", _("Daily digest")
        BREAKING = "breaking", _("Breaking news")
        TOPIC = "topic", _("Topic")
        ARTICLE = "article", _("Article")
        LIVEBLOG = "liveblog", _("Newsblog")
        SIMILAR = "similar", _("Similar news")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="subscriptions")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # What it follows: "liveblog.12", "article.5", "topic.3"; empty for the digest and breaking news.
    target_key = models.CharField(max_length=60, blank=True)
    target_title = models.CharField(max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    # Double opt-in record: sign-up, the confirmation mail as sent, the confirmation, the consent text.
    signed_up_at = models.DateTimeField(_("signed up"))
    signup_ip_hash = models.CharField(max_length=64, blank=True)
    consent_version = models.CharField(_("consent text version"), max_length=20)
    confirmation_token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation mail sent"), null=True, blank=True)
    confirmation_mail = models.TextField(_("confirmation mail as sent"), blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirm_ip_hash = models.CharField(max_length=64, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "kind", "target_key"], name="one_subscription_per_target"),
        ]
        indexes = [models.Index(fields=["kind", "target_key", "status"], name="subscription_fanout_idx")]

    def __str__(self) -> str:
        return f"{self.subscriber} · {self.get_kind_display()}"


class AlertJob(models.Model):
    """An alert to send, recorded in the transaction of the change that causes it (outbox pattern).

    A runner expands it into one outbox mail per follower; the mails' idempotency keys make that safe to
    repeat after a crash, so an alert is neither lost nor sent twice, and the editor never waits for it.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        DONE = "done", _("Done")

    event_key = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Subscription.Kind.choices)
    target_keys = models.JSONField(default=list)
    # The new article ("article.12") an alert is about: "similar news" finds its followers from it when expanded,
    # and a reader gets one mail per article whichever alerts (topic, similar, breaking) reach them.
    source_key = models.CharField(max_length=60, blank=True)
    subject = models.CharField(max_length=300)
    text = models.TextField()
    url = models.CharField(max_length=500)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    mails = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        indexes = [models.Index(fields=["status", "id"], name="alertjob_pending_idx")]

    def __str__(self) -> str:
        return self.subject
