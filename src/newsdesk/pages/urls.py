from django.urls import path

from newsdesk.pages import views

app_name = "pages"

urlpatterns = [
    path("impressum/", views.impressum, name="impressum"),
    path("datenschutz/", views.datenschutz, name="datenschutz"),
    path("nutzungsbedingungen/", views.nutzungsbedingungen, name="nutzungsbedingungen"),
    path("seite/<slug:slug>/", views.page_detail, name="page"),
]
