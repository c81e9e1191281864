"""Reader comments on any content (contenttypes), commenters keyed by e-mail, and the decision log."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

BODY_MAX_LENGTH = 5000
DISPLAY_NAME_MAX_LENGTH = 80


def normalize_email(email: str) -> str:
    """One commenter per address: surrounding space and case do not make a new identity."""
    return email.strip().lower()


def email_fingerprint(email: str) -> str:
    """Twelve hex digits of a keyed hash: moderators recognise and search an address without seeing it."""
    from django.utils.crypto import salted_hmac

    return salted_hmac("newsdesk.comments.email-fingerprint", normalize_email(email),
                       algorithm="sha256").hexdigest()[:12]


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
    confirmation_sent_at = models.DateTimeField(_("confirmation mail sent at"), null=True, blank=True)
    notifications_off_at = models.DateTimeField(_("notifications switched off at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Moderation desk (issue 12): a temporary suspension (a permanent one is the state "banned"), and a mark that
    # keeps every comment of this commenter for a moderator whatever the rules say.
    suspended_until = models.DateTimeField(_("suspended until"), null=True, blank=True)
    suspension_reason = models.CharField(_("reason for the suspension"), max_length=300, blank=True)
    always_premoderate = models.BooleanField(_("always pre-moderate"), default=False)
    # A keyed hash of the address, shown to moderators instead of it and searchable in the queue.
    email_fingerprint = models.CharField(max_length=12, blank=True, db_index=True)

    class Meta:
        verbose_name = _("commenter")
        verbose_name_plural = _("commenters")

    def __str__(self) -> str:
        return self.email

    def save(self, *args, **kwargs) -> None:
        if self.email and not self.email_fingerprint:
            self.email_fingerprint = email_fingerprint(self.email)
        super().save(*args, **kwargs)

    @property
    def is_banned(self) -> bool:
        return self.state == self.State.BANNED

    def is_suspended(self, now=None) -> bool:
        from django.utils import timezone

        return self.suspended_until is not None and self.suspended_until > (now or timezone.now())


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
        # Waits for the commenter's e-mail confirmation: in no queue, never shown to readers.
        UNVERIFIED = "unverified", pgettext_lazy("comment status", "e-mail not confirmed")

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
    notify = models.BooleanField(_("notify the commenter by e-mail"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    # Open (not yet handled) reader reports; kept in step by the services, so the "reported" queue is one filter.
    open_reports = models.PositiveIntegerField(_("open reports"), default=0)
    # The second-highest signal score: breaks ties in risk, so the queue's order means something (issue 12).
    risk_next = models.FloatField(default=0.0)
    # "Redaktionsempfehlung": shown first to readers.
    featured = models.BooleanField(_("editors' pick"), default=False)
    # Written by a logged-in editor or moderator: marked "Redaktion" for readers.
    by_staff = models.BooleanField(_("by the newsroom"), default=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            models.Index(fields=["content_type", "object_id", "status", "-created_at"], name="comment_target_idx"),
            models.Index(fields=["status", "-risk", "created_at"], name="comment_queue_idx"),
            models.Index(fields=["status", "-risk", "-risk_next", "created_at"], name="comment_queue_next_idx"),
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
        FEATURE = "feature", _("featured")
        UNFEATURE = "unfeature", _("no longer featured")
        SUSPEND = "suspend", _("suspended")
        PREMODERATE = "premod", _("always pre-moderate")
        UNDO = "undo", _("undone")

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, null=True, blank=True, related_name="decisions")
    commenter = models.ForeignKey(Commenter, on_delete=models.CASCADE, related_name="decisions")
    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+")
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    reason = models.CharField(_("reason"), max_length=12, choices=Reason.choices, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # What the decision changed, so that "Rückgängig" restores exactly that (issue 12): the comment's and the
    # commenter's fields before, the reports it closed, the decisions it made along (a ban's rejections).
    before = models.JSONField(default=dict, blank=True)
    undone_at = models.DateTimeField(null=True, blank=True)
    undo_of = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    part_of = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="parts")

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.action} #{self.comment_id}"


# --- reader settings (site-wide and per target), added for issue 4 ----------------------------------------------

class Mode(models.TextChoices):
    PRE = "pre", _("pre-moderation: a moderator approves every comment")
    POST = "post", _("post-moderation: low-risk comments appear at once")


DEFAULT_RISK_THRESHOLD = 0.5


class CommentSettings(models.Model):
    """The site's comment rules: one row (pk 1), edited by admins in the admin. `CommentSettings.load()` reads it."""

    mode = models.CharField(_("moderation mode"), max_length=4, choices=Mode.choices, default=Mode.PRE)
    risk_threshold = models.FloatField(
        _("risk threshold"), default=DEFAULT_RISK_THRESHOLD,
        help_text=_("Comments whose pre-screening risk is above this value always wait for a moderator (0–1)."))
    closed = models.BooleanField(_("comments closed everywhere"), default=False)
    closed_from = models.TimeField(_("closed daily from"), null=True, blank=True,
                                   help_text=_("German time, e.g. 23:00. Leave both times empty for no closing hours."))
    closed_until = models.TimeField(_("closed daily until"), null=True, blank=True, help_text=_("e.g. 06:00"))
    trusted_auto_approve = models.BooleanField(
        _("approve low-risk comments of trusted commenters automatically"), default=False,
        help_text=_("Off by default: the policy is that a person approves every comment."))
    trusted_min_approved = models.PositiveIntegerField(
        _("approved comments needed to be trusted"), default=5)
    require_email_confirmation = models.BooleanField(
        _("first-time commenters confirm their e-mail address"), default=True,
        help_text=_("Their comments wait, invisible to moderators and readers, until they click the link."))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("comment settings")
        verbose_name_plural = _("comment settings")

    def __str__(self) -> str:
        return str(_("Comment settings of the site"))

    def save(self, *args, **kwargs) -> None:
        self.pk = 1  # a singleton: whatever is saved is the site's one row
        super().save(*args, **kwargs)

    def clean(self) -> None:
        _check_closing(self)

    @classmethod
    def load(cls) -> CommentSettings:
        """The site's row, or the defaults (unsaved) until an admin saves it: reading a page never writes."""
        return cls.objects.filter(pk=1).first() or cls(pk=1)


