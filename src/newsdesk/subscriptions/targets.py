"""What readers can follow, resolved from the form's kind and target key (never trusted as given)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from newsdesk.articles.models import Article, Topic
from newsdesk.core.errors import InvalidInput
from newsdesk.core.validation import whole_number
from newsdesk.liveblogs.models import LiveBlog
from newsdesk.subscriptions.models import Subscription
from newsdesk.subscriptions.services import Target


def _object(key: str, prefix: str, queryset):
    name, _dot, raw_id = key.partition(".")
    pk = whole_number(raw_id)
    return queryset.filter(pk=pk).first() if name == prefix and pk is not None else None


def resolve_target(kind: str, key: str) -> Target:
    if kind == Subscription.Kind.LIVEBLOG:
        blog = _object(key, "liveblog", LiveBlog.objects.all())
        if blog is None:
            raise InvalidInput(_("This newsblog does not exist."), field="target")
        return Target(kind, f"liveblog.{blog.pk}", blog.title, blog.get_absolute_url())
    if kind == Subscription.Kind.TOPIC:
        topic = _object(key, "topic", Topic.objects.all())
        if topic is None:
            raise InvalidInput(_("This topic does not exist."), field="target")
        return Target(kind, f"topic.{topic.pk}", topic.name, topic.get_absolute_url())
    if kind in (Subscription.Kind.ARTICLE, Subscription.Kind.SIMILAR):
        article = _object(key, "article", Article.objects.published())
        if article is None:
            raise InvalidInput(_("This article does not exist."), field="target")
        title = article.headline if kind == Subscription.Kind.ARTICLE else \
            _("Similar news to “%(headline)s”") % {"headline": article.headline}
        return Target(kind, f"article.{article.pk}", title[:300], article.get_absolute_url())
    if kind in (Subscription.Kind.DIGEST, Subscription.Kind.BREAKING) and not key:
        return Target(kind, "", Subscription.Kind(kind).label)
    raise InvalidInput(_("Unknown kind of subscription."), field="kind")
