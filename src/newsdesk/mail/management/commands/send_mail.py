"""`newsdesk worker`: drain the mail outbox (runs until SIGTERM/Ctrl+C, or `--once`)."""

from __future__ import annotations

import signal
import sys
import time

from django.core.management.base import BaseCommand, CommandError

from newsdesk.mail import selectors
from newsdesk.mail.worker import Totals, Worker


class Command(BaseCommand):
    help = "Send the mails in the outbox. SIGTERM finishes the current mail and gives the rest of the batch back."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Send what is due, then exit.")
        parser.add_argument("--batch-size", type=int, default=None, help="Mails per claim (MAIL_BATCH_SIZE).")
        parser.add_argument("--poll-interval", type=float, default=None,
                            help="Seconds between looks at an empty outbox (MAIL_POLL_SECONDS).")
        parser.add_argument("--no-progress", action="store_true", help="No progress line, even on a terminal.")

    def handle(self, *args, **options):
        if options["batch_size"] is not None and options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        self.quiet = options["no_progress"]
        self.tty = sys.stderr.isatty() and not self.quiet
        self.last_report = time.monotonic()  # first progress line after one interval, not after batch one
        self.bar = None
        worker = Worker(batch_size=options["batch_size"], poll_seconds=options["poll_interval"],
                        on_batch=self.report)
        for signum in (signal.SIGTERM, signal.SIGINT):
            # Graceful: the mail being sent is finished and marked, the rest of the claim is released at once.
            signal.signal(signum, lambda *_args: worker.stop())
        totals = worker.run(once=options["once"])
        self.report(totals, final=True)
        if options["once"] and totals.connection_failures:
            raise CommandError("The mail server was not reachable; the mails stay queued and are retried later.")

    def report(self, totals: Totals, final: bool = False) -> None:
        """Progress of large sends: a tqdm bar on a terminal, a log line every 10 s otherwise.

        Read from the sends' counters (MailBatch), never by counting the outbox, and at most twice a second.
        """
        now = time.monotonic()
        if not final and (self.quiet or now - self.last_report < (0.5 if self.tty else 10)):
            return
        self.last_report = now
        done, total = selectors.open_sends_progress()
        line = f"{totals.sent:,} sent by this worker, {totals.rate():,.0f}/s"
        if total:
            line += f" · running sends: {done:,} of {total:,} done"
        if not self.tty:
            self.stderr.write(line)
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=total, initial=done, file=sys.stderr, unit=" mails", dynamic_ncols=True,
                            desc="outbox")
        if total:  # sends finished and counted exactly: the bar keeps its last full state
            self.bar.total = total
            self.bar.n = done
        self.bar.set_postfix_str(line, refresh=True)
        if final:
            self.bar.close()
