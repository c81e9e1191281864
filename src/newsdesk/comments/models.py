"""Reader comments on any content (contenttypes), commenters keyed by e-mail, and the decision log."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

BODY_MAX_LENGTH = 5000
DISPLAY_NAME_MAX_LENGTH = 80


def normalize_email(email: str) -> str:
    """One commenter per address: surrounding space and case do not make a new identity."""
    return email.strip().lower()


class Commenter(models.Model):
    class State(models.TextChoices):
        NORMAL = "normal", _("normal")
        TRUSTED = "trusted", _("trusted")
        BANNED = "banned", _("banned")

    email = models.EmailField(_("e-mail"), max_length=254, unique=True)  # normalised; never shown to readers
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.NORMAL)
    approved_count = models.PositiveIntegerField(_("approved comments"), default=0)
    rejected_count = models.PositiveIntegerField(_("rejected comments"), default=0)
    email_confirmed_at = models.DateTimeField(_("e-mail confirmed at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("commenter")
        verbose_name_plural = _("commenters")

    def __str__(self) -> str:
        return self.email

    @property
    def is_banned(self) -> bool:
        return self.state == self.State.BANNED


class Reason(models.TextChoices):
    OFF_TOPIC = "off-topic", _("off-topic")
    DEMEANING = "demeaning", _("demeaning")
    SPAM = "spam", _("spam")
    ILLEGAL = "illegal", _("illegal")
    OTHER = "other", _("other")


class CommentQuerySet(models.QuerySet):
    def for_target(self, target: models.Model) -> CommentQuerySet:
        return self.filter(content_type=ContentType.objects.get_for_model(target), object_id=target.pk)

    def approved(self) -> CommentQuerySet:
        return self.filter(status=Comment.Status.APPROVED)


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("comment status", "pending")
        APPROVED = "approved", pgettext_lazy("comment status", "approved")
        REJECTED = "rejected", pgettext_lazy("comment status", "rejected")
        DELETED = "deleted", pgettext_lazy("comment status", "deleted")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    # One level of replies: services attach a reply to a reply to the top comment.
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies")
    commenter = models.ForeignKey(Commenter, on_delete=models.PROTECT, related_name="comments")
    display_name = models.CharField(_("name"), max_length=DISPLAY_NAME_MAX_LENGTH)
    body = models.TextField(_("comment"), max_length=BODY_MAX_LENGTH)  # plain text, NFKC-normalised
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    rejection_reason = models.CharField(_("reason"), max_length=12, choices=Reason.choices, blank=True)
    # Pre-screening (advisory): highest signal score, signals as dicts with German reasons, versions per signal.
    risk = models.FloatField(default=0.0)
    screen_action = models.CharField(max_length=20, blank=True)
    signals = models.JSONField(default=list, blank=True)
    model_versions = models.JSONField(default=dict, blank=True)
    fingerprint = models.CharField(max_length=64, blank=True, db_index=True)
    # Salted hash only (never the address); emptied after 7 days by `comment_purge_ip_hashes`.
    ip_hash = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    # Open (not yet handled) reader reports; kept in step by the services, so the "reported" queue is one filter.
    open_reports = models.PositiveIntegerField(_("open reports"), default=0)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            models.Index(fields=["content_type", "object_id", "status", "-created_at"], name="comment_target_idx"),
            models.Index(fields=["status", "-risk", "created_at"], name="comment_queue_idx"),
            models.Index(fields=["ip_hash", "created_at"], name="comment_ip_idx"),
            models.Index(fields=["commenter", "created_at"], name="comment_commenter_idx"),
            models.Index(fields=["status", "-open_reports"], name="comment_reported_idx",
                         condition=models.Q(open_reports__gt=0)),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.display_name}"

    @property
    def channel(self) -> str:
        return target_channel(self.content_type_id, self.object_id)

    @property
    def anchor(self) -> str:
        return f"kommentar-{self.pk}"


def target_channel(content_type_id: int, object_id: int) -> str:
    return f"comments.{content_type_id}.{object_id}"


class Decision(models.Model):
    """Every moderation action, with who (None: automatic) and when."""

    class Action(models.TextChoices):
        APPROVE = "approve", _("approve")
        REJECT = "reject", _("reject")
        BAN = "ban", _("ban")
        TRUST = "trust", _("trust")
        DELETE = "delete", _("deleted by the commenter")
        KEEP = "keep", _("kept despite reports")

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, null=True, blank=True, related_name="decisions")
    commenter = models.ForeignKey(Commenter, on_delete=models.CASCADE, related_name="decisions")
    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+")
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    reason = models.CharField(_("reason"), max_length=12, choices=Reason.choices, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.action} #{self.comment_id}"


class Report(models.Model):
    """A reader's report of an approved comment; one per reader (session or IP hash) and comment."""

    class Outcome(models.TextChoices):
        KEPT = "kept", _("kept")
        REJECTED = "rejected", pgettext_lazy("report outcome", "rejected")

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(_("reason"), max_length=12, choices=Reason.choices)
    # Keyed hashes only: the session key and the IP address themselves are never stored.
    session_hash = models.CharField(max_length=64, blank=True)
    ip_hash = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        indexes = [
            models.Index(fields=["comment", "resolved_at"], name="report_comment_idx"),
            models.Index(fields=["ip_hash", "created_at"], name="report_ip_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.reason} #{self.comment_id}"
