"""Thin views: reader submit/delete/live stream, and the moderation queue."""

from __future__ import annotations

import time

from asgiref.sync import sync_to_async
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from newsdesk.accounts.models import Role
from newsdesk.comments import reader, selectors, services
from newsdesk.comments.forms import CommentForm, NoticeForm
from newsdesk.comments.models import Comment, Reason, target_channel
from newsdesk.comments.targets import is_commentable, is_public, target_url
from newsdesk.core.errors import ServiceError
from newsdesk.core.privacy import client_ip
from newsdesk.core.validation import whole_number
from newsdesk.realtime import sse

# A post from comments.js carries `script=1`: it goes back to the page, whose script fetches the reader's own
# part (comments:own). Without a script the reader is sent to that part as a page of its own.
SCRIPT_FIELD = "script"


def _target(content_type_id: int, object_id: int):
    content_type = selectors.content_type_for(content_type_id)
    if content_type is None or not is_commentable(content_type):
        raise Http404
    try:
        target = content_type.get_object_for_this_type(pk=object_id)
    except content_type.model_class().DoesNotExist as exc:
        raise Http404 from exc
    if not is_public(target):  # a draft or a scheduled article before its time: nothing to comment on
        raise Http404
    return target


@require_POST
def comment_create(request: HttpRequest, content_type_id: int, object_id: int) -> HttpResponse:
    target = _target(content_type_id, object_id)
    form = CommentForm(request.POST)
    form.is_valid()  # only to keep and re-show the input; the service decides
    data = form.cleaned_data
    try:
        comment = services.comment_submit(
            target=target, display_name=data.get("display_name") or "", email=data.get("email") or "",
            body=data.get("body") or "", consent=bool(data.get("consent")), honeypot=data.get("website") or "",
            parent_id=data.get("parent"), ip=client_ip(request), notify=bool(data.get("notify")),
            by_staff=_is_staff(request),
        )
    except ServiceError as exc:
        errors = exc.details.get("errors") or {}
        for field, message in errors.items():
            form.add_error(field if field in form.fields else None, message)
        if not errors:
            form.add_error(None, exc.message)
        context = {"target": target, "form": form, "target_url": target_url(target),
                   "content_type_id": content_type_id, "closed": exc.message if exc.status == 403 else ""}
        return render(request, "comments/form_page.html", context, status=exc.status)
    kept = reader.notes(request)
    reader.remember_comment(kept, comment.pk, _notice_kind(comment))
    response = _back_to_reader(request, content_type_id, target)
    reader.save(response, kept)
    return response


def _back_to_reader(request: HttpRequest, content_type_id: int, target) -> HttpResponseRedirect:
    if request.POST.get(SCRIPT_FIELD) == "1":
        return HttpResponseRedirect(target_url(target) + "#kommentare", status=303)
    return HttpResponseRedirect(reverse("comments:own", kwargs={"content_type_id": content_type_id,
                                                                "object_id": target.pk}), status=303)


@never_cache
@require_GET
def comment_own(request: HttpRequest, content_type_id: int, object_id: int) -> HttpResponse:
    """The reader's own part of a page's comment section: one-time notices (comment sent, report counted) and
    their comments still waiting for review, with "delete". Private; shown once, then the notices are gone.
    `?teil=1` (comments.js on the shared page): JSON with the HTML and the count; else a page of its own."""
    target = _target(content_type_id, object_id)
    kept = reader.notes(request)
    mine = list(selectors.own_comments(target, kept["mine"]))
    context = {
        "target": target, "target_url": target_url(target), "notice": kept["notice"],
        "report_notice": kept["report"], "mine": [(c, services.delete_token(c)) for c in mine],
    }
    if request.GET.get("teil") == "1":
        response = JsonResponse({
            "html": render_to_string("comments/_own.html", context, request=request),
            "own": sum(1 for c in mine if c.parent_id is None), "mine": [c.pk for c in mine],
            "no_comments": _("No other comments yet.") if mine else "",
        })
    else:
        response = render(request, "comments/own_page.html", context)
    if kept["notice"] or kept["report"]:
        kept["notice"] = kept["report"] = ""
        reader.save(response, kept)
    return response


def _is_staff(request: HttpRequest) -> bool:
    """A logged-in editor, moderator or admin writes as the newsroom: marked "Redaktion"."""
    user = request.user
    return bool(user.is_authenticated and user.is_active and (
        user.role in {Role.EDITOR, Role.MODERATOR, Role.ADMIN} or user.is_superuser))


