from django.urls import path

from newsdesk.metrics import views

urlpatterns = [path("metrics", views.metrics, name="metrics")]
