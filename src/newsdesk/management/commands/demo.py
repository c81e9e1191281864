import os

from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse

from newsdesk.accounts.models import Role, User
from newsdesk.accounts.services import user_create_or_update
from newsdesk.articles import demo as article_demo
from newsdesk.articles.models import Article
from newsdesk.branding import demo as branding_demo
from newsdesk.comments import demo as comments_demo
from newsdesk.jobs import demo as jobs_demo
from newsdesk.jobs.models import JobPosting
from newsdesk.liveblogs import demo as liveblog_demo
from newsdesk.liveblogs.models import LiveBlog
from newsdesk.promos import demo as promos_demo

DEMO_EDITOR = "redaktion"
DEMO_MODERATOR = "moderation"  # so a new user can try the comment queue the demo fills
DEMO_PASSWORD = "newsdesk-demo"  # noqa: S105 - a published demo login, for local demo databases only


class Command(BaseCommand):
    help = "Load the fictional demo content (idempotent) and demo editor and moderator logins."

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="only when no newsblog exists yet")

    def handle(self, *args, **options):
        if options["if_empty"] and LiveBlog.objects.exists():
            self.stdout.write("Demo content skipped: the database already has newsblogs.")
        else:
            for title in liveblog_demo.load():
                self.stdout.write(f"Demo newsblog created: {title}")
        if options["if_empty"] and Article.objects.exists():
            self.stdout.write("Demo articles skipped: the database already has articles.")
        else:
            # After the newsblogs: their demo users become the authors' logins.
            for headline in article_demo.load():
                self.stdout.write(f"Demo article created: {headline}")
        if options["if_empty"] and JobPosting.objects.exists():
            self.stdout.write("Demo job postings skipped: the database already has job postings.")
        else:
            for title in jobs_demo.load():
                self.stdout.write(f"Demo job posting created: {title}")
        if sections := branding_demo.load():
            self.stdout.write(f"Demo sections in the navigation: {', '.join(sections)}")
        for title in promos_demo.load():
            self.stdout.write(f"Demo promo box created: {title}")
        if added := comments_demo.load():
            self.stdout.write(f"Demo comments waiting for moderation: {added}")
        password = os.environ.get("NEWSDESK_PASSWORD") or DEMO_PASSWORD
        for label, username, role, last_name in [("Editor", DEMO_EDITOR, Role.EDITOR, "Redaktion"),
                                                 ("Moderator", DEMO_MODERATOR, Role.MODERATOR, "Moderation")]:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = user_create_or_update(username=username, role=role, password=password,
                                             first_name="Demo", last_name=last_name)
            if user.check_password(password):  # never print a password somebody has changed since
                self.stdout.write(self.style.SUCCESS(
                    f"{label} login: {settings.SITE_URL}{reverse('login')}  user '{username}'  password '{password}'"
                ))
