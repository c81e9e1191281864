"""Impressum and Datenschutz in the Django admin: admins edit them; nobody adds or deletes one."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from newsdesk.articles.admin import EditorOnlyAdmin, newsroom_site
from newsdesk.core.errors import ServiceError
from newsdesk.core.html import html_to_text, sanitize_rich_text
from newsdesk.core.widgets import RichTextWidget
from newsdesk.pages.models import LegalPage, Page
from newsdesk.pages.services import legal_page_save, page_save


class LegalPageForm(forms.ModelForm):
    class Meta:
        model = LegalPage
        fields = ("title", "body")
        widgets = {"body": RichTextWidget(heading=2)}

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        if not html_to_text(sanitize_rich_text(body)):
            raise forms.ValidationError(_("This page must not be empty."))
        return body


@admin.register(LegalPage)
class LegalPageAdmin(admin.ModelAdmin):
    form = LegalPageForm
    list_display = ("title", "kind", "updated_at", "page_link")
    readonly_fields = ("kind", "updated_at", "page_link")
    fields = ("kind", "title", "body", "updated_at", "page_link")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("page"))
    def page_link(self, page: LegalPage) -> str:
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', page.get_absolute_url(),
                           _("Open page"))

    def save_model(self, request, obj: LegalPage, form, change: bool) -> None:
        try:
            legal_page_save(page=obj)
        except ServiceError as exc:
            self.message_user(request, _("Not saved: %(reason)s") % {"reason": exc.message}, messages.ERROR)


class PageForm(forms.ModelForm):
    class Meta:
        model = Page
        fields = ("title", "slug", "body", "published")
        # The same editor as articles (photos included): its schema keeps tables and the rest a WordPress
        # page brings along, so saving an imported page here loses nothing the site shows.
        widgets = {"body": RichTextWidget(heading=2, images=True, attrs={"rows": 24, "cols": 90})}


class PageAdmin(admin.ModelAdmin):
    form = PageForm
    list_display = ("title", "slug", "published", "updated_at", "page_link")
    list_filter = ("published",)
    search_fields = ("title", "slug")
    readonly_fields = ("page_link",)

    @admin.display(description=_("page"))
    def page_link(self, page: Page) -> str:
        if not page.pk or not page.published:  # drafts have no reader view
            return "–"
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', page.get_absolute_url(),
                           _("Open page"))

    def save_model(self, request, obj: Page, form, change: bool) -> None:
        try:
            page_save(page=obj)
        except ServiceError as exc:
            self.message_user(request, _("Not saved: %(reason)s") % {"reason": exc.message}, messages.ERROR)


class EditorPageAdmin(EditorOnlyAdmin, PageAdmin):
    """Editors look after the simple pages (many come from a WordPress import) in the back office."""


admin.site.register(Page, PageAdmin)
newsroom_site.register(Page, EditorPageAdmin)
