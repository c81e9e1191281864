from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Count, Max, Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from newsdesk.articles.admin import newsroom_site
from newsdesk.comments.admin import TargetCommentSettingsInline
from newsdesk.core.errors import ServiceError
from newsdesk.core.validation import clean_line
from newsdesk.liveblogs import services
from newsdesk.liveblogs.models import Entry, EntryRevision, Event, LiveBlog
from newsdesk.liveblogs.permissions import can_write


class LiveBlogAdminForm(forms.ModelForm):
    """The service's rules as form errors, so a bad value is shown at its field instead of half-saving."""

    class Meta:
        model = LiveBlog
        fields = ("title", "teaser", "lead_image", "topics", "editors", "contributors", "order", "status")

    def _line(self, name: str, max_length: int, required: bool) -> str:
        try:
            return clean_line(self.cleaned_data.get(name) or "", field=name, max_length=max_length,
                              required=required)
        except ServiceError as exc:
            raise forms.ValidationError(exc.message) from exc

    def clean_title(self) -> str:
        return self._line("title", services.TITLE_MAX, True)

    def clean_teaser(self) -> str:
        return self._line("teaser", services.TEASER_MAX, False)

    def clean_editors(self):
        editors = self.cleaned_data.get("editors")
        not_editors = [user for user in editors or [] if not user.is_editor]
        if not_editors:
            raise forms.ValidationError(_("%(name)s is not an editor.") % {"name": not_editors[0].get_username()})
        return editors

    def clean_contributors(self):
        contributors = self.cleaned_data.get("contributors")
        wrong = [user for user in contributors or [] if not user.is_contributor]
        if wrong:
            raise forms.ValidationError(_("%(name)s is not a contributor.") % {"name": wrong[0].get_username()})
        return contributors


