from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from django.views.static import serve

from newsdesk.api import api
from newsdesk.articles import sitemaps
from newsdesk.articles import views as article_views
from newsdesk.articles.admin import newsroom_site
from newsdesk.core import views as core_views

urlpatterns = [
    path("", article_views.home, name="home"),
    path("", include("newsdesk.articles.urls")),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path("sitemap-news.xml", sitemaps.news_sitemap, name="sitemap-news"),
    path("sitemap-<slug:section>.xml", sitemaps.section_sitemap, name="sitemap-section"),
    path("robots.txt", core_views.robots_txt, name="robots"),
    path("newsblog/", include("newsdesk.liveblogs.urls")),
    path("suche/", include("newsdesk.search.urls")),
    path("jobs/", include("newsdesk.jobs.urls")),
    path("", include("newsdesk.pages.urls")),
    path("", include("newsdesk.subscriptions.urls")),
    path("abo/", include("newsdesk.subscriptions.urls_mail")),
    path("kommentare/", include("newsdesk.comments.urls")),
    path("moderation/", include("newsdesk.comments.moderation_urls")),
    path("api/v1/", api.urls),
    path("anmelden/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("abmelden/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("redaktion/verwaltung/", newsroom_site.urls),
    path("healthz", core_views.healthz, name="healthz"),
    path("", include("newsdesk.metrics.urls")),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]
