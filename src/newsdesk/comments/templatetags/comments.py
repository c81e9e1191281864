from django import template
from django.contrib.contenttypes.models import ContentType
from django.db import models

from newsdesk.comments import selectors
from newsdesk.comments.forms import CommentForm
from newsdesk.comments.models import Comment, Reason
from newsdesk.comments.policy import closed_message, rules_for
from newsdesk.comments.reader import READER_COOKIE
from newsdesk.comments.rendering import render_body
from newsdesk.core.validation import whole_number

register = template.Library()


@register.inclusion_tag("comments/_section.html", takes_context=True)
def comment_section(context: template.Context, target: models.Model) -> dict:
    """The comment section of a page: approved comments and the form, the same for every reader. The reader's
    own waiting comments and notices are fetched by comments.js from comments:own (see comments.reader)."""
    request = context["request"]
    content_type = ContentType.objects.get_for_model(target)
    reply_to = request.GET.get("antworten", "")
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "target": target,
        "content_type_id": content_type.pk,
        "page": selectors.approved_page(target, request.GET.get("kommentare"),
                                        featured_only=request.GET.get("empfohlen") == "1"),
        "featured_only": request.GET.get("empfohlen") == "1",
        "reader_cookie": READER_COOKIE,
        "closed": closed_message(rules_for(target)),
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
