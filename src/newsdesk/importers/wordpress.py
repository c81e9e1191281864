"""WordPress (WXR) import: every item through the domain apps' services, each in its own transaction.

Identity is the exporting site plus the WordPress id (ImportedItem), so a re-run updates, two blogs never
overwrite each other, and what an editor changed here since the last import is kept unless `overwrite`.
Categories and tags both become topics; the category hierarchy is flattened (newsdesk topics are flat).
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import time
import urllib.request
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from newsdesk.accounts import services as account_services
from newsdesk.accounts.models import User
from newsdesk.articles import indexing
from newsdesk.articles import services as article_services
from newsdesk.articles.models import Article, Author, Topic
from newsdesk.comments import services as comment_services
from newsdesk.comments.models import Comment, Reason
from newsdesk.core.errors import ServiceError
from newsdesk.core.html import RICH_TEXT_TAGS, html_to_text
from newsdesk.importers import content, services, wxr
from newsdesk.importers.models import ImportedItem
from newsdesk.media import services as media_services
from newsdesk.media.models import Image
from newsdesk.pages import services as page_services
from newsdesk.pages.models import Page

IMPORT_NOTE = "WordPress-Import"
# Measured: the "related" rebuild took the 200 MB benchmark import (14,000 articles) from 182 MB to 464 MB.
RELATED_REBUILD_MAX = 2000
BATCH_ITEMS = 100  # objects per commit (each in its own savepoint)
BATCH_SECONDS = 2.0
TEASER_CHARS = 200  # a teaser made from the text (no excerpt): about two lines
_TAG_NAME = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\b")
_WRAPPERS = frozenset({"div", "span", "figcaption", "small", "big", "font", "center", "section", "article",
                       "cite", "abbr", "acronym", "time", "mark", "ins", "q", "var", "samp", "dfn",
                       "caption", "colgroup", "col"})  # their text stays and reads as before
KINDS = ("author", "topic", "image", "article", "page", "comment", "other")


class Skip(Exception):
    """The item is not imported, for the reason given (reported in the summary; not a failure)."""


class Failed(Exception):
    """The item could not be imported (a failure: exit status 1)."""


@dataclass
class Options:
    uploads: Path | None = None
    media_base: str = ""
    dry_run: bool = False
    default_author: User | None = None
    overwrite: bool = False
    fetch_timeout: float = 10.0
    fetch: Callable[[str, float], bytes] | None = None  # tests replace the network


@dataclass
class Summary:
    site: str = ""
    counts: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    reasons: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    notes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    disappeared: dict[str, list[str]] = field(default_factory=dict)
    fatal: str = ""

    def record(self, kind: str, outcome: str, reason: str = "") -> None:
        self.counts[kind][outcome] += 1
        if reason:
            self.reasons[kind][f"{outcome}: {reason}"] += 1

    @property
    def failed(self) -> bool:
        return bool(self.fatal) or any(c["failed"] for c in self.counts.values())

    def as_dict(self) -> dict:
        return {"site": self.site, "counts": {k: dict(v) for k, v in self.counts.items()},
                "reasons": {k: dict(v) for k, v in self.reasons.items()}, "notes": self.notes,
                "errors": self.errors, "disappeared": self.disappeared, "fatal": self.fatal}

    def lines(self) -> list[str]:
        out = [f"Site: {self.site or '?'}"]
        for kind in KINDS:
            if kind not in self.counts:
                continue
            figures = ", ".join(f"{n} {outcome}" for outcome, n in sorted(self.counts[kind].items()))
            out.append(f"  {kind}: {figures}")
            for reason, n in sorted(self.reasons[kind].items()):
                out.append(f"      {n} × {reason}")
        for kind, ids in self.disappeared.items():
            out.append(f"  {kind}: {len(ids)} no longer in the export (kept): {', '.join(ids[:10])}"
                       + (" …" if len(ids) > 10 else ""))
        out += [f"  note: {n}" for n in self.notes[:200]]
        if len(self.notes) > 200:
            out.append(f"  … and {len(self.notes) - 200} more notes")
        out += [f"  error: {e}" for e in self.errors[:200]]
        if self.fatal:
            out.append(f"  FAILED: {self.fatal}")
        return out


def digest(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def _stored_digest(obj: models.Model) -> str:
    """What an editor could change here; compared with the value right after the last import."""
    if isinstance(obj, Article):
        return digest([obj.headline, obj.teaser, obj.body, obj.slug, obj.status, obj.published_at, obj.top_story,
                       obj.lead_image_id, sorted(obj.topics.values_list("pk", flat=True)),
                       list(obj.authors.values_list("pk", flat=True))])
    if isinstance(obj, Page):
        return digest([obj.title, obj.body, obj.slug, obj.published])
    if isinstance(obj, Topic):
        return digest([obj.name, obj.slug, obj.description])
    if isinstance(obj, Author):
        return digest([obj.name, obj.slug, obj.bio])
    if isinstance(obj, Image):
        return digest([obj.alt_text, obj.caption, obj.credit])
    if isinstance(obj, Comment):
        return digest([obj.display_name, obj.body, obj.status])
    return ""


def parse_date(local: str, gmt: str) -> datetime | None:
    """WordPress's GMT date, else its local date read in the site's time zone; None for the "0000-00-00" kind."""
    for value, zone in ((gmt, ZoneInfo("UTC")), (local, ZoneInfo(settings.TIME_ZONE))):
        value = (value or "").strip()
        if not value or value.startswith("0000"):
            continue
        try:
            return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=zone)
        except ValueError:
            continue
    return None


def plain_title(raw: str) -> str:
    """A title as text: entities decoded, HTML tags dropped (the theme test data has <em> in titles)."""
    return " ".join(html_to_text(html.escape(html.unescape(raw or ""), quote=False)
                                 if "<" not in (raw or "") else raw or "").split()) if raw else ""


def shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut + "…"


def _slug_from(post_name: str) -> str:
    return unquote(post_name or "").strip()


def _path(url: str) -> str:
    return urlsplit(url).path if url else ""


def _uploads_relative(url: str) -> str:
    """The part after wp-content/uploads/ (what --uploads holds), else the URL's path without the leading slash."""
    path = unquote(urlsplit(url).path)
    marker = "/wp-content/uploads/"
    if marker in path:
        return path.split(marker, 1)[1]
    if "/files/" in path:  # old multisite / wordpress.com form
        return path.split("/files/", 1)[1]
    return path.lstrip("/")


