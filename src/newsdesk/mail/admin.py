from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.formats import date_format, number_format
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from newsdesk.mail import selectors, services
from newsdesk.mail.models import MailBatch, OutboxMessage, Suppression


def send_status_line(send: MailBatch) -> str:
    """ "Alert 'X': 45,210 of 100,000 sent, 0 failed, started 12:03" in the reader's language and number format."""
    def number(n: int) -> str:
        return number_format(n, force_grouping=True)

    line = _("%(label)s: %(sent)s of %(total)s sent, %(failed)s failed, started %(started)s") % {
        "label": send.label or send.key, "sent": number(send.sent), "total": number(send.total),
        "failed": number(send.failed), "started": date_format(localtime(send.started_at), "H:i")}
    if send.suppressed:
        line += " · " + _("%(n)s not sent (blocked address)") % {"n": number(send.suppressed)}
    if send.finished_at:
        line += " · " + _("finished %(time)s") % {"time": date_format(localtime(send.finished_at), "H:i")}
    return line


class BatchFilter(admin.SimpleListFilter):
    title = gettext_lazy("send")
    parameter_name = "batch"

    def lookups(self, request, model_admin):
        return [(send.key, send.label or send.key) for send in selectors.sends_for_status_line(limit=20)]

    def queryset(self, request, queryset):
        return queryset.filter(batch=self.value()) if self.value() else queryset


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """Read-only: mails are written by the services that cause them and by the worker.

    The status lines above the list show the progress of large sends from their counters (MailBatch), so the page
    stays cheap however large the outbox: "Alert 'X': 45,210 of 100,000 sent, 0 failed, started 12:03".
    """

    change_list_template = "admin/mail/outboxmessage/change_list.html"
    list_display = ("recipient", "subject", "kind", "status", "attempts", "next_attempt_at", "sent_at", "error")
    list_filter = ("status", "kind", BatchFilter, "in_doubt")
    search_fields = ("recipient", "idempotency_key", "subject")
    date_hierarchy = "created_at"
    show_full_result_count = False  # large outboxes: avoid a second COUNT(*)
    actions = ["requeue_action"]

    @admin.display(description=gettext_lazy("last error"))
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
        lines = [send_status_line(send) for send in selectors.sends_for_status_line(batch=batch)]
        extra_context = {**(extra_context or {}), "send_lines": lines}
        return super().changelist_view(request, extra_context)

    @admin.action(description=gettext_lazy("Send failed mails again"), permissions=["requeue"])
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
