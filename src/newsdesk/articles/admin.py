"""The back office for articles: Django admin, for editors and admins only; saves go through the services."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import AdminSite
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from newsdesk.articles import services
from newsdesk.articles.models import Article, ArticleAuthor, ArticleRevision, ArticleSlug, Author, Topic
from newsdesk.comments.admin import TargetCommentSettingsInline
from newsdesk.core.errors import ServiceError
from newsdesk.core.widgets import RichTextWidget
from newsdesk.media.admin import ImageAdmin
from newsdesk.media.models import Image
from newsdesk.media.services import image_create


def is_editor(request: HttpRequest) -> bool:
    return bool(getattr(request.user, "is_editor", False) or request.user.is_superuser)


class NewsroomSite(AdminSite):
    """The editors' back office at /redaktion/verwaltung/: articles, authors, topics and images.

    Django's own admin stays for admins (only they are staff); editors log in with their newsroom account here.
    """

    site_header = _("Newsroom")
    site_title = _("Newsroom")
    index_title = _("Articles and images")
    enable_nav_sidebar = False  # the article list needs the width

    def has_permission(self, request: HttpRequest) -> bool:
        # Editors and admins; and the "jobs" role, which sees only job postings here.
        return request.user.is_active and (is_editor(request) or request.user.has_module_perms("jobs"))

    def index(self, request: HttpRequest, extra_context=None):
        if not is_editor(request):  # the "jobs" role: no articles or images here
            extra_context = {"title": _("Job postings"), **(extra_context or {})}
        return super().index(request, extra_context)


newsroom_site = NewsroomSite(name="newsroom")


class EditorOnlyAdmin(admin.ModelAdmin):
    """Editors and admins manage articles, authors and topics; other roles do not see them at all."""

    def _editor(self, request: HttpRequest) -> bool:
        return is_editor(request)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._editor(request)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return self._editor(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._editor(request)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return self._editor(request)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return self._editor(request)


class TopicAdmin(EditorOnlyAdmin):
    list_display = ("name", "slug")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


class AuthorAdmin(EditorOnlyAdmin):
    list_display = ("name", "role", "user")
    search_fields = ("name", "role")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("photo",)
    raw_id_fields = ("user",)


class ArticleAdminForm(forms.ModelForm):
    """The article form with the service's rules, and an upload for a new lead image in the same step."""

    uploaded_by = None
    new_image = forms.FileField(label=_("Upload a new lead image"), required=False,
                                help_text=_("JPEG, PNG, WebP or GIF, at most 20 MB. Replaces the lead image above."))
    new_image_alt = forms.CharField(label=_("Alt text of the image"), required=False, max_length=300)
    new_image_caption = forms.CharField(label=_("Caption"), required=False, max_length=500)
    new_image_credit = forms.CharField(label=_("Credit"), required=False, max_length=200)

    class Meta:
        model = Article
        # The admin passes the fieldsets' fields; this list is for the form on its own.
        fields = ("kicker", "headline", "dateline", "teaser", "body", "lead_image", "topics", "status",
                  "published_at", "slug", "top_story", "top_rank", "breaking", "correction_note")

    def clean(self):
        data = super().clean()
        if data.get("status") == Article.Status.SCHEDULED and not data.get("published_at"):
            self.add_error("published_at", _("A scheduled article needs a publication time."))
        slug = data.get("slug")
        if slug and ArticleSlug.objects.filter(slug=slug).exclude(article_id=self.instance.pk).exists():
            self.add_error("slug", _("Another article already uses this address."))
        upload = data.get("new_image")
        if upload and not self.errors:  # stored only when the rest of the form is fine
            try:
                data["lead_image"] = image_create(
                    data=upload.read(), filename=upload.name, alt_text=data.get("new_image_alt", ""),
                    caption=data.get("new_image_caption", ""), credit=data.get("new_image_credit", ""),
                    uploaded_by=self.uploaded_by,
                )
            except ValidationError as exc:
                self.add_error("new_image", exc)
        return data


class AuthorInline(admin.TabularInline):
    model = ArticleAuthor
    extra = 1
    autocomplete_fields = ("author",)
    fields = ("author", "position")

    def has_view_permission(self, request, obj=None):
        return True

    def has_add_permission(self, request, obj=None):
        return is_editor(request)

    def has_change_permission(self, request, obj=None):
        return is_editor(request)

    def has_delete_permission(self, request, obj=None):
        return is_editor(request)


class RevisionInline(admin.TabularInline):
    model = ArticleRevision
    extra = 0
    can_delete = False
    fields = ("saved_at", "saved_by", "headline", "correction_note")
    readonly_fields = fields
    verbose_name_plural = _("Earlier versions (kept on every edit after publication)")

    def has_view_permission(self, request, obj=None):
        return True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


def no_author_warning(count: int) -> str:
    return ngettext(
        "Published without an author: readers see no byline. Add at least one author under “Authors”.",
        "%(count)d articles are published without an author: readers see no byline. Add authors under “Authors”.",
        count) % {"count": count}


