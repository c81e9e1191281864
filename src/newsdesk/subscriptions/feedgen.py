"""Feed formats: RSS 2.0 and Atom from Django, made safe for any content, and JSON Feed 1.1."""

from __future__ import annotations

import json
import re
from typing import Any

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed, rfc3339_date

# Characters XML 1.0 does not allow at all (Django refuses to write them): controls, lone surrogates,
# U+FFFE/U+FFFF. Editors paste them from word processors; feeds must stay valid whatever was stored.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: Any) -> Any:
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    if isinstance(value, list | tuple):
        return type(value)(xml_safe(item) for item in value)
    return value


class _XmlSafe:
    """Cleans every text of the feed and its items before Django's XML writer sees it."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*(xml_safe(a) for a in args), **{k: xml_safe(v) for k, v in kwargs.items()})

    def add_item(self, *args, **kwargs) -> None:
        super().add_item(*(xml_safe(a) for a in args), **{k: xml_safe(v) for k, v in kwargs.items()})


class RssFeed(_XmlSafe, Rss201rev2Feed):
    content_type = "application/rss+xml; charset=utf-8"


class AtomFeed(_XmlSafe, Atom1Feed):
    pass


class JsonFeed(SyndicationFeed):
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/)."""

    content_type = "application/feed+json; charset=utf-8"

    def write(self, outfile, encoding) -> None:
        feed = self.feed
        document: dict[str, Any] = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": feed["title"],
            "home_page_url": feed["link"],
            "feed_url": feed["feed_url"],
            "description": feed["description"],
            "language": feed["language"],
            "items": [self._item(item) for item in self.items],
        }
        if feed.get("author_name"):
            document["authors"] = [{"name": feed["author_name"]}]
        outfile.write(json.dumps({k: v for k, v in document.items() if v not in (None, "")},
                                 ensure_ascii=False, indent=1))

    @staticmethod
    def _item(item: dict[str, Any]) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "id": item["unique_id"] or item["link"],
            "url": item["link"],
            "title": item["title"],
            "content_html": item["description"],
        }
        if item.get("pubdate"):
            entry["date_published"] = rfc3339_date(item["pubdate"])
        if item.get("updateddate"):
            entry["date_modified"] = rfc3339_date(item["updateddate"])
        if item.get("author_name"):
            entry["authors"] = [{"name": item["author_name"]}]
        if item.get("categories"):
            entry["tags"] = list(item["categories"])
        return entry
