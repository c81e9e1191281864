"""search(): ranked, grouped, filtered, paginated hits with escaped, highlighted snippets on SQLite and PostgreSQL.

Ranking (the same formula on both databases)::

    score = relevance / (1 + age_days / half_life_days)

`relevance` is the database's full-text rank, higher is better: `-bm25(search_fts, 5, 1, 0, 0)` on SQLite (a title
hit weighs five times a body hit; the filter columns nothing) and `ts_rank_cd(vector, query)` on PostgreSQL (title
weight A, body weight B).
`age_days` is the time since publication in days; `half_life_days` is `SEARCH_HALF_LIFE_DAYS` (setting or
environment variable `NEWSDESK_SEARCH_HALF_LIFE_DAYS`, default 14): a document that old counts half as much as
an equally relevant one of today, one twice as old a third. `order="new"` (`?sortierung=neu`) sorts by
publication time instead, newest first.

What is ranked: the newest RANKED (2,000) matching documents (after the filters), on both databases. A search
with fewer matches ranks all of them; a very common word (in a quarter of the archive: 15,000 documents) ranks
its newest 2,000, so its work is bounded, and says so (`Results.capped`: "Mindestens 2.000 Treffer"). An older
match can then not be listed even if it were more relevant: by the formula it would need about eight times the
relevance of a new one when the newest 2,000 reach back about 100 days (the bench's archive). Filters (topic,
dates, newsblog) narrow the matches first, so a narrower search reaches further back.

Grouping: documents with the same `group` (the entries of one newsblog) form one result item, placed by its best
document (by its newest under `order="new"`) and showing its best GROUP_SHOWN documents; pages count items, not
documents. Searching inside a group (`group=`) lists its documents one by one. Counts (of documents, of a
group's hits, of pages) are those of the ranked documents.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from datetime import timezone as dt_timezone

from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.utils import timezone
from django.utils.safestring import SafeString

from newsdesk.search.models import SearchDocument, SearchTerm
from newsdesk.search.text import _PIECES, first_words, fts5_match, highlight, query_words, stems_of

PAGE_SIZE = 10
MAX_PAGE = 100
GROUP_SHOWN = 3  # documents shown of a group; the rest behind "alle N Treffer"
ORDERS = ("relevance", "new")
# At most this many matches are ranked per search: the newest (see the module docstring).
RANKED = 2000
# SQLite's search_fts numbers a document (publication second) * KEY_IDS + id (migration 0003), so that FTS5 hands
# out the newest matches first; document ids stay below KEY_IDS (reindex starts them at 1 again).
KEY_IDS = 2 ** 29


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
    total: int = 0  # matching documents ranked: all of them, or the newest RANKED (`capped`)
    item_total: int = 0  # result items of the ranked documents (pages count these)
    capped: bool = False  # RANKED or more match: the newest RANKED are ranked and listed, older ones not
    page: int = 1
    order: str = "relevance"
    group: str = ""
    suggestion: str = ""  # "Meinten Sie …": a query close to this one that has hits, when this one has none

    @property
    def hits(self) -> list[Hit]:
        return [hit for item in self.items for hit in item.hits]

    @property
    def num_pages(self) -> int:
        return min(MAX_PAGE, max(1, math.ceil(self.item_total / PAGE_SIZE)))

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _key_second(moment: datetime) -> int:
    """The second of `moment` as SQLite's search_fts rowids count it (strftime('%s'), whole seconds, UTC)."""
    return math.floor(moment.timestamp())


def _fts_phrase(value: str) -> str:
    """`value` as one FTS5 string (its tokens a phrase): double quotes doubled, nothing else is syntax in it."""
    return '"' + value.replace('"', '""') + '"'


