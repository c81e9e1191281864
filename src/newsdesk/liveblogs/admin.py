from django.contrib import admin

from newsdesk.comments.admin import TargetCommentSettingsInline
from newsdesk.liveblogs.models import Entry, EntryRevision, Event, LiveBlog


@admin.register(LiveBlog)
class LiveBlogAdmin(admin.ModelAdmin):
    list_display = ("title", "status", "updated_at", "last_seq")
    list_filter = ("status",)
    search_fields = ("title", "slug")
    readonly_fields = ("last_seq", "word_count", "created_at", "updated_at", "closed_at")
    filter_horizontal = ("editors",)
    inlines = (TargetCommentSettingsInline,)

    def has_add_permission(self, request):
        # Created through the newsroom pages or the API, which write the event log.
        return False


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
