from django.urls import path

from newsdesk.subscriptions import feeds

app_name = "feeds"

urlpatterns = [
    path("feed/", feeds.site_feed_view(feeds.SiteFeed()), name="site-rss"),
    path("feed/atom/", feeds.site_feed_view(feeds.SiteAtomFeed()), name="site-atom"),
    path("feed/json/", feeds.site_feed_view(feeds.SiteJsonFeed()), name="site-json"),
    path("newsblog/<slug:slug>/feed/", feeds.liveblog_feed_view(feeds.LiveBlogFeed()), name="liveblog-rss"),
    path("newsblog/<slug:slug>/feed/atom/", feeds.liveblog_feed_view(feeds.LiveBlogAtomFeed()),
         name="liveblog-atom"),
    path("newsblog/<slug:slug>/feed/json/", feeds.liveblog_feed_view(feeds.LiveBlogJsonFeed()),
         name="liveblog-json"),
]
