from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from django.views.static import serve

from newsdesk.api import api
from newsdesk.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("newsblog/", include("newsdesk.liveblogs.urls")),
    path("", include("newsdesk.subscriptions.urls")),
    path("kommentare/", include("newsdesk.comments.urls")),
    path("moderation/", include("newsdesk.comments.moderation_urls")),
    path("api/v1/", api.urls),
    path("anmelden/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("abmelden/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("healthz", core_views.healthz, name="healthz"),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]
