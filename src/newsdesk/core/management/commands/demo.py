import os

from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse

from newsdesk.accounts.models import Role, User
from newsdesk.accounts.services import user_create_or_update
from newsdesk.articles import demo as article_demo
from newsdesk.articles.models import Article
from newsdesk.comments import demo as comments_demo
from newsdesk.jobs import demo as jobs_demo
from newsdesk.jobs.models import JobPosting
from newsdesk.liveblogs import demo as liveblog_demo
from newsdesk.liveblogs.models import LiveBlog

DEMO_EDITOR = "redaktion"
DEMO_PASSWORD = "newsdesk-demo"  # noqa: S105 - a published demo login, for local demo databases only


class Command(BaseCommand):
    help = "Load the fictional demo content (idempotent) and a demo editor login."

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
        if added := comments_demo.load():
            self.stdout.write(f"Demo comments waiting for moderation: {added}")
        password = os.environ.get("NEWSDESK_PASSWORD") or DEMO_PASSWORD
        editor = User.objects.filter(username=DEMO_EDITOR).first()
        if editor is None:
            editor = user_create_or_update(username=DEMO_EDITOR, role=Role.EDITOR, password=password,
                                           first_name="Demo", last_name="Redaktion")
        if editor.check_password(password):
            self.stdout.write(self.style.SUCCESS(
                f"Editor login: {settings.SITE_URL}{reverse('login')}  user '{DEMO_EDITOR}'  password '{password}'"
            ))
