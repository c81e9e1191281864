"""Reads for reader pages. Each runs a fixed number of queries, however many authors or topics are shown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from newsdesk.articles.models import Article, ArticleAuthor, ArticleSlug, Author, Topic
from newsdesk.core import freshness
from newsdesk.liveblogs.models import Entry, LiveBlog

PAGE_SIZE = 20
TOP_STORIES_MAX = 4
LATEST_MAX = 12
OPEN_LIVEBLOGS_MAX = 3


def _with_relations(queryset: QuerySet[Article]) -> QuerySet[Article]:
    """Lead image in the same query, bylines (in order, with photos) and topics in one query each."""
    return queryset.select_related("lead_image").prefetch_related(
        Prefetch("articleauthor_set", queryset=ArticleAuthor.objects.select_related("author").order_by("position"),
                 to_attr="byline"),
        Prefetch("topics", queryset=Topic.objects.order_by("name")),
    )


def published() -> QuerySet[Article]:
    """Published articles for listings, newest first; the body stays in the database (teasers do not show it)."""
    return _with_relations(Article.objects.published().defer("body").order_by("-published_at", "-id"))


@dataclass
class ArticleLookup:
    article: Article | None
    redirect_slug: str | None = None  # the article's current slug when an old one was asked for


def article_by_slug(slug: str, *, include_unpublished: bool = False) -> ArticleLookup:
    """The article at this slug; for an old slug, where it lives now. Drafts only for editors (preview)."""
    base = Article.objects.all() if include_unpublished else Article.objects.published()
    article = _with_relations(base).filter(slug=slug).first()
    if article is not None:
        return ArticleLookup(article)
    old = ArticleSlug.objects.filter(slug=slug).select_related("article").first()
    if old is not None and (include_unpublished or old.article.is_live):
        return ArticleLookup(None, old.article.slug)
    return ArticleLookup(None)


def top_stories(limit: int = TOP_STORIES_MAX) -> list[Article]:
    return list(published().filter(top_story=True).order_by("top_rank", "-published_at")[:limit])


def latest_articles(*, limit: int = LATEST_MAX, exclude: list[int] | None = None) -> list[Article]:
    return list(published().exclude(pk__in=exclude or [])[:limit])


def paginate(queryset: QuerySet, page_number: str | int | None, per_page: int = PAGE_SIZE) -> Page:
    # get_page: a missing, non-numeric or too large page number gives the first or last page, never an error.
    return Paginator(queryset, per_page).get_page(page_number)


def articles_for_topic(topic: Topic) -> QuerySet[Article]:
    return published().filter(topics=topic)


def articles_for_author(author: Author) -> QuerySet[Article]:
    return published().filter(articleauthor__author=author)


def topic_by_slug(slug: str) -> Topic | None:
    return Topic.objects.filter(slug=slug).first()


def author_by_slug(slug: str) -> Author | None:
    return Author.objects.select_related("photo").filter(slug=slug).first()


def _count_topics() -> list[Topic]:
    """Topics with live articles and their counts. Two narrow reads instead of a join over the wide article
    rows: the live article ids come from article_listing_idx alone (status and time are in it, so the status is
    named, not "not a draft"), the topic pairs from the through table's (article, topic) index; 4× faster at
    100,000 articles on SQLite (bench/archive_scale.py, "changed")."""
    now = timezone.now()
    live = Article.objects.filter(status__in=[Article.Status.PUBLISHED, Article.Status.SCHEDULED],
                                  published_at__lte=now).values("pk")
    pairs = Article.topics.through.objects.filter(article_id__in=live)
    counts = dict(pairs.values_list("topic_id").annotate(count=Count("*")).values_list("topic_id", "count"))
    topics = list(Topic.objects.filter(pk__in=list(counts)).order_by("name"))
    for topic in topics:
        topic.article_count = counts[topic.pk]
    return topics


# Counting every article per topic grows with the archive; the counts change only with an article change
# (the "articles" version) or a scheduled article reaching its time (at most TOPIC_COUNTS_SECONDS late).
TOPIC_COUNTS_SECONDS = 60


def topics_with_articles() -> list[Topic]:
    """Topics with at least one live article and their counts, computed once per change (Django's cache)."""
    token, changed = freshness.read([freshness.ARTICLES])  # the exact time too: versions repeat after a reset
    return cache.get_or_set(f"topics-with-articles:{token}:{changed.isoformat()}", _count_topics,
                            TOPIC_COUNTS_SECONDS)


def _local_range(first: date, last: date) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    return (datetime.combine(first, time.min, tzinfo=zone), datetime.combine(last + timedelta(days=1), time.min,
                                                                              tzinfo=zone))


def articles_between(first: date, last: date) -> QuerySet[Article]:
    """Published on these local (newsroom time zone) days, newest first."""
    start, end = _local_range(first, last)
    return published().filter(published_at__gte=start, published_at__lt=end)


def archive_months() -> list[date]:
    """The months with published articles, newest first (one query)."""
    return list(Article.objects.published().dates("published_at", "month", order="DESC"))


@dataclass
class LiveTeaser:
    liveblog: LiveBlog
    newest: Entry | None


def open_liveblogs(limit: int = OPEN_LIVEBLOGS_MAX) -> list[LiveTeaser]:
    """Open newsblogs with their newest visible entry: two queries, whatever the number of blogs."""
    newest_id = Subquery(Entry.objects.visible().filter(liveblog=OuterRef("pk"))
                         .order_by("-created_at", "-id").values("id")[:1])
    blogs = list(LiveBlog.objects.filter(status=LiveBlog.Status.OPEN).select_related("lead_image")
                 .annotate(newest_id=newest_id).order_by("-updated_at")[:limit])
    entries = Entry.objects.in_bulk([b.newest_id for b in blogs if b.newest_id])
    teasers = []
    for blog in blogs:
        entry = entries.get(blog.newest_id)
        if entry is not None:
            entry.liveblog = blog
        teasers.append(LiveTeaser(blog, entry))
    return teasers


def news_sitemap_articles(*, hours: int = 48, limit: int = 1000) -> list[Article]:
    """Google News: published in the last 48 hours, at most 1,000."""
    since = timezone.now() - timedelta(hours=hours)
    return list(Article.objects.published().filter(published_at__gte=since)
                .only("slug", "headline", "published_at").order_by("-published_at")[:limit])


LIVEBLOGS_PER_PAGE_MAX = 10


def _live_first(blogs: QuerySet[LiveBlog]) -> list[LiveBlog]:
    # "-status": "open" sorts after "closed", so live newsblogs come first, then the most recently changed.
    return list(blogs.order_by("-status", "-updated_at")[:LIVEBLOGS_PER_PAGE_MAX])


def liveblogs_for_topic(topic: Topic) -> list[LiveBlog]:
    """The topic's newsblogs for its page, live first (one query)."""
    return _live_first(LiveBlog.objects.filter(topics=topic))


def liveblogs_for_author(author: Author) -> list[LiveBlog]:
    """Newsblogs the author's login wrote entries in (or started), live first; none for authors without a login."""
    if author.user_id is None:
        return []
    wrote = Entry.objects.visible().filter(author_id=author.user_id).values("liveblog_id")
    return _live_first(LiveBlog.objects.filter(Q(pk__in=wrote) | Q(created_by_id=author.user_id)))
