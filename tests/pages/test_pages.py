"""Impressum and Datenschutz: there from the first migration, editable by admins, linked from every page."""

from __future__ import annotations

import pytest
from django.test import Client

from newsdesk.pages.models import LegalPage

pytestmark = pytest.mark.django_db


def test_migration_created_both_pages_with_fictional_content():
    impressum = LegalPage.objects.get(kind="impressum")
    datenschutz = LegalPage.objects.get(kind="datenschutz")
    for text in ("Angaben gemäß § 5 DDG", "§ 18 Abs. 2 MStV", "Beispiel Medien GmbH", "Jonas Platzhalter",
                 "Beispieltext"):
        assert text in impressum.body, text
    assert "Double-Opt-in" in datenschutz.body and "Beispieltext" in datenschutz.body


@pytest.mark.parametrize(("path", "heading", "text"), [
    ("/impressum/", "Impressum", "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV"),
    ("/datenschutz/", "Datenschutzerklärung", "Ihre Rechte"),
])
def test_pages_show_text_and_when_it_was_last_changed(client, settings, path, heading, text):
    settings.SITE_URL = "https://zeitung.example"
    page = LegalPage.objects.get(kind=path.strip("/"))
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<h1 class="legal-page__title">{heading}</h1>' in html and text in html
    assert f"Stand: {page.updated_at.astimezone():%d.%m.%Y}" in html
    assert f'<link rel="canonical" href="https://zeitung.example{path}">' in html


def test_pages_never_404_even_when_a_row_is_missing(client):
    LegalPage.objects.all().delete()
    for path in ("/impressum/", "/datenschutz/"):
        response = client.get(path)
        assert response.status_code == 200 and "Beispiel Medien GmbH" in response.content.decode()


@pytest.mark.parametrize("path", ["/", "/jobs/", "/impressum/", "/suche/", "/newsblog/", "/archiv/",
                                  "/seite-die-es-nicht-gibt/"])
def test_every_page_links_both_in_the_footer(client, path):
    html = client.get(path).content.decode()
    footer = html[html.index('<footer class="site-footer">'):]
    assert '<a href="/impressum/">Impressum</a>' in footer and '<a href="/datenschutz/">Datenschutz</a>' in footer


def test_comment_and_signup_forms_link_the_privacy_notice(client, editor):
    from newsdesk.liveblogs import services

    blog = services.liveblog_create(title="Stadtfest in Testhausen", teaser="Erfunden.", author=editor)
    html = client.get(blog.get_absolute_url()).content.decode()
    form = html[html.index('id="kommentar-formular"'):]
    assert '<a href="/datenschutz/" target="_blank" rel="noopener">Datenschutzhinweise</a>' in form
    signup = html[html.index('class="signup"'):]
    assert '<a href="/datenschutz/">Datenschutzerklärung</a>' in signup[:signup.index("</section>")]
    home = client.get("/").content.decode()
    newsletter = home[home.index('aria-labelledby="newsletter-title"'):]
    assert 'href="/datenschutz/"' in newsletter[:newsletter.index("</section>")]


def admin_client(site_admin) -> Client:
    site_admin.is_staff = site_admin.is_superuser = True
    site_admin.save()
    client = Client()
    client.force_login(site_admin)
    return client


def test_admin_edits_a_page_sanitized_and_the_time_moves(site_admin):
    client = admin_client(site_admin)
    page = LegalPage.objects.get(kind="impressum")
    before = page.updated_at
    body = '<h2>Angaben gemäß § 5 DDG</h2><p onclick="x()">Neue GmbH</p><script>x()</script>'
    response = client.post(f"/admin/pages/legalpage/{page.pk}/change/", {"title": "Impressum", "body": body})
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    assert page.body == "<h2>Angaben gemäß § 5 DDG</h2><p>Neue GmbH</p>" and page.updated_at > before
    assert "Neue GmbH" in client.get("/impressum/").content.decode()


def test_admin_cannot_empty_add_or_delete_a_page(site_admin):
    client = admin_client(site_admin)
    page = LegalPage.objects.get(kind="datenschutz")
    response = client.post(f"/admin/pages/legalpage/{page.pk}/change/", {"title": "Datenschutz",
                                                                         "body": "<script>x()</script>"})
    assert response.status_code == 200 and "Diese Seite darf nicht leer sein." in response.content.decode()
    page.refresh_from_db()
    assert "Ihre Rechte" in page.body
    assert client.get("/admin/pages/legalpage/add/").status_code == 403
    assert client.get(f"/admin/pages/legalpage/{page.pk}/delete/").status_code == 403


def test_others_cannot_edit_the_pages(editor):
    client = Client()
    client.force_login(editor)
    page = LegalPage.objects.get(kind="impressum")
    assert client.post(f"/admin/pages/legalpage/{page.pk}/change/", {"title": "X", "body": "Y"}).status_code == 302
    page.refresh_from_db()
    assert page.title == "Impressum"


def test_editor_edits_an_imported_page_in_the_back_office_with_the_rich_editor_and_keeps_its_table(editor):
    from newsdesk.pages.models import Page
    from newsdesk.pages.services import page_save

    table = "<table><tbody><tr><th>Sprechzeit</th><td>Mo–Fr 9–12 Uhr</td></tr></tbody></table>"
    page = page_save(page=Page(title="Kontakt", body=f"<p>So erreichen Sie uns.</p>{table}<hr><pre>Postfach 1</pre>"))
    assert table in page.body and "<hr>" in page.body and "<pre>" in page.body  # the cleaner keeps them
    client = Client()
    client.force_login(editor)
    url = f"/redaktion/verwaltung/pages/page/{page.pk}/change/"
    form = client.get(url).content.decode()
    assert "data-rich-editor" in form and 'data-images="1"' in form and "newsdesk/editor.js" in form
    # The editor's schema (editor.js) holds tables like the cleaner; what it sends back is stored as it came.
    sent = ('<p>So erreichen Sie uns.</p><table style="min-width: 25px"><colgroup><col></colgroup><tbody><tr>'
            '<th colspan="1" rowspan="1"><p>Sprechzeit</p></th><td colspan="1" rowspan="1"><p>Mo–Fr 9–12 Uhr</p>'
            "</td></tr></tbody></table><hr><pre><code>Postfach 1</code></pre>")
    response = client.post(url, {"title": "Kontakt", "slug": page.slug, "body": sent, "published": "on"})
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    assert "<th colspan=\"1\" rowspan=\"1\"><p>Sprechzeit</p></th>" in page.body and "style" not in page.body
    assert "<table>" in Client().get(page.get_absolute_url()).content.decode()
