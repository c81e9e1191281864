"""Structured data (schema.org LiveBlogPosting) for newsblog pages."""

from __future__ import annotations

from django.utils.safestring import SafeString

from newsdesk.core.html import html_to_text
from newsdesk.core.seo import absolute_url, clip, image_object, json_ld, publisher
from newsdesk.liveblogs.models import Entry, LiveBlog

# Google's limit for a headline in structured data; longer ones are cut at a word, with "…".
HEADLINE_MAX = 110


def liveblog_data(blog: LiveBlog, entries: list[Entry]) -> dict:
    url = absolute_url(blog.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "@id": url,
        "url": url,
        "headline": clip(blog.title, HEADLINE_MAX),
        "description": blog.teaser,
        "coverageStartTime": blog.created_at.isoformat(),
        "datePublished": blog.created_at.isoformat(),
        "dateModified": blog.updated_at.isoformat(),
        "publisher": publisher(),
        "inLanguage": "de",
        "liveBlogUpdate": [
            {
                "@type": "BlogPosting",
                "headline": clip(entry.headline or html_to_text(entry.body), HEADLINE_MAX),
                "articleBody": html_to_text(entry.body),
                "datePublished": entry.created_at.isoformat(),
                **({"dateModified": entry.edited_at.isoformat()} if entry.edited_at else {}),
                "url": absolute_url(entry.get_absolute_url()),
                "author": {"@type": "Person", "name": entry.author.display_name},
            }
            for entry in entries
        ],
    }
    if blog.closed_at:
        data["coverageEndTime"] = blog.closed_at.isoformat()
    if blog.lead_image:
        data["image"] = [image_object(blog.lead_image)]
    return data


def liveblog_json_ld(blog: LiveBlog, entries: list[Entry]) -> SafeString:
    return json_ld(liveblog_data(blog, entries))
