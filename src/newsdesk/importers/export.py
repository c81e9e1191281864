"""The full export: everything a newsroom owns as JSON (with the image files), or a WXR file for WordPress.

Personal data (commenters' and subscribers' e-mail addresses, consent records, IP hashes, users' e-mail
addresses) is only written with `personal_data=True`. Passwords and API tokens are never exported.
Rows are read with .iterator() and written one by one, so a large archive needs little memory.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterable
from datetime import UTC
from email.utils import format_datetime
from pathlib import Path
from typing import IO

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from lxml import etree

from newsdesk.articles.models import Article, Topic
from newsdesk.comments.models import Comment
from newsdesk.core.seo import site_name
from newsdesk.pages.models import Page

FORMAT = "newsdesk-export"
VERSION = 1
# (model, fields left out without personal data); models marked None are personal data as a whole.
MODELS: list[tuple[str, set[str] | None]] = [
    ("accounts.user", {"email", "last_login", "date_joined"}),
    ("media.image", set()),
    ("articles.topic", set()),
    ("articles.author", set()),
    ("articles.article", set()),
    ("articles.articleauthor", set()),
    ("articles.articleslug", set()),
    ("articles.articlerevision", set()),
    ("liveblogs.liveblog", set()),
    ("liveblogs.entry", set()),
    ("liveblogs.entryrevision", set()),
    ("liveblogs.event", set()),
    ("comments.commenter", {"email", "email_confirmed_at", "confirmation_sent_at", "notifications_off_at"}),
    ("comments.comment", {"ip_hash"}),
    ("comments.decision", set()),
    ("jobs.jobposting", set()),
    ("pages.legalpage", set()),
    ("pages.page", set()),
    ("importers.redirect", set()),
    ("subscriptions.subscriber", None),
    ("subscriptions.subscription", None),
]
NEVER = {"accounts.user": {"password", "user_permissions", "groups"}}


def _rows(label: str, personal_data: bool) -> Iterable[dict]:
    model = apps.get_model(label)
    left_out = set(NEVER.get(label, set()))
    hidden = dict(MODELS)[label]
    if not personal_data:
        left_out |= hidden or set()
    queryset = model._default_manager.order_by("pk")
    for obj in queryset.iterator(chunk_size=500):
        # Content types (comments, imported items) by app and model name: their ids differ between databases.
        row = serializers.serialize("python", [obj], use_natural_foreign_keys=True)[0]
        row["fields"] = {k: v for k, v in row["fields"].items() if k not in left_out}
        yield row


def image_files() -> Iterable[str]:
    from newsdesk.media.models import Image

    for image in Image.objects.order_by("pk").iterator(chunk_size=500):
        if image.file:
            yield image.file.name
        for rendition in image.renditions:
            yield rendition["jpeg"]
            yield rendition["webp"]


def write_json(stream: IO[str], *, personal_data: bool) -> dict[str, int]:
    """The export document, written model by model; returns the number of rows per model."""
    counts: dict[str, int] = {}
    header = {"format": FORMAT, "version": VERSION, "created": timezone.now().isoformat(),
              "site": settings.SITE_URL, "personal_data": personal_data}
    stream.write(json.dumps(header)[:-1] + ', "models": {')
    first_model = True
    for label, hidden in MODELS:
        if hidden is None and not personal_data:
            continue
        stream.write(("" if first_model else ",") + f"\n{json.dumps(label)}: [")
        first_model = False
        n = 0
        for row in _rows(label, personal_data):
            stream.write(("," if n else "") + "\n  " + json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False))
            n += 1
        stream.write("\n]")
        counts[label] = n
    stream.write("\n}}\n")
    return counts


def export_json(output: Path, *, personal_data: bool) -> tuple[dict[str, int], int, Path]:
    """Writes OUTPUT (.zip: the document and the files in one archive; else OUTPUT plus a folder of files).

    Returns the row counts, the number of files and where the files went.
    """
    files = 0
    if output.suffix == ".zip":
        with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            with archive.open("export.json", "w") as raw:
                import io

                text = io.TextIOWrapper(raw, encoding="utf-8")
                counts = write_json(text, personal_data=personal_data)
                text.flush()
                text.detach()
            for name in image_files():
                if default_storage.exists(name):
                    archive.write(default_storage.path(name), f"media/{name}")
                    files += 1
        return counts, files, output
    with open(output, "w", encoding="utf-8") as stream:
        counts = write_json(stream, personal_data=personal_data)
    folder = output.with_name(output.stem + "-media")
    for name in image_files():
        if default_storage.exists(name):
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with default_storage.open(name, "rb") as source:
                target.write_bytes(source.read())
            files += 1
    return counts, files, folder


# --- WXR ---------------------------------------------------------------------------------------------------

WP = "http://wordpress.org/export/1.2/"
NSMAP = {"excerpt": "http://wordpress.org/export/1.2/excerpt/", "content": "http://purl.org/rss/1.0/modules/content/",
         "wfw": "http://wellformedweb.org/CommentAPI/", "dc": "http://purl.org/dc/elements/1.1/", "wp": WP}
_STATUS = {"published": "publish", "scheduled": "future", "draft": "draft"}
_COMMENT_STATE = {"approved": "1", "pending": "0", "unverified": "0", "rejected": "trash", "deleted": "trash"}


def _el(xf, tag: str, text: str = "", cdata: bool = False, **attributes) -> None:
    ns, _, name = tag.partition(":") if ":" in tag else ("", "", tag)
    qualified = f"{{{NSMAP[ns]}}}{name}" if ns else name
    element = etree.Element(qualified, **attributes)
    element.text = etree.CDATA(text) if cdata and text else (text or "")
    xf.write(element)


def _wp_date(value) -> tuple[str, str]:
    if value is None:
        return "0000-00-00 00:00:00", "0000-00-00 00:00:00"
    local = timezone.localtime(value)
    return local.strftime("%Y-%m-%d %H:%M:%S"), value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def export_wxr(output: Path, *, personal_data: bool) -> dict[str, int]:
    """Articles, pages, topics (as categories), authors and comments as WXR 1.2 (WordPress's own importer reads it)."""
    site = settings.SITE_URL.rstrip("/")
    counts = {"authors": 0, "topics": 0, "articles": 0, "pages": 0, "comments": 0}
    article_type = ContentType.objects.get_for_model(Article)
    from newsdesk.articles.models import Author

    with etree.xmlfile(str(output), encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element("rss", version="2.0", nsmap=NSMAP), xf.element("channel"):
            _el(xf, "title", site_name())
            _el(xf, "link", site)
            _el(xf, "wp:wxr_version", "1.2")
            _el(xf, "wp:base_site_url", site)
            _el(xf, "wp:base_blog_url", site)
            for author in Author.objects.select_related("user").order_by("pk").iterator():
                with xf.element(f"{{{WP}}}author"):
                    _el(xf, "wp:author_id", str(author.pk))
                    _el(xf, "wp:author_login", author.slug, cdata=True)
                    email = author.user.email if (author.user and personal_data) else ""
                    _el(xf, "wp:author_email", email, cdata=True)
                    _el(xf, "wp:author_display_name", author.name, cdata=True)
                    _el(xf, "wp:author_first_name", author.user.first_name if author.user else "", cdata=True)
                    _el(xf, "wp:author_last_name", author.user.last_name if author.user else "", cdata=True)
                counts["authors"] += 1
            for topic in Topic.objects.order_by("pk").iterator():
                with xf.element(f"{{{WP}}}category"):
                    _el(xf, "wp:term_id", str(topic.pk))
                    _el(xf, "wp:category_nicename", topic.slug, cdata=True)
                    _el(xf, "wp:category_parent", "", cdata=True)
                    _el(xf, "wp:cat_name", topic.name, cdata=True)
                    _el(xf, "wp:category_description", topic.description, cdata=True)
                counts["topics"] += 1
            articles = Article.objects.order_by("pk").prefetch_related("topics", "authors")
            for article in articles.iterator(chunk_size=200):
                local, gmt = _wp_date(article.published_at)
                url = site + article.get_absolute_url()
                with xf.element("item"):
                    _el(xf, "title", article.headline, cdata=True)
                    _el(xf, "link", url)
                    if article.published_at:
                        _el(xf, "pubDate", format_datetime(article.published_at))
                    first_author = next(iter(article.authors.all()), None)
                    _el(xf, "dc:creator", first_author.slug if first_author else "", cdata=True)
                    _el(xf, "guid", url, isPermaLink="true")
                    _el(xf, "content:encoded", article.body, cdata=True)
                    _el(xf, "excerpt:encoded", article.teaser, cdata=True)
                    _el(xf, "wp:post_id", str(article.pk))
                    _el(xf, "wp:post_date", local, cdata=True)
                    _el(xf, "wp:post_date_gmt", gmt, cdata=True)
                    _el(xf, "wp:comment_status", "open", cdata=True)
                    _el(xf, "wp:post_name", article.slug, cdata=True)
                    _el(xf, "wp:status", _STATUS[article.status], cdata=True)
                    _el(xf, "wp:post_parent", "0")
                    _el(xf, "wp:post_type", "post", cdata=True)
                    _el(xf, "wp:post_password", "", cdata=True)
                    _el(xf, "wp:is_sticky", "1" if article.top_story else "0")
                    for topic in article.topics.all():
                        _el(xf, "category", topic.name, cdata=True, domain="category", nicename=topic.slug)
                    comments = (Comment.objects.filter(content_type=article_type, object_id=article.pk)
                                .exclude(status="deleted").select_related("commenter").order_by("pk"))
                    for comment in comments:
                        c_local, c_gmt = _wp_date(comment.created_at)
                        with xf.element(f"{{{WP}}}comment"):
                            _el(xf, "wp:comment_id", str(comment.pk))
                            _el(xf, "wp:comment_author", comment.display_name, cdata=True)
                            _el(xf, "wp:comment_author_email",
                                comment.commenter.email if personal_data else "", cdata=True)
                            _el(xf, "wp:comment_date", c_local, cdata=True)
                            _el(xf, "wp:comment_date_gmt", c_gmt, cdata=True)
                            _el(xf, "wp:comment_content", comment.body, cdata=True)
                            state = "spam" if comment.rejection_reason == "spam" else _COMMENT_STATE[comment.status]
                            _el(xf, "wp:comment_approved", state, cdata=True)
                            _el(xf, "wp:comment_type", "comment", cdata=True)
                            _el(xf, "wp:comment_parent", str(comment.parent_id or 0))
                        counts["comments"] += 1
                counts["articles"] += 1
            for page in Page.objects.order_by("pk").iterator():
                local, gmt = _wp_date(page.created_at)
                with xf.element("item"):
                    _el(xf, "title", page.title, cdata=True)
                    _el(xf, "link", site + page.get_absolute_url())
                    _el(xf, "content:encoded", page.body, cdata=True)
                    _el(xf, "excerpt:encoded", "", cdata=True)
                    _el(xf, "wp:post_id", f"{page.pk + 10_000_000}")  # pages and posts share WordPress's ids
                    _el(xf, "wp:post_date", local, cdata=True)
                    _el(xf, "wp:post_date_gmt", gmt, cdata=True)
                    _el(xf, "wp:post_name", page.slug, cdata=True)
                    _el(xf, "wp:status", "publish" if page.published else "draft", cdata=True)
                    _el(xf, "wp:post_parent", "0")
                    _el(xf, "wp:post_type", "page", cdata=True)
                    _el(xf, "wp:post_password", "", cdata=True)
                counts["pages"] += 1
    return counts
