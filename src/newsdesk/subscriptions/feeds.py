"""Feeds of the site, its topics, authors, articles and newsblogs, in RSS 2.0, Atom and JSON Feed 1.1.

Every feed builds neutral `FeedItem`s, so one set of item methods serves articles, article updates and
newsblog entries. Feed readers poll hard, so every feed answers conditional requests: its ETag changes
with any change that alters the feed (newsblog events, deletions included; article edits; a scheduled
article reaching its time), and a 304 costs one query.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.syndication.views import Feed
from django.db.models import Count, Max, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import SyndicationFeed
from django.utils.html import linebreaks
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.http import condition

from newsdesk.articles import selectors as article_selectors
from newsdesk.articles.models import Article, ArticleRevision, Author, Topic
from newsdesk.comments.models import Comment
from newsdesk.core.html import html_to_text
from newsdesk.core.seo import site_name
from newsdesk.liveblogs import selectors as liveblog_selectors
from newsdesk.liveblogs.models import Entry, LiveBlog
from newsdesk.media.rendering import portable_body
from newsdesk.subscriptions import websub
from newsdesk.subscriptions.feedgen import AtomFeed, JsonFeed, RssFeed

FEED_ITEMS = 50
FORMATS: dict[str, type[SyndicationFeed]] = {"rss": RssFeed, "atom": AtomFeed, "json": JsonFeed}


@dataclass(frozen=True)
class FeedItem:
    title: str
    description: str
    link: str
    guid: str
    published: datetime
    updated: datetime | None = None
    author: str = ""
    categories: tuple[str, ...] = field(default_factory=tuple)


def entry_item(entry: Entry) -> FeedItem:
    link = entry.get_absolute_url()
    return FeedItem(
        title=entry.headline or Truncator(html_to_text(entry.body)).chars(90),
        description=portable_body(entry.body),  # sanitized with nh3 when it was saved; photos as <img>
        link=link, guid=settings.SITE_URL + link, published=entry.created_at, updated=entry.updated_at,
        author=entry.author.display_name, categories=(_("Key event"),) if entry.key_event else (),
    )


def article_item(article: Article) -> FeedItem:
    link = article.get_absolute_url()
    return FeedItem(
        title=article.headline, description=article.teaser, link=link, guid=f"{settings.SITE_URL}/a/{article.pk}",
        published=article.published_at, updated=article.updated_at,
        author=", ".join(byline.author.name for byline in getattr(article, "byline", [])),
        categories=tuple(topic.name for topic in article.topics.all()),
    )


def update_item(article: Article, revision: ArticleRevision) -> FeedItem:
    """An edit after publication; the revision holds the text as it was before, saved at the edit."""
    link = article.get_absolute_url()
    note = article.correction_note if revision.correction_note != article.correction_note else ""
    when = localtime(revision.saved_at).strftime("%d.%m.%Y %H:%M")
    return FeedItem(
        title=_("Updated: %(headline)s") % {"headline": article.headline},
        description=(_("Correction: %(note)s") % {"note": note}) if note
        else _("The article was updated on %(when)s.") % {"when": when},
        link=link, guid=f"{settings.SITE_URL}/a/{article.pk}/r/{revision.pk}", published=revision.saved_at,
    )


# Never the commenter's e-mail: only what the article page shows.
COMMENT_FIELDS = ("id", "display_name", "body", "created_at")


def comment_item(article: Article, comment: Comment) -> FeedItem:
    """An approved reader comment: plain text, escaped here (the feed writers escape the XML on top)."""
    link = f"{article.get_absolute_url()}#{comment.anchor}"
    return FeedItem(
        title=_("Comment by %(name)s") % {"name": comment.display_name},
        description=linebreaks(comment.body, autoescape=True), link=link,
        guid=f"{settings.SITE_URL}/a/{article.pk}/k/{comment.pk}", published=comment.created_at,
        author=comment.display_name, categories=(_("Comment"),),
    )


def newest(*sources: Iterable[FeedItem], limit: int = FEED_ITEMS) -> list[FeedItem]:
    return list(islice(sorted((item for source in sources for item in source), key=lambda item: item.published,
                              reverse=True), limit))


class ItemFeed(Feed):
    """Django's Feed for FeedItems; subclasses name `key` and give title, link, description and items."""

    feed_type: type[SyndicationFeed] = RssFeed
    key = ""

    def __init__(self, format_name: str = "rss") -> None:
        super().__init__()
        self.format_name = format_name
        self.feed_type = FORMATS[format_name]

    def feed_url(self, obj=None) -> str:
        return reverse(f"feeds:{self.key}-{self.format_name}", kwargs=self.url_kwargs(obj))

    def url_kwargs(self, obj) -> dict:
        return {"slug": obj.slug} if obj is not None else {}

    def subtitle(self, obj=None) -> str:
        return self.description(obj)

    def item_title(self, item: FeedItem) -> str:
        return item.title

    def item_description(self, item: FeedItem) -> str:
        return item.description

    def item_link(self, item: FeedItem) -> str:
        return item.link

    def item_guid(self, item: FeedItem) -> str:
        return item.guid

    # Stable ids, not addresses: a renamed slug must not make readers show an article twice.
    item_guid_is_permalink = False

    def item_pubdate(self, item: FeedItem):
        return item.published

    def item_updateddate(self, item: FeedItem):
        return item.updated

    def item_author_name(self, item: FeedItem) -> str:
        return item.author

    def item_categories(self, item: FeedItem) -> tuple[str, ...]:
        return item.categories


