"""Feeds of newsblogs and of the whole site, in RSS 2.0, Atom and JSON Feed 1.1.

Feed readers poll hard, so every feed answers conditional requests: the ETag follows the event log
(every change of a newsblog, deletions included, moves its sequence number), and 304 costs one query.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Max, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import SyndicationFeed
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import condition

from newsdesk.core.html import html_to_text
from newsdesk.liveblogs import selectors
from newsdesk.liveblogs.models import Entry, LiveBlog
from newsdesk.subscriptions.feedgen import AtomFeed, JsonFeed, RssFeed

FEED_ITEMS = 50


def _entry_title(entry: Entry) -> str:
    return entry.headline or Truncator(html_to_text(entry.body)).chars(90)


class _EntryItems:
    """How a newsblog entry becomes a feed item (shared by the newsblog and site feeds)."""

    def item_title(self, entry: Entry) -> str:
        return _entry_title(entry)

    def item_description(self, entry: Entry) -> str:
        return entry.body  # sanitized with nh3 when it was saved

    def item_link(self, entry: Entry) -> str:
        return f"{entry.liveblog.get_absolute_url()}#{entry.anchor}"

    def item_guid(self, entry: Entry) -> str:
        return f"{settings.SITE_URL}{self.item_link(entry)}"

    def item_pubdate(self, entry: Entry):
        return entry.created_at

    def item_updateddate(self, entry: Entry):
        return entry.updated_at

    def item_author_name(self, entry: Entry) -> str:
        return entry.author.display_name

    def item_categories(self, entry: Entry) -> list[str]:
        return [_("Key event")] if entry.key_event else []


class LiveBlogFeed(_EntryItems, Feed):
    """A newsblog's entries, newest first; `?key_events=1` for the key events only."""

    feed_type: type[SyndicationFeed] = RssFeed
    format_name = "rss"

    def get_object(self, request: HttpRequest, slug: str) -> LiveBlog:
        blog = selectors.liveblog_by_slug(slug)
        if blog is None:
            raise Http404(_("No newsblog with this address."))
        blog.key_events_only = request.GET.get("key_events") == "1"
        return blog

    def title(self, blog: LiveBlog) -> str:
        if blog.key_events_only:
            return _("%(title)s – key events") % {"title": blog.title}
        return blog.title

    def link(self, blog: LiveBlog) -> str:
        return blog.get_absolute_url()

    def description(self, blog: LiveBlog) -> str:
        return blog.teaser or blog.title

    def feed_url(self, blog: LiveBlog) -> str:
        url = reverse(f"feeds:liveblog-{self.format_name}", kwargs={"slug": blog.slug})
        return url + ("?key_events=1" if blog.key_events_only else "")

    def items(self, blog: LiveBlog) -> list[Entry]:
        entries = Entry.objects.visible().filter(liveblog=blog).select_related("author")
        if blog.key_events_only:
            entries = entries.filter(key_event=True)
        rows = list(entries.order_by("-created_at", "-id")[:FEED_ITEMS])
        for row in rows:
            row.liveblog = blog
        return rows


class LiveBlogAtomFeed(LiveBlogFeed):
    feed_type = AtomFeed
    format_name = "atom"
    subtitle = LiveBlogFeed.description


class LiveBlogJsonFeed(LiveBlogFeed):
    feed_type = JsonFeed
    format_name = "json"


class SiteFeed(_EntryItems, Feed):
    """Everything new on the site, newest first."""

    feed_type: type[SyndicationFeed] = RssFeed
    format_name = "rss"

    def title(self) -> str:
        return settings.SITE_NAME

    def link(self) -> str:
        return reverse("home")

    def description(self) -> str:
        return _("The latest news from %(site)s") % {"site": settings.SITE_NAME}

    def feed_url(self) -> str:
        return reverse(f"feeds:site-{self.format_name}")

    def items(self) -> list[Entry]:
        return list(Entry.objects.visible().select_related("author", "liveblog")
                    .order_by("-created_at", "-id")[:FEED_ITEMS])


class SiteAtomFeed(SiteFeed):
    feed_type = AtomFeed
    format_name = "atom"
    subtitle = SiteFeed.description


class SiteJsonFeed(SiteFeed):
    feed_type = JsonFeed
    format_name = "json"


# --- conditional GET -------------------------------------------------------------------------------

def _liveblog_state(request: HttpRequest, slug: str) -> tuple | None:
    return LiveBlog.objects.filter(slug=slug).values_list("pk", "last_seq", "updated_at").first()


def _liveblog_etag(request: HttpRequest, slug: str) -> str | None:
    state = _liveblog_state(request, slug)
    if state is None:
        return None
    return f"lb{state[0]}.{state[1]}.{request.GET.get('key_events', '')}.{request.LANGUAGE_CODE}"


def _liveblog_last_modified(request: HttpRequest, slug: str):
    state = _liveblog_state(request, slug)
    return state[2] if state else None


def _site_state(request: HttpRequest) -> dict:
    return LiveBlog.objects.aggregate(updated=Max("updated_at"), seq=Sum("last_seq"))


def _site_etag(request: HttpRequest) -> str:
    state = _site_state(request)
    return f"site.{state['seq'] or 0}.{state['updated'].timestamp() if state['updated'] else 0}." \
           f"{request.LANGUAGE_CODE}"


def _site_last_modified(request: HttpRequest):
    return _site_state(request)["updated"]


def liveblog_feed_view(feed: Feed) -> Callable[..., HttpResponse]:
    return condition(etag_func=_liveblog_etag, last_modified_func=_liveblog_last_modified)(feed)


def site_feed_view(feed: Feed) -> Callable[..., HttpResponse]:
    return condition(etag_func=_site_etag, last_modified_func=_site_last_modified)(feed)
