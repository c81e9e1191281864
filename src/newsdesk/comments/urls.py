from django.urls import path

from newsdesk.comments import views

app_name = "comments"

urlpatterns = [
    path("<int:content_type_id>/<int:object_id>/", views.comment_create, name="create"),
    path("<int:content_type_id>/<int:object_id>/events", views.comment_stream, name="stream"),
    path("loeschen/", views.comment_delete, name="delete"),
    path("melden/<int:pk>/", views.comment_report, name="report"),
]
