from django.core.management.base import BaseCommand

from newsdesk.comments.services import comment_purge_ip_hashes, notices_purge, statements_purge


class Command(BaseCommand):
    help = ("Forget the IP hashes of comments older than 7 days, and the notifiers' details of DSA notices "
            "decided more than 180 days ago, and the facts (the quoted comment) of statements of reasons older "
            "than a year (run daily).")

    def handle(self, *args, **options):
        count = comment_purge_ip_hashes()
        self.stdout.write(f"IP hashes purged: {count}")
        self.stdout.write(f"Notices anonymised: {notices_purge()}")
        self.stdout.write(f"Statements of reasons without their facts: {statements_purge()}")
