from django.urls import path

from newsdesk.desk import views

app_name = "desk"

# Not under the language prefix: these are endpoints for the desk's script, not pages.
urlpatterns = [
    path("<slug:slug>/anwesenheit/", views.presence, name="presence"),
    path("<slug:slug>/chat/", views.chat, name="chat"),
    path("<slug:slug>/ereignisse/", views.events, name="events"),
]
