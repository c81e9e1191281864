"""`newsdesk worker` as a real process, killed with SIGKILL in the middle of a batch and started again.

The worker needs a database another process can open: a temporary SQLite file, migrated once per module
(pytest-django's own SQLite test database lives in memory).
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.mail.ledger import LEDGER_ENV
from tests.mail.smtp import HOST, SinkHandler, SmtpSink, free_port

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parents[2]
MAILS = 40
KILL_AFTER = 23  # the second batch of 20 is being sent


def base_env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EMAIL_", "MAIL_", "DATABASE_URL"))}
    env.update(DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}", NEWSDESK_DATA_DIR=str(tmp), DEBUG="false",
               PYTHONPATH=str(ROOT), LOG_LEVEL="WARNING")
    return env


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> Path:
    template = tmp_path_factory.mktemp("maildb")
    subprocess.run([BIN / "newsdesk", "migrate", "--no-input", "-v", "0"], env=base_env(template), check=True,
                   timeout=120)
    return template / "db.sqlite3"


@pytest.fixture
def outbox(migrated, tmp_path) -> Path:
    """A fresh copy of the migrated database with MAILS alerts enqueued through the real service."""
    shutil.copy(migrated, tmp_path / "db.sqlite3")
    script = (
        "from newsdesk.mail.services import Mail, enqueue_many\n"
        f"enqueue_many(Mail(to=f'leser{{n}}@example.org', subject='Eilmeldung', text='Hallo', kind='alert', "
        f"idempotency_key=f'alert:1:{{n}}') for n in range({MAILS}))\n"
    )
    subprocess.run([BIN / "newsdesk", "shell", "-v", "0", "-c", script], env=base_env(tmp_path), check=True, timeout=60)
    return tmp_path


def worker_env(tmp: Path, port: int, **extra: str) -> dict[str, str]:
    env = base_env(tmp)
    env.update(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST=HOST, EMAIL_PORT=str(port),
               EMAIL_TIMEOUT="5", MAIL_BATCH_SIZE="20", MAIL_POLL_SECONDS="0.05", MAIL_LEASE_SECONDS="1",
               DEFAULT_FROM_EMAIL="redaktion@newsdesk.test", **extra)
    return env


def rows(tmp: Path) -> list[tuple]:
    with sqlite3.connect(tmp / "db.sqlite3") as db:
        return db.execute("SELECT recipient, status, in_doubt, attempts FROM mail_outboxmessage ORDER BY id").fetchall()


def kill_mid_batch(tmp: Path, env: dict[str, str], sink_handler: SinkHandler, killed: threading.Event) -> None:
    """Start the worker, SIGKILL it once `killed` is set, wait out its lease, then run `worker --once`."""
    process = subprocess.Popen([BIN / "newsdesk", "worker"], env=env)
    sink_handler.process = process
    try:
        assert killed.wait(60), "the worker sent nothing"
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
    statuses = [status for _r, status, _d, _a in rows(tmp)]
    assert "sent" in statuses and "sending" in statuses, statuses  # really killed in the middle of a batch
    time.sleep(1.2)  # the dead worker's lease (1 s) runs out
    subprocess.run([BIN / "newsdesk", "worker", "--once"], env=env, check=True, timeout=60)


def test_killed_worker_is_restarted_and_every_recipient_gets_exactly_one_mail(outbox, tmp_path):
    """Killed from outside at whatever point it is (mid SMTP exchange, mid commit); the relay's ledger is asked."""
    ledger = tmp_path / "ledger.txt"
    killed = threading.Event()
    handler = SinkHandler(ledger=ledger,
                          after_accept=lambda server, mail: len(handler.received) >= KILL_AFTER and killed.set())
    with SmtpSink(handler, port=free_port()) as sink:
        env = worker_env(tmp_path, sink.port, MAIL_DELIVERY_CHECK="tests.mail.ledger.delivered",
                         **{LEDGER_ENV: str(ledger)})
        kill_mid_batch(tmp_path, env, handler, killed)
    per_recipient = handler.per_recipient()
    assert len(per_recipient) == MAILS  # none lost
    assert set(per_recipient.values()) == {1}  # none twice
    assert {status for _r, status, _d, _a in rows(tmp_path)} == {"sent"}


def test_killed_in_the_window_without_a_delivery_check_resends_once_with_the_same_message_id(outbox, tmp_path):
    """The worst case: killed after the server took the mail, before its 250 arrived. No check configured, so
    the default policy resends that one mail: nothing is lost, and the one duplicate is recognisable."""
    killed = threading.Event()

    def kill_before_answering(server, mail):
        if len(handler.received) == KILL_AFTER:
            os.kill(handler.process.pid, signal.SIGKILL)
            killed.set()

    handler = SinkHandler(after_accept=kill_before_answering)
    with SmtpSink(handler, port=free_port()) as sink:
        kill_mid_batch(tmp_path, worker_env(tmp_path, sink.port), handler, killed)
    per_recipient = handler.per_recipient()
    assert len(per_recipient) == MAILS
    twice = [rcpt for rcpt, n in per_recipient.items() if n > 1]
    assert twice == [handler.received[KILL_AFTER - 1].rcpt_tos[0]]
    assert per_recipient[twice[0]] == 2
    copies = {m.message_id for m in handler.received if m.rcpt_tos == twice}
    assert len(copies) == 1  # both copies carry the same Message-ID
    assert {status for _r, status, _d, _a in rows(tmp_path)} == {"sent"}


def test_sigterm_finishes_the_current_mail_and_gives_the_rest_back(outbox, tmp_path):
    stop = threading.Event()
    handler = SinkHandler(after_accept=lambda server, mail: len(handler.received) >= 5 and stop.set())
    with SmtpSink(handler, port=free_port()) as sink:
        process = subprocess.Popen([BIN / "newsdesk", "worker"], env=worker_env(tmp_path, sink.port))
        try:
            assert stop.wait(60), "the worker sent nothing"
            process.send_signal(signal.SIGTERM)
            assert process.wait(30) == 0
        finally:
            if process.poll() is None:
                process.kill()
    outcome = rows(tmp_path)
    sent = [r for r in outcome if r[1] == "sent"]
    assert len(sent) == len(handler.received) < MAILS  # every mail the server took is marked, no more
    assert {status for _r, status, _d, _a in outcome} == {"sent", "pending"}  # nothing left "sending"
    assert not any(in_doubt for _r, _s, in_doubt, _a in outcome)
