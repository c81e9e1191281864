"""/jobs/, /jobs/<slug>/ (JSON-LD, 410 once expired), the sitemap and the box on article pages."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsdesk.jobs.models import EmploymentType
from tests.jobs.conftest import make_posting

pytestmark = pytest.mark.django_db


def json_ld(html: str) -> list[dict]:
    return [json.loads(block) for block in
            re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S)]


def test_list_shows_current_postings_with_german_labels(client, posting, remote_posting, expired_posting):
    response = client.get("/jobs/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Stellenangebote</h1>" in html and "2 Stellenangebote" in html
    assert posting.title in html and remote_posting.title in html and expired_posting.title not in html
    for label in ("Art der Anstellung", "Homeoffice", "Arbeitsort", "Vollzeit", "Teilzeit", "Nur remote"):
        assert label in html
    assert 'href="/impressum/"' in html and 'href="/datenschutz/"' in html


@pytest.mark.parametrize(("query", "expected"), [
    ("remote=ja", {"Datenjournalist (m/w/d)"}),
    ("remote=nein", {"Redakteurin (m/w/d) für Lokales", "Volontariat Online"}),
    ("art=traineeship", {"Volontariat Online"}),
    ("ort=testhausen", {"Redakteurin (m/w/d) für Lokales"}),
    ("ort=Nordstadt&art=traineeship&remote=nein", {"Volontariat Online"}),
    ("ort=Nirgendwo", set()),
])
def test_filters(client, posting, remote_posting, query, expected):
    make_posting("Volontariat Online", location="Nordstadt", employment_type=EmploymentType.TRAINEESHIP)
    html = client.get(f"/jobs/?{query}").content.decode()
    shown = set(re.findall(r'class="job-card__title"><a href="[^"]+">([^<]+)</a>', html))
    assert shown == {title.replace("&", "&amp;") for title in expected}
    if not expected:
        assert "Kein aktuelles Stellenangebot passt zu diesen Filtern." in html
    assert 'noindex' in html  # filtered lists are not for search engines


@pytest.mark.parametrize(("query", "message"), [
    ("art=vollzeit-plus", "Unbekannte Art der Anstellung „vollzeit-plus“."),
    ("remote=vielleicht", "Wählen Sie beim Homeoffice „ja“ oder „nein“."),
    ("ort=" + "x" * 200, "höchstens 120 Zeichen"),
])
def test_bad_filter_gets_400_with_a_message_and_still_lists(client, posting, query, message):
    response = client.get(f"/jobs/?{query}")
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html and 'role="alert"' in html and posting.title in html


def test_pagination_keeps_the_filters(client):
    for n in range(12):
        make_posting(f"Stelle {n}", remote=True, location="", posted_days_ago=n + 1)
    make_posting("Vor Ort", posted_days_ago=0.5)
    html = client.get("/jobs/?remote=ja").content.decode()
    assert "12 Stellenangebote" in html and "Seite 1 von 2" in html and "Vor Ort" not in html
    assert 'href="?remote=ja&amp;seite=2"' in html
    second = client.get("/jobs/?remote=ja&seite=2").content.decode()
    assert "Stelle 10" in second and "Stelle 11" in second and "Stelle 0<" not in second


@pytest.mark.parametrize("count", [2, 25])
def test_list_queries_do_not_grow_with_postings(client, count, django_assert_max_num_queries):
    for n in range(count):
        make_posting(f"Stelle {n}", location=f"Ort {n % 5}")
    # count for the paginator, the page, the place suggestions, and the content versions for the ETag; +2 for the
    # page frame on a cold cache (site identity and sections, then cached)
    with django_assert_max_num_queries(6):
        assert client.get("/jobs/?remote=nein&seite=2").status_code == 200


def test_detail_json_ld_on_site(client, posting):
    response = client.get(posting.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200 and posting.title in html and "<strong>neugierige</strong>" in html
    assert f'href="{posting.apply_link}"' in html and "Jetzt bewerben" in html
    (data,) = json_ld(html)
    assert data["@context"] == "https://schema.org" and data["@type"] == "JobPosting"
    assert data["title"] == posting.title and "<strong>neugierige</strong>" in data["description"]
    assert data["datePosted"] == posting.posted_at.isoformat()
    assert data["validThrough"].startswith(posting.valid_through.isoformat() + "T23:59:59")
    assert data["employmentType"] == "FULL_TIME"
    assert data["hiringOrganization"] == {"@type": "Organization", "name": "Testhausener Anzeiger"}
    assert data["jobLocation"]["address"] == {"@type": "PostalAddress", "addressLocality": "Testhausen",
                                              "addressCountry": "DE"}
    assert data["directApply"] is False
    assert data["url"] == "https://zeitung.example" + posting.get_absolute_url()
    assert "jobLocationType" not in data and "applicantLocationRequirements" not in data


def test_detail_json_ld_remote(client, remote_posting):
    html = client.get(remote_posting.get_absolute_url()).content.decode()
    (data,) = json_ld(html)
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["applicantLocationRequirements"] == {"@type": "Country", "name": "DE"}
    assert data["employmentType"] == "PART_TIME" and "jobLocation" not in data
    assert data["hiringOrganization"]["sameAs"] == "https://datenlabor.example/"
    assert 'href="mailto:bewerbung@datenlabor.example"' in html


def test_traineeship_lists_two_schema_types(client):
    posting = make_posting("Volontariat", employment_type=EmploymentType.TRAINEESHIP)
    (data,) = json_ld(client.get(posting.get_absolute_url()).content.decode())
    assert data["employmentType"] == ["FULL_TIME", "OTHER"]


def test_json_ld_cannot_be_broken_out_of(client):
    posting = make_posting("Stelle </script><script>alert(1)</script>", employer="A & B <GmbH>")
    html = client.get(posting.get_absolute_url()).content.decode()
    (data,) = json_ld(html)
    assert data["title"] == "Stelle </script><script>alert(1)</script>"
    assert data["hiringOrganization"]["name"] == "A & B <GmbH>"


def test_expired_posting_answers_410_with_current_ones(client, posting, expired_posting):
    response = client.get(expired_posting.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 410
    assert "Dieses Stellenangebot ist abgelaufen" in html and expired_posting.title in html
    assert f'href="{posting.get_absolute_url()}"' in html and 'href="/jobs/"' in html
    assert "application/ld+json" not in html and 'content="noindex"' in html


def test_posting_expires_by_itself_at_the_end_of_its_day(client, posting, monkeypatch):
    assert client.get(posting.get_absolute_url()).status_code == 200
    later = posting.expires_at + timedelta(seconds=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert client.get(posting.get_absolute_url()).status_code == 410
    assert posting.title not in client.get("/jobs/").content.decode()


def test_unknown_and_future_postings(client, jobs_user):
    assert client.get("/jobs/gibt-es-nicht/").status_code == 404
    future = make_posting("Ab nächster Woche", posted_days_ago=-7)
    assert client.get(future.get_absolute_url()).status_code == 404
    client.force_login(jobs_user)
    response = client.get(future.get_absolute_url())
    assert response.status_code == 200 and "Vorschau" in response.content.decode()


def test_sitemap_lists_only_current_postings(client, posting, remote_posting, expired_posting):
    index = client.get("/sitemap.xml").content.decode()
    assert "https://zeitung.example/sitemap-stellen.xml" in index
    xml = client.get("/sitemap-stellen.xml").content.decode()
    assert f"https://zeitung.example{posting.get_absolute_url()}" in xml
    assert remote_posting.get_absolute_url() in xml and expired_posting.get_absolute_url() not in xml
    pages = client.get("/sitemap-seiten.xml").content.decode()
    assert "https://zeitung.example/jobs/" in pages and "https://zeitung.example/impressum/" in pages


def _box(html: str) -> str:
    start = html.index('class="jobs-box"')
    return html[start:html.index("</aside>", start)]


def test_article_page_shows_three_current_postings_in_one_query(client, editor, expired_posting):
    from tests.articles.conftest import publish

    article = publish()
    assert 'class="jobs-box"' not in client.get(article.get_absolute_url()).content.decode()  # none: no box
    for n in range(5):
        make_posting(f"Stelle {n}", posted_days_ago=n + 1)
    html = client.get(article.get_absolute_url()).content.decode()
    box = _box(html)
    assert "Stellenangebote" in box and 'href="/jobs/"' in box and "Alle Stellenangebote" in box
    assert re.findall(r'<a href="/jobs/[^"]+/">([^<]+)</a>', box) == ["Stelle 0", "Stelle 1", "Stelle 2"]
    assert expired_posting.title not in box
    from django.template import Context, Template

    with CaptureQueriesContext(connection) as queries:
        Template("{% load jobs_tags %}{% jobs_box %}").render(Context({}))
    assert len(queries.captured_queries) == 1