def _notice_kind(comment: Comment) -> str:
    """Which notice the reader sees after sending: waiting for review, also confirm the e-mail, or published."""
    if comment.status == Comment.Status.UNVERIFIED:
        return "confirm"
    if comment.status == Comment.Status.APPROVED:
        return "approved"
    return "pending"


@require_POST
def comment_delete(request: HttpRequest) -> HttpResponse:
    try:
        comment = services.comment_delete_by_reader(token=request.POST.get("token", ""))
    except ServiceError as exc:
        return HttpResponse(exc.message, status=exc.status, content_type="text/plain; charset=utf-8")
    return HttpResponseRedirect(target_url(comment.target) + "#kommentare", status=303)


@require_GET
async def comment_stream(request: HttpRequest, content_type_id: int, object_id: int) -> HttpResponse:
    content_type = await sync_to_async(selectors.content_type_for)(content_type_id)
    if content_type is None or not is_commentable(content_type):
        raise Http404
    response = StreamingHttpResponse(
        sse.live_frames(target_channel(content_type_id, object_id), settings.REALTIME_HEARTBEAT_SECONDS),
        content_type="text/event-stream; charset=utf-8")
    response["Cache-Control"] = "no-cache, no-transform"
    response["X-Accel-Buffering"] = "no"
    return response


def _require_moderator(request: HttpRequest) -> None:
    user = request.user
    if not (user.is_active and (user.role in {Role.MODERATOR, Role.ADMIN} or user.is_superuser)):
        raise PermissionDenied


QUEUE_STATUSES = selectors.QUEUES
QUEUE_LABELS = {
    Comment.Status.PENDING: pgettext_lazy("queue", "Pending"),
    selectors.REPORTED: pgettext_lazy("queue", "Reported"),
    selectors.NOTICES: pgettext_lazy("queue", "Notices (DSA)"),
    Comment.Status.APPROVED: pgettext_lazy("queue", "Approved"),
    Comment.Status.REJECTED: pgettext_lazy("queue", "Rejected"),
}
SESSION_UNDO = "moderation_undo"
UNDO_SHOWN_SECONDS = 10


def _queue_status(value: str | None) -> str:
    return value if value in QUEUE_STATUSES else Comment.Status.PENDING


def _page_number(value: str | None) -> int:
    return max(1, whole_number(value, max_digits=9) or 1)


def _view_from(data) -> selectors.QueueFilter:
    """The cockpit's view from the query (or the posted form): ziel=CT.ID, kommentator=ID, q=…, sortierung=alt."""
    content_type_id = object_id = None
    story = (data.get("ziel") or "").split(".")
    if len(story) == 2 and all(whole_number(part) is not None for part in story):
        content_type_id, object_id = int(story[0]), int(story[1])
    return selectors.QueueFilter(content_type_id=content_type_id, object_id=object_id,
                                 commenter_id=whole_number(data.get("kommentator") or ""),
                                 search=(data.get("q") or "")[:200], oldest_first=data.get("sortierung") == "alt")


def _view_query(view: selectors.QueueFilter) -> dict:
    query = {}
    if view.object_id:
        query["ziel"] = f"{view.content_type_id}.{view.object_id}"
    if view.commenter_id:
        query["kommentator"] = view.commenter_id
    if view.search.strip():
        query["q"] = view.search.strip()
    if view.oldest_first:
        query["sortierung"] = "alt"
    return query


def _queue_url(status: str, page: int = 1, view: selectors.QueueFilter | None = None) -> str:
    query = {"status": status, **_view_query(view or selectors.QueueFilter())}
    if page > 1:
        query["seite"] = page
    return f"{reverse('moderation:queue')}?{urlencode(query)}"


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@login_required
@require_GET
def moderation_queue(request: HttpRequest) -> HttpResponse:
    _require_moderator(request)
    status = _queue_status(request.GET.get("status"))
    view = _view_from(request.GET)
    single = request.GET.get("kommentar", "")
    single_id = whole_number(single)
    if single_id is not None:
        # One comment in any state: where a "gleicher Text wie Kommentar #…" signal links to.
        page = Paginator(selectors.queue_single(single_id), 1).get_page(1)
        status = ""
    else:
        page = selectors.queue_page(status, request.GET.get("seite"), view)
    comments = list(page)
    for comment in comments:
        comment.report_summary = selectors.report_summary(getattr(comment, "open_report_list", []))
    counts = selectors.queue_counts(view)
    reasons = [(value, str(label)) for value, label in Reason.choices]  # resolve the lazy labels once, not 50×
    # The same <option>s under every item: rendered once here instead of once per item in the template.
    reason_options = format_html_join("", '<option value="{}">{} {}</option>',
                                      ((value, n, label) for n, (value, label) in enumerate(reasons, 1)))
    view_query = urlencode(_view_query(view))
    response = render(request, "comments/queue.html", {
        "comments": comments, "page": page, "status": status, "reasons": reasons, "reason_options": reason_options,
        "single": bool(status == ""), "view": view, "view_query": view_query,
        "view_target": comments[0].target if view.object_id and comments else None,
        "tabs": [(s, QUEUE_LABELS[s], counts[s]) for s in QUEUE_STATUSES],
        "previous_url": _queue_url(status, page.previous_page_number(), view) if page.has_previous() else "",
        "next_url": _queue_url(status, page.next_page_number(), view) if page.has_next() else "",
        "undo": _pending_undo(request),
        "suspensions": services.SUSPENSIONS,
        "open_complaints": selectors.open_complaint_count(),
        "count_cap": selectors.DECIDED_COUNT_CAP,
    })
    response["Cache-Control"] = "private, no-cache"
    return response


