"""search(): ranked, grouped, filtered, paginated hits with escaped, highlighted snippets on SQLite and PostgreSQL.

Ranking (the same formula on both databases)::

    score = relevance / (1 + age_days / half_life_days)

`relevance` is the database's full-text rank, higher is better: `-bm25(search_fts, 5, 1)` on SQLite (a title hit
weighs five times a body hit) and `ts_rank_cd(vector, query)` on PostgreSQL (title weight A, body weight B).
`age_days` is the time since publication in days; `half_life_days` is `SEARCH_HALF_LIFE_DAYS` (setting or
environment variable `NEWSDESK_SEARCH_HALF_LIFE_DAYS`, default 14): a document that old counts half as much as
an equally relevant one of today, one twice as old a third. `order="new"` (`?sortierung=neu`) sorts by
publication time instead, newest first.

Grouping: documents with the same `group` (the entries of one newsblog) form one result item, placed by its best
document (by its newest under `order="new"`) and showing its best GROUP_SHOWN documents; pages count items, not
documents. Searching inside a group (`group=`) lists its documents one by one.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from datetime import timezone as dt_timezone

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.safestring import SafeString

from newsdesk.search.models import SearchDocument, SearchTerm
from newsdesk.search.text import _PIECES, first_words, fts5_match, highlight, query_words, stems_of

PAGE_SIZE = 10
MAX_PAGE = 100
GROUP_SHOWN = 3  # documents shown of a group; the rest behind "alle N Treffer"
ORDERS = ("relevance", "new")


def half_life_days() -> float:
    value = getattr(settings, "SEARCH_HALF_LIFE_DAYS", None) or os.environ.get("NEWSDESK_SEARCH_HALF_LIFE_DAYS")
    try:
        days = float(value) if value else 14.0
    except ValueError:
        days = 14.0
    return days if days > 0 else 14.0


@dataclass(frozen=True)
class Hit:
    kind: str
    id: int
    title: SafeString  # escaped, hits in <mark>; the first words of the body when the document has no title
    snippet: SafeString  # escaped, hits in <mark>
    url: str
    published_at: datetime
    topics: list[list[str]]
    group: str = ""
    group_title: str = ""
    group_url: str = ""


@dataclass(frozen=True)
class Item:
    """One line of the results: a single document, or a group (newsblog) with its best hits and their count."""

    hits: list[Hit]
    count: int  # documents of this item that match
    group: str = ""
    group_title: str = ""
    group_url: str = ""

    @property
    def is_group(self) -> bool:
        return self.count > 1


@dataclass(frozen=True)
class Results:
    query: str
    words: list[str]
    items: list[Item] = field(default_factory=list)
    total: int = 0  # matching documents
    item_total: int = 0  # result items (pages count these)
    page: int = 1
    order: str = "relevance"
    group: str = ""
    suggestion: str = ""  # "Meinten Sie …": a query close to this one that has hits, when this one has none

    @property
    def hits(self) -> list[Hit]:
        return [hit for item in self.items for hit in item.hits]

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.item_total / PAGE_SIZE))

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


class Filters:
    """The WHERE of the ranking statement on the columns of the covering index search_document_rank.

    Written out rather than compiled from a QuerySet: an `id IN (subquery)` made SQLite read every matching
    row of the wide document table (body and stems) instead of the narrow index (1.4 s instead of 60 ms for
    a word in 58,000 documents).
    """

    def __init__(self, topic: str | None, date_from: date | None, date_to: date | None, group: str | None,
                 now: datetime) -> None:
        adapt = connection.ops.adapt_datetimefield_value
        position = "strpos" if connection.vendor == "postgresql" else "instr"
        # Scheduled documents are indexed ahead of time and appear when their time comes.
        parts, params = ["d.published_at <= %s"], [adapt(now)]
        if topic:
            parts.append(f"{position}(d.topic_slugs, %s) > 0")
            params.append(f"|{topic}|")
        if date_from:
            parts.append("d.published_at >= %s")
            params.append(adapt(_day_start(date_from)))
        if date_to:
            parts.append("d.published_at < %s")
            params.append(adapt(_day_start(date_to + timedelta(days=1))))
        if group:
            parts.append('d."group" = %s')
            params.append(group)
        self.sql, self.params = " AND ".join(parts), params


def _matches(words: list[str], now: datetime) -> tuple[str, list, str, list, str]:
    """(CTE of matching ids and relevance, its params, SQL of the age in days of `d`, its params, index hint)."""
    if connection.vendor == "postgresql":
        # plainto_tsquery: every word required, no syntax, so any input is a valid query.
        matched = ("SELECT id, ts_rank_cd(vector, q) AS rel FROM search_searchdocument, "
                   "plainto_tsquery('german', %s) q WHERE vector @@ q")
        return matched, [" ".join(words)], "EXTRACT(EPOCH FROM (%s - d.published_at)) / 86400.0", [now], ""
    # MATCH and bm25 first, materialised, then the filters: asked the other way round, SQLite probes the FTS
    # index once per candidate row (40 ms instead of 2 ms for a few hundred documents). bm25: lower is better.
    matched = "SELECT rowid AS id, -bm25(search_fts, 5.0, 1.0) AS rel FROM search_fts WHERE search_fts MATCH %s"
    stamp = now.astimezone(dt_timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")  # noqa: UP017
    return (matched, [fts5_match(words)], "(julianday(%s) - julianday(d.published_at))", [stamp],
            " INDEXED BY search_document_rank")


def _scored(words: list[str], filters: Filters, now: datetime, grouped: bool) -> tuple[str, list]:
    """WITH m (matches), s (id, at, item, score): the shared head of the page and count statements."""
    matched, match_params, age, age_params, hint = _matches(words, now)
    greatest = "GREATEST" if connection.vendor == "postgresql" else "MAX"
    item = """CASE WHEN d."group" = '' THEN 'd' || d.id ELSE d."group" END""" if grouped else "'d' || d.id"
    # Every piece of SQL below is a constant of this module; user text is in params.
    sql = (f"WITH m AS MATERIALIZED ({matched}), "  # noqa: S608
           f"s AS MATERIALIZED (SELECT d.id AS id, d.published_at AS at, {item} AS item, "
           f"m.rel / (1.0 + {greatest}({age}, 0) / %s) AS score "
           f"FROM m JOIN search_searchdocument d{hint} ON d.id = m.id WHERE {filters.sql}) ")
    return sql, [*match_params, *age_params, half_life_days(), *filters.params]


def _page(words: list[str], filters: Filters, now: datetime, *, order: str, grouped: bool,
          offset: int) -> tuple[int, int, list[tuple[int, str, int]]]:
    """(documents, items, [(id, item, count of its item)]) for one page, in display order; one statement.

    Items by GROUP BY over all matches; the window (best documents of a group) only over the page's items:
    a window over every match cost four times as much.
    """
    head, params = _scored(words, filters, now, grouped)
    within = "s.at DESC, s.id DESC" if order == "new" else "s.score DESC, s.at DESC, s.id DESC"
    items_by = "newest DESC, item" if order == "new" else "best DESC, newest DESC, item"
    outer_by = "p.newest DESC, p.item" if order == "new" else "p.best DESC, p.newest DESC, p.item"
    sql = (head + ", g AS (SELECT item, max(score) AS best, max(at) AS newest, count(*) AS n "  # noqa: S608
           "FROM s GROUP BY item), "
           f"p AS (SELECT item, best, newest, n FROM g ORDER BY {items_by} LIMIT %s OFFSET %s), "
           "r AS (SELECT s.id, s.item, "
           f"row_number() OVER (PARTITION BY s.item ORDER BY {within}) AS rn FROM s JOIN p ON p.item = s.item) "
           "SELECT r.id, r.item, p.n, (SELECT count(*) FROM s), (SELECT count(*) FROM g) "
           f"FROM r JOIN p ON p.item = r.item WHERE r.rn <= %s ORDER BY {outer_by}, r.rn")
    with connection.cursor() as cursor:  # user text only in params
        cursor.execute(sql, [*params, PAGE_SIZE, offset, GROUP_SHOWN])
        rows = cursor.fetchall()
        if rows:
            return rows[0][3], rows[0][4], [(row[0], row[1], row[2]) for row in rows]
        cursor.execute(head + "SELECT count(*), count(DISTINCT item) FROM s", params)  # noqa: S608
        docs_total, items_total = cursor.fetchone()
    return docs_total, items_total, []


def _has_hits(words: list[str], filters: Filters, now: datetime) -> bool:
    matched, match_params, _age, _age_params, hint = _matches(words, now)
    sql = (f"WITH m AS MATERIALIZED ({matched}) SELECT 1 FROM m "  # noqa: S608  constants, user text in params
           f"JOIN search_searchdocument d{hint} ON d.id = m.id WHERE {filters.sql} LIMIT 1")
    with connection.cursor() as cursor:
        cursor.execute(sql, [*match_params, *filters.params])
        return cursor.fetchone() is not None


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance of a and b, or limit + 1 as soon as it must exceed `limit` (banded, cheap)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


SUGGEST_CANDIDATES = 5


def _close_terms(word: str) -> list[SearchTerm]:
    """Indexed terms within edit distance 2 of the stem of `word`, closest first.

    Candidates share the first letter and differ by at most two in length (one indexed look-up instead of the
    whole vocabulary): a slip in the first letter is not corrected, the rarer case.
    """
    from newsdesk.core.german import stem

    target = stem(word)
    candidates = SearchTerm.objects.filter(stem__startswith=target[:1], length__gte=len(target) - 2,
                                           length__lte=len(target) + 2).exclude(stem=target)
    scored = [(edit_distance(target, term.stem), abs(len(term.stem) - len(target)), term.stem, term)
              for term in candidates.only("stem", "word")]
    return [term for dist, _len, _stem, term in sorted(scored, key=lambda s: s[:3]) if dist <= 2]


def suggest(words: list[str], docs: Filters, now: datetime, original: str = "") -> str:
    """A query like `words` with each word that finds nothing replaced by a close indexed word, if it has hits.

    Words kept are spelt as the reader typed them in `original`.
    """
    spelt = {piece.lower(): piece for piece in _PIECES.findall(original)}
    corrected = []
    changed = False
    for word in words:
        if _has_hits([word], docs, now):
            corrected.append(spelt.get(word, word))
            continue
        for term in _close_terms(word)[:SUGGEST_CANDIDATES]:
            if _has_hits([term.word.lower()], docs, now):
                corrected.append(term.word)
                changed = True
                break
        else:
            return ""
    if not changed or not _has_hits([w.lower() for w in corrected], docs, now):
        return ""
    return " ".join(corrected)


def _hit(doc: SearchDocument, stems: set[str]) -> Hit:
    title = highlight(doc.title or first_words(doc.body), stems, max_words=None)
    return Hit(kind=doc.kind, id=doc.object_id, title=title, snippet=highlight(doc.body, stems), url=doc.url,
               published_at=doc.published_at, topics=doc.topics, group=doc.group, group_title=doc.group_title,
               group_url=doc.group_url)


def search(query: str, topic: str | None = None, date_from: date | None = None, date_to: date | None = None,
           page: int = 1, order: str = "relevance", group: str | None = None) -> Results:
    """Published documents matching every word of `query` (German stems), grouped and ranked (see the module).

    Any text is a valid query: operators and syntax characters are treated as noise, so this never raises on
    user input. No usable word (empty, only stop words or symbols) gives empty results. An unknown `order`
    means relevance.
    """
    query = (query or "")[:1000]
    words = query_words(query)
    page = min(max(1, page), MAX_PAGE)
    order = order if order in ORDERS else "relevance"
    group = group or ""
    if not words:
        return Results(query=query, words=[], page=page, order=order, group=group)
    now = timezone.now()
    docs = Filters(topic, date_from, date_to, group, now)
    total, item_total, rows = _page(words, docs, now, order=order, grouped=not group,
                                    offset=(page - 1) * PAGE_SIZE)
    # Snippets are cut and marked in Python on both databases: PostgreSQL's ts_headline parses plain text as
    # HTML (a quoted "<b>" vanished) and trims differently, so one document read differently per backend.
    stems = stems_of(words)
    found = SearchDocument.objects.in_bulk([row[0] for row in rows])
    items: list[Item] = []
    last_item = None
    for doc_id, item_key, count in rows:
        doc = found.get(doc_id)
        if doc is None:  # removed between the two statements
            continue
        if item_key != last_item:
            items.append(Item(hits=[], count=count, group=doc.group, group_title=doc.group_title,
                              group_url=doc.group_url))
            last_item = item_key
        items[-1].hits.append(_hit(doc, stems))
    suggestion = suggest(words, docs, now, query) if total == 0 else ""
    return Results(query=query, words=words, items=items, total=total, item_total=item_total, page=page,
                   order=order, group=group, suggestion=suggestion)
