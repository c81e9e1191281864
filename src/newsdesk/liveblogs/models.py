from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from newsdesk.core.html import reading_minutes


def liveblog_freshness_key(slug: str) -> str:
    return f"liveblog.{slug}"


class LiveBlog(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Live")
        CLOSED = "closed", _("Closed")

    class Order(models.TextChoices):
        NEWEST_FIRST = "newest", _("Newest first")
        OLDEST_FIRST = "oldest", _("Oldest first")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=200)
    teaser = models.TextField(_("teaser"), max_length=1000, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    order = models.CharField(_("entry order"), max_length=10, choices=Order.choices, default=Order.NEWEST_FIRST)
    lead_image = models.ForeignKey(
        "media.Image", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("lead image"),
    )
    # Topic pages list the newsblogs of their topic (set in the back office, through the services).
    topics = models.ManyToManyField("articles.Topic", blank=True, related_name="liveblogs", verbose_name=_("topics"))
    # Empty: every editor may write here. Otherwise only these editors (and admins).
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="assigned_liveblogs", verbose_name=_("editors")
    )
    # Contributors (role "contributor") assigned here: their entries wait in the approval queue.
    contributors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="contributed_liveblogs", verbose_name=_("contributors")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # The newest change of any kind: drives "Aktualisiert am", Last-Modified and ETags.
    updated_at = models.DateTimeField(_("updated"), auto_now_add=True)
    closed_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    # Highest event sequence number; taken under a row lock so commit order equals seq order.
    last_seq = models.PositiveBigIntegerField(default=0)
    # Words of teaser and all visible entries, kept current by the services (reading time).
    word_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("newsblog")
        verbose_name_plural = _("newsblogs")
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("liveblogs:detail", kwargs={"slug": self.slug})

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def freshness_key(self) -> str:
        """The content version of this newsblog's page (core.freshness): entries, comments, the blog itself."""
        return liveblog_freshness_key(self.slug)

    @property
    def channel(self) -> str:
        return f"liveblog.{self.pk}"

    @property
    def desk_channel(self) -> str:
        """Editors and contributors only (drafts, schedule, approval queue); never sent to readers."""
        return f"liveblog.{self.pk}.desk"

    @property
    def reading_minutes(self) -> int:
        return reading_minutes(self.word_count)


class EntryQuerySet(models.QuerySet):
    def visible(self) -> EntryQuerySet:
        """What readers may see, on every channel: published and not deleted."""
        return self.filter(deleted_at__isnull=True, status=Entry.Status.PUBLISHED)

    def existing(self) -> EntryQuerySet:
        """Not deleted, whatever the status: what the desk works on (drafts, schedule, queue)."""
        return self.filter(deleted_at__isnull=True)

    def unpublished(self) -> EntryQuerySet:
        return self.existing().exclude(status=Entry.Status.PUBLISHED)