def _check_closing(row: CommentSettings | TargetCommentSettings) -> None:
    """Admin form checks: a threshold between 0 and 1, closing hours with both ends or none."""
    if row.risk_threshold is not None and not 0.0 <= row.risk_threshold <= 1.0:
        raise ValidationError({"risk_threshold": _("The risk threshold must be between 0 and 1.")})
    if (row.closed_from is None) != (row.closed_until is None):
        raise ValidationError({"closed_until": _("Give both closing times or none.")})


class TargetCommentSettings(models.Model):
    """Overrides for one article or newsblog; an empty field means: as the site settings say."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    mode = models.CharField(_("moderation mode"), max_length=4, choices=Mode.choices, blank=True,
                            help_text=_("Empty: as in the site settings."))
    risk_threshold = models.FloatField(_("risk threshold"), null=True, blank=True,
                                       help_text=_("Empty: as in the site settings."))
    closed = models.BooleanField(_("comments closed"), default=False)
    closed_from = models.TimeField(_("closed daily from"), null=True, blank=True,
                                   help_text=_("Empty: the site's closing hours apply."))
    closed_until = models.TimeField(_("closed daily until"), null=True, blank=True)

    class Meta:
        verbose_name = _("comment settings for this page")
        verbose_name_plural = _("comment settings for this page")
        constraints = [models.UniqueConstraint(fields=["content_type", "object_id"], name="comment_target_settings")]

    def __str__(self) -> str:
        return str(_("Comment settings"))

    def clean(self) -> None:
        _check_closing(self)

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


# --- moderation desk and the Digital Services Act (issue 12) ----------------------------------------------------

class CommenterNote(models.Model):
    """A moderator's note on a commenter, or a warning (a warning is also mailed as a statement)."""

    class Kind(models.TextChoices):
        NOTE = "note", _("note")
        WARNING = "warning", _("warning")

    commenter = models.ForeignKey(Commenter, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.NOTE)
    text = models.CharField(_("text"), max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("note on a commenter")
        verbose_name_plural = _("notes on commenters")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} #{self.commenter_id}"


class NoticeCategory(models.TextChoices):
    """Art. 16 DSA: what the notifier says is wrong. Illegal content by kind, or a breach of the house rules."""

    INSULT = "insult", _("illegal: insult (§ 185 StGB)")
    INCITEMENT = "incitement", _("illegal: incitement to hatred (§ 130 StGB)")
    THREAT = "threat", _("illegal: threat (§ 241 StGB)")
    PERSONAL_DATA = "personal", _("illegal: personal data published")
    COPYRIGHT = "copyright", _("illegal: copyright infringement")
    RULES = "rules", _("breach of the comment rules")


class Notice(models.Model):
    """An Art. 16 DSA notice about a comment; the notifier's name and address are optional (and forgotten later)."""

    class Outcome(models.TextChoices):
        REMOVED = "removed", _("removed")
        KEPT = "kept", _("kept")

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="notices")
    category = models.CharField(_("category"), max_length=12, choices=NoticeCategory.choices)
    explanation = models.TextField(_("explanation"), max_length=2000)
    name = models.CharField(_("name"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    good_faith = models.BooleanField(default=False)
    ip_hash = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True)

    class Meta:
        verbose_name = _("notice (DSA)")
        verbose_name_plural = _("notices (DSA)")
        indexes = [models.Index(fields=["decided_at", "created_at"], name="notice_open_idx")]

    def __str__(self) -> str:
        return f"{self.category} #{self.comment_id}"


class Statement(models.Model):
    """Art. 17 DSA statement of reasons to the author of a removed comment or a suspended commenter."""

    class Automation(models.TextChoices):
        NONE = "none", _("no automated means")
        PREPARED = "prepared", _("prepared by automated means")
        DECIDED = "decided", _("decided by automated means")

    decision = models.OneToOneField(Decision, on_delete=models.CASCADE, related_name="statement")
    commenter = models.ForeignKey(Commenter, on_delete=models.CASCADE, related_name="statements")
    comment = models.ForeignKey(Comment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    action = models.CharField(_("decision"), max_length=10)
    ground = models.CharField(_("ground"), max_length=300)
    facts = models.TextField(_("facts"))
    automation = models.CharField(_("automated means"), max_length=10, choices=Automation.choices)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)  # the decision was undone within the undo window

    class Meta:
        verbose_name = _("statement of reasons")
        verbose_name_plural = _("statements of reasons")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.action} #{self.decision_id}"


class Complaint(models.Model):
    """The author's objection to a decision (internal complaint handling, Art. 20 DSA)."""

    class Outcome(models.TextChoices):
        UPHELD = "upheld", _("decision upheld")
        REVERSED = "reversed", _("decision reversed")

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="complaints")
    text = models.TextField(_("your objection"), max_length=3000)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True)
    answer = models.CharField(_("answer"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")

    def __str__(self) -> str:
        return f"#{self.pk} ({self.statement_id})"