class SiteFeed(ItemFeed):
    """Everything new on the site: articles and newsblog entries, newest first."""

    key = "site"

    def title(self, obj=None) -> str:
        return site_name()

    def link(self, obj=None) -> str:
        return reverse("home")

    def description(self, obj=None) -> str:
        return _("The latest news from %(site)s") % {"site": site_name()}

    def items(self, obj=None) -> list[FeedItem]:
        articles = article_selectors.published()[:FEED_ITEMS]
        entries = Entry.objects.visible().select_related("author", "liveblog").order_by("-created_at", "-id")
        return newest(map(article_item, articles), map(entry_item, entries[:FEED_ITEMS]))


class TopicFeed(ItemFeed):
    key = "topic"

    def get_object(self, request: HttpRequest, slug: str) -> Topic:
        return _found(article_selectors.topic_by_slug(slug), _("No topic with this address."))

    def title(self, topic: Topic) -> str:
        return _("%(site)s: %(topic)s") % {"site": site_name(), "topic": topic.name}

    def link(self, topic: Topic) -> str:
        return topic.get_absolute_url()

    def description(self, topic: Topic) -> str:
        return topic.description or topic.name

    def items(self, topic: Topic) -> list[FeedItem]:
        return [article_item(a) for a in article_selectors.articles_for_topic(topic)[:FEED_ITEMS]]


class AuthorFeed(ItemFeed):
    key = "author"

    def get_object(self, request: HttpRequest, slug: str) -> Author:
        return _found(article_selectors.author_by_slug(slug), _("No author with this address."))

    def title(self, author: Author) -> str:
        return _("%(site)s: articles by %(author)s") % {"site": site_name(), "author": author.name}

    def link(self, author: Author) -> str:
        return author.get_absolute_url()

    def description(self, author: Author) -> str:
        return author.role or author.name

    def items(self, author: Author) -> list[FeedItem]:
        return [article_item(a) for a in article_selectors.articles_for_author(author)[:FEED_ITEMS]]


class ArticleFeed(ItemFeed):
    """"The feed of this article": its publication, every update and correction, and its approved comments."""

    key = "article"

    def get_object(self, request: HttpRequest, slug: str) -> Article:
        lookup = article_selectors.article_by_slug(slug)
        return _found(lookup.article, _("No article with this address."))

    def title(self, article: Article) -> str:
        return article.headline

    def link(self, article: Article) -> str:
        return article.get_absolute_url()

    def description(self, article: Article) -> str:
        return article.teaser

    def items(self, article: Article) -> list[FeedItem]:
        revisions = article.revisions.filter(saved_at__gte=article.published_at).order_by("-saved_at")
        comments = Comment.objects.for_target(article).approved().order_by("-created_at", "-id")
        return newest([article_item(article)], (update_item(article, r) for r in revisions[:FEED_ITEMS]),
                      (comment_item(article, c) for c in comments.only(*COMMENT_FIELDS)[:FEED_ITEMS]))