class LiveBlogAdmin(admin.ModelAdmin):
    """Newsblogs in the back office. Every change goes through the services, as on the newsblog page:

    the event log and the push to readers, search and related, freshness and the purge of shared caches.
    Editors change the newsblogs they may write in; assigning editors and deleting are for admins.
    """

    form = LiveBlogAdminForm
    list_display = ("title", "status_label", "entry_count", "last_entry", "editors_list", "topics_list",
                    "page_link")
    list_filter = ("status", "topics", ("editors", admin.RelatedOnlyFieldListFilter), "order")
    search_fields = ("title", "slug", "teaser")
    ordering = ("-status", "-updated_at")  # "open" after "closed" reversed: live newsblogs first
    autocomplete_fields = ("lead_image", "topics")
    filter_horizontal = ("editors", "contributors")
    readonly_fields = ("page_link", "slug", "created_by", "created_at", "updated_at", "closed_at")
    fieldsets = (
        (None, {"fields": ("title", "teaser", "lead_image", "topics", "order")}),
        (_("Who writes here"), {"fields": ("editors", "contributors")}),
        (_("Status"), {"fields": ("status", "page_link", "slug", "created_by", "created_at", "updated_at",
                                  "closed_at")}),
    )
    inlines = (TargetCommentSettingsInline,)
    # Django's "delete selected" asks first and then calls delete_queryset: through the service too.
    actions = ("archive", "reopen")
    list_per_page = 50

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and db_field.name == "title":
            field.widget.attrs.update({"size": 80})  # room for a whole newsblog title
        return field

    def get_queryset(self, request):
        visible = Q(entries__deleted_at__isnull=True)
        return (super().get_queryset(request)
                .annotate(visible_entries=Count("entries", filter=visible),
                          newest_entry=Max("entries__created_at", filter=visible))
                .prefetch_related("editors", "topics"))

    # --- who may do what --------------------------------------------------------------------------------

    def _editor(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and (getattr(request.user, "is_editor", False) or request.user.is_superuser))

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._editor(request)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return self._editor(request)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        if obj is None:
            return self._editor(request)
        return can_write(request.user, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Created on the newsroom pages ("Neuer Newsblog") or through the API.
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return bool(getattr(request.user, "is_site_admin", False))

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not getattr(request.user, "is_site_admin", False):
            fields += ["editors", "contributors"]  # liveblog_set_editors/_contributors: admins only
        return fields

    # --- the list -------------------------------------------------------------------------------------------

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, blog: LiveBlog) -> str:
        if blog.is_open:
            return format_html('<strong class="live-mark">{}</strong>', _("LIVE"))
        return _("closed")

    @admin.display(description=_("entries"), ordering="visible_entries")
    def entry_count(self, blog: LiveBlog) -> int:
        return blog.visible_entries

    @admin.display(description=_("last entry"), ordering="newest_entry")
    def last_entry(self, blog: LiveBlog) -> str:
        if blog.newest_entry is None:
            return "–"
        return f"{timezone.localtime(blog.newest_entry):%d.%m.%Y %H:%M}"

    @admin.display(description=_("editors"))
    def editors_list(self, blog: LiveBlog) -> str:
        names = [user.display_name for user in blog.editors.all()]
        return ", ".join(names) if names else _("all editors")

    @admin.display(description=_("topics"))
    def topics_list(self, blog: LiveBlog) -> str:
        return ", ".join(topic.name for topic in blog.topics.all()) or "–"

    @admin.display(description=_("page"))
    def page_link(self, blog: LiveBlog) -> str:
        if not blog.pk:
            return "–"
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', blog.get_absolute_url(),
                           _("Open page"))

    # --- saving through the services -----------------------------------------------------------------------

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
                if "lead_image" in changed:
                    content["lead_image"] = form.cleaned_data["lead_image"]
                if "topics" in changed:
                    content["topics"] = form.cleaned_data["topics"]
                if content:
                    services.liveblog_update(liveblog=stored, editor=request.user, **content)
                if "status" in changed:
                    services.liveblog_set_status(liveblog=stored, editor=request.user, status=obj.status)
                if "editors" in changed:
                    services.liveblog_set_editors(liveblog=stored, admin=request.user,
                                                  editors=form.cleaned_data["editors"])
                if "contributors" in changed:
                    services.liveblog_set_contributors(liveblog=stored, admin=request.user,
                                                       contributors=form.cleaned_data["contributors"])
        except ServiceError as exc:
            self.message_user(request, _("Not saved: %(reason)s") % {"reason": exc.message}, messages.ERROR)

    def save_related(self, request, form, formsets, change: bool) -> None:
        # Topics and editors went through the services in save_model; only the inline comment rules are saved here.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def delete_model(self, request, obj: LiveBlog) -> None:
        services.liveblog_delete(liveblog=obj, admin=request.user)

    def delete_queryset(self, request, queryset) -> None:
        for blog in queryset:
            services.liveblog_delete(liveblog=blog, admin=request.user)

    @admin.action(description=_("Archive (end the newsblog; it stays readable)"))
    def archive(self, request, queryset) -> None:
        self._set_status(request, queryset, LiveBlog.Status.CLOSED, _("%(n)d newsblogs ended and archived."))

    @admin.action(description=_("Reopen"))
    def reopen(self, request, queryset) -> None:
        self._set_status(request, queryset, LiveBlog.Status.OPEN, _("%(n)d newsblogs are live again."))

    def _set_status(self, request, queryset, status: str, done: str) -> None:
        count = 0
        for blog in queryset:
            try:
                services.liveblog_set_status(liveblog=blog, editor=request.user, status=status)
                count += 1
            except ServiceError as exc:
                self.message_user(request, f"{blog.title}: {exc.message}", messages.ERROR)
        self.message_user(request, done % {"n": count}, messages.SUCCESS)


class RevisionInline(admin.TabularInline):
    model = EntryRevision
    extra = 0
    can_delete = False
    readonly_fields = ("version", "headline", "body", "key_event", "pinned", "breaking", "action", "saved_by",
                       "saved_at")

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


for site in (admin.site, newsroom_site):
    site.register(LiveBlog, LiveBlogAdmin)
