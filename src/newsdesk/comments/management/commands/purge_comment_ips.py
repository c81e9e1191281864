from django.core.management.base import BaseCommand

from newsdesk.comments.services import comment_purge_ip_hashes


class Command(BaseCommand):
    help = "Forget the IP hashes of comments older than 7 days (run daily)."

    def handle(self, *args, **options):
        count = comment_purge_ip_hashes()
        self.stdout.write(f"IP hashes purged: {count}")
