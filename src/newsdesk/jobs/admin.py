"""Job postings in the back office (/redaktion/verwaltung/) and the Django admin.

Who may do what follows Django's permissions: the "jobs" group (created by a migration) holds exactly the job
posting permissions, admins hold all. Saves go through the service (sanitizing, slug).
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from newsdesk.articles.admin import newsroom_site
from newsdesk.core.errors import ServiceError
from newsdesk.core.html import html_to_text, sanitize_rich_text
from newsdesk.core.widgets import RichTextWidget
from newsdesk.jobs import services
from newsdesk.jobs.models import JobPosting


def _site_admin(request: HttpRequest) -> bool:
    return bool(getattr(request.user, "is_site_admin", False))


class JobPostingForm(forms.ModelForm):
    employer_url = forms.URLField(label=_("employer's website"), required=False, assume_scheme="https")

    class Meta:
        model = JobPosting
        fields = ("title", "employer", "employer_url", "location", "country", "remote", "employment_type",
                  "description", "apply_link", "posted_at", "valid_through", "slug")

    def clean_apply_link(self) -> str:
        link = self.cleaned_data["apply_link"].strip()
        return link[len("mailto:"):] if link.lower().startswith("mailto:") else link

    def clean_description(self) -> str:
        description = self.cleaned_data["description"]
        if not html_to_text(sanitize_rich_text(description)):
            raise forms.ValidationError(_("Describe the job: the description is empty."))
        return description

    def clean_slug(self) -> str:
        slug = self.cleaned_data.get("slug") or ""
        if slug and JobPosting.objects.filter(slug=slug).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Another job posting already uses this address."))
        return slug


class CurrentFilter(admin.SimpleListFilter):
    title = _("shown on the site")
    parameter_name = "shown"

    def lookups(self, request, model_admin):
        return [("yes", _("currently shown")), ("no", _("expired or not yet posted"))]

    def queryset(self, request, queryset):
        current = JobPosting.objects.current().values("pk")
        if self.value() == "yes":
            return queryset.filter(pk__in=current)
        if self.value() == "no":
            return queryset.exclude(pk__in=current)
        return queryset


class JobPostingAdmin(admin.ModelAdmin):
    form = JobPostingForm
    list_display = ("title", "employer", "location", "remote", "employment_type", "valid_through", "shown",
                    "page_link")
    list_filter = (CurrentFilter, "remote", "employment_type", "country")
    search_fields = ("title", "employer", "location")
    readonly_fields = ("page_link", "updated_at")
    fieldsets = (
        (None, {"fields": ("title", "employer", "employer_url", "description", "apply_link")}),
        (_("Where and how"), {"fields": ("location", "country", "remote", "employment_type")}),
        (_("Publication"), {"fields": ("posted_at", "valid_through", "slug", "page_link", "updated_at")}),
    )

    # Admins see everything; other users need the job posting permissions (the "jobs" group).
    def has_module_permission(self, request):
        return _site_admin(request) or super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return _site_admin(request) or super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return _site_admin(request) or super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        return _site_admin(request) or super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return _site_admin(request) or super().has_delete_permission(request, obj)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "description":
            kwargs["widget"] = RichTextWidget(heading=3)
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        sizes = {"title": {"style": "width: min(100%, 40rem)"}, "description": {"rows": 18, "cols": 90},
                 "apply_link": {"style": "width: min(100%, 40rem)"}}
        if field is not None and db_field.name in sizes:
            field.widget.attrs.update(sizes[db_field.name])
        return field

    @admin.display(description=_("shown"), boolean=True)
    def shown(self, posting: JobPosting) -> bool:
        return posting.is_current

    @admin.display(description=_("page"))
    def page_link(self, posting: JobPosting) -> str:
        if not posting.pk:
            return "–"
        label = _("Open page") if posting.posted_at <= timezone.now() else _("Preview")
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', posting.get_absolute_url(), label)

    def save_model(self, request, obj: JobPosting, form, change: bool) -> None:
        # The form ran the same checks; a ServiceError here is an empty description after cleaning or a race.
        try:
            services.job_save(posting=obj)
        except ServiceError as exc:
            self.message_user(request, _("Not saved: %(reason)s") % {"reason": exc.message}, messages.ERROR)


for site in (admin.site, newsroom_site):
    site.register(JobPosting, JobPostingAdmin)
