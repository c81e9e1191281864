"""What readers can follow, resolved from the form's kind and target key (never trusted as given)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from newsdesk.core.errors import InvalidInput
from newsdesk.liveblogs.models import LiveBlog
from newsdesk.subscriptions.models import Subscription
from newsdesk.subscriptions.services import Target


def resolve_target(kind: str, key: str) -> Target:
    if kind == Subscription.Kind.LIVEBLOG:
        model_name, _dot, raw_id = key.partition(".")
        blog = LiveBlog.objects.filter(pk=int(raw_id)).first() if model_name == "liveblog" and raw_id.isdigit() \
            else None
        if blog is None:
            raise InvalidInput(_("This newsblog does not exist."), field="target")
        return Target(kind, f"liveblog.{blog.pk}", blog.title, blog.get_absolute_url())
    if kind in (Subscription.Kind.DIGEST, Subscription.Kind.BREAKING) and not key:
        return Target(kind, "", Subscription.Kind(kind).label)
    raise InvalidInput(_("Unknown kind of subscription."), field="kind")
