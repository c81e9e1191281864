"""Streaming reader for WordPress exports (WXR 1.0–1.2): one item at a time, whatever the file's size.

lxml's iterparse with entity resolution, DTD loading and network access off; a file that declares entities
(the "billion laughs" XML bomb and its relatives) is refused before parsing. Both the `http://` and the
`https://wordpress.org/export/1.x/` namespaces are accepted. Elements are cleared once read, so memory stays
flat for a 2 GB export.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from lxml import etree

WP_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/1\.[0-2]/$")
CONTENT_NAMESPACE = "http://purl.org/rss/1.0/modules/content/"
PROLOGUE_BYTES = 64 * 1024


class NotWxr(Exception):
    """The file is not a WordPress export, or is refused as a whole (XML bomb, not XML)."""


class BrokenXml(Exception):
    """The XML ends early or is malformed; `line` says where. Items before that point were read."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class Channel:
    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    wxr_version: str = ""

    @property
    def site(self) -> str:
        """The identity of the exporting site, without the trailing slash.

        wp:base_blog_url first: wordpress.com writes https://wordpress.com/ as base_site_url into every blog's
        export, so two wordpress.com blogs would share one identity; then wp:base_site_url, then <link>.
        """
        return (self.base_blog_url or self.base_site_url or self.link).rstrip("/")


@dataclass
class Author:
    id: str
    login: str
    email: str
    display_name: str
    first_name: str
    last_name: str


@dataclass
class Term:
    kind: str  # category, post_tag or another taxonomy
    id: str
    slug: str
    name: str
    parent: str
    description: str


@dataclass
class Comment:
    id: str
    author: str
    email: str
    url: str
    date: str
    date_gmt: str
    content: str
    approved: str
    type: str
    parent: str
    user_id: str


@dataclass
class Item:
    line: int
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_id: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    post_modified_gmt: str = ""
    post_name: str = ""
    status: str = ""
    post_parent: str = ""
    post_type: str = ""
    post_password: str = ""
    is_sticky: str = ""
    attachment_url: str = ""
    terms: list[tuple[str, str, str]] = field(default_factory=list)  # (domain, nicename, name)
    meta: dict[str, str] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)


def _local(element) -> tuple[str, str]:
    qname = etree.QName(element)
    return qname.namespace or "", qname.localname


def _text(element) -> str:
    return element.text or ""


def _children(element) -> dict[str, str]:
    return {_local(child)[1]: _text(child) for child in element}


def _refuse_entities(stream: BinaryIO) -> None:
    head = stream.read(PROLOGUE_BYTES)
    stream.seek(0)
    if not head.strip():
        raise NotWxr("The file is empty.")
    before_root = head.split(b"<rss", 1)[0]
    if b"<!ENTITY" in before_root.upper() or b"<!DOCTYPE" in before_root.upper():
        raise NotWxr("The file declares a DOCTYPE or entities (a possible XML bomb); WordPress exports never "
                     "do. Nothing was imported.")


def _comment(element) -> Comment:
    values = _children(element)
    return Comment(
        id=values.get("comment_id", ""), author=values.get("comment_author", ""),
        email=values.get("comment_author_email", ""), url=values.get("comment_author_url", ""),
        date=values.get("comment_date", ""), date_gmt=values.get("comment_date_gmt", ""),
        content=values.get("comment_content", ""), approved=values.get("comment_approved", "").strip(),
        type=values.get("comment_type", "").strip(), parent=values.get("comment_parent", "0").strip(),
        user_id=values.get("comment_user_id", "0").strip(),
    )


def _item(element) -> Item:
    item = Item(line=element.sourceline or 0)
    for child in element:
        namespace, name = _local(child)
        if name == "category":
            item.terms.append((child.get("domain", ""), child.get("nicename", ""), _text(child)))
        elif name == "postmeta":
            values = _children(child)
            item.meta[values.get("meta_key", "")] = values.get("meta_value", "")
        elif name == "comment":
            item.comments.append(_comment(child))
        elif name == "encoded":
            if namespace == CONTENT_NAMESPACE:
                item.content = _text(child)
            else:
                item.excerpt = _text(child)
        elif name == "creator":
            item.creator = _text(child)
        elif name in {"title", "link", "guid", "post_id", "post_date", "post_date_gmt", "post_modified_gmt",
                      "post_name", "status", "post_parent", "post_type", "post_password", "is_sticky",
                      "attachment_url"}:
            setattr(item, name, _text(child).strip() if name != "title" else _text(child))
    return item


def read(stream: BinaryIO) -> Iterator[Channel | Author | Term | Item]:
    """Yields the channel (once, before anything else), then authors, terms and items in file order.

    Raises NotWxr for a file that is not a WordPress export, BrokenXml where the XML breaks off.
    """
    _refuse_entities(stream)
    parser = etree.iterparse(stream, events=("start", "end"), resolve_entities=False, no_network=True,
                             load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True)
    channel = Channel()
    announced = False
    depth = 0
    try:
        for event, element in parser:
            if event == "start":
                depth += 1
                if depth == 1 and (_local(element)[1] != "rss" or not any(
                        WP_NAMESPACE.match(uri or "") for uri in element.nsmap.values())):
                    raise NotWxr("This is not a WordPress export (WXR): the root element is not <rss> with "
                                 "the wordpress.org/export namespace.")
                continue
            depth -= 1
            if depth != 2:  # only direct children of <channel> are handled (and then cleared)
                continue
            namespace, name = _local(element)
            is_wp = bool(WP_NAMESPACE.match(namespace))
            if name == "item":
                if not announced:
                    announced = True
                    yield channel
                yield _item(element)
            elif is_wp and name == "author":
                values = _children(element)
                if not announced:
                    announced = True
                    yield channel
                yield Author(id=values.get("author_id", ""), login=values.get("author_login", ""),
                             email=values.get("author_email", ""),
                             display_name=values.get("author_display_name", ""),
                             first_name=values.get("author_first_name", ""),
                             last_name=values.get("author_last_name", ""))
            elif is_wp and name in {"category", "tag", "term"}:
                if not announced:
                    announced = True
                    yield channel
                values = _children(element)
                if name == "category":
                    yield Term("category", values.get("term_id", ""), values.get("category_nicename", ""),
                               values.get("cat_name", ""), values.get("category_parent", ""),
                               values.get("category_description", ""))
                elif name == "tag":
                    yield Term("post_tag", values.get("term_id", ""), values.get("tag_slug", ""),
                               values.get("tag_name", ""), "", values.get("tag_description", ""))
                else:
                    yield Term(values.get("term_taxonomy", ""), values.get("term_id", ""),
                               values.get("term_slug", ""), values.get("term_name", ""),
                               values.get("term_parent", ""), values.get("term_description", ""))
            elif (name in {"title", "link"} and not namespace) or (
                    is_wp and name in {"base_site_url", "base_blog_url", "wxr_version"}):
                setattr(channel, name, _text(element).strip())
            element.clear()
            parent = element.getparent()
            while parent is not None and element.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else None
        if depth == 0 and not announced:
            raise NotWxr(f"This is not XML: {exc.msg}") from exc
        raise BrokenXml(f"The XML breaks off or is malformed at line {line}: {exc.msg}", line) from exc
    if not announced:
        yield channel