def _pending_undo(request: HttpRequest) -> dict | None:
    """The last decision's "Rückgängig" for a moderator without JavaScript (shown on the next page, 10 s)."""
    undo = request.session.pop(SESSION_UNDO, None)
    if not undo or time.time() - undo.get("at", 0) > UNDO_SHOWN_SECONDS:
        return None
    undo["seconds"] = max(1, int(UNDO_SHOWN_SECONDS - (time.time() - undo["at"])))
    return undo


def _back(request: HttpRequest) -> HttpResponseRedirect:
    """Back to the queue and page the moderator came from; the page number is clamped when the queue shrank."""
    status = _queue_status(request.POST.get("status"))
    return HttpResponseRedirect(_queue_url(status, _page_number(request.POST.get("seite")),
                                           _view_from(request.POST)), status=303)


def _error(request: HttpRequest, exc: ServiceError) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse({"ok": False, "message": exc.message}, status=exc.status)
    return render(request, "comments/message.html", {
        "title": _("The decision was not saved"), "message": exc.message,
        "back_url": _queue_url(_queue_status(request.POST.get("status")),
                               _page_number(request.POST.get("seite"))),
    }, status=exc.status)


DONE_LABELS = {
    "approve": pgettext_lazy("undo bar", "Approved"), "reject": pgettext_lazy("undo bar", "Rejected"),
    "keep": pgettext_lazy("undo bar", "Kept"), "feature": pgettext_lazy("undo bar", "Featured"),
    "unfeature": pgettext_lazy("undo bar", "No longer featured"), "ban": pgettext_lazy("undo bar", "Banned"),
    "trust": pgettext_lazy("undo bar", "Marked as trusted"),
}


def _decided(request: HttpRequest, label: str, decision_ids: list[int], *, comment_ids: list[int]) -> HttpResponse:
    """The answer to a decision: JSON for the cockpit's script (with the undo and the new counts), else back to
    the queue, where the undo bar waits for 10 s."""
    label = str(label)
    if _wants_json(request):
        return JsonResponse({"ok": True, "message": label, "decisions": decision_ids, "comments": comment_ids,
                             "counts": selectors.queue_counts(_view_from(request.POST))})
    if decision_ids:
        request.session[SESSION_UNDO] = {"ids": decision_ids, "label": label, "at": time.time()}
    else:
        messages.success(request, label)
    return _back(request)


@login_required
@require_POST
def moderation_decide(request: HttpRequest, pk: int) -> HttpResponse:
    _require_moderator(request)
    action = request.POST.get("action")
    # The services lock the comment by its id (404 if it is gone); only ban and trust need the row beforehand.
    comment = (get_object_or_404(Comment.objects.select_related("commenter"), pk=pk) if action in ("ban", "trust")
               else Comment(pk=pk))
    note = request.POST.get("note", "")[:300]
    try:
        if action == "approve":
            done = services.comment_approve(comment=comment, moderator=request.user)
        elif action == "reject":
            done = services.comment_reject_reported(comment=comment, moderator=request.user,
                                                    reason=request.POST.get("reason", ""), note=note)
        elif action == "keep":
            done = services.comment_keep(comment=comment, moderator=request.user)
        elif action in ("feature", "unfeature"):
            done = services.comment_feature(comment=comment, moderator=request.user, featured=action == "feature")
        elif action == "ban":
            done = services.commenter_ban(commenter=comment.commenter, moderator=request.user, comment=comment)
        elif action == "trust":
            done = services.commenter_trust(commenter=comment.commenter, moderator=request.user, comment=comment)
        else:
            return _error(request, ServiceError(_("Unknown action.")))
    except ServiceError as exc:
        return _error(request, exc)
    decision = getattr(done, "last_decision", None)
    return _decided(request, DONE_LABELS[action], [decision.pk] if decision else [], comment_ids=[pk])


