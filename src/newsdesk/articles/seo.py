"""Structured data (schema.org NewsArticle) for article pages."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.safestring import SafeString

from newsdesk.articles.models import Article
from newsdesk.core.seo import absolute_url, image_object, json_ld, publisher


def article_data(article: Article) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": absolute_url(article.get_absolute_url()),
        "headline": article.headline[:110],  # Google shows at most 110 characters
        "description": article.teaser,
        "datePublished": article.published_at.isoformat() if article.published_at else None,
        "dateModified": article.modified_at.isoformat(),
        "author": [{"@type": "Person", "name": link.author.name, "url": absolute_url(link.author.get_absolute_url())}
                   for link in article.byline],
        "publisher": publisher(),
        "inLanguage": "de",
        "wordCount": article.word_count,
    }
    if article.lead_image:
        data["image"] = [image_object(article.lead_image)]
    topics = [t.name for t in article.topics.all()]
    if topics:
        data["keywords"] = topics
    return data


def article_json_ld(article: Article, request: HttpRequest | None = None) -> SafeString:
    return json_ld(article_data(article))
