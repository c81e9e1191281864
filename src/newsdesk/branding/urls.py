from django.urls import path

from newsdesk.branding import views

app_name = "branding"

urlpatterns = [
    path("favicon.ico", views.favicon, name="favicon"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("icons/icon-<int:size>.png", views.icon, name="icon"),
]
