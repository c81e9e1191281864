"""`newsdesk purge_mail`: delete sent and suppressed mails older than N days (data protection)."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsdesk.mail.services import purge


class Command(BaseCommand):
    help = "Delete sent and suppressed outbox mails older than --days (MAIL_PURGE_AFTER_DAYS). Failed ones stay."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.MAIL_PURGE_AFTER_DAYS)

    def handle(self, *args, **options):
        if options["days"] < 0:
            raise CommandError("--days must not be negative.")
        deleted = purge(older_than_days=options["days"])
        self.stdout.write(f"{deleted} mails deleted.")
