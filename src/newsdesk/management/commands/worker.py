"""`newsdesk worker`: all background work of newsdesk in one process; run as many as you like.

The mail outbox is sent in the foreground (claims with leases: several workers never send a mail twice),
and every task the apps registered in newsdesk.core.periodic runs in a thread of its own (scheduled
articles and entries, alerts, purges, and what other apps add). `--once`: each round once, then exit.
"""

from __future__ import annotations

from newsdesk.core import periodic
from newsdesk.mail.management.commands.send_mail import Command as SendMailCommand


class Command(SendMailCommand):
    help = ("Run the background work: send the mail outbox and run the periodic rounds (scheduled articles, "
            "alerts, purges). Safe to run in several processes at once.")

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--no-periodic", action="store_true", help="Only the mail outbox.")

    def handle(self, *args, **options):
        if not options["no_periodic"]:
            if options["once"]:
                for task in periodic.registered_tasks():
                    task.run_once()
            else:
                periodic.start_registered()
                names = ", ".join(task.name for task in periodic.registered_tasks())
                self.stderr.write(f"Background rounds: {names}")
        super().handle(*args, **options)
