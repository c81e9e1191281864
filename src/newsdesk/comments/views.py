"""Thin views: reader submit/delete/live stream, and the moderation queue."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from asgiref.sync import sync_to_async
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from newsdesk import realtime
from newsdesk.accounts.models import Role
from newsdesk.comments import selectors, services
from newsdesk.comments.forms import CommentForm
from newsdesk.comments.models import Comment, Reason, target_channel
from newsdesk.comments.targets import is_commentable, target_url
from newsdesk.core.errors import ServiceError
from newsdesk.realtime import sse

SESSION_MINE = "comments_mine"
SESSION_NOTICE = "comments_notice"
MINE_MAX = 50


def _target(content_type_id: int, object_id: int):
    content_type = selectors.content_type_for(content_type_id)
    if content_type is None or not is_commentable(content_type):
        raise Http404
    try:
        return content_type.get_object_for_this_type(pk=object_id)
    except content_type.model_class().DoesNotExist as exc:
        raise Http404 from exc


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
            parent_id=data.get("parent"), ip=request.META.get("REMOTE_ADDR"),
        )
    except ServiceError as exc:
        errors = exc.details.get("errors") or {}
        for field, message in errors.items():
            form.add_error(field if field in form.fields else None, message)
        if not errors:
            form.add_error(None, exc.message)
        context = {"target": target, "form": form, "target_url": target_url(target),
                   "content_type_id": content_type_id}
        return render(request, "comments/form_page.html", context, status=exc.status)
    mine = [comment.pk, *request.session.get(SESSION_MINE, [])][:MINE_MAX]
    request.session[SESSION_MINE] = mine
    request.session[SESSION_NOTICE] = True
    return HttpResponseRedirect(target_url(target) + "#kommentare", status=303)


@require_POST
def comment_delete(request: HttpRequest) -> HttpResponse:
    try:
        comment = services.comment_delete_by_reader(token=request.POST.get("token", ""))
    except ServiceError as exc:
        return HttpResponse(exc.message, status=exc.status, content_type="text/plain; charset=utf-8")
    return HttpResponseRedirect(target_url(comment.target) + "#kommentare", status=303)


async def _comment_events(channel: str, heartbeat: float) -> AsyncIterator[bytes]:
    """Approved (and withdrawn) comments as they happen; no backlog: the page itself shows what came before."""
    async with realtime.subscribe(channel) as subscription:
        yield sse.retry_frame(3000)
        while True:
            try:
                async with asyncio.timeout(heartbeat):
                    message = await subscription.get()
            except TimeoutError:
                yield sse.HEARTBEAT
                continue
            if message is not None:
                yield sse.frame(message.data, message.raw)


@require_GET
async def comment_stream(request: HttpRequest, content_type_id: int, object_id: int) -> HttpResponse:
    content_type = await sync_to_async(selectors.content_type_for)(content_type_id)
    if content_type is None or not is_commentable(content_type):
        raise Http404
    response = StreamingHttpResponse(
        _comment_events(target_channel(content_type_id, object_id), settings.REALTIME_HEARTBEAT_SECONDS),
        content_type="text/event-stream; charset=utf-8")
    response["Cache-Control"] = "no-cache, no-transform"
    response["X-Accel-Buffering"] = "no"
    return response


def _require_moderator(request: HttpRequest) -> None:
    user = request.user
    if not (user.is_active and (user.role in {Role.MODERATOR, Role.ADMIN} or user.is_superuser)):
        raise PermissionDenied


QUEUE_STATUSES = (Comment.Status.PENDING, Comment.Status.APPROVED, Comment.Status.REJECTED)


@login_required
@require_GET
def moderation_queue(request: HttpRequest) -> HttpResponse:
    _require_moderator(request)
    status = request.GET.get("status", Comment.Status.PENDING)
    if status not in QUEUE_STATUSES:
        status = Comment.Status.PENDING
    comments = list(selectors.queue(status)[:selectors.QUEUE_PAGE_SIZE])
    counts = selectors.queue_counts()
    response = render(request, "comments/queue.html", {
        "comments": comments, "status": status, "reasons": Reason.choices,
        "tabs": [(s, Comment.Status(s).label, counts[s]) for s in QUEUE_STATUSES],
    })
    response["Cache-Control"] = "private, no-cache"
    return response


@login_required
@require_POST
def moderation_decide(request: HttpRequest, pk: int) -> HttpResponse:
    _require_moderator(request)
    comment = get_object_or_404(Comment.objects.select_related("commenter"), pk=pk)
    action = request.POST.get("action")
    try:
        if action == "approve":
            services.comment_approve(comment=comment, moderator=request.user)
        elif action == "reject":
            services.comment_reject(comment=comment, moderator=request.user, reason=request.POST.get("reason", ""))
        elif action == "ban":
            services.commenter_ban(commenter=comment.commenter, moderator=request.user, comment=comment)
        elif action == "trust":
            services.commenter_trust(commenter=comment.commenter, moderator=request.user, comment=comment)
        else:
            return HttpResponse(status=400)
    except ServiceError as exc:
        return HttpResponse(exc.message, status=exc.status, content_type="text/plain; charset=utf-8")
    back = request.POST.get("status", Comment.Status.PENDING)
    if back not in QUEUE_STATUSES:
        back = Comment.Status.PENDING
    return HttpResponseRedirect(f"{reverse('moderation:queue')}?status={back}", status=303)
