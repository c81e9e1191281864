from django.contrib import admin, messages
from django.db import transaction
from django.utils.translation import gettext as _

from newsdesk.comments.admin import TargetCommentSettingsInline
from newsdesk.core.errors import ServiceError
from newsdesk.liveblogs import services
from newsdesk.liveblogs.models import Entry, EntryRevision, Event, LiveBlog


@admin.register(LiveBlog)
class LiveBlogAdmin(admin.ModelAdmin):
    list_display = ("title", "status", "updated_at", "last_seq")
    list_filter = ("status",)
    search_fields = ("title", "slug")
    readonly_fields = ("slug", "lead_image", "created_by", "last_seq", "word_count", "created_at", "updated_at",
                       "closed_at")
    filter_horizontal = ("editors",)
    inlines = (TargetCommentSettingsInline,)

    def has_add_permission(self, request):
        # Created through the newsroom pages or the API, which write the event log.
        return False

    def save_model(self, request, obj: LiveBlog, form, change: bool) -> None:
        """Through the services: validation, the event log and the push to readers, as on the newsroom page.

        The form has already put its values on `obj`; the stored newsblog is loaded again and only what the form
        changed is handed to the services (which lock the row and write it).
        """
        stored = LiveBlog.objects.get(pk=obj.pk)
        changed = set(form.changed_data)
        try:
            with transaction.atomic():
                content = {name: getattr(obj, name) for name in ("title", "teaser", "order") if name in changed}
                if content:
                    services.liveblog_update(liveblog=stored, editor=request.user, **content)
                if "status" in changed:
                    services.liveblog_set_status(liveblog=stored, editor=request.user, status=obj.status)
                if "editors" in changed:
                    services.liveblog_set_editors(liveblog=stored, admin=request.user,
                                                  editors=form.cleaned_data["editors"])
        except ServiceError as exc:
            self.message_user(request, _("Not saved: %(reason)s") % {"reason": exc.message}, messages.ERROR)

    def save_related(self, request, form, formsets, change: bool) -> None:
        # The editors went through the service in save_model; only the inline comment rules are saved here.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)


class RevisionInline(admin.TabularInline):
    model = EntryRevision
    extra = 0
    can_delete = False
    readonly_fields = ("version", "headline", "body", "key_event", "pinned", "breaking", "saved_by", "saved_at")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
    """Read-only: edits go through the newsblog page or the API so readers receive them."""

    list_display = ("__str__", "liveblog", "author", "created_at", "key_event", "pinned", "deleted_at")
    list_filter = ("key_event", "pinned", "liveblog")
    list_select_related = ("liveblog", "author")
    inlines = [RevisionInline]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("liveblog", "seq", "type", "entry_id", "created_at")
    list_filter = ("type",)
    list_select_related = ("liveblog",)

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
