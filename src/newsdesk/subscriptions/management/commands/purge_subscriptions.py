from django.core.management.base import BaseCommand

from newsdesk.subscriptions.services import UNCONFIRMED_KEPT, purge_unconfirmed


class Command(BaseCommand):
    help = f"Forget sign-ups never confirmed within {UNCONFIRMED_KEPT.days} days (run daily, e.g. from cron)."

    def handle(self, *args, **options):
        self.stdout.write(f"Unconfirmed sign-ups deleted: {purge_unconfirmed()}")
