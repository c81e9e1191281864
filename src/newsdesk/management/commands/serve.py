import argparse
import resource

import uvicorn
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from newsdesk.core import periodic
from newsdesk.core.checks import ensure_safe_to_serve
from newsdesk.core.staticfiles import ensure_static_collected
from newsdesk.mail.worker import start_worker_thread


class Command(BaseCommand):
    help = "Serve newsdesk over ASGI with uvicorn."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=1)
        parser.add_argument("--log-level", default="info")
        parser.add_argument("--no-mail-worker", action="store_true",
                            help="do not send the e-mail outbox from this process (run 'newsdesk worker' instead)")
        parser.add_argument("--background", action=argparse.BooleanOptionalAction, default=None,
                            help="also run the background work (outbox, scheduled articles, alerts, purges) "
                                 "in this process; default SERVE_RUNS_BACKGROUND (on with DEBUG); "
                                 "production runs 'newsdesk worker'")

    def handle(self, *args, **options):
        try:
            ensure_safe_to_serve()
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from exc
        workers = options["workers"]
        if workers < 1:
            raise CommandError("--workers must be at least 1.")
        if workers > 1 and settings.REALTIME_BACKEND.endswith("InProcessBackend"):
            raise CommandError(
                "Several workers need a shared realtime backend: set REDIS_URL (readers connected to one "
                "worker would otherwise not see entries posted through another)."
            )
        if ensure_static_collected():
            self.stdout.write(f"Static files collected into {settings.STATIC_ROOT} (hashed, gzip and brotli).")
        # Every live reader holds a connection, i.e. a file descriptor.
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if soft < hard:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
        background = settings.SERVE_RUNS_BACKGROUND if options["background"] is None else options["background"]
        if background:
            # Everything in one process, so that `make run` needs no second command: the outbox sender, and
            # the registered rounds (scheduled articles, alerts, purges). Production runs `newsdesk worker`.
            if not options["no_mail_worker"]:
                start_worker_thread()
            periodic.start_registered()
        uvicorn.run(
            "newsdesk.asgi:application",
            host=options["host"],
            port=options["port"],
            workers=workers,
            lifespan="off",
            log_level=options["log_level"],
            proxy_headers=False,  # client_ip() reads X-Forwarded-For from FORWARDED_ALLOW_IPS only
            backlog=4096,
            # Slow-header clients are cut off (uvicorn has no such timeout of its own); idle keep-alive closes.
            http="newsdesk.core.http_protocol:HeaderTimeoutProtocol",
            timeout_keep_alive=settings.SERVER_KEEP_ALIVE_TIMEOUT,
            timeout_graceful_shutdown=3,
        )
