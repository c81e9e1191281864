from django.urls import path

from newsdesk.subscriptions.feeds import (
    ArticleFeed,
    AuthorFeed,
    LiveBlogFeed,
    SiteFeed,
    TopicFeed,
    feed_view,
)

app_name = "feeds"

# Each feed in three formats: .../feed/ (RSS 2.0), .../feed/atom/, .../feed/json/ (JSON Feed 1.1).
_FEEDS = [
    ("site", SiteFeed, ""),
    ("topic", TopicFeed, "thema/<slug:slug>/"),
    ("author", AuthorFeed, "autor/<slug:slug>/"),
    ("article", ArticleFeed, "artikel/<slug:slug>/"),
    ("liveblog", LiveBlogFeed, "newsblog/<slug:slug>/"),
]

urlpatterns = [
    path(f"{prefix}feed/{suffix}", feed_view(kind, feed_class, format_name), name=f"{kind}-{format_name}")
    for kind, feed_class, prefix in _FEEDS
    for format_name, suffix in (("rss", ""), ("atom", "atom/"), ("json", "json/"))
]
