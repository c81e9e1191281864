"""Reads for the job pages and the box on article pages; each runs a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from newsdesk.jobs.models import JobPosting

PAGE_SIZE = 10
BOX_SIZE = 3
# The list and the box never show the full description; it can be long.
_LISTING_FIELDS = ("title", "slug", "employer", "location", "country", "remote", "employment_type", "posted_at",
                   "valid_through")


@dataclass
class JobFilters:
    remote: bool | None = None
    employment_type: str = ""
    location: str = ""


def current_postings(filters: JobFilters | None = None) -> QuerySet[JobPosting]:
    postings = JobPosting.objects.current().only(*_LISTING_FIELDS).order_by("-posted_at", "-id")
    if filters is None:
        return postings
    if filters.remote is not None:
        postings = postings.filter(remote=filters.remote)
    if filters.employment_type:
        postings = postings.filter(employment_type=filters.employment_type)
    if filters.location:
        postings = postings.filter(location__icontains=filters.location)
    return postings


def current_locations() -> list[str]:
    """The places of work of current postings, for the filter's suggestions (one query)."""
    return sorted(set(JobPosting.objects.current().exclude(location="").values_list("location", flat=True)))


def box_postings(limit: int = BOX_SIZE) -> list[JobPosting]:
    return list(current_postings()[:limit])


def posting_by_slug(slug: str) -> JobPosting | None:
    return JobPosting.objects.filter(slug=slug).first()
