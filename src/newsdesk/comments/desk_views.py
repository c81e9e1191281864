"""The moderation desk's own pages (issue 12): undo, the live queue stream, the commenter drawer, complaints,
the desk lead's numbers and the transparency CSV. Thin: services write, selectors and transparency read."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from newsdesk.comments import dashboard as charts
from newsdesk.comments import selectors, services, transparency
from newsdesk.comments.models import Commenter, CommenterNote, Complaint
from newsdesk.comments.views import _back, _error, _require_moderator, _view_from, _wants_json
from newsdesk.core.errors import ServiceError
from newsdesk.core.validation import whole_number
from newsdesk.realtime import sse


@login_required
@require_POST
def undo(request: HttpRequest) -> HttpResponse:
    """"Rückgängig": the decisions of the last action (`ids`), each restored exactly and logged."""
    _require_moderator(request)
    raw = request.POST.getlist("ids")
    if not raw or not all(whole_number(value) is not None for value in raw):
        return _error(request, ServiceError(_("Nothing to undo.")))
    try:
        count = services.decisions_undo(decision_ids=[int(v) for v in raw], moderator=request.user)
    except ServiceError as exc:
        return _error(request, exc)
    text = ngettext("%(n)d decision undone", "%(n)d decisions undone", count) % {"n": count}
    commenter_id = whole_number(request.POST.get("drawer") or "")  # undone from the commenter drawer
    if commenter_id and not _wants_json(request):
        return HttpResponseRedirect(reverse("moderation:commenter", kwargs={"pk": commenter_id}), status=303)
    if _wants_json(request):
        return JsonResponse({"ok": True, "message": text,
                             "counts": selectors.queue_counts(_view_from(request.POST))})
    messages.success(request, text)
    return _back(request)


def _is_moderator(user) -> bool:
    from newsdesk.accounts.models import Role

    return bool(user.is_authenticated and user.is_active and (
        user.role in {Role.MODERATOR, Role.ADMIN} or user.is_superuser))


@require_GET
async def queue_stream(request: HttpRequest) -> HttpResponse:
    """New, reported and decided comments for open cockpits (SSE): moderators only; ids and states, no text."""
    user = await request.auser()
    if not _is_moderator(user):
        raise PermissionDenied
    response = StreamingHttpResponse(sse.live_frames(services.QUEUE_CHANNEL, settings.REALTIME_HEARTBEAT_SECONDS),
                                     content_type="text/event-stream; charset=utf-8")
    response["Cache-Control"] = "no-cache, no-transform"
    response["X-Accel-Buffering"] = "no"
    return response


DRAWER_ACTIONS = {"note", "warning", "suspend", "trusted", "normal", "premoderate", "no-premoderate"}


@login_required
@require_http_methods(["GET", "POST"])
def commenter_drawer(request: HttpRequest, pk: int) -> HttpResponse:
    """The commenter drawer: history, notes, warnings, suspension (asks once, undoable), the two marks."""
    _require_moderator(request)
    commenter = get_object_or_404(Commenter, pk=pk)
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action not in DRAWER_ACTIONS:
                raise ServiceError(_("Unknown action."))
            if action in ("note", "warning"):
                services.commenter_add_note(commenter=commenter, moderator=request.user,
                                            text=request.POST.get("text", ""), kind=action)
                done = None
            elif action == "suspend" and request.POST.get("confirm") != "1":
                return _confirm_suspension(request, commenter)
            elif action == "suspend":
                done = services.commenter_suspend(commenter=commenter, moderator=request.user,
                                                  duration=request.POST.get("duration", ""),
                                                  reason=request.POST.get("reason", ""))
            else:
                done = services.commenter_set_mark(commenter=commenter, moderator=request.user, mark=action)
        except ServiceError as exc:
            if _wants_json(request):
                return JsonResponse({"ok": False, "message": exc.message}, status=exc.status)
            context = selectors.commenter_history(pk)
            context.update(error=exc.message, suspensions=services.SUSPENSIONS, post=request.POST)
            return render(request, "comments/drawer.html", context, status=exc.status)
        decision = getattr(done, "last_decision", None)
        if decision is not None:
            request.session["moderation_undo"] = {"ids": [decision.pk], "label": decision.get_action_display(),
                                                  "at": timezone.now().timestamp()}
        if _wants_json(request):
            return JsonResponse({"ok": True, "decisions": [decision.pk] if decision else [],
                                 "message": decision.get_action_display() if decision else _("Note saved")})
        return HttpResponseRedirect(reverse("moderation:commenter", kwargs={"pk": pk}), status=303)
    context = selectors.commenter_history(pk)
    context["suspensions"] = services.SUSPENSIONS
    context["note_kinds"] = CommenterNote.Kind.choices
    from newsdesk.comments.views import _pending_undo

    context["undo"] = _pending_undo(request)
    response = render(request, "comments/drawer.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


def _confirm_suspension(request: HttpRequest, commenter: Commenter) -> HttpResponse:
    """A suspension asks once and says what it will do (the no-script path and the script's are the same)."""
    duration = request.POST.get("duration", "")
    reason = request.POST.get("reason", "").strip()
    context = selectors.commenter_history(commenter.pk)
    context.update(suspensions=services.SUSPENSIONS, note_kinds=CommenterNote.Kind.choices, post=request.POST)
    if duration not in services.SUSPENSIONS or not reason:
        context["error"] = (_("Please choose how long the suspension lasts.") if duration not in services.SUSPENSIONS
                            else _("Please give a reason for the suspension: the commenter is told."))
        return render(request, "comments/drawer.html", context, status=422)
    labels = {"1h": _("1 hour"), "1d": _("1 day"), "7d": _("7 days"), "30d": _("30 days")}
    context["confirm"] = {"duration": duration, "reason": reason, "label": labels.get(duration, ""),
                          "waiting": commenter.comments.filter(status__in=["pending", "unverified"]).count()}
    return render(request, "comments/drawer.html", context)


@login_required
@require_GET
def complaints(request: HttpRequest) -> HttpResponse:
    _require_moderator(request)
    response = render(request, "comments/complaints.html", {
        "complaints": selectors.complaint_queue(), "decided": selectors.complaint_queue(decided=True)[:20]})
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def complaint_decide(request: HttpRequest, pk: int) -> HttpResponse:
    _require_moderator(request)
    complaint = get_object_or_404(Complaint, pk=pk)
    try:
        services.complaint_decide(complaint=complaint, moderator=request.user,
                                  outcome=request.POST.get("outcome", ""), answer=request.POST.get("answer", ""))
    except ServiceError as exc:
        return render(request, "comments/message.html", {
            "title": _("The decision was not saved"), "message": exc.message,
            "back_url": reverse("moderation:complaints")}, status=exc.status)
    messages.success(request, _("Complaint decided; the author is told by e-mail."))
    return HttpResponseRedirect(reverse("moderation:complaints"), status=303)


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """The desk lead's numbers, per site or per story (`ziel=CT.ID`), as server-rendered SVG charts."""
    _require_moderator(request)
    view = _view_from(request.GET)
    context = charts.dashboard(content_type_id=view.content_type_id, object_id=view.object_id)
    response = render(request, "comments/dashboard.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def transparency_csv(request: HttpRequest) -> HttpResponse:
    """The transparency report as CSV (admins only): `?seit=YYYY-MM-DD`, default the last 365 days."""
    if not request.user.is_site_admin:
        raise PermissionDenied
    since_text = request.GET.get("seit", "")
    if since_text:
        try:
            since = date.fromisoformat(since_text)
        except ValueError:
            return HttpResponse(_("The date must look like 2026-01-31."), status=400,
                                content_type="text/plain; charset=utf-8")
    else:
        since = timezone.localdate() - timedelta(days=365)
    report = transparency.report(since=since)
    response = HttpResponse(transparency.as_csv(report), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="transparenz-seit-{since.isoformat()}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response


