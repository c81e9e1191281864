"""`{% desk_panel liveblog %}`: the desk panel on a newsblog page, rendered for desk members only."""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from newsdesk.desk import selectors, services
from newsdesk.desk.models import MESSAGE_MAX_LENGTH
from newsdesk.desk.permissions import is_desk_member

register = template.Library()


@register.simple_tag(takes_context=True)
def desk_panel(context, liveblog) -> SafeString:
    request = context.get("request")
    user = getattr(request, "user", None)
    # Readers (and every page a shared cache keeps: anonymous) get nothing, without a query.
    if user is None or not user.is_authenticated or not is_desk_member(user, liveblog):
        return mark_safe("")
    recent = selectors.recent_messages(liveblog)
    return render_to_string("desk/_panel.html", {
        "liveblog": liveblog,
        "desk_user": user,
        "people": selectors.presence(liveblog),
        "desk_messages": recent,
        # The stream resumes after this one: nothing sent between rendering and connecting is lost.
        "last_message_id": recent[-1]["id"] if recent else 0,
        "message_max_length": MESSAGE_MAX_LENGTH,
        "heartbeat_seconds": services.PRESENCE_HEARTBEAT_SECONDS,
    }, request=request)
