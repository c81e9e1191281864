from django.urls import path

from newsdesk.liveblogs import desk_views, views

app_name = "liveblogs"

urlpatterns = [
    path("", views.liveblog_list, name="list"),
    path("neu/", views.liveblog_create, name="create"),
    path("<slug:slug>/", views.liveblog_detail, name="detail"),
    path("<slug:slug>/eintrag/", views.entry_create, name="entry-create"),
    path("<slug:slug>/eintrag/<int:entry_id>/", views.entry_detail, name="entry"),
    path("<slug:slug>/status/", views.liveblog_status, name="status"),
    path("<slug:slug>/einbetten/", views.liveblog_embed, name="embed"),
    path("<slug:slug>/desk/", desk_views.desk_panel, name="desk"),
    path("<slug:slug>/desk/events/", desk_views.desk_events, name="desk-events"),
    path("<slug:slug>/desk/leser/", desk_views.audience_panel, name="audience"),
    path("<slug:slug>/vorschau/", desk_views.entry_preview, name="preview"),
]