class ArticleAdmin(EditorOnlyAdmin):
    list_display = ("headline", "status_label", "top_story", "authors_list", "preview_link")
    list_filter = ("status", "top_story", "breaking", "topics", ("published_at", admin.DateFieldListFilter), "authors")
    search_fields = ("headline", "teaser", "kicker", "slug")
    autocomplete_fields = ("topics", "lead_image")
    prepopulated_fields = {"slug": ("headline",)}
    inlines = (AuthorInline, TargetCommentSettingsInline, RevisionInline)
    readonly_fields = ("preview_link", "updated_at", "reading_time", "lead_image_preview")
    actions = ("publish_now", "unpublish")
    list_per_page = 50

    class Media:
        css = {"all": ["articles/admin-phone.css"]}

    fieldsets = (
        (None, {"fields": ("kicker", "headline", "dateline", "teaser", "body", "lead_image", "lead_image_preview",
                           "topics")}),
        (_("New lead image"), {"fields": ("new_image", "new_image_alt", "new_image_caption", "new_image_credit"),
                               "classes": ("collapse",)}),
        (_("Publication"), {"fields": ("status", "published_at", "updated_at", "slug", "preview_link",
                                       "reading_time", "breaking")}),
        (_("Home page"), {"fields": ("top_story", "top_rank")}),
        (_("Correction"), {"fields": ("correction_note",), "classes": ("collapse",)}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("authors")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # Editors write here all day: room for a whole headline and a long text.
        if db_field.name == "body":  # the rich-text editor, photos from the media library included
            kwargs["widget"] = RichTextWidget(heading=2, images=True)
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        sizes = {"headline": {"style": "width: min(100%, 48rem)"}, "teaser": {"rows": 3, "cols": 90},
                 "body": {"rows": 24, "cols": 90}, "kicker": {"size": 30}, "dateline": {"size": 30}}
        if field is not None and db_field.name in sizes:
            field.widget.attrs.update(sizes[db_field.name])
        return field

    @admin.display(description=_("status"), ordering="-published_at")
    def status_label(self, article: Article) -> str:
        if article.published_at is None:
            return article.get_status_display()
        when = f"{timezone.localtime(article.published_at):%d.%m.%Y %H:%M}"
        if article.status == Article.Status.SCHEDULED and article.published_at > timezone.now():
            return _("scheduled for %(when)s") % {"when": when}
        if article.status == Article.Status.DRAFT:
            return article.get_status_display()
        return _("live since %(when)s") % {"when": when}

    @admin.display(description=_("authors"))
    def authors_list(self, article: Article) -> str:
        return ", ".join(a.name for a in article.authors.all())

    @admin.display(description=_("preview"))
    def preview_link(self, article: Article) -> str:
        if not article.pk:
            return "–"
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', article.get_absolute_url(),
                           _("Open page") if article.is_live else _("Preview"))

    @admin.display(description=_("lead image as readers see it"))
    def lead_image_preview(self, article: Article) -> str:
        image = article.lead_image
        if image is None:
            return _("No lead image yet: choose one above or upload one under “New lead image”.")
        small = image.renditions[1 if len(image.renditions) > 1 else 0]["jpeg"] if image.renditions else image.file.name
        from django.core.files.storage import default_storage

        credit = _("Photo: %(credit)s") % {"credit": image.credit} if image.credit else ""
        return format_html('<img src="{}" alt="" style="max-width:320px;height:auto;display:block"><br>{} {}<br>'
                           '<small>Alt: {}</small>', default_storage.url(small), image.caption, credit, image.alt_text)

    @admin.display(description=_("reading time"))
    def reading_time(self, article: Article) -> str:
        return f"{article.reading_minutes} Min." if article.pk else "–"

    def save_model(self, request, obj: Article, form, change: bool) -> None:
        # Through the service: sanitizing, revisions after publication, redirects from old slugs.
        # The form's clean() ran the same checks, so a ServiceError here means a race (slug taken meanwhile).
        try:
            services.article_save(article=obj, editor=request.user)
        except ServiceError as exc:
            self.message_user(request, _("Not saved: %(reason)s") % {"reason": exc.message}, messages.ERROR)

    def save_related(self, request, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        # The authors are an inline, saved only now: only here can we tell that a live article has no byline.
        article = form.instance
        if article.pk and article.status != Article.Status.DRAFT and not article.authors.exists():
            self.message_user(request, no_author_warning(1), messages.WARNING)

    def get_form(self, request, obj=None, change=False, **kwargs):
        # A subclass per request: the uploader must not leak between concurrent requests.
        kwargs["form"] = type("ArticleAdminFormFor", (ArticleAdminForm,), {"uploaded_by": request.user})
        return super().get_form(request, obj, change, **kwargs)

    @admin.action(description=_("Publish now"))
    def publish_now(self, request, queryset) -> None:
        for article in queryset:
            services.article_publish(article=article, editor=request.user)
        self.message_user(request, ngettext("%d article published.", "%d articles published.", queryset.count())
                          % queryset.count(), messages.SUCCESS)
        without = queryset.filter(authors__isnull=True).count()
        if without:
            self.message_user(request, no_author_warning(without), messages.WARNING)

    @admin.action(description=_("Back to draft"))
    def unpublish(self, request, queryset) -> None:
        for article in queryset:
            services.article_unpublish(article=article, editor=request.user)
        self.message_user(request, _("The articles are drafts again."), messages.SUCCESS)


class EditorImageAdmin(EditorOnlyAdmin, ImageAdmin):
    pass


for site in (admin.site, newsroom_site):
    site.register(Topic, TopicAdmin)
    site.register(Author, AuthorAdmin)
    site.register(Article, ArticleAdmin)
newsroom_site.register(Image, EditorImageAdmin)
