from django.urls import path

from newsdesk.articles import views

app_name = "articles"

urlpatterns = [
    path("artikel/<slug:slug>/", views.article_detail, name="detail"),
    path("thema/<slug:slug>/", views.topic_detail, name="topic"),
    path("autor/<slug:slug>/", views.author_detail, name="author"),
    path("archiv/", views.archive_index, name="archive"),
    path("archiv/<int:year>/<int:month>/", views.archive_month, name="archive-month"),
    path("archiv/<int:year>/<int:month>/<int:day>/", views.archive_day, name="archive-day"),
]