def _default_fetch(url: str, timeout: float) -> bytes:
    if not url.startswith(("http://", "https://")):
        raise ValueError("only http(s) addresses are fetched")
    request = urllib.request.Request(url, headers={"User-Agent": "newsdesk-import"})  # noqa: S310 - checked above
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - checked above
        return response.read(media_services.MAX_UPLOAD_BYTES + 1)


_CREDIT = re.compile(r's:6:"credit";s:\d+:"([^"]*)"')


class WordPressImport:
    def __init__(self, options: Options) -> None:
        self.options = options
        self.summary = Summary()
        self.site = ""
        self.channel = wxr.Channel()
        self.started = timezone.now()
        self.authors: dict[str, int] = {}  # login -> Author pk
        self.topics: dict[tuple[str, str], int] = {}  # (category|post_tag, slug) -> Topic pk
        # upload path -> Image pk, and the path without a size suffix (-300x200) for resized copies; the exact
        # path wins: an original may itself be named like a size (image-alignment-150x150.jpg).
        self.images_by_path: dict[str, int] = {}
        self.images_by_id: dict[str, int] = {}  # attachment id -> Image pk
        # post id -> old addresses of its attachment pages that came before it (pointed at the post later)
        self.attachment_pages: dict[str, list[str]] = defaultdict(list)
        self.pending_lead: dict[int, str] = {}  # Article pk -> attachment id seen later in the file
        self.pending_bodies: set[int] = set()  # Article pks whose body named images not yet imported
        self.articles_by_wp: dict[str, int] = {}
        self.seen_kinds: set[str] = set()
        self.attached: dict[str, list[str]] = defaultdict(list)  # post id -> its imported attachments' ids
        self.category_paths: dict[str, str] = {}  # category slug -> "parent/child" as in /category/parent/child/
        self.to_index: set[int] = set()  # articles created or changed: search and "related" at the end, once
        self._default_author_pk: int | None = None
        self._redirects: list[tuple[str, str]] = []  # the current item's old addresses

    # --- the run -------------------------------------------------------------------------------------------

    def run(self, stream: BinaryIO, *, progress: Callable[[int], None] | None = None) -> Summary:
        self._stream = stream
        if self.options.dry_run:
            with transaction.atomic():
                self._read(stream, progress)
                transaction.set_rollback(True)  # the same work, then nothing of it is kept
        else:
            self._read(stream, progress)
        return self.summary

    def _read(self, stream: BinaryIO, progress) -> None:
        self.complete = False
        things = self._things(stream)
        # Items are committed in batches, each item in its own savepoint inside: a failed item rolls back alone,
        # a crash loses at most the last batch (whole items only; a re-run continues), and SQLite's fsync per
        # commit (synchronous=FULL) no longer sets the pace.
        while self._batch(things, progress):
            pass
        self._resolve_pending()
        if self.complete and self.site:
            self._report_disappeared()
        if self.to_index and not self.options.dry_run:
            rebuild = len(self.to_index) <= RELATED_REBUILD_MAX
            indexing.index_many(sorted(self.to_index), related_rebuild=rebuild)
            if not rebuild:
                self.summary.notes.append(
                    f"{len(self.to_index)} articles are searchable; run `newsdesk related_rebuild` for their "
                    "\"Ähnliche Artikel\" (left out here: it needs more memory than the import for that many)")

    def _things(self, stream: BinaryIO):
        """The stream's objects; a refused or broken file ends it with the reason in the summary."""
        try:
            yield from wxr.read(stream)
            self.complete = True
        except wxr.NotWxr as exc:
            self.summary.fatal = str(exc)
        except wxr.BrokenXml as exc:
            self.summary.fatal = (f"{exc} Everything before that point was imported item by item; fix or "
                                  "re-export the file and run the import again (it continues where it can).")

    def _batch(self, things, progress) -> bool:
        """Up to BATCH_ITEMS objects (or BATCH_SECONDS) in one commit; False once the stream is done."""
        started = time.monotonic()
        with transaction.atomic():
            for n, thing in enumerate(things, 1):
                if progress is not None:
                    progress(self._stream.tell())
                if isinstance(thing, wxr.Channel):
                    self.channel = thing
                    self.site = self.summary.site = thing.site
                    if not self.site:
                        self.summary.fatal = "The export names no site (no wp:base_site_url and no <link>)."
                        return False
                elif isinstance(thing, wxr.Author):
                    self._one("author", thing.login, lambda t=thing: self.author(t))
                elif isinstance(thing, wxr.Term):
                    self._one("topic", f"{thing.kind}:{thing.slug}", lambda t=thing: self.term(t))
                else:
                    self.item(thing)
                if n >= BATCH_ITEMS or time.monotonic() - started > BATCH_SECONDS:
                    return True
        return False

    def _one(self, kind: str, label: str, work: Callable[[], str | tuple[str, str]]) -> None:
        """One item in its own transaction: a failure rolls back exactly this item and is reported."""
        self._redirects = []
        try:
            with transaction.atomic():
                result = work()
                self._flush_redirects()
            outcome, reason = result if isinstance(result, tuple) else (result, "")
            self.summary.record(kind, outcome, reason)
        except Skip as exc:
            self.summary.record(kind, "skipped", str(exc))
        except (Failed, ServiceError, ValidationError) as exc:
            message = getattr(exc, "message", None) or "; ".join(getattr(exc, "messages", [])) or str(exc)
            field_name = getattr(exc, "details", {}).get("field") if isinstance(exc, ServiceError) else None
            where = f" ({field_name})" if field_name else ""
            self.summary.record(kind, "failed")
            self.summary.errors.append(f"{kind} {label}: {message}{where}")
        except Exception as exc:  # an unforeseen error fails this item only, never the whole run
            self.summary.record(kind, "failed")
            self.summary.errors.append(f"{kind} {label}: unexpected {type(exc).__name__}: {exc}")

    # --- identity ---------------------------------------------------------------------------------------------

    def _known(self, kind: str, source_id: str) -> ImportedItem | None:
        self.seen_kinds.add(kind)
        return ImportedItem.objects.filter(site=self.site, kind=kind, source_id=source_id).first()

    def _decide(self, known: ImportedItem | None, source: str) -> tuple[str, models.Model | None]:
        """new / unchanged / update / kept (changed here) / gone (deleted here) for an item seen before or not."""
        if known is None:
            return "new", None
        obj = known.content_type.model_class()._default_manager.filter(pk=known.object_id).first()
        ImportedItem.objects.filter(pk=known.pk).update(last_seen_at=self.started)
        if obj is None:
            return "gone", None
        if known.source_digest == source:
            return "unchanged", obj
        if not self.options.overwrite and _stored_digest(obj) != known.stored_digest:
            return "kept", obj
        return "update", obj

    def _remember(self, known: ImportedItem | None, kind: str, source_id: str, obj: models.Model,
                  source: str) -> None:
        stored = _stored_digest(obj)
        if known is None:
            ImportedItem.objects.create(site=self.site, kind=kind, source_id=source_id,
                                        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk,
                                        source_digest=source, stored_digest=stored, last_seen_at=self.started)
        else:
            ImportedItem.objects.filter(pk=known.pk).update(source_digest=source, stored_digest=stored,
                                                            last_seen_at=self.started)

    def _redirect(self, old: str, new: str) -> None:
        """Noted now, written with the item's other old addresses when it is done (one read, one write)."""
        if old:
            self._redirects.append((old, new))

    def _flush_redirects(self) -> None:
        pairs, self._redirects = self._redirects, []
        for old_path, outcome in services.redirects_set(pairs=pairs, source=self.site).items():
            if outcome == "taken":
                self.summary.notes.append(f"old address {old_path} already belongs to another import or was "
                                          "added by hand; kept (the first one wins)")

    # --- authors and topics -------------------------------------------------------------------------------

    def author(self, item: wxr.Author) -> str:
        if not item.login:
            raise Skip("author without a login name")
        source = digest(asdict(item))
        known = self._known("author", item.login)
        state, obj = self._decide(known, source)
        name = " ".join((item.display_name or f"{item.first_name} {item.last_name}").split()) or item.login
        if state in {"unchanged", "kept"}:
            self.authors[item.login] = obj.pk
            self._author_redirects(item, obj)
            return ("unchanged", "") if state == "unchanged" else ("skipped", "changed in newsdesk since the last "
                                                                              "import (--overwrite replaces it)")
        if state == "update":
            obj.name = name
            article_services.author_save(author=obj)
            self._remember(known, "author", item.login, obj, source)
            self.authors[item.login] = obj.pk
            self._author_redirects(item, obj)
            return "updated"
        user = None
        if item.email:
            user = User.objects.filter(email__iexact=item.email).first()
        user = user or User.objects.filter(username=item.login).first()
        mapped = user is not None
        if user is None:
            user = account_services.user_create_without_login(
                username=item.login, email=item.email, first_name=item.first_name, last_name=item.last_name)
        author = Author.objects.filter(user=user).first()
        if author is None:
            author = article_services.author_save(author=Author(name=name, slug=item.login, user=user))
        self._remember(known, "author", item.login, author, source)
        self.authors[item.login] = author.pk
        self._author_redirects(item, author)
        return ("created", "mapped to the existing user " + user.username) if mapped else "created"

    def _author_redirects(self, item: wxr.Author, author: Author) -> None:
        url = author.get_absolute_url()
        self._redirect(f"/author/{item.login}/", url)
        self._redirect(f"/author/{item.login}/feed/", url + "feed/")
        if item.id:
            self._redirect(f"/?author={item.id}", url)

    def term(self, item: wxr.Term) -> str | tuple[str, str]:
        if item.kind not in {"category", "post_tag"}:
            raise Skip(f"taxonomy {item.kind or '?'} (only categories and tags become topics)")
        slug = _slug_from(item.slug)
        name = shorten(plain_title(item.name) or slug, article_services.TOPIC_NAME_MAX)
        source = digest(asdict(item))
        known = self._known("topic", f"{item.kind}:{slug}")
        state, obj = self._decide(known, source)
        if state in {"unchanged", "kept"}:
            self.topics[(item.kind, slug)] = obj.pk
            self._term_redirects(item, slug, obj)
            return "unchanged" if state == "unchanged" else ("skipped", "changed in newsdesk since the last import")
        if state == "update":
            obj.description = html_to_text(item.description)
            article_services.topic_save(topic=obj)
            topic, outcome, reason = obj, "updated", ""
        else:
            # A category and a tag (or two blogs) with the same name share one topic: names are unique.
            topic = Topic.objects.filter(name=name).first()
            outcome, reason = "created", ""
            if topic is None:
                topic = article_services.topic_save(topic=Topic(name=name, slug=slug,
                                                                description=html_to_text(item.description)))
            else:
                reason = "same name as an existing topic: merged into it"
        self._remember(known, "topic", f"{item.kind}:{slug}", topic, source)
        self.topics[(item.kind, slug)] = topic.pk
        self._term_redirects(item, slug, topic)
        return outcome, reason

    def _term_redirects(self, item: wxr.Term, slug: str, topic: Topic) -> None:
        url = topic.get_absolute_url()
        base = "category" if item.kind == "category" else "tag"
        paths = [slug]
        if item.kind == "category":
            parent = self.category_paths.get(_slug_from(item.parent), "") if item.parent else ""
            self.category_paths[slug] = f"{parent}/{slug}" if parent else slug
            if parent:
                paths.append(self.category_paths[slug])  # WordPress's /category/parent/child/
        for path in paths:
            self._redirect(f"/{base}/{path}/", url)
            self._redirect(f"/{base}/{path}/feed/", url + "feed/")
        if item.kind == "category" and item.id:
            self._redirect(f"/?cat={item.id}", url)
        if item.kind == "post_tag":
            self._redirect(f"/?tag={slug}", url)

    def _author_for(self, login: str) -> Author | None:
        pk = self.authors.get(login)
        if pk is None and login:
            known = ImportedItem.objects.filter(site=self.site, kind="author", source_id=login).first()
            pk = known.object_id if known else None
        if pk is None:
            if self.options.default_author is None:
                return None
            if self._default_author_pk is None:
                user = self.options.default_author
                author = Author.objects.filter(user=user).first() or article_services.author_save(
                    author=Author(name=user.display_name, slug=user.username, user=user))
                self._default_author_pk = author.pk
            pk = self._default_author_pk
        return Author.objects.filter(pk=pk).first()

    # --- items ------------------------------------------------------------------------------------------------

    def item(self, item: wxr.Item) -> None:
        label = f"{item.post_type or '?'} {item.post_id or '?'} (line {item.line})"
        if item.post_type == "post":
            # One commit for a post and its comments; each comment still in its own savepoint, so a bad one
            # is reported and rolled back alone (and a failed post takes no comment with it: they are skipped).
            with transaction.atomic():
                self._one("article", label, lambda: self.article(item))
                for comment in sorted(item.comments, key=lambda c: int(c.id) if c.id.isdigit() else 0):
                    self._one("comment", f"{comment.id} on post {item.post_id}",
                              lambda c=comment: self.comment(item, c))
        elif item.post_type == "page":
            self._one("page", label, lambda: self.page(item))
            for _comment in item.comments:
                self.summary.record("comment", "skipped", "comment on a page (pages have no comments here)")
        elif item.post_type == "attachment":
            self._one("image", label, lambda: self.attachment(item))
        else:
            reason = {"nav_menu_item": "menu item (menus are not imported)", "revision": "revision",
                      "wp_block": "reusable block", "custom_css": "theme CSS"}.get(item.post_type,
                                                                                 f"post type {item.post_type}")
            self.summary.record("other", "skipped", reason)

    def _image_ref(self, key: str) -> content.ImageRef | None:
        pk = self.images_by_id.get(key.split(":", 1)[1]) if key.startswith("attachment:") else \
            self.images_by_path.get(content.upload_path(key)) or self.images_by_path.get(content.upload_key(key))
        if pk is None:
            return None
        caption = Image.objects.filter(pk=pk).values_list("caption", flat=True).first()
        return None if caption is None else content.ImageRef(id=pk, caption=caption)

    def _remember_path(self, url: str, pk: int) -> None:
        self.images_by_path[content.upload_path(url)] = pk
        self.images_by_path.setdefault(content.upload_key(url), pk)

    def _convert(self, raw: str, attached: list[str] | None = None) -> content.Conversion:
        converted = content.convert(raw, self._image_ref, attached)
        # A caption written beside the photo in the post ([caption], <figcaption>) fills an image without one;
        # our photos show the image's own caption wherever they are used.
        for pk, caption in converted.captions.items():
            Image.objects.filter(pk=pk, caption="").update(caption=caption[:500])
        return converted

    def _body(self, item: wxr.Item, ref: str) -> tuple[str, bool]:
        converted = self._convert(item.content, self.attached.get(item.post_id, []))
        if any(m.startswith("gallery:") for m in converted.missing_images):
            self.summary.notes.append(f"{ref}: [gallery] without ids and no images attached before it: left out")
        for name in sorted(converted.unknown_shortcodes):
            self.summary.notes.append(f"{ref}: unknown shortcode [{name}] kept as text")
        dropped = sorted({t.lower() for t in _TAG_NAME.findall(converted.html)} - RICH_TEXT_TAGS - _WRAPPERS)
        if dropped:  # the cleaner removes these tags (keeping their text; scripts and frames go entirely)
            self.summary.notes.append(f"{ref}: HTML not kept here: {', '.join(f'<{t}>' for t in dropped)}")
        return converted.html, bool(converted.missing_images)

    def _teaser(self, item: wxr.Item, body: str, headline: str) -> str:
        text = html_to_text(item.excerpt) or html_to_text(body) or headline
        return shorten(text, TEASER_CHARS if not item.excerpt else article_services.TEASER_MAX)

    def article(self, item: wxr.Item) -> str | tuple[str, str]:
        ref = f"post {item.post_id}"
        source = digest({k: v for k, v in asdict(item).items() if k not in {"line", "comments"}})
        known = self._known("article", item.post_id)
        state, obj = self._decide(known, source)
        if state == "unchanged":
            self.articles_by_wp[item.post_id] = obj.pk
            # Photos missing last time may be here now (a re-run with --uploads): looked at after the stream.
            if "<img" in obj.body:
                self.pending_bodies.add(obj.pk)
            thumbnail = item.meta.get("_thumbnail_id", "")
            if thumbnail and obj.lead_image_id is None:
                self.pending_lead[obj.pk] = thumbnail
            return "unchanged"
        if state == "kept":
            self.articles_by_wp[item.post_id] = obj.pk
            return "skipped", "changed in newsdesk since the last import (--overwrite replaces it)"
        if state == "gone":
            return "skipped", "deleted in newsdesk after an earlier import"
        notes: list[str] = []
        headline = plain_title(item.title)
        if not headline:
            headline = "Ohne Titel"
            notes.append("no title in WordPress: “Ohne Titel”")
        if len(headline) > article_services.HEADLINE_MAX:
            notes.append(f"title of {len(headline)} characters shortened to {article_services.HEADLINE_MAX}")
            headline = shorten(headline, article_services.HEADLINE_MAX)
        published_at = parse_date(item.post_date, item.post_date_gmt)
        status = {"publish": Article.Status.PUBLISHED, "future": Article.Status.SCHEDULED}.get(
            item.status, Article.Status.DRAFT)
        if item.post_password:
            status = Article.Status.DRAFT
            notes.append("password-protected in WordPress: imported as a draft")
        if status != Article.Status.DRAFT and published_at is None:
            raise Failed(f"invalid date “{item.post_date_gmt or item.post_date}”")
        body, missing = self._body(item, ref)
        article = obj if obj is not None else Article()
        wanted_slug = article_services.german_slug(_slug_from(item.post_name), max_length=200) or \
            article_services.german_slug(headline, max_length=200)
        if wanted_slug and article_services._slug_taken(wanted_slug, article.pk):
            new_slug = article_services.unique_article_slug(wanted_slug, exclude_pk=article.pk)
            notes.append(f"address “{wanted_slug}” already used by another article: “{new_slug}”")
            wanted_slug = new_slug
        article.headline = headline
        article.slug = wanted_slug
        article.body = body
        article.teaser = self._teaser(item, body, headline)
        article.status = status
        article.published_at = published_at if status != Article.Status.DRAFT else None
        article.top_story = item.is_sticky == "1"
        thumbnail = item.meta.get("_thumbnail_id", "")
        if thumbnail:
            article.lead_image_id = self.images_by_id.get(thumbnail) or self._known_image(thumbnail)
        article_services.article_save(article=article, announce=False, index=False)
        if thumbnail and article.lead_image_id is None:
            self.pending_lead[article.pk] = thumbnail
        if missing:
            self.pending_bodies.add(article.pk)
        author = self._author_for(item.creator)
        if author is not None:
            article_services.set_authors(article=article, authors=[author])
        article.topics.set(self._item_topics(item))
        self._remember(known, "article", item.post_id, article, source)
        self.articles_by_wp[item.post_id] = article.pk
        self.to_index.add(article.pk)
        self._article_redirects(item, article, published_at)
        for old in self.attachment_pages.pop(item.post_id, []):
            self._redirect(old, article.get_absolute_url())
        for note in notes:
            self.summary.notes.append(f"{ref}: {note}")
        return "created" if known is None else "updated"

    def _item_topics(self, item: wxr.Item) -> list[int]:
        """The post's categories and tags; WXR 1.0 writes <category> without domain or nicename (tags: domain="tag")."""
        found = []
        for domain, nicename, name in item.terms:
            kind = {"": "category", "category": "category", "tag": "post_tag", "post_tag": "post_tag"}.get(domain)
            if kind is None:
                continue
            pk = self.topics.get((kind, _slug_from(nicename))) if nicename else None
            if pk is None and name.strip():
                pk = Topic.objects.filter(name=shorten(plain_title(name), article_services.TOPIC_NAME_MAX)) \
                    .values_list("pk", flat=True).first()
            if pk is not None and pk not in found:
                found.append(pk)
        return found

    def _known_image(self, attachment_id: str) -> int | None:
        known = ImportedItem.objects.filter(site=self.site, kind="image", source_id=attachment_id).first()
        return known.object_id if known else None

    def _article_redirects(self, item: wxr.Item, article: Article, published_at: datetime | None) -> None:
        url = article.get_absolute_url()
        feed = url + "feed/"
        slug = _slug_from(item.post_name)
        self._redirect(f"/?p={item.post_id}", url)
        for old in {_path(item.link), _path(item.guid) if "?" not in item.guid else item.guid}:
            if old and old != "/":
                self._redirect(old, url)
                self._redirect(old.rstrip("/") + "/feed/", feed)
        if slug:
            if published_at is not None:
                local = timezone.localtime(published_at, ZoneInfo(settings.TIME_ZONE))
                self._redirect(f"/{local:%Y/%m/%d}/{slug}/", url)
            self._redirect(f"/{slug}/", url)
            self._redirect(f"/{slug}/feed/", feed)

    def page(self, item: wxr.Item) -> str | tuple[str, str]:
        ref = f"page {item.post_id}"
        source = digest({k: v for k, v in asdict(item).items() if k not in {"line", "comments"}})
        known = self._known("page", item.post_id)
        state, obj = self._decide(known, source)
        if state == "unchanged":
            return "unchanged"
        if state == "kept":
            return "skipped", "changed in newsdesk since the last import (--overwrite replaces it)"
        if state == "gone":
            return "skipped", "deleted in newsdesk after an earlier import"
        title = plain_title(item.title) or "Ohne Titel"
        if len(title) > page_services.PAGE_TITLE_MAX:
            self.summary.notes.append(f"{ref}: title shortened to {page_services.PAGE_TITLE_MAX} characters")
            title = shorten(title, page_services.PAGE_TITLE_MAX)
        body, _missing = self._body(item, ref)
        page = obj if obj is not None else Page()
        page.title, page.body = title, body
        page.slug = page.slug or _slug_from(item.post_name) or title
        page.published = item.status == "publish" and not item.post_password
        page_services.page_save(page=page)
        self._remember(known, "page", item.post_id, page, source)
        url = page.get_absolute_url()
        self._redirect(f"/?page_id={item.post_id}", url)
        self._redirect(f"/?p={item.post_id}", url)
        if item.link:
            self._redirect(_path(item.link), url)
        if item.post_name:
            self._redirect(f"/{_slug_from(item.post_name)}/", url)
        return "created" if known is None else "updated"

    def _file(self, url: str) -> bytes | None:
        relative = _uploads_relative(url)
        if self.options.uploads is not None:
            candidate = (self.options.uploads / relative).resolve()
            if candidate.is_file() and self.options.uploads.resolve() in candidate.parents:
                return candidate.read_bytes()
        if self.options.media_base:
            remote = self.options.media_base.rstrip("/") + "/" + relative
            if not remote.startswith(("http://", "https://")):
                return None
            try:
                return (self.options.fetch or _default_fetch)(remote, self.options.fetch_timeout)
            except Exception as exc:
                self.summary.notes.append(f"could not fetch {remote}: {exc}")
        return None

    def attachment(self, item: wxr.Item) -> str | tuple[str, str]:
        url = item.attachment_url or item.guid
        source = digest({k: v for k, v in asdict(item).items() if k not in {"line", "comments"}})
        known = self._known("image", item.post_id)
        state, obj = self._decide(known, source)
        if state in {"unchanged", "kept", "update"} and obj is not None:
            self.images_by_id[item.post_id] = obj.pk
            self._remember_path(url, obj.pk)
            if state == "update":  # the texts change; the file stays (a new file is a new attachment)
                obj.alt_text = (item.meta.get("_wp_attachment_image_alt") or obj.alt_text)[:300]
                obj.caption = html_to_text(item.excerpt)[:500]
                obj.save(update_fields=["alt_text", "caption"])
                self._remember(known, "image", item.post_id, obj, source)
                return "updated"
            return "unchanged" if state == "unchanged" else ("skipped", "changed in newsdesk since the last import")
        if state == "gone":
            return "skipped", "deleted in newsdesk after an earlier import"
        name = _uploads_relative(url).rsplit("/", 1)[-1]
        if name.rpartition(".")[2].lower() not in media_services.EXTENSIONS:
            raise Skip(f"not an image ({name.rpartition('.')[2] or 'no extension'})")
        data = self._file(url)
        if data is None:
            self.summary.notes.append(f"attachment {item.post_id}: file missing: {_uploads_relative(url)}")
            raise Skip("file missing (neither in --uploads nor reachable at --media-base)")
        alt = (item.meta.get("_wp_attachment_image_alt") or plain_title(item.title) or name)[:300]
        caption = html_to_text(item.excerpt)[:500]
        credit_match = _CREDIT.search(item.meta.get("_wp_attachment_metadata", ""))
        credit = credit_match.group(1)[:200] if credit_match else ""
        if self.options.dry_run:
            media_services.image_check(data=data, filename=name, alt_text=alt)
            return "created"
        image = media_services.image_create(data=data, filename=name, alt_text=alt, caption=caption, credit=credit)
        self._remember(known, "image", item.post_id, image, source)
        self.images_by_id[item.post_id] = image.pk
        self._remember_path(url, image.pk)
        self.attached[item.post_parent].append(item.post_id)
        parent_article = self.articles_by_wp.get(item.post_parent)
        target = Article.objects.get(pk=parent_article).get_absolute_url() if parent_article else image.large_url
        self._redirect(_path(url), image.file.url)  # the file itself: other sites link to it
        old_pages = [f"/?attachment_id={item.post_id}"]
        if item.link and "attachment_id" not in item.link:
            old_pages.append(_path(item.link))
        for old in old_pages:
            self._redirect(old, target)
        if not parent_article and item.post_parent not in {"", "0"}:
            self.attachment_pages[item.post_parent] += old_pages
        return "created"

    def comment(self, item: wxr.Item, comment: wxr.Comment) -> str | tuple[str, str]:
        if comment.type in {"pingback", "trackback"}:
            raise Skip(comment.type)
        article_pk = self.articles_by_wp.get(item.post_id)
        if article_pk is None:
            raise Skip("its post was not imported")
        created_at = parse_date(comment.date, comment.date_gmt)
        if created_at is None:
            raise Failed(f"invalid date “{comment.date_gmt or comment.date}”")
        status, reason = {"1": (Comment.Status.APPROVED, ""), "0": (Comment.Status.PENDING, ""),
                          "spam": (Comment.Status.REJECTED, Reason.SPAM),
                          "trash": (Comment.Status.REJECTED, Reason.OTHER)}.get(
            comment.approved, (Comment.Status.PENDING, ""))
        note = IMPORT_NOTE + (" (im Papierkorb)" if comment.approved == "trash" else "")
        body = html_to_text(re.sub(r"(?i)</p>|<br\s*/?>", "\n", comment.content).replace("\n", "\u2029")) \
            .replace("\u2029", "\n") if comment.content else ""
        source = digest(asdict(comment))
        known = self._known("comment", comment.id)
        state, obj = self._decide(known, source)
        if state == "unchanged":
            return "unchanged"
        if state == "kept":
            return "skipped", "moderated or changed in newsdesk since the last import"
        if state == "gone":
            return "skipped", "deleted in newsdesk after an earlier import"
        if state == "update":
            comment_services.comment_import_update(comment=obj, display_name=comment.author, body=body,
                                                   status=status, reason=reason, note=note)
            self._remember(known, "comment", comment.id, obj, source)
            return "updated"
        parent = None
        outcome_reason = ""
        if comment.parent not in {"", "0"}:
            parent_item = ImportedItem.objects.filter(site=self.site, kind="comment", source_id=comment.parent).first()
            parent = Comment.objects.filter(pk=parent_item.object_id).first() if parent_item else None
            if parent is None:
                outcome_reason = "its parent comment was not imported: shown as a top comment"
            elif parent.parent_id is not None:
                outcome_reason = "reply to a reply: attached to the top comment (one level of replies)"
        email = comment.email.strip() or \
            f"unbekannt-{hashlib.sha256(comment.author.encode()).hexdigest()[:12]}@import.invalid"
        stored = comment_services.comment_import(
            target=Article.objects.get(pk=article_pk), display_name=comment.author, email=email, body=body,
            status=status, created_at=created_at, parent=parent, reason=reason, note=note)
        self._remember(known, "comment", comment.id, stored, source)
        return "created", outcome_reason

    # --- after the stream ---------------------------------------------------------------------------------

    def _resolve_pending(self) -> None:
        """Lead images and body images that came later in the file than their post."""
        for article_pk, attachment in self.pending_lead.items():
            image_pk = self.images_by_id.get(attachment)
            if image_pk is None:
                self.summary.notes.append(f"article {article_pk}: its featured image {attachment} was not imported")
                continue
            self._touch_article(article_pk, lambda a, pk=image_pk: setattr(a, "lead_image_id", pk))
        for article_pk in self.pending_bodies - set(self.pending_lead):
            self._touch_article(article_pk, None)

    def _touch_article(self, article_pk: int, change) -> None:
        with transaction.atomic():
            article = Article.objects.filter(pk=article_pk).first()
            known = ImportedItem.objects.filter(content_type=ContentType.objects.get_for_model(Article),
                                                object_id=article_pk, site=self.site).first()
            if article is None or known is None:
                return
            before = (article.body, article.lead_image_id)
            if change is not None:
                change(article)
            article.body = self._convert(article.body).html
            if (article.body, article.lead_image_id) == before:
                return
            article_services.article_save(article=article, announce=False, index=False)
            ImportedItem.objects.filter(pk=known.pk).update(stored_digest=_stored_digest(article))
            self.to_index.add(article.pk)

    def _report_disappeared(self) -> None:
        gone = (ImportedItem.objects.filter(site=self.site, kind__in=self.seen_kinds, last_seen_at__lt=self.started)
                .order_by("kind", "source_id").values_list("kind", "source_id"))
        for kind, source_id in gone:
            self.summary.disappeared.setdefault(kind, []).append(source_id)


def import_file(path: Path | str, options: Options, *, progress=None) -> Summary:
    with open(path, "rb") as stream:
        return WordPressImport(options).run(stream, progress=progress)

