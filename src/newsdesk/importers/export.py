"""The full export: everything a newsroom owns as JSON (with the image files), or a WXR file for WordPress.

Personal data (commenters' and subscribers' e-mail addresses, consent records, IP hashes, users' e-mail
addresses) is only written with `personal_data=True`. Passwords and API tokens are never exported.
Rows are read with .iterator() and written one by one, so a large archive needs little memory.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterable
from datetime import UTC
from email.utils import format_datetime
from pathlib import Path
from typing import IO
from xml.sax.saxutils import escape as xml_escape

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

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
# Written as WordPress's own exporter writes it (wp-admin/includes/export.php), so its importer plugin reads it
# with any of its parsers: the literal prefixes wp:, content:, excerpt:, dc: declared once on <rss> (its XML
# parser is not namespace-aware and matches "wp:post_id" as text; lxml's serializer would invent ns0: prefixes
# for loose elements), one top-level element per line and <item>/<wp:author> without attributes (its regex
# fallback reads line by line), texts in CDATA, <category domain=… nicename=…> in that order. Post ids are
# shared by posts, pages and attachments in WordPress: pages and images get offsets so none collides.

WP = "http://wordpress.org/export/1.2/"
NSMAP = {"excerpt": "http://wordpress.org/export/1.2/excerpt/", "content": "http://purl.org/rss/1.0/modules/content/",
         "wfw": "http://wellformedweb.org/CommentAPI/", "dc": "http://purl.org/dc/elements/1.1/", "wp": WP}
PAGE_ID_OFFSET = 10_000_000
IMAGE_ID_OFFSET = 20_000_000
_STATUS = {"published": "publish", "scheduled": "future", "draft": "draft"}
_COMMENT_STATE = {"approved": "1", "pending": "0", "unverified": "0", "rejected": "trash", "deleted": "trash"}
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # never valid in XML 1.0


def cdata(text: str) -> str:
    """WordPress's wxr_cdata: "]]>" inside is split over two sections."""
    return "<![CDATA[" + _NOT_XML.sub("", text or "").replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _plain(text: str) -> str:
    return xml_escape(_NOT_XML.sub("", text or ""))


def _tag(name: str, value: str = "", *, raw: bool = False) -> str:
    """<name>value</name>: `value` in CDATA unless `raw` (numbers, dates, addresses: escaped text)."""
    return f"<{name}>{_plain(value) if raw else cdata(value) if value else ''}</{name}>"


def _wp_date(value) -> tuple[str, str]:
    if value is None:
        return "0000-00-00 00:00:00", "0000-00-00 00:00:00"
    local = timezone.localtime(value)
    return local.strftime("%Y-%m-%d %H:%M:%S"), value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def _meta(key: str, value: str) -> str:
    return f"\t\t<wp:postmeta>{_tag('wp:meta_key', key)}{_tag('wp:meta_value', value)}</wp:postmeta>\n"


def wordpress_body(body: str, site: str) -> str:
    """Our photos as WordPress writes an image block: the file's address, alt text, caption and the
    wp-image-N class that names the attachment (WordPress's importer and ours both find it by that)."""
    from django.utils.html import escape

    from newsdesk.media.models import Image
    from newsdesk.media.rendering import IMAGE_FIGURE, image_ids

    ids = image_ids(body)
    if not ids:
        return body
    images = Image.objects.in_bulk(ids)

    def swap(match) -> str:
        image = images.get(int(match["id"]))
        if image is None:
            return ""
        caption = f"<figcaption>{escape(image.caption)}</figcaption>" if image.caption else ""
        return (f'<figure class="wp-block-image"><img src="{escape(site + image.file.url)}" '
                f'alt="{escape(image.alt_text)}" class="wp-image-{image.pk + IMAGE_ID_OFFSET}"/>{caption}</figure>')

    return IMAGE_FIGURE.sub(swap, body)


