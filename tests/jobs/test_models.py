"""Job postings: apply links, what counts as current, schema.org types, the service's checks."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from newsdesk.core.errors import InvalidInput
from newsdesk.jobs.models import SCHEMA_EMPLOYMENT_TYPES, EmploymentType, JobPosting, validate_apply_link
from tests.jobs.conftest import make_posting

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("link", ["https://verlag.example/karriere", "http://verlag.example/a?b=c",
                                  "jobs@verlag.example", "mailto:jobs@verlag.example"])
def test_apply_link_accepts_web_and_mail_addresses(link):
    validate_apply_link(link)


@pytest.mark.parametrize("link", ["javascript:alert(1)", "www.verlag.example", "ftp://verlag.example/a",
                                  "jobs@", "jobs@verlag", "https://", "bitte anrufen"])
def test_apply_link_refuses_anything_else_with_a_message(link):
    with pytest.raises(ValidationError) as caught:
        validate_apply_link(link)
    assert link in caught.value.messages[0]  # the message quotes what was entered


def test_current_means_posted_and_valid_through_today(posting, expired_posting):
    today = make_posting("Letzter Tag", days_left=0)
    future = make_posting("Noch nicht", posted_days_ago=-2)
    current = set(JobPosting.objects.current())
    assert current == {posting, today}
    assert not expired_posting.is_current and not future.is_current and today.is_current
    # The last moment shown is the end of the valid-through day in German time.
    assert today.expires_at.date() == timezone.localdate() and today.expires_at.hour == 23


def test_every_employment_type_maps_to_schema_org():
    allowed = {"FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER"}
    for kind in EmploymentType.values:
        assert set(SCHEMA_EMPLOYMENT_TYPES[kind]) <= allowed
    assert SCHEMA_EMPLOYMENT_TYPES[EmploymentType.FREELANCE] == ["CONTRACTOR"]


def test_service_sanitizes_and_makes_a_german_slug():
    posting = make_posting("Redakteur für Außenpolitik", employer="Müller Verlag",
                           description='<p onclick="x()">Text<script>alert(1)</script></p><a href="javascript:x">a</a>')
    assert posting.slug == "redakteur-fuer-aussenpolitik-mueller-verlag"
    assert "script" not in posting.description and "onclick" not in posting.description
    assert "javascript" not in posting.description
    again = make_posting("Redakteur für Außenpolitik", employer="Müller Verlag")
    assert again.slug == "redakteur-fuer-aussenpolitik-mueller-verlag-2"


def test_service_keeps_mail_address_without_mailto_and_links_it():
    posting = make_posting(apply_link="  mailto:bewerbung@verlag.example ")
    assert posting.apply_link == "bewerbung@verlag.example"
    assert posting.apply_is_email and posting.apply_href == "mailto:bewerbung@verlag.example"


@pytest.mark.parametrize(("fields", "field"), [
    ({"apply_link": "javascript:alert(1)"}, "apply_link"),
    ({"description": "<script>nur Skript</script>"}, "description"),
    ({"location": "", "remote": False}, "location"),
    ({"title": "   "}, "title"),
    ({"days_left": -40}, "valid_through"),
])
def test_service_refuses_bad_input_naming_the_field(fields, field):
    with pytest.raises(InvalidInput) as caught:
        make_posting(**fields)
    assert caught.value.details["field"] == field and caught.value.message
    assert not JobPosting.objects.exists()


def test_remote_job_needs_no_place(remote_posting):
    assert remote_posting.location == "" and remote_posting.remote


def test_posting_ending_before_it_starts_is_refused():
    with pytest.raises(InvalidInput, match="nicht enden"):
        make_posting(days_left=1, posted_days_ago=-5)
