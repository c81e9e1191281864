from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from django.views.static import serve

from newsdesk.accounts import two_factor
from newsdesk.api import api
from newsdesk.articles import sitemaps
from newsdesk.articles import views as article_views
from newsdesk.articles.admin import newsroom_site
from newsdesk.caching import views as caching_views
from newsdesk.core import views as core_views

# Reader pages: German at /..., English at /en/... (the language is in the address, not in a cookie, so a
# shared cache keeps one copy per language and address).
urlpatterns = i18n_patterns(
    path("", article_views.home, name="home"),
    path("", include("newsdesk.articles.urls")),
    path("newsblog/", include("newsdesk.liveblogs.urls")),
    path("suche/", include("newsdesk.search.urls")),
    path("jobs/", include("newsdesk.jobs.urls")),
    path("", include("newsdesk.pages.urls")),
    path("", include("newsdesk.subscriptions.urls")),
    path("abo/", include("newsdesk.subscriptions.urls_mail")),
    path("kommentare/", include("newsdesk.comments.urls")),
    prefix_default_language=False,
)
urlpatterns += [
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path("sitemap-news.xml", sitemaps.news_sitemap, name="sitemap-news"),
    path("sitemap-<slug:section>.xml", sitemaps.section_sitemap, name="sitemap-section"),
    path("robots.txt", core_views.robots_txt, name="robots"),
    path("", include("newsdesk.branding.urls")),  # /favicon.ico, /manifest.webmanifest, /icons/...
    path("moderation/", include("newsdesk.comments.moderation_urls")),
    path("redaktion/desk/", include("newsdesk.desk.urls")),
    path("api/v1/", api.urls),
    path("anmelden/", two_factor.LoginView.as_view(), name="login"),
    path("konto/zwei-faktor/", two_factor.two_factor_setup, name="two-factor"),
    path("abmelden/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("redaktion/verwaltung/", newsroom_site.urls),
    path("healthz", core_views.healthz, name="healthz"),
    path("csrf/", caching_views.csrf_token, name="csrf-token"),
    path("", include("newsdesk.metrics.urls")),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]