def _item(*, title: str, link: str, published, creator: str, content: str, excerpt: str, post_id: int, date,
          modified, comment_status: str, slug: str, status: str, parent: int, post_type: str,
          sticky: bool = False, extra: str = "") -> str:
    local, gmt = _wp_date(date)
    m_local, m_gmt = _wp_date(modified or date)
    lines = [
        _tag("title", title), _tag("link", link, raw=True),
        _tag("pubDate", format_datetime(published) if published else "", raw=True), _tag("dc:creator", creator),
        f'<guid isPermaLink="false">{_plain(link)}</guid>', "<description></description>",
        _tag("content:encoded", content), _tag("excerpt:encoded", excerpt),
        _tag("wp:post_id", str(post_id), raw=True), _tag("wp:post_date", local), _tag("wp:post_date_gmt", gmt),
        _tag("wp:post_modified", m_local), _tag("wp:post_modified_gmt", m_gmt),
        _tag("wp:comment_status", comment_status), _tag("wp:ping_status", "closed"), _tag("wp:post_name", slug),
        _tag("wp:status", status), _tag("wp:post_parent", str(parent), raw=True),
        _tag("wp:menu_order", "0", raw=True), _tag("wp:post_type", post_type), _tag("wp:post_password"),
        _tag("wp:is_sticky", "1" if sticky else "0", raw=True),
    ]
    return "\t<item>\n" + "".join(f"\t\t{line}\n" for line in lines) + extra + "\t</item>\n"


