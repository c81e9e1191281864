"""Admin for the comment rules: the site's settings row (admins) and per-page overrides inline on articles/newsblogs."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.contenttypes.admin import GenericStackedInline
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse

from newsdesk.comments.models import CommentSettings, TargetCommentSettings


@admin.register(CommentSettings)
class CommentSettingsAdmin(admin.ModelAdmin):
    """One row: the list leads straight to it; it can be changed, never added twice or deleted."""

    fieldsets = (
        (None, {"fields": ("mode", "risk_threshold", "closed", ("closed_from", "closed_until"))}),
        (None, {"fields": ("require_email_confirmation", "trusted_auto_approve", "trusted_min_approved")}),
    )

    def changelist_view(self, request: HttpRequest, extra_context=None):
        row, _created = CommentSettings.objects.get_or_create(pk=1)  # the admin may write the defaults row
        return HttpResponseRedirect(reverse("admin:comments_commentsettings_change", args=[row.pk]))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class TargetCommentSettingsInline(GenericStackedInline):
    """Shown on the article and newsblog forms: editors close comments or change the rules for one page."""

    model = TargetCommentSettings
    ct_field = "content_type"
    ct_fk_field = "object_id"
    extra = 0
    max_num = 1
    fields = ("closed", "mode", "risk_threshold", ("closed_from", "closed_until"))

    def _allowed(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(user.is_active and (user.is_superuser or getattr(user, "is_editor", False)))

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return self._allowed(request)

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return self._allowed(request)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return self._allowed(request)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return self._allowed(request)
