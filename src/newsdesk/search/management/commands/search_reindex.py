from django.core.management.base import BaseCommand

from newsdesk.search.services import reindex


class Command(BaseCommand):
    help = "Rebuilds the search index from all published articles and newsblog entries."

    def handle(self, *args, **options) -> None:
        count = reindex()
        self.stdout.write(f"{count} documents indexed.")