class Filters:
    """The filters of a search, as SQL on the columns of the covering index search_document_rank, and (SQLite)
    inside the FTS5 query, so that the newest RANKED matches there are the newest that pass the filters.

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
        # SQLite: the same filters on search_fts, its rowid range (whole seconds, so a little wider: the SQL
        # above decides) and its topics and grp columns (slugs are whole tokens there, see migration 0003).
        self.fts_terms: list[str] = []
        self.key_low, self.key_high = None, (_key_second(now) + 1) * KEY_IDS
        if topic:
            parts.append(f"{position}(d.topic_slugs, %s) > 0")
            params.append(f"|{topic}|")
            self.fts_terms.append(f"topics : {_fts_phrase(topic)}")
        if date_from:
            parts.append("d.published_at >= %s")
            params.append(adapt(_day_start(date_from)))
            self.key_low = _key_second(_day_start(date_from)) * KEY_IDS
        if date_to:
            end = _day_start(date_to + timedelta(days=1))
            parts.append("d.published_at < %s")
            params.append(adapt(end))
            self.key_high = min(self.key_high, (_key_second(end) + 1) * KEY_IDS)
        if group:
            parts.append('d."group" = %s')
            params.append(group)
            self.fts_terms.append(f"grp : {_fts_phrase(group)}")
        self.sql, self.params = " AND ".join(parts), params

    def fts(self, words: list[str]) -> tuple[str, list]:
        """(WHERE on search_fts, its params): the words in the title and body columns, and the filters."""
        match = " AND ".join([f"{{title_stems body_stems}} : ({fts5_match(words)})", *self.fts_terms])
        where, params = "search_fts MATCH %s AND search_fts.rowid < %s", [match, self.key_high]
        if self.key_low is not None:
            where += " AND search_fts.rowid >= %s"
            params.append(self.key_low)
        return where, params


def _sqlite_matches(words: list[str], filters: Filters, limit: int) -> tuple[str, list]:
    """SQLite: the newest `limit` matches (id, rel) and params.

    FTS5 walks its rowids (publication second, then id) downwards and stops after `limit`; bm25 (lower is
    better; the filter columns weigh nothing) only for those. Materialised before the join to the documents:
    asked the other way round, SQLite probes the FTS index once per candidate row.
    """
    where, params = filters.fts(words)
    return (f"SELECT search_fts.rowid & {KEY_IDS - 1} AS id, "  # noqa: S608  constants; user text in params
            f"-bm25(search_fts, 5.0, 1.0, 0.0, 0.0) AS rel FROM search_fts WHERE {where} "
            "ORDER BY search_fts.rowid DESC LIMIT %s"), [*params, limit]


def _scored(words: list[str], filters: Filters, now: datetime, grouped: bool) -> tuple[str, list]:
    """WITH m (the newest RANKED matches), s (id, at, item, score): the shared head of the page statements.

    Only the newest matches are ranked: a word in a quarter of the archive (15,000 documents) cost 300 ms on
    SQLite and 550 ms on PostgreSQL when every match was ranked. Every piece of SQL here is a constant of this
    module; user text is in params.
    """
    item = """CASE WHEN d."group" = '' THEN 'd' || d.id ELSE d."group" END""" if grouped else "'d' || d.id"
    if connection.vendor == "postgresql":
        # plainto_tsquery: every word required, no syntax, so any input is a valid query. The newest matches
        # (published_at index read backwards, or the GIN index and a top-N sort: the planner's choice), with
        # what ranking needs, so that ts_rank_cd runs only for them and no document is read twice.
        text = " ".join(words)
        sql = ("WITH m AS MATERIALIZED (SELECT d.id, d.published_at, d.\"group\", d.vector "  # noqa: S608
               "FROM search_searchdocument d WHERE d.vector @@ plainto_tsquery('german', %s) "
               f"AND {filters.sql} ORDER BY d.published_at DESC, d.id DESC LIMIT %s), "
               f"s AS MATERIALIZED (SELECT d.id AS id, d.published_at AS at, {item} AS item, "
               "ts_rank_cd(d.vector, plainto_tsquery('german', %s)) "
               "/ (1.0 + GREATEST(EXTRACT(EPOCH FROM (%s - d.published_at)) / 86400.0, 0) / %s) AS score "
               "FROM m d) ")
        return sql, [text, *filters.params, RANKED, text, now, half_life_days()]
    matched, params = _sqlite_matches(words, filters, RANKED)
    stamp = now.astimezone(dt_timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")  # noqa: UP017
    sql = (f"WITH m AS MATERIALIZED ({matched}), "  # noqa: S608
           f"s AS MATERIALIZED (SELECT d.id AS id, d.published_at AS at, {item} AS item, "
           "m.rel / (1.0 + MAX(julianday(%s) - julianday(d.published_at), 0) / %s) AS score "
           "FROM m JOIN search_searchdocument d INDEXED BY search_document_rank ON d.id = m.id "
           f"WHERE {filters.sql}) ")
    return sql, [*params, stamp, half_life_days(), *filters.params]


def _page(words: list[str], filters: Filters, now: datetime, *, order: str, grouped: bool,
          offset: int) -> tuple[int, int, bool, list[tuple[int, str, int]]]:
    """(documents ranked, their items, whether RANKED were, [(id, item, count of its item)]) for one page, in
    display order; one statement.

    Items by GROUP BY over the ranked matches; the window (best documents of a group) only over the page's
    items: a window over every match cost four times as much.
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
           "SELECT r.id, r.item, p.n, (SELECT count(*) FROM s), (SELECT count(*) FROM g), "
           "(SELECT count(*) FROM m) "
           f"FROM r JOIN p ON p.item = r.item WHERE r.rn <= %s ORDER BY {outer_by}, r.rn")
    with connection.cursor() as cursor:  # user text only in params
        cursor.execute(sql, [*params, PAGE_SIZE, offset, GROUP_SHOWN])
        rows = cursor.fetchall()
        if rows:
            return rows[0][3], rows[0][4], rows[0][5] >= RANKED, [(row[0], row[1], row[2]) for row in rows]
        cursor.execute(head + "SELECT count(*), count(DISTINCT item), (SELECT count(*) FROM m) FROM s",  # noqa: S608
                       params)
        docs_total, items_total, matched = cursor.fetchone()
    return docs_total, items_total, matched >= RANKED, []


