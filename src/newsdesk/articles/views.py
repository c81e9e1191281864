"""Reader pages: home, article, topic, author, archive. Reads come from selectors; views only choose answers."""

from __future__ import annotations

import calendar
from datetime import date

from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from newsdesk.articles import selectors
from newsdesk.articles.models import article_freshness_key
from newsdesk.articles.seo import article_json_ld
from newsdesk.core.freshness import ARTICLES, JOBS, LIVEBLOGS, RELATED, SITE, conditional_page, this_hour
from newsdesk.promos.models import Slot
from newsdesk.promos.selectors import page_keys as promo_keys

# ETag, Last-Modified, 304 and Cache-Control come from core.freshness: every page names what it shows.


def _articles(request: HttpRequest, *args, **kwargs) -> list[str]:
    return [SITE, ARTICLES]


@conditional_page(lambda request: [SITE, ARTICLES, LIVEBLOGS, *promo_keys(Slot.HOME, Slot.SIDEBAR)], kind="home")
def home(request: HttpRequest) -> HttpResponse:
    top = selectors.top_stories()
    context = {
        "live": selectors.open_liveblogs(),
        "top_stories": top,
        "latest": selectors.latest_articles(exclude=[a.pk for a in top]),
        "topics": selectors.topics_with_articles(),
    }
    return render(request, "articles/home.html", context)


@conditional_page(lambda request, slug: [SITE, ARTICLES, RELATED, JOBS, this_hour(), article_freshness_key(slug),
                                         *promo_keys(Slot.ARTICLE_END, Slot.SIDEBAR)], kind="article")
def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    preview = getattr(request.user, "is_editor", False)
    found = selectors.article_by_slug(slug, include_unpublished=preview)
    if found.redirect_slug:
        return HttpResponsePermanentRedirect(reverse("articles:detail", kwargs={"slug": found.redirect_slug}))
    article = found.article
    if article is None:
        raise Http404(_("No article at this address."))
    context = {
        "article": article,
        "is_preview": not article.is_live,
        "json_ld": article_json_ld(article, request),
    }
    response = render(request, "articles/detail.html", context)
    if not article.is_live:
        response["Cache-Control"] = "private, no-store"  # a preview is never kept
    return response


def _articles_and_liveblogs(request: HttpRequest, *args, **kwargs) -> list[str]:
    # Topic and author pages list newsblogs too: any newsblog change (entry, status, deletion) counts.
    return [SITE, ARTICLES, LIVEBLOGS]


@conditional_page(_articles_and_liveblogs, kind="topic")
def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    topic = selectors.topic_by_slug(slug)
    if topic is None:
        raise Http404(_("No topic at this address."))
    page = selectors.paginate(selectors.articles_for_topic(topic), request.GET.get("seite"))
    return render(request, "articles/topic.html", {"topic": topic, "page": page,
                                                   "liveblogs": selectors.liveblogs_for_topic(topic)})


@conditional_page(_articles_and_liveblogs, kind="author")
def author_detail(request: HttpRequest, slug: str) -> HttpResponse:
    author = selectors.author_by_slug(slug)
    if author is None:
        raise Http404(_("No author at this address."))
    page = selectors.paginate(selectors.articles_for_author(author), request.GET.get("seite"))
    return render(request, "articles/author.html", {"author": author, "page": page,
                                                    "liveblogs": selectors.liveblogs_for_author(author)})


@conditional_page(_articles, kind="archive")
def archive_index(request: HttpRequest) -> HttpResponse:
    return render(request, "articles/archive_index.html", {"months": selectors.archive_months()})


def _valid_date(year: int, month: int, day: int = 1) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise Http404(_("There is no such date.")) from exc


@conditional_page(_articles, kind="archive")
def archive_month(request: HttpRequest, year: int, month: int) -> HttpResponse:
    first = _valid_date(year, month)
    last = first.replace(day=calendar.monthrange(year, month)[1])
    page = selectors.paginate(selectors.articles_between(first, last), request.GET.get("seite"), per_page=50)
    return render(request, "articles/archive_list.html",
                                   {"page": page, "month": first, "day": None})


@conditional_page(_articles, kind="archive")
def archive_day(request: HttpRequest, year: int, month: int, day: int) -> HttpResponse:
    first = _valid_date(year, month, day)
    page = selectors.paginate(selectors.articles_between(first, first), request.GET.get("seite"), per_page=50)
    return render(request, "articles/archive_list.html",
                                   {"page": page, "month": first, "day": first})
