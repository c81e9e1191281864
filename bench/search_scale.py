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
`?sortierung=neu`, a search inside one newsblog, and a misspelling (no hits: the "Meinten Sie …" path; half of
them with a wrong first letter). Printed per kind: p50/p95, the median number of hits, how many searches were
capped (only the newest `query.RANKED` ranked) and, for misspellings, how many got a suggestion. The
reference, in the same run, is a plain indexed look-up of one document by (kind, id); the ratio says how many
such look-ups one search costs on this machine at this moment. The load average is printed because these
machines are shared. Target: p95 of search under 100 ms.

    .venv/bin/python bench/search_scale.py --before main    # also the code of git ref `main`, same run and mix

`--before REF` exports that commit's `src` (git archive) and runs the same documents and queries against it
first, per backend, so that a change is measured against its base under the same load.
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
        elif n % 20 == 9:
            word = rng.choice(rare)
            i = rng.randrange(1, len(word) - 1)
            mix.append(("misspelt", {"query": word[:i] + word[i + 1:] + "x"}))
        else:  # the first letter wrong: "Kochwasser"
            word = rng.choice(rare)
            first = rng.choice([c for c in "BDFGHKLMNPRSTW" if c != word[0].upper()])
            mix.append(("misspelt", {"query": first + word[1:]}))
    return mix


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def run_backend(args: argparse.Namespace) -> dict:
    """In the child: fill a scratch database, time the query mix and the reference; returns the figures."""
    if args.src:  # the code under test: another checkout's src (--before), found before ours
        sys.path.insert(0, args.src)
    from tests.support.server import scratch_database

    with tempfile.TemporaryDirectory() as folder, scratch_database(Path(folder)) as url:
        os.environ.update({"DATABASE_URL": url, "NEWSDESK_DATA_DIR": folder,
                           "DJANGO_SETTINGS_MODULE": "newsdesk.settings", "LOG_LEVEL": "WARNING"})
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        from newsdesk.search import query, services
        from newsdesk.search.models import SearchDocument
        from newsdesk.search.query import search

        if args.ranked and hasattr(query, "RANKED"):
            query.RANKED = args.ranked

        call_command("migrate", verbosity=0)
        services._SOURCES.clear()  # only the bench's documents (the apps' sources are empty here anyway)
        services.register_source("bench", lambda: documents(args.articles, args.entries, args.seed))
        begin = time.perf_counter()
        count = services.reindex()
        with connection.cursor() as cursor:
            # PostgreSQL: the rebuild's UPDATE of every vector leaves a dead row per document, which autovacuum
            # clears soon after on a running site; VACUUM does it now, so both runs read the same live rows.
            cursor.execute("VACUUM ANALYZE" if vendor_is_postgres(connection) else "ANALYZE")
        fill_s = time.perf_counter() - begin
        mix = queries(args.queries, args.seed)
        for _label, kwargs in mix[:10]:  # warm caches and the stemmer, as a running server has them
            search(**kwargs)
        times: dict[str, list[float]] = {}
        hits: dict[str, list[int]] = {}
        capped: dict[str, int] = {}
        suggested: dict[str, int] = {}
        for label, kwargs in mix:
            start = time.perf_counter()
            results = search(**kwargs)
            times.setdefault(label, []).append((time.perf_counter() - start) * 1000)
            hits.setdefault(label, []).append(results.total)
            capped[label] = capped.get(label, 0) + bool(getattr(results, "capped", False))
            suggested[label] = suggested.get(label, 0) + bool(results.suggestion)
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
            "capped": capped, "suggested": suggested, "reference": reference,
            "ranked": getattr(query, "RANKED", None), "load": os.getloadavg(),
            "code": str(Path(query.__file__).parents[2])}


def vendor_is_postgres(connection) -> bool:
    if connection.vendor == "postgresql":
        connection.ensure_connection()
        connection.connection.autocommit = True  # VACUUM runs outside a transaction
        return True
    return False


def report(figures: dict, label: str = "") -> None:
    ref_p50, ref_p95 = percentile(figures["reference"], 0.5), percentile(figures["reference"], 0.95)
    p50, p95 = percentile(figures["all"], 0.5), percentile(figures["all"], 0.95)
    ranked = f", ranking the newest {figures['ranked']}" if figures.get("ranked") else ", ranking every match"
    load = " ".join(f"{x:.2f}" for x in figures["load"])
    print(f"\n{figures['vendor']}{label}: {figures['documents']} documents indexed in {figures['fill_s']:.0f} s"
          f"{ranked}; load average after the searches {load}; code in {figures['code']}")
    print(f"{'query kind':<18} {'n':>4} {'hits (median)':>14} {'p50 ms':>8} {'p95 ms':>8} {'capped':>7} "
          f"{'suggested':>10}")
    for kind, values in figures["times"].items():
        median_hits = sorted(figures["hits"][kind])[len(values) // 2]
        print(f"{kind:<18} {len(values):>4} {median_hits:>14} {percentile(values, 0.5):>8.1f} "
              f"{percentile(values, 0.95):>8.1f} {figures['capped'][kind]:>7} {figures['suggested'][kind]:>10}")
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
    parser.add_argument("--ranked", type=int, default=0, help="set query.RANKED (default: the code's own)")
    parser.add_argument("--before", metavar="REF", help="also run the code of this git ref first, per backend")
    parser.add_argument("--child", choices=("sqlite", "postgresql"), help=argparse.SUPPRESS)
    parser.add_argument("--src", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_backend(args)))
        return
    url = os.environ.get("DATABASE_URL", "")
    backends = ["sqlite"] + (["postgresql"] if url.startswith(("postgres://", "postgresql://")) else [])
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"search scale · {args.articles} articles + {args.entries} entries · {args.queries} queries · "
          f"load average {load} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as before_dir:
        runs = [("", "")]
        if args.before:
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.before, "src"], capture_output=True,
                                     check=True).stdout
            subprocess.run(["tar", "-x", "-C", before_dir], input=archive, check=True)
            runs = [(str(Path(before_dir) / "src"), f" · before ({args.before})"), ("", " · this checkout")]
        for backend in backends:
            env = dict(os.environ)
            if backend == "sqlite":
                env.pop("DATABASE_URL", None)
            for src, label in runs:
                child = subprocess.run([sys.executable, __file__, "--child", backend, "--articles",
                                        str(args.articles), "--entries", str(args.entries), "--queries",
                                        str(args.queries), "--seed", str(args.seed), "--ranked", str(args.ranked),
                                        "--src", src], env=env, capture_output=True, text=True, check=False)
                if child.returncode != 0:
                    print(f"\n{backend}{label}: failed\n{child.stderr[-3000:]}")
                    continue
                report(json.loads(child.stdout.strip().splitlines()[-1]), label)
    print(f"\nload average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