def _has_hits(words: list[str], filters: Filters, now: datetime) -> bool:
    if connection.vendor == "postgresql":
        sql = ("SELECT 1 FROM search_searchdocument d "  # noqa: S608  constants, user text in params
               f"WHERE d.vector @@ plainto_tsquery('german', %s) AND {filters.sql} LIMIT 1")
        params = [" ".join(words), *filters.params]
    else:
        matched, match_params = _sqlite_matches(words, filters, 20)  # the filters of search_fts are wider
        sql = (f"WITH m AS MATERIALIZED ({matched}) SELECT 1 FROM m "  # noqa: S608
               f"JOIN search_searchdocument d INDEXED BY search_document_rank ON d.id = m.id "
               f"WHERE {filters.sql} LIMIT 1")
        params = [*match_params, *filters.params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone() is not None


def distance_to(target: str, limit: int = 2) -> Callable[[str], int]:
    """A function giving the Levenshtein distance of a word to `target`, or limit + 1 when it exceeds `limit`.

    Myers' bit-parallel algorithm (Hyyrö's form): one pass over the word with a few integer operations per
    letter, the masks of `target` made once, so that a few thousand candidates cost a few milliseconds.
    """
    masks: dict[str, int] = {}
    for i, char in enumerate(target):
        masks[char] = masks.get(char, 0) | (1 << i)
    size = len(target)
    full, top = (1 << size) - 1, 1 << (size - 1) if size else 0

    def distance(word: str) -> int:
        if abs(len(word) - size) > limit:
            return limit + 1
        if not size or not word:
            return min(max(size, len(word)), limit + 1)
        plus, minus, score = full, 0, size  # vertical deltas +1 / -1 of the current column; its last cell
        for char in word:
            eq = masks.get(char, 0)
            xv = eq | minus
            xh = (((eq & plus) + plus) ^ plus) | eq
            up = minus | (~(xh | plus) & full)
            down = plus & xh
            if up & top:
                score += 1
            elif down & top:
                score -= 1
            up = ((up << 1) | 1) & full
            down = (down << 1) & full
            plus = down | (~(xv | up) & full)
            minus = up & xv
        return min(score, limit + 1)

    return distance


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance of a and b, or limit + 1 when it exceeds `limit`."""
    return distance_to(a, limit)(b)


SUGGEST_CANDIDATES = 5


def _close_terms(word: str) -> list[tuple[str, str]]:
    """(stem, readable form) of the indexed terms within edit distance 2 of the stem of `word`, closest first.

    Candidates differ by at most two in length and share the stem's first two letters or its last two: two
    small indexed look-ups (SearchTerm.head, .tail) instead of the whole vocabulary. So a slip anywhere is
    found, the first letter included ("Kochwasser": "Hochwasser"), as long as not both ends have one.
    """
    from newsdesk.core.german import stem

    target = stem(word)
    lengths = {"length__gte": len(target) - 2, "length__lte": len(target) + 2}
    near = Q(head=target[:2], **lengths) | Q(tail=target[-2:], **lengths)
    distance = distance_to(target)
    scored = []
    for term_stem, term_word in SearchTerm.objects.filter(near).exclude(stem=target).values_list("stem", "word"):
        found = distance(term_stem)
        if found <= 2:
            scored.append((found, abs(len(term_stem) - len(target)), term_stem, term_word))
    return [(term_stem, term_word) for *_key, term_stem, term_word in sorted(scored)]


def _respelt(typed: str, term_stem: str, term_word: str) -> str:
    """The close word in the form the reader typed ("Kochwasser" → "Hochwasser", though the index met
    "Hochwassers" first): the typed ending on the close stem, when that is a form of it and the indexed form
    spells the stem as it is (no umlaut folded into it); else the indexed form."""
    from newsdesk.core.german import stem

    lower = typed.lower()
    own = stem(lower)
    if lower.startswith(own) and term_word.lower().startswith(term_stem):
        candidate = term_stem + lower[len(own):]
        if stem(candidate) == term_stem:
            return candidate[:1].upper() + candidate[1:] if term_word[:1].isupper() else candidate
    return term_word


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
        for term_stem, term_word in _close_terms(word)[:SUGGEST_CANDIDATES]:
            if _has_hits([term_word.lower()], docs, now):
                corrected.append(_respelt(spelt.get(word, word), term_stem, term_word))
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
    total, item_total, capped, rows = _page(words, docs, now, order=order, grouped=not group,
                                            offset=(page - 1) * PAGE_SIZE)
    # Snippets are cut and marked in Python on both databases: PostgreSQL's ts_headline parses plain text as
    # HTML (a quoted "<b>" vanished) and trims differently, so one document read differently per backend.
    stems = stems_of(words)
    found = SearchDocument.objects.defer("title_stems", "body_stems", "vector").in_bulk([row[0] for row in rows])
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
    return Results(query=query, words=words, items=items, total=total, item_total=item_total, capped=capped,
                   page=page, order=order, group=group, suggestion=suggestion)
