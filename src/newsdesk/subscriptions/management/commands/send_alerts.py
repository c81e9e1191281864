from __future__ import annotations

import sys

from django.core.management.base import BaseCommand

from newsdesk.subscriptions.models import AlertJob
from newsdesk.subscriptions.services import process_alert_jobs


class Command(BaseCommand):
    help = "Turn pending alerts into outbox mails now (serve does this every 2 s; this is for cron or by hand)."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="No progress bar, even on a terminal.")

    def handle(self, *args, **options):
        bars: dict[int, object] = {}
        show = sys.stderr.isatty() and not options["no_progress"]

        def progress(job: AlertJob, read: int, total: int) -> None:
            """One tqdm bar per alert on a terminal: recipients written to the outbox."""
            from tqdm import tqdm

            bar = bars.get(job.pk)
            if bar is None:
                bar = bars[job.pk] = tqdm(total=total, desc=job.subject[:40], unit=" mails", file=sys.stderr,
                                          dynamic_ncols=True)
            bar.update(read - bar.n)

        total = 0
        try:
            while finished := process_alert_jobs(on_progress=progress if show else None):
                total += finished
        finally:
            for bar in bars.values():
                bar.close()
        self.stdout.write(f"Alerts sent to the outbox: {total}")
