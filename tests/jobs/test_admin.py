"""The "jobs" role: a group with exactly the job posting permissions; job postings in the back office."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from newsdesk.accounts.models import Role
from newsdesk.accounts.services import user_create_or_update
from newsdesk.jobs import demo
from newsdesk.jobs.models import JobPosting

pytestmark = pytest.mark.django_db
BASE = "/redaktion/verwaltung/"


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def form_data(**changes) -> dict:
    now = timezone.localtime()
    data = {
        "title": "Redakteurin (m/w/d)", "employer": "Testhausener Anzeiger", "employer_url": "",
        "location": "Testhausen", "country": "DE", "employment_type": "full_time",
        "description": "<p>Lokales mit Herz.</p><script>x()</script>", "apply_link": "https://anzeiger.example/jobs",
        "posted_at_0": f"{now:%d.%m.%Y}", "posted_at_1": f"{now:%H:%M:%S}",
        "valid_through": f"{now + timedelta(days=20):%d.%m.%Y}", "slug": "",
    }
    data.update(changes)
    return data


def test_the_group_holds_exactly_the_job_posting_permissions():
    group = Group.objects.get(name="jobs")
    assert sorted(group.permissions.values_list("content_type__app_label", "codename")) == [
        ("jobs", "add_jobposting"), ("jobs", "change_jobposting"), ("jobs", "delete_jobposting"),
        ("jobs", "view_jobposting")]


def test_role_and_group_stay_in_step(jobs_user):
    assert list(jobs_user.groups.values_list("name", flat=True)) == ["jobs"]
    user = user_create_or_update(username="jonas", role=Role.EDITOR, password="a-long-test-password-7")
    assert not user.groups.exists()


def test_jobs_user_adds_a_posting_in_the_back_office(jobs_user):
    client = logged_in(jobs_user)
    index = client.get(BASE).content.decode()
    assert "<title>Stellenangebote | Redaktion</title>" in index
    assert 'href="/redaktion/verwaltung/jobs/jobposting/"' in index
    assert "/articles/" not in index and "/media/" not in index
    response = client.post(BASE + "jobs/jobposting/add/", form_data())
    assert response.status_code == 302, response.content.decode()[:3000]
    posting = JobPosting.objects.get()
    assert posting.slug == "redakteurin-mwd-testhausener-anzeiger"
    assert "script" not in posting.description and posting.is_current


def test_jobs_user_cannot_edit_articles(jobs_user):
    from tests.articles.conftest import publish

    article = publish()
    client = logged_in(jobs_user)
    assert jobs_user.has_perm("jobs.add_jobposting") and not jobs_user.has_perm("articles.change_article")
    for path in ("articles/article/", "articles/article/add/", f"articles/article/{article.pk}/change/",
                 "media/image/"):
        assert client.get(BASE + path).status_code == 403, path
    response = client.post(BASE + f"articles/article/{article.pk}/change/", {"headline": "Übernommen"})
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.headline != "Übernommen"
    assert client.get("/admin/").status_code == 302  # not staff: the Django admin stays closed


def test_bad_apply_link_is_refused_with_a_form_error(jobs_user):
    response = logged_in(jobs_user).post(BASE + "jobs/jobposting/add/",
                                         form_data(apply_link="javascript:alert(1)"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Geben Sie eine Webadresse, die mit https:// (oder http://) beginnt, oder eine E-Mail-Adresse an" in html
    assert not JobPosting.objects.exists()


@pytest.mark.parametrize(("changes", "message"), [
    ({"description": "<script>x()</script>"}, "Die Beschreibung ist leer"),
    ({"location": "", "remote": ""}, "Nennen Sie den Arbeitsort"),
    ({"valid_through": "31.02.2026"}, "gültiges Datum"),
    ({"apply_link": "jobs@anzeiger"}, "keine gültige E-Mail-Adresse"),
])
def test_other_bad_input_is_refused_with_a_message(jobs_user, changes, message):
    response = logged_in(jobs_user).post(BASE + "jobs/jobposting/add/", form_data(**changes))
    assert response.status_code == 200 and message in response.content.decode()
    assert not JobPosting.objects.exists()


@pytest.mark.parametrize("role_fixture", ["editor", "moderator", "reader"])
def test_other_roles_do_not_manage_job_postings(request, role_fixture):
    client = logged_in(request.getfixturevalue(role_fixture))
    assert client.get(BASE + "jobs/jobposting/add/").status_code in (302, 403)
    assert client.post(BASE + "jobs/jobposting/add/", form_data()).status_code in (302, 403)
    assert not JobPosting.objects.exists()


def test_admins_manage_job_postings(site_admin, posting):
    client = logged_in(site_admin)
    assert posting.title in client.get(BASE + "jobs/jobposting/").content.decode()
    response = client.post(BASE + f"jobs/jobposting/{posting.pk}/change/",
                           form_data(title="Chefin vom Dienst", slug=posting.slug))
    assert response.status_code == 302, response.content.decode()[:2000]
    posting.refresh_from_db()
    assert posting.title == "Chefin vom Dienst"


def test_demo_postings_load_once(db):
    first = demo.load()
    assert len(first) == 4 and demo.load() == []
    postings = list(JobPosting.objects.all())
    assert len(postings) == 4 and any(p.remote for p in postings) and any(not p.remote for p in postings)
    assert min(p.valid_through for p in postings) == timezone.localdate() + timedelta(days=1)
    assert JobPosting.objects.current().count() == 4
