"""sitemap.xml (an index over sections) and the Google News sitemap."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from newsdesk.articles import selectors
from newsdesk.articles.models import Article, Author, Topic
from newsdesk.core.freshness import ARTICLES, JOBS, LIVEBLOGS, conditional_page, this_hour
from newsdesk.core.seo import absolute_url, site_name
from newsdesk.jobs.models import JobPosting
from newsdesk.liveblogs.models import LiveBlog

NEWS_SITEMAP_HOURS = 48
NEWS_SITEMAP_MAX = 1000


class SiteSitemap(Sitemap):
    """URLs on the public address (NEWSDESK_SITE_URL), like canonical links, whatever Host asked."""

    limit = 5000

    @property
    def protocol(self) -> str:
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None) -> str:
        return urlsplit(settings.SITE_URL).netloc


class ArticleSitemap(SiteSitemap):
    changefreq = "daily"

    def items(self):
        return Article.objects.published().only("slug", "published_at", "updated_at", "created_at") \
            .order_by("-published_at")

    def lastmod(self, article: Article):
        return article.modified_at


class TopicSitemap(SiteSitemap):
    changefreq = "hourly"

    def items(self):
        return Topic.objects.order_by("name")


class AuthorSitemap(SiteSitemap):
    changefreq = "weekly"

    def items(self):
        return Author.objects.order_by("name")


class LiveBlogSitemap(SiteSitemap):
    changefreq = "always"

    def items(self):
        return LiveBlog.objects.order_by("-updated_at")

    def lastmod(self, blog: LiveBlog):
        return blog.updated_at


class JobPostingSitemap(SiteSitemap):
    """Current job postings only: expired ones leave the sitemap by themselves."""

    changefreq = "daily"

    def items(self):
        return JobPosting.objects.current().only("slug", "updated_at").order_by("-posted_at", "-id")

    def lastmod(self, posting: JobPosting):
        return posting.updated_at


class PagesSitemap(SiteSitemap):
    changefreq = "always"

    def items(self):
        return ["home", "liveblogs:list", "articles:archive", "jobs:list", "pages:impressum", "pages:datenschutz"]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS = {
    "seiten": PagesSitemap,
    "artikel": ArticleSitemap,
    "newsblogs": LiveBlogSitemap,
    "themen": TopicSitemap,
    "autoren": AuthorSitemap,
    "stellen": JobPostingSitemap,
}


def _listed(request: HttpRequest, *args, **kwargs) -> list[str]:
    # Job postings leave the job section when they expire, without any write: the hour is part of the version.
    return [ARTICLES, LIVEBLOGS, JOBS, this_hour()]


@conditional_page(_listed, per_reader=False)
def section_sitemap(request: HttpRequest, section: str) -> HttpResponse:
    """Django's sitemap view for one section, with validators from the content versions."""
    return sitemap_views.sitemap(request, sitemaps=SITEMAPS, section=section)


@conditional_page(_listed, per_reader=False)
def sitemap_index(request: HttpRequest) -> HttpResponse:
    """The index: one sitemap per section plus the news sitemap (Django's index cannot list the latter)."""
    locations = [absolute_url(reverse("sitemap-section", kwargs={"section": name})) for name in SITEMAPS]
    locations.append(absolute_url(reverse("sitemap-news")))
    body = render_to_string("articles/sitemap_index.xml", {"locations": locations, "now": timezone.now()})
    return HttpResponse(body, content_type="application/xml; charset=utf-8")


def _news_keys(request: HttpRequest) -> list[str]:
    # Articles also leave the 48-hour window without any write: the hour is part of the version.
    return [ARTICLES, this_hour()]


@conditional_page(_news_keys, per_reader=False)
def news_sitemap(request: HttpRequest) -> HttpResponse:
    articles = selectors.news_sitemap_articles(hours=NEWS_SITEMAP_HOURS, limit=NEWS_SITEMAP_MAX)
    body = render_to_string("articles/news_sitemap.xml", {
        "articles": [(absolute_url(a.get_absolute_url()), a) for a in articles],
        "publication_name": site_name(),
        "language": settings.LANGUAGE_CODE[:2],
    })
    return HttpResponse(body, content_type="application/xml; charset=utf-8")
