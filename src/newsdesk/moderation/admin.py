"""Word lists in the back office (/redaktion/verwaltung/): admins edit them, changes apply to the next comment."""

from __future__ import annotations

from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from newsdesk.articles.admin import newsroom_site
from newsdesk.moderation import services
from newsdesk.moderation.forms import CalibrationForm
from newsdesk.moderation.models import ModelVersion, WordEntry


def is_site_admin(request: HttpRequest) -> bool:
    return bool(getattr(request.user, "is_site_admin", False))


class WordEntryAdmin(admin.ModelAdmin):
    list_display = ("entry", "kind", "group", "note", "updated_at")
    list_filter = ("kind", "group")
    fields = ("kind", "entry", "group", "note")
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


class ModelVersionAdmin(admin.ModelAdmin):
    """Trained models: read-only records; switching goes through `services` (action and the back button)."""

    change_list_template = "admin/moderation/modelversion/change_list.html"
    list_display = ("version", "active", "site_macro_f", "test_macro_f", "fairness", "threshold", "created_at")
    readonly_fields = ("version", "file_name", "figures", "active", "previous", "note", "created_at")
    actions = ("use_model",)

    @admin.display(description=gettext_lazy("macro-F, held-out decisions"))
    def site_macro_f(self, obj: ModelVersion) -> str:
        value = obj.figures.get("comparison", {}).get("candidate_site")
        return "–" if value is None else f"{value:.3f}".replace(".", ",")

    @admin.display(description=gettext_lazy("macro-F, GermEval 2018 test"))
    def test_macro_f(self, obj: ModelVersion) -> str:
        value = obj.figures.get("comparison", {}).get("candidate_test")
        return "–" if value is None else f"{value:.3f}".replace(".", ",")

    @admin.display(description=gettext_lazy("worst fairness ratio"))
    def fairness(self, obj: ModelVersion) -> str:
        value = obj.figures.get("fairness_worst_ratio")
        return "–" if value is None else f"{value:.2f}×".replace(".", ",")

    @admin.display(description=gettext_lazy("hold threshold"))
    def threshold(self, obj: ModelVersion) -> str:
        calibration = obj.figures.get("calibration")
        value = calibration["threshold"] if calibration else obj.figures.get("threshold")
        if value is None:
            return "–"
        shown = f"{value:.3f}".replace(".", ",")
        if calibration:
            shown += f" ({calibration['target']}: P {calibration['precision']:.0%}, R {calibration['recall']:.0%})"
        return shown

    @admin.action(description=gettext_lazy("Use the selected model"))
    def use_model(self, request: HttpRequest, queryset) -> None:
        if queryset.count() != 1:
            self.message_user(request, _("Select exactly one model."), messages.ERROR)
            return
        try:
            version = services.activate(queryset.get())
        except FileNotFoundError as error:
            self.message_user(request, str(error), messages.ERROR)
            return
        self.message_user(request, _("Now in use: %(version)s") % {"version": version.version}, messages.SUCCESS)

    def get_urls(self):
        return [path("zurueck/", self.admin_site.admin_view(self.return_view), name="moderation_model_return"),
                path("kalibrieren/", self.admin_site.admin_view(self.calibrate_view),
                     name="moderation_model_calibrate"),
                *super().get_urls()]

    def calibrate_view(self, request: HttpRequest) -> HttpResponse:
        """Pick a target, see the threshold with its expected precision and recall on the site's decisions
        (GET), apply it as a new registry version (POST, through `services`, logged)."""
        if not is_site_admin(request):
            return HttpResponseRedirect(reverse(f"{self.admin_site.name}:index"))
        if request.method not in ("GET", "POST"):
            return HttpResponseNotAllowed(["GET", "POST"])
        # First visit without a target: the figures for the default target (hold at most 20 %) right away.
        data = request.POST if request.method == "POST" else (request.GET or {"target": CalibrationForm.HOLD,
                                                                                "percent": "20"})
        form = CalibrationForm(data)
        result = model = error = None
        status = 200
        if form.is_valid():
            hold_at_most, catch = form.shares()
            try:
                model, result = services.calibrate(hold_at_most=hold_at_most, catch=catch,
                                                   since=form.cleaned_data["since"])
            except ValueError as exc:
                error, status = str(exc), 400 if request.method == "POST" else 200
            if request.method == "POST" and result is not None:
                target = services.calibration_target(hold_at_most, catch)
                entry = services.apply_calibration(model, result, target, by=request.user.get_username())
                self.log_addition(request, entry, [{"added": {"name": "calibration", "object": target}}])
                self.message_user(request, _("Now in use: %(version)s with threshold %(threshold)s") % {
                    "version": entry.version, "threshold": f"{result.threshold:.3f}".replace(".", ",")},
                    messages.SUCCESS)
                return HttpResponseRedirect(reverse(f"{self.admin_site.name}:moderation_modelversion_changelist"))
        elif request.method == "POST":
            status = 400
        context = {
            **self.admin_site.each_context(request), "opts": self.model._meta,
            "title": _("Calibrate the hold threshold"),
            "form": form, "result": result, "model": model, "error": error,
            "minimum": services.MIN_CALIBRATION_DECISIONS,
            "index_url": reverse(f"{self.admin_site.name}:index"),
            "changelist_url": reverse(f"{self.admin_site.name}:moderation_modelversion_changelist"),
        }
        return TemplateResponse(request, "admin/moderation/modelversion/calibrate.html", context, status=status)

    def return_view(self, request: HttpRequest):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not is_site_admin(request):
            return HttpResponseRedirect(reverse(f"{self.admin_site.name}:index"))
        try:
            previous = services.return_to_previous()
        except (ValueError, FileNotFoundError) as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            name = previous.version if previous else _("the shipped model")
            self.message_user(request, _("Returned to %(version)s") % {"version": name}, messages.SUCCESS)
        return HttpResponseRedirect(reverse(f"{self.admin_site.name}:moderation_modelversion_changelist"))

    def changelist_view(self, request: HttpRequest, extra_context=None):
        active = ModelVersion.objects.filter(active=True).first()
        shipped = services.offense.MODEL_VERSION
        extra = {"model_in_use": active.version if active else f"{shipped} ({_('shipped')})",
                 "can_return": active is not None,
                 "calibrate_url": reverse(f"{self.admin_site.name}:moderation_model_calibrate"),
                 "return_url": reverse(f"{self.admin_site.name}:moderation_model_return")}
        return super().changelist_view(request, {**extra, **(extra_context or {})})

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_site_admin(request)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return is_site_admin(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # models come from `newsdesk moderation train --from-decisions`

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return is_site_admin(request)  # needed for the action; every field is read-only

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


for site in (admin.site, newsroom_site):
    site.register(WordEntry, WordEntryAdmin)
    site.register(ModelVersion, ModelVersionAdmin)
