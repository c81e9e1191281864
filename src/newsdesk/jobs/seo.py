"""Structured data (schema.org JobPosting) for job pages, as Google for Jobs reads it."""

from __future__ import annotations

from typing import Any

from django.utils.safestring import SafeString

from newsdesk.core.seo import absolute_url, json_ld
from newsdesk.jobs.models import JobPosting


def job_posting_data(posting: JobPosting) -> dict[str, Any]:
    employment = posting.schema_employment_types
    organization: dict[str, Any] = {"@type": "Organization", "name": posting.employer}
    if posting.employer_url:
        organization["sameAs"] = posting.employer_url
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": posting.title,
        "description": posting.description,  # sanitized HTML: Google accepts paragraphs, lists and emphasis
        "datePosted": posting.posted_at.isoformat(),
        "validThrough": posting.expires_at.isoformat(),
        "employmentType": employment[0] if len(employment) == 1 else employment,
        "hiringOrganization": organization,
        "url": absolute_url(posting.get_absolute_url()),
        # Applying happens on the employer's site or by mail, not on this page.
        "directApply": False,
        "identifier": {"@type": "PropertyValue", "name": posting.employer, "value": str(posting.pk)},
    }
    if posting.location:
        data["jobLocation"] = {"@type": "Place", "address": {
            "@type": "PostalAddress", "addressLocality": posting.location, "addressCountry": posting.country}}
    if posting.remote:
        data["jobLocationType"] = "TELECOMMUTE"
        # Google requires where remote applicants may live; the posting's country.
        data["applicantLocationRequirements"] = {"@type": "Country", "name": posting.country}
    return data


def job_posting_json_ld(posting: JobPosting) -> SafeString:
    return json_ld(job_posting_data(posting))
