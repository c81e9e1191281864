from django.core.management.base import BaseCommand

from newsdesk.related.services import rebuild


class Command(BaseCommand):
    help = "Recomputes the similar-content lists of all published articles and newsblogs."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"{rebuild()} documents compared.")