def _bulk_summary(result: services.BulkResult) -> str:
    n = len(result.done)
    if result.action == "approve":
        text = ngettext("%(n)d comment approved", "%(n)d comments approved", n)
    elif result.action == "reject":
        text = ngettext("%(n)d comment rejected", "%(n)d comments rejected", n)
    else:
        text = ngettext("%(n)d comment kept, its reports dismissed", "%(n)d comments kept, their reports dismissed",
                        n)
    text = text % {"n": n}
    if result.skipped:
        text += " " + ngettext("(%(n)d skipped: already decided or deleted)",
                               "(%(n)d skipped: already decided or deleted)", len(result.skipped)) % {
            "n": len(result.skipped)}
    return text


@login_required
@require_POST
def moderation_bulk(request: HttpRequest) -> HttpResponse:
    """Several comments in one POST (`ids`, `action`, `reason`): each is decided and logged on its own."""
    _require_moderator(request)
    raw = request.POST.getlist("ids")
    if not all(whole_number(value) is not None for value in raw):
        return _error(request, ServiceError(_("The selection is not valid.")))
    try:
        result = services.comments_bulk_decide(ids=[int(v) for v in raw], action=request.POST.get("action", ""),
                                               moderator=request.user, reason=request.POST.get("reason", ""))
    except ServiceError as exc:
        return _error(request, exc)
    if not _wants_json(request):
        messages.success(request, _bulk_summary(result))
    return _decided(request, _bulk_summary(result), list(result.decisions), comment_ids=result.done)


# --- reader reports ---------------------------------------------------------------------------------------------

