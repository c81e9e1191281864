from django.contrib import admin

from newsdesk.media.models import Image


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    list_display = ("__str__", "credit", "width", "height", "created_at")
    search_fields = ("caption", "alt_text", "credit")