class LiveBlogFeed(ItemFeed):
    """A newsblog's entries, newest first; `?key_events=1` for the key events only."""

    key = "liveblog"

    def get_object(self, request: HttpRequest, slug: str) -> LiveBlog:
        blog = _found(liveblog_selectors.liveblog_by_slug(slug), _("No newsblog with this address."))
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
        return super().feed_url(blog) + ("?key_events=1" if blog.key_events_only else "")

    def items(self, blog: LiveBlog) -> list[FeedItem]:
        entries = Entry.objects.visible().filter(liveblog=blog).select_related("author")
        if blog.key_events_only:
            entries = entries.filter(key_event=True)
        rows = list(entries.order_by("-created_at", "-id")[:FEED_ITEMS])
        for row in rows:
            row.liveblog = blog
        return [entry_item(row) for row in rows]


def _found(obj, message: str):
    if obj is None:
        raise Http404(message)
    return obj


# --- conditional GET -------------------------------------------------------------------------------

def _articles_state(articles: QuerySet[Article]) -> str:
    # Count moves when a scheduled article reaches its time; the newest change covers edits.
    state = articles.aggregate(n=Count("id"), changed=Max(Coalesce("updated_at", "published_at")))
    return f"{state['n']}.{state['changed'].timestamp() if state['changed'] else 0}"


def _liveblogs_state(blogs: QuerySet[LiveBlog]) -> str:
    state = blogs.aggregate(seq=Sum("last_seq"), n=Count("id"))
    return f"{state['seq'] or 0}.{state['n']}"


def _comments_state(article_id: int) -> str:
    """Moves when a comment is approved or taken back: every decision stamps decided_at; count and id sum
    change with the set of approved comments. One indexed query (comment_target_idx)."""
    comments = Comment.objects.filter(content_type=ContentType.objects.get_for_model(Article), object_id=article_id)
    state = comments.aggregate(n=Count("id", filter=Q(status=Comment.Status.APPROVED)),
                               ids=Sum("id", filter=Q(status=Comment.Status.APPROVED)), decided=Max("decided_at"))
    return f"{state['n']}.{state['ids'] or 0}.{state['decided'].timestamp() if state['decided'] else 0}"


def _etag(kind: str, request: HttpRequest, slug: str | None = None) -> str | None:
    published = Article.objects.published()
    if kind == "site":
        state = _articles_state(published) + "." + _liveblogs_state(LiveBlog.objects.all())
    elif kind == "topic":
        state = _articles_state(published.filter(topics__slug=slug))
    elif kind == "author":
        state = _articles_state(published.filter(authors__slug=slug))
    elif kind == "article":
        row = published.filter(slug=slug).values_list("pk", "updated_at", "correction_note").first()
        revisions = ArticleRevision.objects.filter(article__slug=slug).count()
        state = (f"{row[0]}.{row[1].timestamp() if row[1] else 0}.{zlib.crc32(row[2].encode())}.{revisions}."
                 f"{_comments_state(row[0])}" if row else None)
    else:
        row = LiveBlog.objects.filter(slug=slug).values_list("pk", "last_seq").first()
        state = f"{row[0]}.{row[1]}.{request.GET.get('key_events', '')}" if row else None
    # Unknown objects: no ETag, so the feed view answers its 404.
    return f"{kind}.{state}.{request.LANGUAGE_CODE}" if state is not None else None


def feed_view(kind: str, feed_class: type[ItemFeed], format_name: str) -> Callable[..., HttpResponse]:
    """The feed view: 304 while its ETag holds; with a WebSub hub configured, Link headers name hub and self."""
    def etag(request: HttpRequest, slug: str | None = None) -> str | None:
        return _etag(kind, request, slug)

    conditional = condition(etag_func=etag)(feed_class(format_name))

    def view(request: HttpRequest, slug: str | None = None) -> HttpResponse:
        response = conditional(request, slug=slug) if slug is not None else conditional(request)
        link = websub.link_header(request.build_absolute_uri(request.path))
        if link and response.status_code in (200, 304):
            response["Link"] = link
        return response

    return view

