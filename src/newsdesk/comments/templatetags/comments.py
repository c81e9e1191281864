from django import template
from django.contrib.contenttypes.models import ContentType
from django.db import models

from newsdesk.comments import selectors, services
from newsdesk.comments.forms import CommentForm
from newsdesk.comments.models import Comment, Reason
from newsdesk.comments.policy import closed_message, rules_for
from newsdesk.comments.rendering import render_body
from newsdesk.comments.views import SESSION_MINE, SESSION_NOTICE, SESSION_REPORT_NOTICE
from newsdesk.core.validation import whole_number

register = template.Library()


@register.inclusion_tag("comments/_section.html", takes_context=True)
def comment_section(context: template.Context, target: models.Model) -> dict:
    """The comment section of a page: approved comments, the reader's own pending ones, the form."""
    request = context["request"]
    content_type = ContentType.objects.get_for_model(target)
    mine = list(selectors.own_comments(target, request.session.get(SESSION_MINE, [])))
    reply_to = request.GET.get("antworten", "")
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "target": target,
        "content_type_id": content_type.pk,
        "page": selectors.approved_page(target, request.GET.get("kommentare"),
                                        featured_only=request.GET.get("empfohlen") == "1"),
        "featured_only": request.GET.get("empfohlen") == "1",
        "mine": [(c, services.delete_token(c)) for c in mine],
        "mine_ids": {c.pk for c in mine},
        # The heading counts what this reader sees: published threads plus their own waiting ones (not replies),
        # so "Kommentare (0)" never stands above their own comment.
        "own_count": sum(1 for c in mine if c.parent_id is None),
        "notice": request.session.pop(SESSION_NOTICE, False),
        "closed": closed_message(rules_for(target)),
        "report_notice": request.session.pop(SESSION_REPORT_NOTICE, ""),
        "form": CommentForm(initial={"parent": whole_number(reply_to)}),
    }


@register.filter
def comment_html(text: str) -> str:
    return render_body(text)


@register.filter
def queue_count(count: int) -> str:
    """A tab's size; the decided queues are counted only up to the cap (see `selectors.queue_counts`)."""
    from newsdesk.comments.selectors import DECIDED_COUNT_CAP

    return f"{DECIDED_COUNT_CAP}+" if count > DECIDED_COUNT_CAP else str(count)


@register.filter
def highlighted_html(comment: Comment) -> str:
    """The queue's view of a comment: the words that triggered its signals marked."""
    return render_body(comment.body, selectors.signal_spans(comment))


@register.inclusion_tag("comments/_report.html", takes_context=True)
def report_form(context: template.Context, comment: Comment) -> dict:
    """"Melden" under an approved comment. Also rendered for live pushes, where there is no request: the
    page's script then adds the CSRF token from the comment form before sending."""
    return {"comment": comment, "reasons": Reason.choices, "csrf_token": context.get("csrf_token")}
