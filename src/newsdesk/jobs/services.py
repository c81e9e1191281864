"""Writes to job postings: checks, sanitized description, a unique German slug."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from newsdesk.articles.services import german_slug
from newsdesk.core.errors import InvalidInput
from newsdesk.core.html import html_to_text, sanitize_rich_text
from newsdesk.core.validation import clean_line
from newsdesk.jobs.models import JobPosting, validate_apply_link

DESCRIPTION_MAX_BYTES = 100 * 1024


def unique_job_slug(title: str, employer: str, *, exclude_pk: int | None = None) -> str:
    base = german_slug(f"{title} {employer}", max_length=120) or "stelle"
    slug, n = base, 1
    while JobPosting.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _clean(posting: JobPosting) -> None:
    """Normalises and checks in place; raises InvalidInput naming the field."""
    posting.title = clean_line(posting.title, field="title", max_length=200, required=True)
    posting.employer = clean_line(posting.employer, field="employer", max_length=200, required=True)
    posting.location = clean_line(posting.location or "", field="location", max_length=120)
    if len((posting.description or "").encode()) > DESCRIPTION_MAX_BYTES:
        raise InvalidInput(_("The text is too long: at most %(kb)d KB are allowed.")
                           % {"kb": DESCRIPTION_MAX_BYTES // 1024}, field="description")
    posting.description = sanitize_rich_text(posting.description or "")
    if not html_to_text(posting.description):
        raise InvalidInput(_("Describe the job: the description is empty."), field="description")
    link = (posting.apply_link or "").strip()
    if link.lower().startswith("mailto:"):
        link = link[len("mailto:"):]
    try:
        validate_apply_link(link)
    except ValidationError as exc:
        raise InvalidInput(exc.messages[0], field="apply_link") from None
    posting.apply_link = link
    if posting.valid_through is None:
        raise InvalidInput(_("Until when is the job open? Enter a date."), field="valid_through")
    try:
        posting.clean()
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise InvalidInput(messages[0], field=field) from None
    posting.slug = german_slug(posting.slug, max_length=200) if posting.slug else ""
    posting.slug = posting.slug or unique_job_slug(posting.title, posting.employer, exclude_pk=posting.pk)
    if JobPosting.objects.filter(slug=posting.slug).exclude(pk=posting.pk).exists():
        raise InvalidInput(_("Another job posting already uses this address."), field="slug")


@transaction.atomic
def job_save(*, posting: JobPosting) -> JobPosting:
    """Saves a posting built or changed by the back office, the demo loader or a test."""
    _clean(posting)
    posting.save()
    return posting


def job_create(**fields) -> JobPosting:
    return job_save(posting=JobPosting(**fields))
