"""Archive scale: home-page SQL, the cost of publishing one article, and search p95 as the archive grows,
on SQLite or (with DATABASE_URL=postgresql://...) PostgreSQL. Each size is compared with the smallest one
of the same invocation (the reference), as ratios.

    .venv/bin/python bench/archive_scale.py                          # 1,000 and 5,000 articles (short)
    .venv/bin/python bench/archive_scale.py --sizes 10000,100000     # the issue's sizes (takes long)

Runs in this process on a scratch database (a SQLite file in a temporary folder, or a fresh PostgreSQL
database that is dropped afterwards). Articles are inserted in bulk with invented German text.
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


def text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def fill(total: int, rng: random.Random) -> None:
    from django.utils import timezone

    from newsdesk.articles.models import Article, Topic

    topics = [Topic.objects.get_or_create(slug=f"thema-{n}", defaults={"name": f"Thema {n}"})[0] for n in range(12)]
    have = Article.objects.count()
    now = timezone.now()
    through = Article.topics.through
    for start in range(have, total, 2000):
        batch = [Article(headline=f"{text(rng, 6)} {n}", slug=f"meldung-{n}", teaser=text(rng, 25),
                         body=f"<p>{text(rng, 120)}</p>", status=Article.Status.PUBLISHED,
                         published_at=now - timedelta(minutes=n), top_story=n < 3)
                 for n in range(start, min(total, start + 2000))]
        created = Article.objects.bulk_create(batch)
        through.objects.bulk_create([through(article_id=a.pk, topic_id=topics[a.pk % len(topics)].pk)
                                     for a in created])


def home_sql_ms() -> float:
    from django.db import connection

    from newsdesk.articles import selectors

    spent = []

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
            top = selectors.top_stories()
            selectors.latest_articles(exclude=[a.pk for a in top])
            selectors.open_liveblogs()
            selectors.topics_with_articles()
        runs.append(sum(spent) * 1000)
    return sorted(runs)[len(runs) // 2]


def publish_ms(rng: random.Random) -> float:
    from django.db import transaction

    from newsdesk.articles import services

    begin = time.perf_counter()
    with transaction.atomic():
        article = services.article_create(headline=text(rng, 6), teaser=text(rng, 25), body=f"<p>{text(rng, 120)}</p>")
        services.article_publish(article=article)
    return (time.perf_counter() - begin) * 1000  # after commit: search and related indexing included


def search_p95_ms(rng: random.Random) -> float:
    from newsdesk.search.query import search

    times = []
    for _ in range(20):
        begin = time.perf_counter()
        search(" ".join(rng.sample(WORDS, 2)))
        times.append((time.perf_counter() - begin) * 1000)
    return sorted(times)[int(0.95 * (len(times) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,5000")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    from tests.support.server import scratch_database

    with tempfile.TemporaryDirectory() as folder, scratch_database(Path(folder)) as url:
        os.environ.update({"DATABASE_URL": url, "NEWSDESK_DATA_DIR": folder, "DJANGO_SETTINGS_MODULE":
                           "newsdesk.settings", "LOG_LEVEL": "WARNING"})
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        call_command("migrate", verbosity=0)
        rng = random.Random(14)
        print(f"archive scale · {connection.vendor} · sizes {', '.join(map(str, sizes))}")
        print(f"{'articles':>9} {'home SQL ms':>12} {'publish ms':>11} {'search p95 ms':>14}   ratios to {sizes[0]}")
        reference = None
        for size in sizes:
            fill(size, rng)
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            publish_ms(rng)  # warm-up
            figures = (home_sql_ms(), publish_ms(rng), search_p95_ms(rng))
            reference = reference or figures
            ratios = " ".join(f"{f / r:>5.1f}×" for f, r in zip(figures, reference, strict=True))
            print(f"{size:>9} {figures[0]:>12.1f} {figures[1]:>11.0f} {figures[2]:>14.1f}   {ratios}", flush=True)
        connection.close()


if __name__ == "__main__":
    main()
