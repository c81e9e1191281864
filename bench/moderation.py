"""Comment pre-screening benchmark: throughput and latency of `screen()` on one core, model size, GermEval score.

    .venv/bin/python bench/moderation.py                      # 2,000 comments, GermEval test file
    .venv/bin/python bench/moderation.py --count 500 --no-germeval

Part 1 (`bench_screen`) runs `screen()` one comment at a time, single-threaded (BLAS pinned to one thread), on
GermEval test tweets paired with the fictional articles of `topic_eval`, so every call computes all signals
(offense, off-topic, links, word lists, shouting, fingerprint). Prints comments/second and p50/p99 ms.
Part 2 (`bench_germeval`) prints the model file size and the GermEval 2018 task 1 figures on the test file.
Part 3 (`bench_queue_page`) creates a fresh database (Django's test database: a temporary SQLite file, or a
`test_…` database next to `DATABASE_URL` on PostgreSQL), bulk-inserts N pending comments (default 10,000) with
bodies built from fictional sentences and signals from real `screen()` results, and times the moderation queue
page through Django's test client: first page, a middle page and the last page, plus the reported queue, with
p50/p99 and the number of SQL queries per page.

Parts 4 and 5 (issue 12) run in the same database: the cockpit's decision round trip (fetch + JSON, and its
undo) against the reference POST + page reload, and the live queue's delay from a stored comment to the
moderators' stream.

    .venv/bin/python bench/moderation.py --queue-only                 # only parts 3–5, 10,000 comments
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/moderation.py --queue-only
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

# One core: set before numpy is imported anywhere.
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")

GERMEVAL_TEST = Path("/work/shared/datasets/germeval2018/germeval2018.test.txt")


def _comments(count: int) -> list[str]:
    from newsdesk.moderation.metrics import read_germeval

    if GERMEVAL_TEST.exists():
        texts, _ = read_germeval(GERMEVAL_TEST)
    else:  # outside this workplace: the fictional comments, repeated
        from newsdesk.moderation.topic_eval import CASES

        texts = [c for case in CASES for c in case.on_topic + case.off_topic]
    return [texts[i % len(texts)] for i in range(count)]


def bench_screen(count: int) -> None:
    from newsdesk.moderation import offense, screen
    from newsdesk.moderation.topic_eval import CASES

    model = offense.load()
    comments = _comments(count)
    articles = [case.article for case in CASES]
    screen("Aufwärmen", context_text=articles[0], model=model)  # compile regexes, load tables
    timings = []
    started = time.perf_counter()
    for i, comment in enumerate(comments):
        t0 = time.perf_counter()
        screen(comment, context_text=articles[i % len(articles)], model=model)
        timings.append((time.perf_counter() - t0) * 1000)
    elapsed = time.perf_counter() - started
    timings.sort()
    p99 = timings[min(len(timings) - 1, int(len(timings) * 0.99))]
    print(f"screen(): {count} comments in {elapsed:.2f} s on one core = {count / elapsed:.0f} comments/s")
    print(f"  per comment: p50 {statistics.median(timings):.2f} ms  p99 {p99:.2f} ms  max {timings[-1]:.2f} ms")
    classifier = []
    for comment in comments[:500]:
        t0 = time.perf_counter()
        model.score(comment)
        classifier.append((time.perf_counter() - t0) * 1000)
    classifier.sort()
    print(f"  offense classifier alone: p50 {statistics.median(classifier):.2f} ms  "
          f"p99 {classifier[int(len(classifier) * 0.99)]:.2f} ms")


def bench_germeval() -> None:
    from newsdesk.moderation import offense
    from newsdesk.moderation.metrics import read_germeval, report

    model = offense.load()
    size = offense.MODEL_PATH.stat().st_size
    print(f"model {model.version}: {offense.MODEL_PATH.name}, {size / 1e6:.2f} MB")
    print(f"  training CV (5-fold, training file only): macro-F {model.metrics['cv_macro_f']}, "
          f"AUC {model.metrics['cv_auc']}, threshold {model.threshold:.2f}")
    if not GERMEVAL_TEST.exists():
        print(f"  GermEval test file not found at {GERMEVAL_TEST}; skipped")
        return
    texts, gold = read_germeval(GERMEVAL_TEST)
    r = report(gold, (model.probabilities(texts) >= model.threshold).astype(int))
    print(f"  GermEval 2018 task 1 test ({r.n} tweets): macro-F {r.macro_f:.4f} "
          f"(macro-P {r.macro_precision:.4f}, macro-R {r.macro_recall:.4f})")
    for label in ("OFFENSE", "OTHER"):
        print(f"    {label:8s} P {r.precision[label]:.4f}  R {r.recall[label]:.4f}")


def bench_topic() -> None:
    from newsdesk.moderation.topic_eval import evaluate

    for line in evaluate().lines():
        print(line)


# Fictional pieces (the flooded town of Kelmsbrück): combined into many different, plausible comment bodies.
_OPENINGS = ["Danke an alle Helfer in der Au.", "Ich wohne seit zwanzig Jahren an der Lindra.",
             "Weiß jemand, wann die Uferstraße wieder frei ist?", "Beim letzten Hochwasser war es ähnlich.",
             "Die Stadt informiert viel zu spät.", "Unser Keller ist zum Glück noch trocken."]
_MIDDLES = ["Die Sandsäcke am Bauhof waren schon mittags vergeben", "der Pegel an der Brückenmühle steigt weiter",
            "die Feuerwehr hat die ganze Nacht gepumpt", "die Busse fahren nur bis zum Marktplatz",
            "im Gemeindehaus gibt es warme Suppe für alle", "die Schule bleibt morgen wohl geschlossen"]
_ENDINGS = ["Hoffentlich hält der Damm.", "Bitte passt auf euch auf!", "Das Rathaus sollte endlich handeln.",
            "Wer hilft am Samstag beim Aufräumen?", "Mehr Infos unter www.kelms-hilfe.example bitte.",
            "So ein unfähiger Haufen im Rathaus, unglaublich."]


def _body(rng: random.Random) -> str:
    parts = [rng.choice(_OPENINGS), rng.choice(_MIDDLES) + ",", "und", rng.choice(_MIDDLES) + ".",
             rng.choice(_ENDINGS)]
    return " ".join(parts)


def _percentiles(timings: list[float]) -> str:
    return f"p50 {statistics.median(timings):6.1f} ms  p99 {_p99(timings):6.1f} ms"


def bench_queue_page(count: int, requests: int) -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from newsdesk.accounts.models import Role, User
    from newsdesk.comments import services
    from newsdesk.comments.models import Comment, Commenter
    from newsdesk.liveblogs import services as liveblog_services
    from newsdesk.moderation import screen

    setup_test_environment()
    if connection.vendor != "sqlite":
        # A name of its own: never clobber the `test_…` database a test run may be using right now.
        connection.settings_dict.setdefault("TEST", {})["NAME"] = f"bench_queue_{os.getpid()}"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        rng = random.Random(42)
        editor = User.objects.create_user("bench-editor", password="x" * 20, role=Role.EDITOR)
        moderator = User.objects.create_user("bench-moderator", password="x" * 20, role=Role.MODERATOR)
        blog = liveblog_services.liveblog_create(title="Hochwasser in Kelmsbrück", author=editor,
                                                 teaser="Der Pegel der Lindra steigt, die Feuerwehr pumpt.")
        content_type = ContentType.objects.get_for_model(blog)
        # Real screening results for 300 distinct bodies, reused round-robin: realistic signals and risks.
        samples = []
        for _ in range(300):
            body = _body(rng)
            result = screen(body, context_text=blog.title + " " + blog.teaser)
            samples.append((body, result))
        commenters = Commenter.objects.bulk_create(
            [Commenter(email=f"leser{i}@example.org", approved_count=rng.randint(0, 40),
                       rejected_count=rng.randint(0, 5)) for i in range(2000)])
        started = time.perf_counter()
        rows = []
        for i in range(count):
            body, result = samples[i % len(samples)]
            rows.append(Comment(
                content_type=content_type, object_id=blog.pk, commenter=commenters[i % len(commenters)],
                display_name=f"Leser {i}", body=body, risk=result.risk, screen_action=result.action.value,
                fingerprint=result.fingerprint, model_versions=result.versions,
                signals=[{"name": s.name, "score": s.score, "reason_de": s.reason_de, "version": s.version,
                          "action": s.action.value} for s in result.signals]))
        Comment.objects.bulk_create(rows, batch_size=1000)
        print(f"queue: {count} pending comments bulk-inserted in {time.perf_counter() - started:.1f} s "
              f"({connection.vendor})")
        # Some replies and reported published comments, so those parts of the page are rendered too.
        parents = list(Comment.objects.order_by("id")[:40])
        for n, parent in enumerate(parents[:20]):
            services.comment_approve(comment=parent, moderator=moderator)
            for k in range(3):
                services.comment_report(comment_id=parent.pk, reason="demeaning", session_key=f"s{n}-{k}", ip=None)
        Comment.objects.filter(pk__in=[c.pk for c in parents[20:]]).update(parent=parents[0])

        client = Client()
        client.force_login(moderator)
        pages = (count // 50) or 1
        for label, query in (("first page", "?status=pending"), ("middle page", f"?status=pending&seite={pages // 2}"),
                             ("last page", f"?status=pending&seite={pages}"), ("reported queue", "?status=reported")):
            client.get("/moderation/" + query)  # warm: templates, content types
            timings, cpu = [], []
            for _ in range(requests):
                t0, c0 = time.perf_counter(), time.process_time()
                with CaptureQueriesContext(connection) as queries:
                    response = client.get("/moderation/" + query)
                timings.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)  # this process only: other jobs on the machine
                # stretch wall time, not CPU time (a PostgreSQL server's own CPU is not in it)
                assert response.status_code == 200, response.status_code
            items = response.content.count(b'<li class="queue-item')
            print(f"  {label:15s} wall {_percentiles(timings)} | CPU p50 {statistics.median(cpu):5.1f} ms  "
                  f"({requests} requests, {items} items, "
                  f"{len(queries)} queries, {len(response.content) // 1024} KiB)")
        bench_decisions(client, requests)
        bench_live_queue(blog, min(requests, 30))
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def bench_decisions(client, requests: int) -> None:
    """Part 4 (issue 12): the cockpit's decision round trip with 10,000 pending — POST with `Accept:
    application/json` (the answer carries the new counts), then its undo — against two references in the same
    run: a trivial authenticated request through the same stack (session, user, moderator check, a JSON 400:
    "Nothing to undo"), alternated with the decisions so that the machine's load hits both alike; and the
    no-script path, POST → 303 → the whole queue page again (what every decision cost before)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from newsdesk.comments.models import Comment

    waiting = list(Comment.objects.filter(status="pending").order_by("-risk", "-risk_next", "created_at", "id")
                   .values_list("pk", flat=True)[: 3 * requests + 4])
    json_headers = {"HTTP_ACCEPT": "application/json"}
    client.post(f"/moderation/{waiting.pop()}/", {"action": "approve", "status": "pending"}, **json_headers)  # warm
    fetch, undo, trivial, reload_, fetch_cpu, trivial_cpu, reload_cpu = [], [], [], [], [], [], []
    for i in range(requests):
        t0, c0 = time.perf_counter(), time.process_time()
        response = client.post("/moderation/rueckgaengig/", {}, **json_headers)
        trivial.append((time.perf_counter() - t0) * 1000)
        trivial_cpu.append((time.process_time() - c0) * 1000)
        assert response.status_code == 400, response.status_code
        pk = waiting.pop(0)
        data = {"action": "approve", "status": "pending"} if i % 2 else {
            "action": "reject", "reason": "off-topic", "note": "Thema verfehlt", "status": "pending"}
        t0, c0 = time.perf_counter(), time.process_time()
        response = client.post(f"/moderation/{pk}/", data, **json_headers)
        fetch.append((time.perf_counter() - t0) * 1000)
        fetch_cpu.append((time.process_time() - c0) * 1000)
        assert response.status_code == 200 and response.json()["ok"], response.content[:200]
        t0 = time.perf_counter()
        undone = client.post("/moderation/rueckgaengig/", {"ids": response.json()["decisions"]}, **json_headers)
        undo.append((time.perf_counter() - t0) * 1000)
        assert undone.status_code == 200, undone.content[:200]
        client.post(f"/moderation/{pk}/", data, **json_headers)  # decide it for good, off the clock
    for _ in range(requests):
        pk = waiting.pop(0)
        t0, c0 = time.perf_counter(), time.process_time()
        response = client.post(f"/moderation/{pk}/", {"action": "approve", "status": "pending"}, follow=True)
        reload_.append((time.perf_counter() - t0) * 1000)
        reload_cpu.append((time.process_time() - c0) * 1000)
        assert response.status_code == 200
    # Where a decision's time goes: its queries (count and the slowest), for one approve and one reject.
    profiles = []
    for data in ({"action": "approve", "status": "pending"},
                 {"action": "reject", "reason": "spam", "status": "pending"}):
        with CaptureQueriesContext(connection) as queries:
            client.post(f"/moderation/{waiting.pop(0)}/", data, **json_headers)
        slowest = sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:3]
        profiles.append((data["action"], len(queries), sum(float(q["time"]) for q in queries.captured_queries),
                         slowest))
    with CaptureQueriesContext(connection) as queries:
        client.post("/moderation/rueckgaengig/", {}, **json_headers)
    trivial_queries = len(queries)
    counts_ms = ""
    if connection.vendor == "postgresql":  # the server's own time for the queue sizes, without the round trip
        from newsdesk.comments import selectors

        with CaptureQueriesContext(connection) as queries:
            selectors.queue_counts()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + queries.captured_queries[0]["sql"])
            counts_ms = f", counts query {cursor.fetchone()[0][0]['Execution Time']:.1f} ms inside PostgreSQL"
    print(f"decisions with {Comment.objects.filter(status='pending').count()} pending, {requests} each, "
          f"load average {_load()}{counts_ms}:")
    print(f"  fetch decision  wall {_percentiles(fetch)} | CPU {_percentiles(fetch_cpu)}")
    print(f"  its undo        wall {_percentiles(undo)}")
    print(f"  reference: trivial authenticated request ({trivial_queries} queries) wall {_percentiles(trivial)} | "
          f"CPU {_percentiles(trivial_cpu)}")
    print(f"  reference: POST + page reload wall {_percentiles(reload_)} | CPU {_percentiles(reload_cpu)}")
    p50 = statistics.median
    print(f"  ratio decision / trivial: p50 {p50(fetch) / p50(trivial):.2f}, p99 {_p99(fetch) / _p99(trivial):.2f}; "
          f"p50 decision / reload {p50(fetch) / p50(reload_):.2f}")
    for action, count, seconds, slowest in profiles:
        print(f"  {action}: {count} queries, {seconds * 1000:.1f} ms in the database; slowest: "
              + "; ".join(f"{float(q['time']) * 1000:.1f} ms {q['sql'][:90]}" for q in slowest))


def _p99(timings: list[float]) -> float:
    timings = sorted(timings)
    return timings[min(len(timings) - 1, int(len(timings) * 0.99))]


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def bench_live_queue(blog, count: int) -> None:
    """Part 5: from a reader's comment being stored to its "comment.new" on the moderators' stream (in-process
    realtime backend), against the reference of the submit alone in the same run."""
    import asyncio

    from asgiref.sync import async_to_sync, sync_to_async
    from django.utils import timezone

    from newsdesk import realtime
    from newsdesk.comments import services
    from newsdesk.comments.models import Commenter

    rng = random.Random(7)

    async def run() -> tuple[list[float], list[float]]:
        delays, submits, after = [], [], []
        async with realtime.subscribe(services.QUEUE_CHANNEL) as subscription:
            for i in range(count):
                email = f"live{i}@example.org"
                await sync_to_async(Commenter.objects.update_or_create)(
                    email=email, defaults={"email_confirmed_at": timezone.now()})
                t0 = time.perf_counter()
                comment = await sync_to_async(services.comment_submit)(
                    target=blog, display_name="Live", email=email, body=_body(rng), consent=True, ip=None)
                t1 = time.perf_counter()
                while True:
                    message = await asyncio.wait_for(subscription.get(), timeout=10)
                    if message is not None and message.data.get("id") == comment.pk:
                        break
                delays.append((time.perf_counter() - t0) * 1000)
                submits.append((t1 - t0) * 1000)
                after.append((time.perf_counter() - t1) * 1000)
        return delays, submits, after

    # async_to_sync: the sync parts run in this (the main) thread with its connection, so nothing is left open
    # in a worker thread when the throwaway database is dropped.
    delays, submits, after = async_to_sync(run)()
    print(f"live queue ({count} comments, in-process backend):")
    print(f"  submit → moderators' stream wall {_percentiles(delays)}")
    print(f"  reference: the submit alone  wall {_percentiles(submits)}")
    print(f"  ratio p50 delivery / submit: {statistics.median(delays) / statistics.median(submits):.2f}; "
          f"after the submit returned: {_percentiles(after)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--no-germeval", action="store_true")
    parser.add_argument("--queue-only", action="store_true", help="only part 3, the moderation queue page")
    parser.add_argument("--queue-count", type=int, default=10_000)
    parser.add_argument("--queue-requests", type=int, default=30)
    args = parser.parse_args()
    # Part 3 writes to a throwaway database: a temporary SQLite file unless DATABASE_URL points elsewhere.
    scratch = tempfile.TemporaryDirectory(prefix="newsdesk-bench-")
    os.environ.setdefault("SQLITE_TEST_NAME", str(Path(scratch.name) / "queue.sqlite3"))
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import django

    django.setup()
    if not args.queue_only:
        bench_screen(args.count)
        if not args.no_germeval:
            bench_germeval()
        bench_topic()
    bench_queue_page(args.queue_count, args.queue_requests)
    scratch.cleanup()


if __name__ == "__main__":
    main()
