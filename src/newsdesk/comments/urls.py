from django.urls import path

from newsdesk.comments import views

app_name = "comments"

urlpatterns = [
    path("<int:content_type_id>/<int:object_id>/", views.comment_create, name="create"),
    path("<int:content_type_id>/<int:object_id>/events", views.comment_stream, name="stream"),
    path("<int:content_type_id>/<int:object_id>/eigene/", views.comment_own, name="own"),
    path("loeschen/", views.comment_delete, name="delete"),
    path("bestaetigen/<str:token>/", views.confirm_email, name="confirm"),
    path("benachrichtigungen/<str:token>/", views.notifications_off, name="notifications-off"),
    path("meine-daten/", views.request_data, name="request-data"),
    path("meine-daten/<str:token>/", views.my_data, name="my-data"),
    path("meine-daten/<str:token>/daten.json", views.my_data_json, name="my-data-json"),
    path("meine-daten/<str:token>/loeschen/", views.my_data_delete, name="my-data-delete"),
    path("melden/<int:pk>/", views.comment_report, name="report"),
    path("einspruch/<str:token>/", views.complaint, name="complaint"),
]
