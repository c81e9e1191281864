from django.urls import path

from newsdesk.comments import views

app_name = "moderation"

urlpatterns = [
    path("", views.moderation_queue, name="queue"),
    path("<int:pk>/", views.moderation_decide, name="decide"),
    path("sammel/", views.moderation_bulk, name="bulk"),
]
