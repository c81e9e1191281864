"""Archive scale: home-page SQL, the cost of publishing one article, and search p95 as the archive grows,
on SQLite or (with DATABASE_URL=postgresql://...) PostgreSQL. Each size is compared with the smallest one
of the same invocation (the reference), as ratios. "home SQL" is the median of 5 runs with the topic counts
kept (as between changes); "ref" the same number of `SELECT 1` round trips, timed alike (on a busy machine
most of a fast query's time is waiting for a core); "changed" the first run after an article change, which
recounts the topics.

    .venv/bin/python bench/archive_scale.py                          # 10,000 articles
    .venv/bin/python bench/archive_scale.py --large                  # and 100,000 (takes several minutes)
    .venv/bin/python bench/archive_scale.py --sizes 1000,5000        # any sizes
    .venv/bin/python bench/archive_scale.py --sizes 14000 --rebuild-memory   # rebuild peak memory, old vs new

Publishing is measured three ways in the same run, each the median of a few publishes: as it is (search and
the incremental "related" index), as a bare insert (the same publish with "related" switched off), and the
former "related" path (a TF-IDF refit over the whole archive and a read of every neighbour row, kept here as
the reference). The first publish of a process builds its in-memory index: shown separately ("cold").

Runs in this process on a scratch database (a SQLite file in a temporary folder, or a fresh PostgreSQL
database that is dropped afterwards). Articles are inserted in bulk with invented German text: each one about
one of many subjects (50 articles each) with words of its own, so that "related" has real clusters to find.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

WORDS = ("Brücke", "Rathaus", "Hochwasser", "Stadtrat", "Feuerwehr", "Schule", "Bahnhof", "Markt", "Verein",
         "Sportplatz", "Haushalt", "Ausbau", "Radweg", "Bürgermeisterin", "Bibliothek", "Kläranlage", "Buslinie",
         "Festwoche", "Baustelle", "Sitzung", "Gemeinde", "Kelmsbrück", "Testhausen", "Umleitung", "Sanierung",
         "Förderung", "Ehrenamt", "Wetter", "Sturm", "Ernte")


SYLLABLES = ("kelm", "brück", "lind", "hau", "sen", "mar", "tor", "wald", "berg", "feld", "stein", "bach",
             "hof", "dorf", "heim", "burg", "rat", "weg", "see", "tal")
ENDINGS = ("ung", "heit", "er", "schaft", "werk", "platz", "turm", "halle")
PER_SUBJECT = 50  # articles per subject
SUBJECT_WORDS = 8


def subject_words(subject: int) -> list[str]:
    """Invented compound nouns of one subject (distinct per subject for the first 64,000 words)."""
    words = []
    for k in range(subject * SUBJECT_WORDS, (subject + 1) * SUBJECT_WORDS):
        a, b, c = k % 20, (k // 20) % 20, (k // 400) % 8
        words.append(f"{SYLLABLES[a].capitalize()}{SYLLABLES[b]}{ENDINGS[c]}{k // 3200 or ''}")
    return words


def text(rng: random.Random, n: int, subject: int | None = None) -> str:
    if subject is None:
        return " ".join(rng.choice(WORDS) for _ in range(n))
    vocabulary = subject_words(subject)
    return " ".join(rng.choice(vocabulary) for _ in range(n))


def fill(total: int, rng: random.Random) -> None:
    from django.utils import timezone

    from newsdesk.articles.models import Article, Topic

    topics = [Topic.objects.get_or_create(slug=f"thema-{n}", defaults={"name": f"Thema {n}"})[0] for n in range(12)]
    have = Article.objects.count()
    now = timezone.now()
    through = Article.topics.through
    for start in range(have, total, 2000):
        batch = [Article(headline=f"{text(rng, 6, n // PER_SUBJECT)} {n}", slug=f"meldung-{n}",
                         teaser=text(rng, 25, n // PER_SUBJECT), body=f"<p>{text(rng, 120, n // PER_SUBJECT)}</p>",
                         status=Article.Status.PUBLISHED,
                         published_at=now - timedelta(minutes=n), top_story=n < 3)
                 for n in range(start, min(total, start + 2000))]
        created = Article.objects.bulk_create(batch)
        through.objects.bulk_create([through(article_id=a.pk, topic_id=topics[a.pk % len(topics)].pk)
                                     for a in created])


def home_sql_ms() -> tuple[float, float, float]:
    """Median SQL time of the home page's reads (5 runs, the topic counts kept as between changes), the same
    number of `SELECT 1` round trips timed the same way (the reference: on a busy machine most of each query's
    time is waiting for a core), and the first run after an article change (topic counts recomputed)."""
    from django.db import connection

    from newsdesk.articles import selectors
    from newsdesk.core import freshness

    spent = []

    def home_reads() -> None:
        top = selectors.top_stories()
        selectors.latest_articles(exclude=[a.pk for a in top])
        selectors.open_liveblogs()
        selectors.topics_with_articles()

    def timed(execute, sql, params, many, context):
        begin = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent.append(time.perf_counter() - begin)

    runs = []
    for _ in range(5):
        spent.clear()
        with connection.execute_wrapper(timed):
            home_reads()
        runs.append(sum(spent) * 1000)
    queries = len(spent)
    reference = []
    for _ in range(5):
        spent.clear()
        with connection.execute_wrapper(timed), connection.cursor() as cursor:
            for _ in range(queries):
                cursor.execute("SELECT 1")
                cursor.fetchone()
        reference.append(sum(spent) * 1000)
    from django.db import transaction

    with transaction.atomic():
        freshness.bump(freshness.ARTICLES)  # as an article change does: the topic counts are recomputed
    spent.clear()
    with connection.execute_wrapper(timed):
        home_reads()
    return sorted(runs)[len(runs) // 2], sorted(reference)[len(reference) // 2], sum(spent) * 1000


def publish_ms(rng: random.Random, subjects: int) -> float:
    from django.db import transaction

    from newsdesk.articles import services

    subject = rng.randrange(subjects)
    begin = time.perf_counter()
    with transaction.atomic():
        article = services.article_create(headline=text(rng, 6, subject), teaser=text(rng, 25, subject),
                                          body=f"<p>{text(rng, 120, subject)}</p>")
        services.article_publish(article=article)
    return (time.perf_counter() - begin) * 1000  # after commit: search and related indexing included


def median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def bare_publish_ms(rng: random.Random, subjects: int, runs: int) -> float:
    """The same publish with "related" switched off: what publishing costs without it."""
    from newsdesk import related

    keep = related.index_document
    related.index_document = lambda *args, **kwargs: None
    try:
        return median([publish_ms(rng, subjects) for _ in range(runs)])
    finally:
        related.index_document = keep


def former_index_document(kind: str, id: int, title: str, text: str, url: str, published_at) -> None:
    """The "related" publish path before issue 14 (the reference): refit over everything, read every list."""
    from django.db import transaction

    from newsdesk.related.models import Document, Neighbour
    from newsdesk.related.services import TOP_N, _store, top
    from newsdesk.related.similarity import MIN_SCORE, Space, text_stems

    with transaction.atomic():
        doc, _created = Document.objects.update_or_create(
            kind=kind, object_id=id, defaults={"title": title[:300], "url": url, "published_at": published_at,
                                               "stems": text_stems(title, text)})
        rows = list(Document.objects.order_by("id").values_list("id", "stems"))
        ids, space = [r[0] for r in rows], Space([r[1] for r in rows])
        row = space.rows([ids.index(doc.pk)])[0]
        weakest: dict[int, tuple[float, int]] = {}
        held = set()
        for document_id, other_id, score in Neighbour.objects.values_list("document_id", "other_id", "score"):
            low, count = weakest.get(document_id, (1.0, 0))
            weakest[document_id] = (min(low, score), count + 1)
            if other_id == doc.pk:
                held.add(document_id)
        affected = [doc.pk, *held]
        for n, other_id in enumerate(ids):
            low, count = weakest.get(other_id, (0.0, 0))
            if other_id != doc.pk and row[n] >= MIN_SCORE and (count < TOP_N or row[n] > low):
                affected.append(other_id)
        position = {doc_id: n for n, doc_id in enumerate(ids)}
        targets = list(dict.fromkeys(affected))
        matrix = space.rows([position[t] for t in targets])
        _store({t: top(r, ids, skip=t) for t, r in zip(targets, matrix, strict=True)})


def former_publish_ms(rng: random.Random, subjects: int, number: int) -> float:
    """Only the former "related" part of a publish (search and the article insert are the same either way)."""
    from django.utils import timezone

    subject = rng.randrange(subjects)
    begin = time.perf_counter()
    former_index_document("article", 10_000_000 + number, text(rng, 6, subject), text(rng, 145, subject),
                          f"/artikel/alt-{number}/", timezone.now())
    return (time.perf_counter() - begin) * 1000


def former_rebuild() -> int:
    """The rebuild before issue 14 (the memory reference): everything at once, blocks of 500 dense rows."""
    from django.db import transaction

    from newsdesk.related.models import Document
    from newsdesk.related.services import _SOURCES, _store, top
    from newsdesk.related.similarity import Space, text_stems

    with transaction.atomic():
        Document.objects.all().delete()
        Document.objects.bulk_create(
            Document(kind=d["kind"], object_id=d["id"], title=d["title"][:300], url=d["url"],
                     published_at=d["published_at"], stems=text_stems(d["title"], d["text"]))
            for documents in _SOURCES.values() for d in documents())
        rows = list(Document.objects.order_by("id").values_list("id", "stems"))
        ids, space = [r[0] for r in rows], Space([r[1] for r in rows])
        for start in range(0, len(ids), 500):
            targets = list(range(start, min(start + 500, len(ids))))
            matrix = space.rows(targets)
            _store({ids[t]: top(r, ids, skip=ids[t]) for t, r in zip(targets, matrix, strict=True)})
    return len(ids)


def peak_mib(run) -> tuple[float, float]:
    """Peak traced memory (Python and numpy allocations) of run(), in MiB, and its seconds."""
    import gc
    import tracemalloc

    gc.collect()
    tracemalloc.start()
    begin = time.perf_counter()
    try:
        run()
        return tracemalloc.get_traced_memory()[1] / 2**20, time.perf_counter() - begin
    finally:
        tracemalloc.stop()


def search_p95_ms(rng: random.Random, subjects: int) -> float:
    from newsdesk.search.query import search

    times = []
    for _ in range(20):
        begin = time.perf_counter()
        search(" ".join(rng.sample(subject_words(rng.randrange(subjects)), 2)))
        times.append((time.perf_counter() - begin) * 1000)
    return sorted(times)[int(0.95 * (len(times) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000")
    parser.add_argument("--large", action="store_true", help="also 100,000 articles")
    parser.add_argument("--runs", type=int, default=5, help="publishes per figure (median)")
    parser.add_argument("--rebuild-memory", action="store_true",
                        help="at the first size: peak memory of `related_rebuild`, former vs now")
    args = parser.parse_args()
    sizes = sorted({int(s) for s in args.sizes.split(",")} | ({100_000} if args.large else set()))
    from tests.support.server import scratch_database

    with tempfile.TemporaryDirectory() as folder, scratch_database(Path(folder)) as url:
        os.environ.update({"DATABASE_URL": url, "NEWSDESK_DATA_DIR": folder, "DJANGO_SETTINGS_MODULE":
                           "newsdesk.settings", "LOG_LEVEL": "WARNING"})
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        from newsdesk.related import services as related_services
        from newsdesk.search import services as search_services

        call_command("migrate", verbosity=0)
        rng = random.Random(14)
        print(f"archive scale · {connection.vendor} · sizes {', '.join(map(str, sizes))} · median of {args.runs}")
        print(f"{'articles':>9} {'home SQL':>9} {'ref':>5} {'changed':>8} {'search p95':>11} {'reindex s':>10} "
              f"{'rebuild s':>10} "
              f"{'cold':>7} {'publish':>8} {'bare':>7} {'former':>8}   publish/bare  former/publish"
              "   (ms unless marked)")
        for number, size in enumerate(sizes):
            fill(size, rng)
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            subjects = max(1, size // PER_SUBJECT)
            if args.rebuild_memory and number == 0:
                former_mib, former_s = peak_mib(former_rebuild)
                now_mib, now_s = peak_mib(related_services.rebuild)
                print(f"rebuild of {size} documents: former {former_mib:.0f} MiB peak in {former_s:.1f} s, now "
                      f"{now_mib:.0f} MiB in {now_s:.1f} s ({former_mib / now_mib:.1f}× less memory, "
                      f"{former_s / now_s:.1f}× the speed)", flush=True)
            begin = time.perf_counter()
            search_services.reindex()  # bulk-inserted articles are not indexed yet: search needs the whole archive
            reindex_s = time.perf_counter() - begin
            begin = time.perf_counter()
            related_services.rebuild()  # as after an import: every list computed, the idf fitted
            rebuild_s = time.perf_counter() - begin
            related_services.forget_index()
            cold = publish_ms(rng, subjects)  # builds this process's index
            publish = median([publish_ms(rng, subjects) for _ in range(args.runs)])
            bare = bare_publish_ms(rng, subjects, args.runs)
            former_runs = args.runs if size <= 20_000 else 1
            former = median([former_publish_ms(rng, subjects, n) for n in range(former_runs)])
            home, reference, changed = home_sql_ms()
            print(f"{size:>9} {home:>9.1f} {reference:>5.1f} {changed:>8.0f} {search_p95_ms(rng, subjects):>11.1f} "
                  f"{reindex_s:>10.1f} "
                  f"{rebuild_s:>10.1f} "
                  f"{cold:>7.0f} {publish:>8.1f} {bare:>7.1f} {former:>8.0f}   {publish / bare:>12.2f}× "
                  f"{former / publish:>14.1f}×", flush=True)
        connection.close()


if __name__ == "__main__":
    main()
