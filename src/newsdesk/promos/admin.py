"""Promo boxes in the back office (/redaktion/verwaltung/) and the Django admin; saves go through the service."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsdesk.articles.admin import EditorOnlyAdmin, newsroom_site
from newsdesk.core.errors import InvalidInput, ServiceError
from newsdesk.promos import services
from newsdesk.promos.models import PromoBox, Slot


class PromoBoxForm(forms.ModelForm):
    slots = forms.MultipleChoiceField(label=_("shown in"), choices=Slot.choices,
                                      widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = PromoBox
        fields = ("title", "text", "link_url", "link_label", "image", "style", "sponsored", "slots",
                  "every_n_entries", "topics", "starts_at", "ends_at", "active", "position")
        widgets = {"text": forms.Textarea(attrs={"rows": 4, "cols": 60})}

    def _post_clean(self) -> None:
        super()._post_clean()
        # The service's own checks, so the editor sees each problem at its field before anything is saved.
        try:
            services.check(self.instance)
        except InvalidInput as exc:
            field = exc.details.get("field")
            self.add_error(field if field in self.fields else None, exc.message)


class ShownFilter(admin.SimpleListFilter):
    title = _("shown on the site")
    parameter_name = "shown"

    def lookups(self, request, model_admin):
        return [("yes", _("shown now")), ("no", _("not shown now"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        shown = [box.pk for box in queryset if box.shows_at(now)]
        if self.value() == "yes":
            return queryset.filter(pk__in=shown)
        if self.value() == "no":
            return queryset.exclude(pk__in=shown)
        return queryset


class PromoBoxAdmin(EditorOnlyAdmin):
    form = PromoBoxForm
    list_display = ("title", "places", "style", "sponsored", "starts_at", "ends_at", "shown", "position")
    list_filter = (ShownFilter, "sponsored", "style", "active")
    search_fields = ("title", "text", "link_url")
    autocomplete_fields = ("image", "topics")
    fieldsets = (
        (None, {"fields": ("title", "text", "link_url", "link_label", "image", "style", "sponsored")}),
        (_("Where"), {"fields": ("slots", "every_n_entries", "topics", "position")}),
        (_("When"), {"fields": ("starts_at", "ends_at", "active")}),
    )

    @admin.display(description=_("shown in"))
    def places(self, box: PromoBox) -> str:
        labels = dict(Slot.choices)
        return ", ".join(str(labels.get(slot, slot)) for slot in box.slots or [])

    @admin.display(description=_("shown now"), boolean=True)
    def shown(self, box: PromoBox) -> bool:
        return box.shows_at(timezone.now())

    def save_model(self, request, obj: PromoBox, form, change: bool) -> None:
        try:
            services.promo_save(box=obj)
        except ServiceError as exc:
            self.message_user(request, _("Not saved: %(reason)s") % {"reason": exc.message}, messages.ERROR)

    def save_related(self, request, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        services.promo_topics_changed(box=form.instance)  # topics are saved after the box: pages follow

    def delete_model(self, request, obj: PromoBox) -> None:
        services.promo_delete(box=obj)

    def delete_queryset(self, request, queryset) -> None:
        for box in queryset:
            services.promo_delete(box=box)


for site in (admin.site, newsroom_site):
    site.register(PromoBox, PromoBoxAdmin)