def export_wxr(output: Path, *, personal_data: bool) -> dict[str, int]:
    """Articles, pages, topics (as categories), authors, comments and images (as attachments, with each
    article's lead image as its featured image) as WXR 1.2, the file WordPress's importer reads."""
    from newsdesk.articles.models import Author
    from newsdesk.media.models import Image

    site = settings.SITE_URL.rstrip("/")
    counts = {"authors": 0, "topics": 0, "images": 0, "articles": 0, "pages": 0, "comments": 0}
    article_type = ContentType.objects.get_for_model(Article)
    lead_of = dict(Article.objects.filter(lead_image__isnull=False).order_by("-pk")
                   .values_list("lead_image_id", "pk"))  # image -> an article using it (its attachment's parent)
    namespaces = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NSMAP.items())
    with open(output, "w", encoding="utf-8") as out:
        out.write(f'<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" {namespaces}>\n<channel>\n')
        for line in (_tag("title", site_name(), raw=True), _tag("link", site, raw=True),
                     "<description></description>", _tag("pubDate", format_datetime(timezone.now()), raw=True),
                     _tag("language", "de-DE", raw=True), _tag("wp:wxr_version", "1.2", raw=True),
                     _tag("wp:base_site_url", site, raw=True), _tag("wp:base_blog_url", site, raw=True)):
            out.write(f"\t{line}\n")
        for author in Author.objects.select_related("user").order_by("pk").iterator():
            user = author.user
            out.write("\t<wp:author>" + _tag("wp:author_id", str(author.pk), raw=True)
                      + _tag("wp:author_login", author.slug)
                      + _tag("wp:author_email", user.email if (user and personal_data) else "")
                      + _tag("wp:author_display_name", author.name)
                      + _tag("wp:author_first_name", user.first_name if user else "")
                      + _tag("wp:author_last_name", user.last_name if user else "") + "</wp:author>\n")
            counts["authors"] += 1
        for topic in Topic.objects.order_by("pk").iterator():
            out.write("\t<wp:category>" + _tag("wp:term_id", str(topic.pk), raw=True)
                      + _tag("wp:category_nicename", topic.slug) + _tag("wp:category_parent")
                      + _tag("wp:cat_name", topic.name) + _tag("wp:category_description", topic.description)
                      + "</wp:category>\n")
            counts["topics"] += 1
        # Images first: an importer meets each attachment before the posts that show it.
        for image in Image.objects.order_by("pk").iterator(chunk_size=200):
            if not image.file:
                continue
            url = site + image.file.url
            extra = _tag("wp:attachment_url", url)
            extra = f"\t\t{extra}\n" + _meta("_wp_attached_file", image.file.name) \
                + _meta("_wp_attachment_image_alt", image.alt_text)
            if image.credit:  # WordPress keeps a photo's credit in its image metadata (IPTC); ours reads it back
                credit = image.credit.replace('"', "”")
                extra += _meta("_wp_attachment_metadata", f'a:1:{{s:10:"image_meta";a:1:{{s:6:"credit";'
                                                          f's:{len(credit.encode())}:"{credit}";}}}}')
            out.write(_item(title=image.alt_text or image.file.name.rsplit("/", 1)[-1], link=url,
                            published=image.created_at, creator="", content="", excerpt=image.caption,
                            post_id=image.pk + IMAGE_ID_OFFSET, date=image.created_at, modified=None,
                            comment_status="closed", slug=f"bild-{image.pk}", status="inherit",
                            parent=lead_of.get(image.pk, 0), post_type="attachment", extra=extra))
            counts["images"] += 1
        for article in Article.objects.order_by("pk").prefetch_related("topics", "authors").iterator(chunk_size=200):
            first_author = next(iter(article.authors.all()), None)
            extra = "".join(f'\t\t<category domain="category" nicename="{_plain(topic.slug)}">{cdata(topic.name)}'
                            "</category>\n" for topic in article.topics.all())
            if article.lead_image_id:
                extra += _meta("_thumbnail_id", str(article.lead_image_id + IMAGE_ID_OFFSET))
            comments = (Comment.objects.filter(content_type=article_type, object_id=article.pk)
                        .exclude(status="deleted").select_related("commenter").order_by("pk"))
            for comment in comments:
                c_local, c_gmt = _wp_date(comment.created_at)
                state = "spam" if comment.rejection_reason == "spam" else _COMMENT_STATE[comment.status]
                fields = [
                    _tag("wp:comment_id", str(comment.pk), raw=True), _tag("wp:comment_author", comment.display_name),
                    _tag("wp:comment_author_email", comment.commenter.email if personal_data else ""),
                    _tag("wp:comment_author_url", "", raw=True), _tag("wp:comment_author_IP", "", raw=True),
                    _tag("wp:comment_date", c_local), _tag("wp:comment_date_gmt", c_gmt),
                    _tag("wp:comment_content", comment.body), _tag("wp:comment_approved", state),
                    _tag("wp:comment_type", "comment"),
                    _tag("wp:comment_parent", str(comment.parent_id or 0), raw=True),
                    _tag("wp:comment_user_id", "0", raw=True)]
                extra += "\t\t<wp:comment>\n" + "".join(f"\t\t\t{f}\n" for f in fields) + "\t\t</wp:comment>\n"
                counts["comments"] += 1
            out.write(_item(title=article.headline, link=site + article.get_absolute_url(),
                            published=article.published_at, creator=first_author.slug if first_author else "",
                            content=wordpress_body(article.body, site), excerpt=article.teaser, post_id=article.pk,
                            date=article.published_at or article.created_at, modified=article.updated_at,
                            comment_status="open", slug=article.slug, status=_STATUS[article.status], parent=0,
                            post_type="post", sticky=article.top_story, extra=extra))
            counts["articles"] += 1
        for page in Page.objects.order_by("pk").iterator():
            out.write(_item(title=page.title, link=site + page.get_absolute_url(), published=page.created_at,
                            creator="", content=wordpress_body(page.body, site), excerpt="",
                            post_id=page.pk + PAGE_ID_OFFSET, date=page.created_at, modified=page.updated_at,
                            comment_status="closed", slug=page.slug, status="publish" if page.published else "draft",
                            parent=0, post_type="page"))
            counts["pages"] += 1
        out.write("</channel>\n</rss>\n")
    return counts
