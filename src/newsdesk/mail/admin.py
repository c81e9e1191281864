from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from newsdesk.mail import selectors, services
from newsdesk.mail.models import OutboxMessage, Suppression


class BatchFilter(admin.SimpleListFilter):
    title = _("send")
    parameter_name = "batch"

    def lookups(self, request, model_admin):
        return [(batch, batch) for batch in selectors.recent_batches()]

    def queryset(self, request, queryset):
        return queryset.filter(batch=self.value()) if self.value() else queryset


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """Read-only: mails are written by the services that cause them and by the worker.

    The status line above the list counts mails per status (of the chosen send), so a large send's progress shows.
    """

    change_list_template = "admin/mail/outboxmessage/change_list.html"
    list_display = ("recipient", "subject", "kind", "status", "attempts", "next_attempt_at", "sent_at", "error")
    list_filter = ("status", "kind", BatchFilter, "in_doubt")
    search_fields = ("recipient", "idempotency_key", "subject")
    date_hierarchy = "created_at"
    show_full_result_count = False  # large outboxes: avoid a second COUNT(*)
    actions = ["requeue_action"]

    @admin.display(description=_("last error"))
    def error(self, obj: OutboxMessage) -> str:
        return Truncator(obj.last_error).chars(80)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # sent mails go with `newsdesk purge_mail`; a row being sent must not vanish

    def changelist_view(self, request: HttpRequest, extra_context=None):
        batch = request.GET.get("batch") or None
        labels = dict(OutboxMessage.Status.choices)
        counts = selectors.status_counts(batch=batch)
        extra_context = {
            **(extra_context or {}),
            "status_line": [(labels[status], count) for status, count in counts.items()],
            "status_batch": batch,
        }
        return super().changelist_view(request, extra_context)

    @admin.action(description=_("Send failed mails again"), permissions=["requeue"])
    def requeue_action(self, request: HttpRequest, queryset: QuerySet[OutboxMessage]) -> None:
        count = services.requeue(queryset.values_list("id", flat=True))
        self.message_user(
            request,
            ngettext("%(n)d mail queued again.", "%(n)d mails queued again.", count) % {"n": count},
            messages.SUCCESS,
        )

    def has_requeue_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("mail.change_outboxmessage")


@admin.register(Suppression)
class SuppressionAdmin(admin.ModelAdmin):
    list_display = ("address", "reason", "detail", "created_at")
    list_filter = ("reason",)
    search_fields = ("address",)
    readonly_fields = ("created_at",)
    fields = ("address", "reason", "detail", "created_at")

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
        else:
            # Through the service, so pending mails to the address are suppressed too.
            saved = services.suppress(obj.address, reason=obj.reason, detail=obj.detail)
            obj.pk = saved.pk
