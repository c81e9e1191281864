"""Fan-out benchmark: one alert to N confirmed followers, through the alert runner, the outbox and `newsdesk worker`
into a local SMTP sink.

    .venv/bin/python bench/mail_fanout.py                    # 100,000 mails, temporary SQLite database
    .venv/bin/python bench/mail_fanout.py --count 10000 --workers 2
    .venv/bin/python bench/mail_fanout.py --database-url postgresql://postgres@127.0.0.1:5432/test

Prints mails/second for turning the alert into outbox mails and for delivery, the peak RSS of the worker
process(es), and compares the Message-IDs the sink received with the outbox: lost and duplicates must both be
0. With PostgreSQL a temporary database is created next to the given one and dropped afterwards. The sink is
aiosmtpd in a thread of this process; it only looks for the Message-ID line, so the worker, not the sink, is
what is measured.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
MESSAGE_ID = re.compile(rb"^Message-ID:\s*(<[^>]+>)", re.MULTILINE | re.IGNORECASE)
DOMAIN = "bench.newsdesk.test"


class Sink:
    """Counts Message-IDs; accepts everything."""

    def __init__(self) -> None:
        self.ids: Counter[str] = Counter()
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        match = MESSAGE_ID.search(envelope.content)
        with self.lock:
            self.ids[match.group(1).decode() if match else "<missing>"] += 1
        return "250 2.0.0 Ok"


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_scratch(url: str) -> tuple[str, callable]:
    """A temporary database beside the one in `url` (never touches that one's tables)."""
    import psycopg
    from psycopg import sql

    name = f"newsdesk_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))

    def drop() -> None:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))

    return url.rsplit("/", 1)[0] + "/" + name, drop


def confirmed_followers(count: int) -> str:
    """`count` confirmed followers of one newsblog (bulk-inserted); returns its subscription key."""
    import secrets

    from django.utils import timezone

    from newsdesk.subscriptions.models import Subscriber, Subscription

    now = timezone.now()
    key = "liveblog.4711"
    for start in range(0, count, 5000):
        subscribers = Subscriber.objects.bulk_create(
            Subscriber(email=f"leser{n}@example.org", token=secrets.token_urlsafe(32))
            for n in range(start, min(count, start + 5000)))
        Subscription.objects.bulk_create(
            Subscription(subscriber=subscriber, kind=Subscription.Kind.LIVEBLOG, target_key=key,
                         target_title="Newsblog: Stromausfall in Testhausen", status=Subscription.Status.CONFIRMED,
                         signed_up_at=now, confirmed_at=now, consent_version="bench")
            for subscriber in subscribers)
    return key


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--database-url", default="", help="PostgreSQL server (a scratch database is created)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes draining concurrently")
    parser.add_argument("--batch-size", type=int, default=200)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="newsdesk-mailbench-"))
    drop = None
    if args.database_url:
        url, drop = postgres_scratch(args.database_url)
    else:
        url = f"sqlite:///{tmp / 'bench.sqlite3'}"
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EMAIL_", "MAIL_"))}
    env.update(DATABASE_URL=url, NEWSDESK_DATA_DIR=str(tmp), DEBUG="false", LOG_LEVEL="WARNING",
               EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST="127.0.0.1",
               EMAIL_PORT=str(port), DEFAULT_FROM_EMAIL=f"alerts@{DOMAIN}", MAIL_MESSAGE_ID_DOMAIN=DOMAIN,
               MAIL_BATCH_SIZE=str(args.batch_size), MAIL_POLL_SECONDS="0.2")
    os.environ.update(env)
    try:
        return run(args, env, port, url)
    finally:
        if drop is not None:
            from django.db import connections

            connections.close_all()
            drop()


def run(args, env: dict[str, str], port: int, url: str) -> int:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
    django.setup()
    from aiosmtpd.controller import Controller
    from django.core.management import call_command
    from django.db import connections, transaction

    from newsdesk.mail.models import MailBatch, OutboxMessage, message_id_for
    from newsdesk.mail.selectors import status_counts
    from newsdesk.subscriptions import services as subscriptions

    engine = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    print(f"database: {engine} ({url.rsplit('/', 1)[-1]}), {args.count:,} mails, {args.workers} worker(s), "
          f"batch {args.batch_size}")
    call_command("migrate", verbosity=0, interactive=False)

    key = confirmed_followers(args.count)
    # One alert, as a key event records it in the editor's transaction; the alert runner turns it into mails.
    with transaction.atomic():
        subscriptions.record_alert(
            kind="liveblog", target_keys=[key], event_key="liveblog.4711.entry.1",
            subject="Stromausfall in Testhausen: Umspannwerk wieder am Netz",
            text="Ein erfundenes Ereignis in Testhausen, Absatz für Absatz. " * 20,
            url="https://newsdesk.test/newsblog/stromausfall/#eintrag-1")
    started = time.perf_counter()
    subscriptions.process_alert_jobs()
    enqueue_seconds = time.perf_counter() - started
    created = OutboxMessage.objects.count()
    print(f"alert → outbox: {created:,} mails in {enqueue_seconds:.1f} s = {created / enqueue_seconds:,.0f}"
          " mails/s (rendered per reader with its unsubscribe links, bulk-inserted)")
    connections.close_all()

    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=port, ready_timeout=10)
    controller.start()
    try:
        started = time.perf_counter()
        procs = [subprocess.Popen([BIN / "newsdesk", "worker", "--once", "--no-progress"], env=env)
                 for _ in range(args.workers)]
        peak_kib, codes = 0, []
        for proc in procs:
            _pid, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            codes.append(proc.returncode)
            peak_kib = max(peak_kib, usage.ru_maxrss)
        drain_seconds = time.perf_counter() - started
    finally:
        controller.stop()

    counts = status_counts()
    expected = {message_id_for(key) for key in OutboxMessage.objects.values_list("idempotency_key", flat=True)}
    received = set(sink.ids)
    lost = len(expected - received)
    duplicates = sum(n - 1 for n in sink.ids.values())
    strays = len(received - expected)
    delivered = sum(sink.ids.values())
    print(f"delivery: {delivered:,} mails in {drain_seconds:.1f} s = {delivered / drain_seconds:,.0f} mails/s "
          f"(worker start-up included; exit codes {codes})")
    print(f"worker peak RSS: {peak_kib / 1024:.0f} MiB (largest of {args.workers})")
    print(f"outbox: {counts}")
    print(f"lost: {lost}   duplicates: {duplicates}   unexpected: {strays}")
    # The back office's status line reads these counters; they must agree with the outbox.
    send = MailBatch.objects.get(key="alert:liveblog.4711.entry.1")
    print(f"send counters: {send.sent:,} of {send.total:,} sent, {send.failed:,} failed, "
          f"{'finished' if send.finished_at else 'not finished'}")
    ok = lost == 0 and duplicates == 0 and strays == 0 and counts["sent"] == args.count == created \
        and not any(codes) and send.sent == send.total == created and send.finished_at is not None
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