@require_http_methods(["GET", "POST"])
def comment_report(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the notice form (Art. 16 DSA). POST with `category`: a notice; POST with only `reason`: the quick
    report of the comment's "Melden" box (kept for pages rendered before)."""
    comment = Comment.objects.filter(pk=pk).first()
    back = (target_url(comment.target) if comment and comment.target else "/") + "#kommentare"
    if request.method == "GET" or request.POST.get("form") == "notice" or "category" in request.POST:
        return _notice(request, comment, back)
    kept = reader.notes(request)
    try:
        _report, counted = services.comment_report(comment_id=pk, reason=request.POST.get("reason", ""),
                                                   session_key=reader.reader_id(kept),
                                                   ip=client_ip(request))
    except ServiceError as exc:
        return render(request, "comments/message.html", {
            "title": _("Your report was not sent"), "message": exc.message, "back_url": back}, status=exc.status)
    kept["report"] = "new" if counted else "again"
    response = _back_to_reader(request, comment.content_type_id, comment.target)
    reader.save(response, kept)
    return response


def _notice(request: HttpRequest, comment: Comment | None, back: str) -> HttpResponse:
    if comment is None or comment.status != Comment.Status.APPROVED or comment.target is None:
        raise Http404
    form = NoticeForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        form.is_valid()
        data = form.cleaned_data
        try:
            notice = services.notice_submit(
                comment_id=comment.pk, category=data.get("category") or "", explanation=data.get("explanation") or "",
                name=data.get("name") or "", email=data.get("email") or "",
                good_faith=bool(data.get("good_faith")), ip=client_ip(request))
        except ServiceError as exc:
            errors = exc.details.get("errors") or {}
            for field, message in errors.items():
                form.add_error(field if field in form.fields else None, message)
            if not errors:
                form.add_error(None, exc.message)
            status = exc.status
        else:
            response = render(request, "comments/notice_done.html", {"notice": notice, "back_url": back})
            response["Cache-Control"] = "private, no-store"
            return response
    response = render(request, "comments/notice_form.html", {"comment": comment, "form": form, "back_url": back},
                      status=status)
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
def complaint(request: HttpRequest, token: str) -> HttpResponse:
    """The author's objection to a decision, from the link in the statement of reasons."""
    try:
        statement = services.statement_by_token(token)
    except ServiceError as exc:
        return _page(request, _("Complaint"), exc.message, status=exc.status)
    error, text, status = "", "", 200
    if request.method == "POST":
        text = request.POST.get("text", "")
        try:
            services.complaint_submit(token=token, text=text)
        except ServiceError as exc:
            error, status = exc.message, exc.status
        else:
            return _page(request, _("Complaint received"),
                         _("Thank you. Another person from our moderation team will review the decision; we will "
                           "tell you the outcome by e-mail."))
    response = render(request, "comments/complaint_form.html", {
        "statement": statement, "error": error, "text": text}, status=status)
    response["Cache-Control"] = "private, no-store"
    return response


# --- reader side: e-mail confirmation, notifications, data and deletion ----------------------------------------

def _page(request: HttpRequest, title: str, message: str = "", *, status: int = 200, form_action: str = "",
          button: str = "", link: tuple[str, str] | None = None, email_field: bool = False,
          error: str = "") -> HttpResponse:
    response = render(request, "comments/reader_page.html", {
        "title": title, "message": message, "form_action": form_action, "button": button, "link": link,
        "email_field": email_field, "error": error}, status=status)
    response["Cache-Control"] = "private, no-cache"
    return response


@require_http_methods(["GET", "POST"])
def confirm_email(request: HttpRequest, token: str) -> HttpResponse:
    """GET only shows a button: mail scanners follow links and must not confirm for the reader."""
    if request.method == "GET":
        return _page(request, _("Confirm your e-mail address"),
                     _("One click, and your comments go to the moderators."),
                     form_action=request.path, button=_("Confirm e-mail address"))
    try:
        services.commenter_confirm_email(token=token)
    except ServiceError as exc:
        return _page(request, _("Not confirmed"), exc.message, status=exc.status)
    return _page(request, _("E-mail address confirmed"),
                 _("Thank you. Your comment will be published after review."))


@csrf_exempt  # the secret is the signed link; a mail client may POST it without cookies
@require_http_methods(["GET", "POST"])
def notifications_off(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "GET":
        return _page(request, _("Notifications"), _("Stop all e-mails about your comments?"),
                     form_action=request.path, button=_("No more notifications"))
    try:
        services.commenter_notifications_off(token=token)
    except ServiceError as exc:
        return _page(request, _("Notifications"), exc.message, status=exc.status)
    return _page(request, _("Notifications switched off"),
                 _("You will receive no more e-mails about your comments."))


@require_http_methods(["GET", "POST"])
def request_data(request: HttpRequest) -> HttpResponse:
    title = _("Your comments and data")
    intro = _("Enter the e-mail address you comment with. We send you a link to your comments and stored data, "
              "where you can also delete all your comments.")
    if request.method == "GET":
        return _page(request, title, intro, form_action=request.path, button=_("Send link"), email_field=True)
    try:
        services.commenter_request_data(email=request.POST.get("email", ""))
    except ServiceError as exc:
        return _page(request, title, intro, status=exc.status, form_action=request.path, button=_("Send link"),
                     email_field=True, error=exc.message)
    # The same answer for known and unknown addresses: it tells nobody who comments here.
    return _page(request, title, _("If we have comments from this address, we have sent it a link. Please check "
                                   "your inbox."))


def _data_commenter(request: HttpRequest, token: str):
    try:
        return services.commenter_by_data_token(token), None
    except ServiceError as exc:
        return None, _page(request, _("Your comments and data"), exc.message, status=exc.status,
                           link=(reverse("comments:request-data"), _("Request a new link")))


@require_GET
def my_data(request: HttpRequest, token: str) -> HttpResponse:
    commenter, error = _data_commenter(request, token)
    if error:
        return error
    comments = selectors.commenter_comments(commenter)
    statements = [(s, services.complaint_url(s)) for s in selectors.commenter_statements(commenter)]
    response = render(request, "comments/my_data.html", {"commenter": commenter, "comments": comments,
                                                         "token": token, "statements": statements})
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def my_data_json(request: HttpRequest, token: str) -> HttpResponse:
    commenter, error = _data_commenter(request, token)
    if error:
        return error
    response = JsonResponse(services.commenter_export(commenter), json_dumps_params={"ensure_ascii": False,
                                                                                      "indent": 2})
    response["Content-Disposition"] = 'attachment; filename="meine-kommentare.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def my_data_delete(request: HttpRequest, token: str) -> HttpResponse:
    commenter, error = _data_commenter(request, token)
    if error:
        return error
    count = services.commenter_delete_all(commenter=commenter)
    return _page(request, _("Comments deleted"),
                 ngettext("%(count)d comment has been deleted.", "%(count)d comments have been deleted.", count)
                 % {"count": count})
