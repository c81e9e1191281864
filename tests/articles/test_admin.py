"""The editors' back office (/redaktion/verwaltung/): who may enter, and saves that go through the services."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from newsdesk.articles.models import Article, ArticleRevision, ArticleSlug
from newsdesk.media.demo import wave_illustration
from newsdesk.media.models import Image

pytestmark = pytest.mark.django_db
BASE = "/redaktion/verwaltung/"


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


COMMENT_SETTINGS = "comments-targetcommentsettings-content_type-object_id"  # the inline's form prefix


def form_data(article: Article | None = None, **changes) -> dict:
    data = {
        "kicker": "", "headline": "Neue Brücke", "dateline": "TESTHAUSEN", "teaser": "Vorspann",
        "body": "<p>Text</p><script>x()</script>", "lead_image": "", "topics": [], "status": "draft",
        "published_at_0": "", "published_at_1": "", "slug": "neue-bruecke", "top_rank": "0",
        "correction_note": "",
        "articleauthor_set-TOTAL_FORMS": "0", "articleauthor_set-INITIAL_FORMS": "0",
        "revisions-TOTAL_FORMS": "0", "revisions-INITIAL_FORMS": "0",
        f"{COMMENT_SETTINGS}-TOTAL_FORMS": "0", f"{COMMENT_SETTINGS}-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("role_fixture", ["reader", "moderator"])
def test_only_editors_and_admins_get_in(request, role_fixture):
    client = logged_in(request.getfixturevalue(role_fixture))
    response = client.get(BASE + "articles/article/")
    assert response.status_code == 302 and "login" in response["Location"]
    assert Client().get(BASE).status_code == 302


def test_editor_sees_the_article_list_with_filters_search_and_preview(editor, article):
    client = logged_in(editor)
    html = client.get(BASE + "articles/article/?q=Brücke").content.decode()
    assert article.headline in html and "Seite öffnen" in html and f'href="{article.get_absolute_url()}"' in html
    assert 'id="changelist-filter"' in html
    found = client.get(BASE + "autocomplete/?app_label=articles&model_name=article&field_name=topics&term=Stadt")
    assert found.json()["results"][0]["text"] == "Stadt & Politik"


def test_admin_can_use_the_django_admin_too(site_admin, article):
    client = logged_in(site_admin)
    site_admin.is_staff = site_admin.is_superuser = True
    site_admin.save()
    assert client.get("/admin/articles/article/").status_code == 200


def test_save_goes_through_the_service(editor, author):
    client = logged_in(editor)
    data = form_data(**{"articleauthor_set-TOTAL_FORMS": "1", "articleauthor_set-0-author": str(author.pk),
                        "articleauthor_set-0-position": "0"})
    response = client.post(BASE + "articles/article/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get()
    assert "script" not in article.body and article.word_count > 0
    assert list(article.authors.all()) == [author]


def test_scheduled_without_time_is_refused_with_a_message(editor):
    response = logged_in(editor).post(BASE + "articles/article/add/", form_data(status="scheduled"))
    assert response.status_code == 200
    assert "braucht einen Veröffentlichungszeitpunkt" in response.content.decode()
    assert not Article.objects.exists()


def test_edit_after_publication_keeps_revision_and_redirect(editor, article):
    client = logged_in(editor)
    at = article.published_at.astimezone()
    data = form_data(headline="Testhausen baut doch keine Brücke", slug="keine-bruecke", status="published",
                     teaser=article.teaser, body=article.body,
                     published_at_0=at.strftime("%d.%m.%Y"), published_at_1=at.strftime("%H:%M:%S"))
    response = client.post(BASE + f"articles/article/{article.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert ArticleRevision.objects.get().headline == "Testhausen baut eine Brücke"
    assert ArticleSlug.objects.get().slug == "testhausen-baut-eine-bruecke"
    assert Client().get("/artikel/testhausen-baut-eine-bruecke/").status_code == 301


def test_image_upload_in_the_back_office_makes_renditions_or_refuses(editor):
    client = logged_in(editor)
    upload = SimpleUploadedFile("lindra.jpg", wave_illustration(seed=9, width=900, height=500), "image/jpeg")
    response = client.post(BASE + "media/image/add/", {"upload": upload, "alt_text": "Der Fluss",
                                                        "caption": "", "credit": "Erika Test"})
    assert response.status_code == 302
    image = Image.objects.get()
    assert image.renditions and image.uploaded_by == editor
    bad = SimpleUploadedFile("virus.exe", b"MZ...", "application/octet-stream")
    response = client.post(BASE + "media/image/add/", {"upload": bad, "alt_text": "x"})
    assert response.status_code == 200 and "Nur Dateien mit der Endung" in response.content.decode()
    assert Image.objects.count() == 1


def test_new_lead_image_uploaded_with_the_article(editor):
    client = logged_in(editor)
    upload = SimpleUploadedFile("deich.png", wave_illustration(seed=4, width=640, height=360), "image/png")
    response = client.post(BASE + "articles/article/add/", form_data(
        new_image=upload, new_image_alt="Der Deich", new_image_credit="Erika Test"))
    # a JPEG named .png: refused with the reason, and neither article nor image stored
    assert response.status_code == 200 and "ist aber ein JPEG-Bild" in response.content.decode()
    assert not Article.objects.exists() and not Image.objects.exists()
    upload = SimpleUploadedFile("deich.jpg", wave_illustration(seed=4, width=640, height=360), "image/jpeg")
    response = client.post(BASE + "articles/article/add/", form_data(
        new_image=upload, new_image_alt="Der Deich", new_image_credit="Erika Test"))
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.lead_image.alt_text == "Der Deich" and article.lead_image.uploaded_by == editor


def test_new_lead_image_needs_alt_text(editor):
    upload = SimpleUploadedFile("deich.jpg", wave_illustration(seed=4, width=640, height=360), "image/jpeg")
    response = logged_in(editor).post(BASE + "articles/article/add/", form_data(new_image=upload))
    assert response.status_code == 200 and "Alternativtext" in response.content.decode()
    assert not Image.objects.exists()


def test_editor_closes_comments_of_one_article_in_its_form(editor, author):
    from django.contrib.contenttypes.models import ContentType

    from newsdesk.comments.models import TargetCommentSettings

    client = logged_in(editor)
    data = form_data(**{"articleauthor_set-TOTAL_FORMS": "1", "articleauthor_set-0-author": str(author.pk),
                        "articleauthor_set-0-position": "0", f"{COMMENT_SETTINGS}-TOTAL_FORMS": "1",
                        f"{COMMENT_SETTINGS}-0-closed": "on", f"{COMMENT_SETTINGS}-0-mode": "post",
                        f"{COMMENT_SETTINGS}-0-risk_threshold": "0.3"})
    response = client.post(BASE + "articles/article/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get()
    own = TargetCommentSettings.objects.get(content_type=ContentType.objects.get_for_model(article),
                                            object_id=article.pk)
    assert own.closed and own.mode == "post" and own.risk_threshold == 0.3
    bad = form_data(slug="zweite", **{"articleauthor_set-TOTAL_FORMS": "1",
                                      "articleauthor_set-0-author": str(author.pk),
                                      "articleauthor_set-0-position": "0", f"{COMMENT_SETTINGS}-TOTAL_FORMS": "1",
                                      f"{COMMENT_SETTINGS}-0-risk_threshold": "7"})
    response = client.post(BASE + "articles/article/add/", bad)
    assert response.status_code == 200 and "zwischen 0 und 1" in response.content.decode()
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_the_back_office_writes_bodies_in_the_rich_text_editor(editor, site_admin):
    page = logged_in(editor).get(BASE + "articles/article/add/").content.decode()
    # The same partial and module as the compose box: German toolbar, photos, the source textarea it fills.
    assert "data-rich-editor" in page and 'data-images="1"' in page and 'data-heading="2"' in page
    assert '<script src="/static/newsdesk/editor.js" type="module">' in page
    assert 'name="body"' in page and 'id="id_body"' in page
    jobs_page = logged_in(site_admin).get(BASE + "jobs/jobposting/add/").content.decode()
    assert "data-rich-editor" in jobs_page and 'name="description"' in jobs_page and "data-images" not in jobs_page
