"""Redirects in the Django admin: admins see the imported ones with their hits, edit them and add their own."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from newsdesk.core.errors import ServiceError
from newsdesk.importers.models import ImportedItem, Redirect
from newsdesk.importers.services import redirect_check, redirect_save


class RedirectForm(forms.ModelForm):
    class Meta:
        model = Redirect
        fields = ("old_path", "new_path")

    def clean(self):
        cleaned = super().clean()
        probe = Redirect(pk=self.instance.pk, old_path=cleaned.get("old_path", ""),
                         new_path=cleaned.get("new_path", ""))
        try:
            redirect_check(redirect=probe)
        except ServiceError as exc:
            raise forms.ValidationError({exc.details.get("field", "old_path"): exc.message}) from exc
        return cleaned


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    form = RedirectForm
    list_display = ("old_path", "new_path", "hits", "last_hit_at", "source")
    list_filter = ("source",)
    search_fields = ("old_path", "new_path")
    readonly_fields = ("hits", "last_hit_at", "source", "created_at")
    fields = ("old_path", "new_path", "hits", "last_hit_at", "source", "created_at")
    ordering = ("-hits", "old_path")

    def save_model(self, request, obj: Redirect, form, change: bool) -> None:
        try:
            redirect_save(redirect=obj)
        except ServiceError as exc:
            self.message_user(request, _("Not saved: %(reason)s") % {"reason": exc.message}, messages.ERROR)


@admin.register(ImportedItem)
class ImportedItemAdmin(admin.ModelAdmin):
    """Read only: what each import brought in, for finding where an article came from."""

    list_display = ("site", "kind", "source_id", "content_type", "object_id", "updated_at", "last_seen_at")
    list_filter = ("site", "kind")
    search_fields = ("source_id",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
