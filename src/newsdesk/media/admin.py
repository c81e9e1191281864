from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from newsdesk.media.models import Image
from newsdesk.media.services import image_create


class ImageUploadForm(forms.ModelForm):
    """New images go through image_create: checks, renditions, nothing stored on error."""

    upload = forms.FileField(label=_("file"))

    class Meta:
        model = Image
        fields = ("alt_text", "caption", "credit")

    def clean(self):
        data = super().clean()
        upload = data.get("upload")
        if upload and not self.errors:
            try:
                self.created = image_create(data=upload.read(), filename=upload.name, alt_text=data["alt_text"],
                                            caption=data.get("caption", ""), credit=data.get("credit", ""),
                                            uploaded_by=self.uploaded_by)
            except ValidationError as exc:
                self.add_error("upload", exc)
        return data


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    list_display = ("thumbnail", "__str__", "credit", "width", "height", "created_at")
    list_display_links = ("thumbnail", "__str__")
    search_fields = ("caption", "alt_text", "credit")
    readonly_fields = ("thumbnail", "width", "height")
    fields = ("thumbnail", "alt_text", "caption", "credit", "width", "height")

    @admin.display(description=_("image"))
    def thumbnail(self, image: Image) -> str:
        if not image.pk:
            return "–"
        url = image.renditions[0]["jpeg"] if image.renditions else image.file.name
        from django.core.files.storage import default_storage

        return format_html('<img src="{}" alt="" style="max-width:160px;height:auto">', default_storage.url(url))

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            # A subclass per request: the uploader must not leak between concurrent requests.
            kwargs["form"] = type("ImageUploadFormFor", (ImageUploadForm,), {"uploaded_by": request.user})
            kwargs["fields"] = ("alt_text", "caption", "credit")
        return super().get_form(request, obj, change, **kwargs)

    def get_fields(self, request, obj=None):
        return ("upload", "alt_text", "caption", "credit") if obj is None else self.fields

    def get_readonly_fields(self, request, obj=None):
        return () if obj is None else self.readonly_fields

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
        else:
            # Already stored by the form's image_create; point the admin at that row.
            obj.pk = form.created.pk
            obj.file = form.created.file

    def save_related(self, request, form, formsets, change):
        if change:
            super().save_related(request, form, formsets, change)
