from django.urls import path

from newsdesk.comments import desk_views, views

app_name = "moderation"

urlpatterns = [
    path("", views.moderation_queue, name="queue"),
    path("<int:pk>/", views.moderation_decide, name="decide"),
    path("sammel/", views.moderation_bulk, name="bulk"),
    path("rueckgaengig/", desk_views.undo, name="undo"),
    path("events", desk_views.queue_stream, name="stream"),
    path("kommentator/<int:pk>/", desk_views.commenter_drawer, name="commenter"),
    path("beschwerden/", desk_views.complaints, name="complaints"),
    path("beschwerden/<int:pk>/", desk_views.complaint_decide, name="complaint-decide"),
    path("zahlen/", desk_views.dashboard, name="dashboard"),
    path("transparenz.csv", desk_views.transparency_csv, name="transparency-csv"),
]
