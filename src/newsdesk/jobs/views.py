"""Reader pages for job postings: the list with filters and one posting (410 Gone once it has expired)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from newsdesk.articles.selectors import paginate
from newsdesk.core.freshness import JOBS, SITE, conditional_page, this_hour
from newsdesk.jobs import selectors
from newsdesk.jobs.forms import JobFilterForm
from newsdesk.jobs.seo import job_posting_json_ld

GONE_SUGGESTIONS = 5


def _jobs_keys(request: HttpRequest, *args, **kwargs) -> list[str]:
    # Postings also expire (or start) by time alone: the hour is part of the version.
    return [SITE, JOBS, this_hour()]


@conditional_page(_jobs_keys, kind="jobs")
def job_list(request: HttpRequest) -> HttpResponse:
    form = JobFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        # A hand-edited or outdated filter: say what is wrong, show every current posting meanwhile.
        postings, status = selectors.current_postings(), 400
    else:
        postings, status = selectors.current_postings(form.filters() if form.is_bound else None), 200
    context = {
        "form": form,
        "page": paginate(postings, request.GET.get("seite"), per_page=selectors.PAGE_SIZE),
        "locations": selectors.current_locations(),
        "filtered": form.is_bound and form.is_valid() and any(form.cleaned_data.values()),
    }
    return render(request, "jobs/list.html", context, status=status)


def _can_preview(request: HttpRequest) -> bool:
    return request.user.is_authenticated and request.user.has_perm("jobs.view_jobposting")


@conditional_page(_jobs_keys, kind="jobs")
def job_detail(request: HttpRequest, slug: str) -> HttpResponse:
    posting = selectors.posting_by_slug(slug)
    if posting is None:
        raise Http404(_("No job posting at this address."))
    if posting.valid_through < timezone.localdate():
        context = {"posting": posting, "current": selectors.box_postings(GONE_SUGGESTIONS)}
        return render(request, "jobs/gone.html", context, status=410)
    is_preview = posting.posted_at > timezone.now()
    if is_preview and not _can_preview(request):
        raise Http404(_("No job posting at this address."))
    context = {"posting": posting, "is_preview": is_preview, "json_ld": job_posting_json_ld(posting)}
    return render(request, "jobs/detail.html", context)
