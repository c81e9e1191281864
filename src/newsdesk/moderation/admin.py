"""Word lists in the back office (/redaktion/verwaltung/): admins edit them, changes apply to the next comment."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from newsdesk.articles.admin import newsroom_site
from newsdesk.moderation.models import WordEntry


def is_site_admin(request: HttpRequest) -> bool:
    return bool(getattr(request.user, "is_site_admin", False))


class WordEntryAdmin(admin.ModelAdmin):
    list_display = ("entry", "kind", "note", "updated_at")
    list_filter = ("kind",)
    search_fields = ("entry", "note")
    ordering = ("kind", "entry")

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_site_admin(request)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return is_site_admin(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return is_site_admin(request)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return is_site_admin(request)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return is_site_admin(request)


for site in (admin.site, newsroom_site):
    site.register(WordEntry, WordEntryAdmin)
