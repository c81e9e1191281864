"""`newsdesk secret-key`: print a fresh random value for SECRET_KEY."""

import secrets

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Print a new random secret key (67 URL-safe characters) for the SECRET_KEY environment variable."

    requires_system_checks = []

    def handle(self, *args, **options):
        self.stdout.write(secrets.token_urlsafe(50))