class Entry(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        PENDING = "pending", _("Awaiting approval")
        PUBLISHED = "published", _("Published")

    liveblog = models.ForeignKey(LiveBlog, on_delete=models.CASCADE, related_name="entries")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Reporter + desk: shown with the author.
    coauthors = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+",
                                       verbose_name=_("co-authors"))
    # Only published entries reach readers; the others live on the desk and append no reader event.
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PUBLISHED)
    publish_at = models.DateTimeField(_("publish at"), null=True, blank=True)
    # The editor's note when a contributor's entry was sent back.
    review_note = models.CharField(_("note"), max_length=1000, blank=True)
    # The one draft per editor and newsblog that the compose box saves while they type.
    autosave = models.BooleanField(default=False)
    headline = models.CharField(_("headline"), max_length=300, blank=True)
    body = models.TextField(_("text"))  # sanitized HTML
    key_event = models.BooleanField(_("key event"), default=False)
    pinned = models.BooleanField(_("pinned"), default=False)
    # Marked by an editor as breaking news: shown as "Eilmeldung", alerts the breaking-news subscribers once.
    breaking = models.BooleanField(_("breaking news"), default=False)
    # Optimistic locking: a save must name the version it was based on.
    version = models.PositiveIntegerField(default=1)
    word_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(db_index=True)
    updated_at = models.DateTimeField()
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    # oEmbed data per embedded address, fetched once at save time: {url: {"title", "author", "thumbnail"}}.
    embeds = models.JSONField(default=dict, blank=True)
    # "Als Artikel übernehmen": the article draft made from this entry (shown to editors, opened again on a
    # second click instead of a second copy).
    article = models.ForeignKey("articles.Article", on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+", verbose_name=_("article"))
    # Readers connected when it was published (realtime.audience), for the editors: an approximate reach.
    reach = models.PositiveIntegerField(_("reach"), null=True, blank=True, editable=False)

    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("entry")
        verbose_name_plural = _("entries")
        indexes = [
            models.Index(fields=["liveblog", "deleted_at", "-created_at", "-id"], name="entry_stream_idx"),
            # The first page of a newsblog: visible, unpinned entries in order, read straight off the index
            # (no sort, deleted and pinned rows not even in it).
            models.Index(fields=["liveblog", "-created_at", "-id"], name="entry_visible_idx",
                         condition=models.Q(deleted_at__isnull=True, pinned=False, status="published")),
            # The scheduler's round: due scheduled entries only.
            models.Index(fields=["publish_at"], name="entry_scheduled_idx",
                         condition=models.Q(status="scheduled", deleted_at__isnull=True)),
        ]
        constraints = [
            models.UniqueConstraint(fields=["liveblog", "author"], name="one_autosave_per_editor",
                                    condition=models.Q(autosave=True, deleted_at__isnull=True)),
        ]

    def __str__(self) -> str:
        return self.headline or f"#{self.pk}"

    def get_absolute_url(self) -> str:
        """The entry's own address: the newsblog page rendered around it, whatever its age."""
        return reverse("liveblogs:entry", kwargs={"slug": self.liveblog.slug, "entry_id": self.pk})

    @property
    def anchor(self) -> str:
        return f"eintrag-{self.pk}"

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class EntryRevision(models.Model):
    """The text of an entry as it was before an edit or deletion; `action` names the change that followed."""

    class Action(models.TextChoices):
        EDITED = "edited", _("edited")
        DELETED = "deleted", _("deleted")
        RESTORED = "restored", _("restored after deletion")
        REVERTED = "reverted", _("earlier version restored")

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField()
    headline = models.CharField(max_length=300, blank=True)
    body = models.TextField()
    key_event = models.BooleanField(default=False)
    pinned = models.BooleanField(default=False)
    breaking = models.BooleanField(default=False)
    action = models.CharField(max_length=10, choices=Action.choices, default=Action.EDITED)
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    saved_at = models.DateTimeField()

    class Meta:
        ordering = ["entry", "-version"]
        constraints = [models.UniqueConstraint(fields=["entry", "version"], name="unique_entry_revision")]

    def __str__(self) -> str:
        return f"{self.entry_id} v{self.version}"


class Event(models.Model):
    """Append-only log of every change to a newsblog; readers resume from it by `seq`."""

    class Type(models.TextChoices):
        ENTRY_CREATED = "entry.created"
        ENTRY_UPDATED = "entry.updated"
        ENTRY_DELETED = "entry.deleted"
        ENTRY_RESTORED = "entry.restored"
        LIVEBLOG_UPDATED = "liveblog.updated"
        LIVEBLOG_CLOSED = "liveblog.closed"

    liveblog = models.ForeignKey(LiveBlog, on_delete=models.CASCADE, related_name="events")
    seq = models.PositiveBigIntegerField()
    type = models.CharField(max_length=30, choices=Type.choices)
    entry_id = models.BigIntegerField(null=True, blank=True)
    payload = models.JSONField()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["liveblog", "seq"]
        constraints = [models.UniqueConstraint(fields=["liveblog", "seq"], name="unique_liveblog_seq")]

    def __str__(self) -> str:
        return f"{self.liveblog_id}#{self.seq} {self.type}"

    def as_message(self) -> dict:
        """The wire form shared by SSE, the JSON endpoint and realtime messages."""
        return {"seq": self.seq, "type": self.type, "at": self.created_at.isoformat(), **self.payload}


class DeletedLiveBlog(models.Model):
    """What is left of a newsblog deleted in the back office: its address answers 410, never another blog."""

    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=200)
    deleted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    deleted_at = models.DateTimeField()

    class Meta:
        verbose_name = _("deleted newsblog")
        verbose_name_plural = _("deleted newsblogs")

    def __str__(self) -> str:
        return self.slug
