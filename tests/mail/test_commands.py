from datetime import timedelta

import pytest
from django.core.checks import run_checks
from django.core.management import call_command
from django.utils import timezone

from newsdesk.mail.models import OutboxMessage
from newsdesk.mail.services import enqueue


@pytest.mark.django_db
def test_purge_mail_command(capsys):
    row = enqueue(to="a@example.org", subject="s", text="t", kind="k", idempotency_key="k:1")
    OutboxMessage.objects.filter(pk=row.pk).update(status="sent", sent_at=timezone.now() - timedelta(days=31))
    call_command("purge_mail", "--days", "30")
    assert "1 mails deleted" in capsys.readouterr().out
    assert not OutboxMessage.objects.exists()


def test_checks_refuse_an_unknown_in_doubt_policy_and_a_missing_delivery_check(settings):
    settings.MAIL_IN_DOUBT = "maybe"
    settings.MAIL_DELIVERY_CHECK = "tests.mail.nowhere.check"
    ids = {message.id for message in run_checks()}
    assert {"newsdesk.mail.E001", "newsdesk.mail.E002"} <= ids
    settings.MAIL_IN_DOUBT = "hold"
    settings.MAIL_DELIVERY_CHECK = "tests.mail.ledger.delivered"
    assert not {m.id for m in run_checks()} & {"newsdesk.mail.E001", "newsdesk.mail.E002"}


def test_debug_without_smtp_host_writes_mail_files(tmp_path):
    """`make run`: DEBUG and no EMAIL_HOST means the file backend under var/mail."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {k: v for k, v in os.environ.items() if not k.startswith(("EMAIL_", "DATABASE_URL"))}
    env.update(DEBUG="true", NEWSDESK_DATA_DIR=str(tmp_path))
    code = "from django.conf import settings; print(settings.EMAIL_BACKEND, settings.EMAIL_FILE_PATH)"
    command = [Path(sys.executable).parent / "newsdesk", "shell", "-v", "0", "-c", code]
    out = subprocess.run(command, env=env, check=True, capture_output=True, text=True, timeout=60).stdout.split()
    assert out == ["django.core.mail.backends.filebased.EmailBackend", str(tmp_path / "mail")]


@pytest.mark.django_db
def test_worker_command_shows_a_tqdm_bar_on_a_terminal_from_the_send_counters(capsys, sink, worker):

    from newsdesk.mail.management.commands.send_mail import Command
    from newsdesk.mail.services import Mail, enqueue_many

    enqueue_many((Mail(to=f"t{n}@example.org", subject="Eil", text="x", kind="alert", batch="alert:3",
                       idempotency_key=f"a:3:{n}") for n in range(8)), labels={"alert:3": "Eil"})
    worker.batch_size = 5
    worker.process_batch()
    command = Command()
    command.quiet, command.tty, command.bar, command.last_report = False, True, None, 0.0
    command.report(worker.totals, final=True)
    bar = capsys.readouterr().err
    assert "5/8" in bar and " 62%" in bar and "running sends: 5 of 8 done" in bar
    # Without a terminal: a plain line, no bar.
    command.tty, command.bar = False, None
    command.report(worker.totals, final=True)
    err = capsys.readouterr().err
    assert "running sends: 5 of 8 done" in err and "%|" not in err
