from django.urls import path

from newsdesk.subscriptions import views

app_name = "subscriptions"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("bestaetigen/<str:token>/", views.confirm, name="confirm"),
    path("abmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("einstellungen/<str:token>/", views.preferences, name="preferences"),
    path("einstellungen/<str:token>/daten.json", views.export, name="export"),
    path("einstellungen/<str:token>/loeschen/", views.delete, name="delete"),
]
