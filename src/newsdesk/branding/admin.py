"""Site identity (admins, Django admin) and the section navigation (editors too, in the back office)."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse

from newsdesk.articles.admin import EditorOnlyAdmin, newsroom_site
from newsdesk.branding import services
from newsdesk.branding.models import SINGLETON_PK, Section, SiteIdentity


class SiteIdentityForm(forms.ModelForm):
    accent_color = forms.CharField(max_length=7, widget=forms.TextInput(attrs={"type": "color"}),
                                   label=SiteIdentity._meta.get_field("accent_color").verbose_name,
                                   help_text=SiteIdentity._meta.get_field("accent_color").help_text)

    class Meta:
        model = SiteIdentity
        fields = ["name", "short_name", "description", "accent_color", "logo_light", "logo_dark", "favicon_source",
                  "social_image"]

    def clean_accent_color(self) -> str:
        colour = (self.cleaned_data.get("accent_color") or "").strip().lower()
        message = services.accent_error(colour)
        if message:
            raise forms.ValidationError(message)
        return colour

    def _clean_logo(self, name: str):
        upload = self.cleaned_data.get(name)
        if upload and name in self.changed_data and hasattr(upload, "read"):
            data = upload.read()
            upload.seek(0)
            message = services.logo_error(data, upload.name)
            if message:
                raise forms.ValidationError(message)
        return upload

    def clean_logo_light(self):
        return self._clean_logo("logo_light")

    def clean_logo_dark(self):
        return self._clean_logo("logo_dark")

    def clean_favicon_source(self):
        upload = self.cleaned_data.get("favicon_source")
        if upload and "favicon_source" in self.changed_data and hasattr(upload, "read"):
            data = upload.read()
            upload.seek(0)
            message = services.icon_error(data)
            if message:
                raise forms.ValidationError(message)
        return upload


@admin.register(SiteIdentity)
class SiteIdentityAdmin(admin.ModelAdmin):
    """One row: the list opens the form straight away; nothing to add twice or delete."""

    form = SiteIdentityForm
    autocomplete_fields = ["social_image"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not SiteIdentity.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def changelist_view(self, request: HttpRequest, extra_context=None):
        if SiteIdentity.objects.filter(pk=SINGLETON_PK).exists():
            return HttpResponseRedirect(reverse("admin:branding_siteidentity_change", args=[SINGLETON_PK]))
        return HttpResponseRedirect(reverse("admin:branding_siteidentity_add"))

    def save_model(self, request: HttpRequest, obj: SiteIdentity, form, change: bool) -> None:
        files = {name for name in ("logo_light", "logo_dark", "favicon_source") if name in form.changed_data}
        services.identity_save(obj, changed_files=files)


class SectionAdmin(EditorOnlyAdmin):
    list_display = ("__str__", "topic", "position")
    list_editable = ("position",)
    autocomplete_fields = ["topic"]
    ordering = ("position", "id")


for site in (admin.site, newsroom_site):
    site.register(Section, SectionAdmin)
