from django.core.management.base import BaseCommand

from newsdesk.subscriptions.services import process_alert_jobs


class Command(BaseCommand):
    help = "Turn pending alerts into outbox mails now (serve does this every 2 s; this is for cron or by hand)."

    def handle(self, *args, **options):
        total = 0
        while finished := process_alert_jobs():
            total += finished
        self.stdout.write(f"Alerts sent to the outbox: {total}")
