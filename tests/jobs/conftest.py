from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from newsdesk.accounts.models import Role
from newsdesk.accounts.services import user_create_or_update
from newsdesk.jobs import services
from newsdesk.jobs.models import EmploymentType, JobPosting


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "https://zeitung.example"


def make_posting(title: str = "Redakteurin (m/w/d) für Lokales", *, days_left: int = 14, posted_days_ago: float = 1,
                 **fields) -> JobPosting:
    values = {
        "employer": "Testhausener Anzeiger", "location": "Testhausen", "remote": False,
        "employment_type": EmploymentType.FULL_TIME, "apply_link": "https://anzeiger.example/jobs/1",
        "description": "<p>Wir suchen eine <strong>neugierige</strong> Kollegin.</p><ul><li>Lokales</li></ul>",
    }
    values.update(fields)
    return services.job_create(title=title, posted_at=timezone.now() - timedelta(days=posted_days_ago),
                               valid_through=timezone.localdate() + timedelta(days=days_left), **values)


@pytest.fixture
def posting(db) -> JobPosting:
    return make_posting()


@pytest.fixture
def remote_posting(db) -> JobPosting:
    return make_posting("Datenjournalist (m/w/d)", employer="Datenlabor Testhausen e. V.", location="",
                        remote=True, employment_type=EmploymentType.PART_TIME,
                        apply_link="bewerbung@datenlabor.example", employer_url="https://datenlabor.example/")


@pytest.fixture
def expired_posting(db) -> JobPosting:
    posting = make_posting("Praktikum Fotografie", days_left=5, posted_days_ago=30,
                           employment_type=EmploymentType.INTERNSHIP)
    # Expired yesterday: set directly, as time passing would.
    JobPosting.objects.filter(pk=posting.pk).update(valid_through=timezone.localdate() - timedelta(days=1))
    posting.refresh_from_db()
    return posting


@pytest.fixture
def jobs_user(db):
    return user_create_or_update(username="jonas", role=Role.JOBS, password="a-long-test-password-7")
