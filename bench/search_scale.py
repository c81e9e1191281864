"""Search at scale: p50/p95 of search() over 10,000 articles and 50,000 newsblog entries, per backend.

    .venv/bin/python bench/search_scale.py                      # SQLite; and PostgreSQL when DATABASE_URL says so
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python bench/search_scale.py
    .venv/bin/python bench/search_scale.py --articles 2000 --entries 10000 --queries 100   # quicker

Each backend runs in a child process on a scratch database (a SQLite file in a temporary folder, or a fresh
PostgreSQL database dropped afterwards). The documents are fictional German text drawn from
bench/data/search_words_de.txt (words near the top of the list more often, as in real text, plus compounds of
two list words for a long tail of rare words), published over two years; the entries belong to 100 newsblogs.
They go in through the search index's own rebuild (`search.services.reindex`), so stems, FTS5 rows or
tsvectors and the suggestion vocabulary are what production has.

The query mix: a common word (matches a large part of the archive), a rare word, two words, a compound,
`?sortierung=neu`, a search inside one newsblog, and a misspelling (no hits: the "Meinten Sie …" path). The
reference, in the same run, is a plain indexed look-up of one document by (kind, id); the ratio says how many
such look-ups one search costs on this machine at this moment. The load average is printed because these
machines are shared. Target: p95 of search under 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

WORD_FILE = ROOT / "bench" / "data" / "search_words_de.txt"
BLOGS = 100


def load_words() -> list[str]:
    lines = WORD_FILE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


class Text:
    """Fictional text. Each document is about TOPIC_WORDS words of the list, drawn with weight 1/(rank + 5)
    (so the first words of the list are in most documents, the last in a few per cent), and now and then a
    compound of two list words (the long tail of rare words)."""

    TOPIC_WORDS = 20

    def __init__(self, words: list[str], rng: random.Random) -> None:
        self.words, self.rng = words, rng
        self.weights = [1 / (rank + 5) for rank in range(len(words))]
        self.topic = words[:self.TOPIC_WORDS]

    def new_document(self) -> None:
        # Weighted sampling without replacement (Efraimidis-Spirakis): the largest u ** (1 / w).
        keys = sorted(((self.rng.random() ** (1 / w), word) for w, word in zip(self.weights, self.words,
                                                                               strict=True)), reverse=True)
        self.topic = [word for _key, word in keys[:self.TOPIC_WORDS]]

    def word(self) -> str:
        if self.rng.random() < 0.08:
            a, b = self.rng.sample(self.words, 2)
            return a + b.lower()
        return self.rng.choice(self.topic)

    def sentence(self, n: int) -> str:
        fillers = ("die", "der", "und", "am", "im", "mit", "nach", "für", "ist", "sind", "wird", "hat")
        out = []
        for i in range(n):
            out.append(self.word() if i % 3 != 1 else self.rng.choice(fillers))
        return " ".join(out).capitalize() + "."

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence(self.rng.randint(6, 14)) for _ in range(sentences))


def documents(articles: int, entries: int, seed: int):
    from django.utils import timezone

    rng = random.Random(seed)
    text = Text(load_words(), rng)
    now = timezone.now()
    blogs = [(f"newsblog-{b}", f"Newsblog {text.sentence(4)[:-1]}", f"/newsblog/blog-{b}/") for b in range(BLOGS)]
    for n in range(articles):
        text.new_document()
        yield {"kind": "article", "id": n + 1, "title": text.sentence(rng.randint(5, 9))[:-1],
               "body": text.paragraph(rng.randint(6, 12)), "url": f"/artikel/meldung-{n}/",
               "published_at": now - timedelta(minutes=rng.randint(1, 2 * 365 * 24 * 60)),
               "topics": [(f"thema-{n % 12}", f"Thema {n % 12}")]}
    for n in range(entries):
        group, title, url = blogs[n % BLOGS]
        text.new_document()
        yield {"kind": "entry", "id": n + 1, "title": text.sentence(rng.randint(4, 8))[:-1] if n % 3 == 0 else "",
               "body": text.paragraph(rng.randint(2, 5)), "url": f"{url}eintrag/{n + 1}/",
               "published_at": now - timedelta(minutes=rng.randint(1, 2 * 365 * 24 * 60)),
               "group": group, "group_title": title, "group_url": url}


def queries(count: int, seed: int) -> list[tuple[str, dict]]:
    rng = random.Random(seed + 1)
    words = load_words()
    common, rare = words[:20], words[100:]
    mix = []
    for n in range(count):
        kind = n % 10
        if kind in (0, 1):
            mix.append(("common word", {"query": rng.choice(common)}))
        elif kind in (2, 3):
            mix.append(("rare word", {"query": rng.choice(rare)}))
        elif kind in (4, 5):
            mix.append(("two words", {"query": " ".join(rng.sample(words[:120], 2))}))
        elif kind == 6:
            a, b = rng.sample(words, 2)
            mix.append(("compound", {"query": a + b.lower()}))
        elif kind == 7:
            mix.append(("sortierung=neu", {"query": rng.choice(common), "order": "new"}))
        elif kind == 8:
            group = f"newsblog-{rng.randrange(BLOGS)}"
            mix.append(("in one newsblog", {"query": rng.choice(words[:60]), "group": group}))
        else:
            word = rng.choice(rare)
            i = rng.randrange(1, len(word) - 1)
            mix.append(("misspelt", {"query": word[:i] + word[i + 1:] + "x"}))
    return mix


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def run_backend(args: argparse.Namespace) -> dict:
    """In the child: fill a scratch database, time the query mix and the reference; returns the figures."""
    from tests.support.server import scratch_database

    with tempfile.TemporaryDirectory() as folder, scratch_database(Path(folder)) as url:
        os.environ.update({"DATABASE_URL": url, "NEWSDESK_DATA_DIR": folder,
                           "DJANGO_SETTINGS_MODULE": "newsdesk.settings", "LOG_LEVEL": "WARNING"})
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        from newsdesk.search import services
        from newsdesk.search.models import SearchDocument
        from newsdesk.search.query import search

        call_command("migrate", verbosity=0)
        services._SOURCES.clear()  # only the bench's documents (the apps' sources are empty here anyway)
        services.register_source("bench", lambda: documents(args.articles, args.entries, args.seed))
        begin = time.perf_counter()
        count = services.reindex()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        fill_s = time.perf_counter() - begin
        mix = queries(args.queries, args.seed)
        for _label, kwargs in mix[:10]:  # warm caches and the stemmer, as a running server has them
            search(**kwargs)
        times: dict[str, list[float]] = {}
        hits: dict[str, list[int]] = {}
        for label, kwargs in mix:
            start = time.perf_counter()
            results = search(**kwargs)
            times.setdefault(label, []).append((time.perf_counter() - start) * 1000)
            hits.setdefault(label, []).append(results.total)
        rng = random.Random(args.seed + 2)
        reference = []
        for _ in range(len(mix)):
            kind = rng.choice(("article", "entry"))
            start = time.perf_counter()
            SearchDocument.objects.filter(kind=kind, object_id=rng.randint(1, args.articles)).first()
            reference.append((time.perf_counter() - start) * 1000)
        vendor = connection.vendor
        connection.close()
    every = [t for values in times.values() for t in values]
    return {"vendor": vendor, "documents": count, "fill_s": fill_s, "all": every, "times": times, "hits": hits,
            "reference": reference}


def report(figures: dict) -> None:
    ref_p50, ref_p95 = percentile(figures["reference"], 0.5), percentile(figures["reference"], 0.95)
    p50, p95 = percentile(figures["all"], 0.5), percentile(figures["all"], 0.95)
    print(f"\n{figures['vendor']}: {figures['documents']} documents indexed in {figures['fill_s']:.0f} s")
    print(f"{'query kind':<18} {'n':>4} {'hits (median)':>14} {'p50 ms':>8} {'p95 ms':>8}")
    for label, values in figures["times"].items():
        median_hits = sorted(figures["hits"][label])[len(values) // 2]
        print(f"{label:<18} {len(values):>4} {median_hits:>14} {percentile(values, 0.5):>8.1f} "
              f"{percentile(values, 0.95):>8.1f}")
    print(f"{'all searches':<18} {len(figures['all']):>4} {'':>14} {p50:>8.1f} {p95:>8.1f}   "
          f"target p95 < 100 ms: {'met' if p95 < 100 else 'NOT met'}")
    print(f"{'reference look-up':<18} {len(figures['reference']):>4} {'':>14} {ref_p50:>8.2f} {ref_p95:>8.2f}   "
          f"search/reference: p50 {p50 / ref_p50:.0f}×, p95 {p95 / ref_p95:.0f}×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--child", choices=("sqlite", "postgresql"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_backend(args)))
        return
    url = os.environ.get("DATABASE_URL", "")
    backends = ["sqlite"] + (["postgresql"] if url.startswith(("postgres://", "postgresql://")) else [])
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"search scale · {args.articles} articles + {args.entries} entries · {args.queries} queries · "
          f"load average {load} on {os.cpu_count()} cores")
    for backend in backends:
        env = dict(os.environ)
        if backend == "sqlite":
            env.pop("DATABASE_URL", None)
        child = subprocess.run([sys.executable, __file__, "--child", backend, "--articles", str(args.articles),
                                "--entries", str(args.entries), "--queries", str(args.queries),
                                "--seed", str(args.seed)], env=env, capture_output=True, text=True, check=False)
        if child.returncode != 0:
            print(f"\n{backend}: failed\n{child.stderr[-3000:]}")
            continue
        report(json.loads(child.stdout.strip().splitlines()[-1]))
    print(f"\nload average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
