import getpass
import os

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from newsdesk.accounts.models import Role
from newsdesk.accounts.services import user_create_or_update


class Command(BaseCommand):
    help = "Create a user (or update role and password). Password from NEWSDESK_PASSWORD or a prompt."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=[r for r in Role.values if r != Role.READER])
        parser.add_argument("--email", default="")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")

    def handle(self, *args, **options):
        password = os.environ.get("NEWSDESK_PASSWORD")
        if not password:
            if not os.isatty(0):
                raise CommandError("No password: set NEWSDESK_PASSWORD or run in a terminal to be asked.")
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The passwords differ.")
        try:
            user = user_create_or_update(
                username=options["username"], role=options["role"], password=password,
                email=options["email"], first_name=options["first_name"], last_name=options["last_name"],
            )
        except ValidationError as exc:
            raise CommandError("Password rejected: " + " ".join(exc.messages)) from exc
        self.stdout.write(f"User {user.username} is now {user.role}.")
