from django.core.management.base import BaseCommand, CommandError

from newsdesk.accounts.models import ApiToken, User
from newsdesk.accounts.services import token_create, token_revoke


class Command(BaseCommand):
    help = "Manage API tokens: 'token create USERNAME' prints a new bearer token; also list and revoke."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="print a new token for USERNAME")
        create.add_argument("username")
        create.add_argument("--name", default="")
        listing = sub.add_parser("list", help="list tokens of USERNAME")
        listing.add_argument("username")
        revoke = sub.add_parser("revoke", help="revoke a token by its prefix")
        revoke.add_argument("prefix")

    def handle(self, *args, **options):
        action = options["action"]
        if action == "revoke":
            token = ApiToken.objects.filter(prefix=options["prefix"]).first()
            if token is None:
                raise CommandError(f"No token starts with {options['prefix']!r}.")
            token_revoke(token=token)
            self.stdout.write(f"Revoked {token.prefix}…")
            return
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user {options['username']!r}; create one with 'newsdesk adduser'.")
        if action == "create":
            self.stdout.write(token_create(user=user, name=options["name"]))
        else:
            for token in user.api_tokens.order_by("created_at"):
                state = "revoked" if token.revoked_at else "active"
                self.stdout.write(f"{token.prefix}…  {token.name or '-'}  {token.created_at:%Y-%m-%d}  {state}")
