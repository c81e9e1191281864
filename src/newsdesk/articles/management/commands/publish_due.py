from django.core.management.base import BaseCommand

from newsdesk.articles.scheduler import run_once


class Command(BaseCommand):
    help = "Publish scheduled articles whose time has come (for cron; `newsdesk serve` can also do it itself)."

    def handle(self, *args, **options):
        published = run_once()
        self.stdout.write(f"{len(published)} article(s) published.")
