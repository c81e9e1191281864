"""`newsdesk import wordpress EXPORT.xml [...]`: bring a WordPress site's archive into newsdesk."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from newsdesk.accounts.models import User
from newsdesk.importers.wordpress import Options, WordPressImport


class Command(BaseCommand):
    help = "Import content from another system. `newsdesk import wordpress EXPORT.xml` reads a WordPress export."

    def add_arguments(self, parser) -> None:
        sources = parser.add_subparsers(dest="source", required=True, title="source")
        wordpress = sources.add_parser("wordpress", help="a WordPress export (WXR 1.0–1.2, Tools → Export)")
        wordpress.add_argument("export", type=Path, help="the exported .xml file")
        wordpress.add_argument("--uploads", type=Path, help="a copy of the site's wp-content/uploads folder")
        wordpress.add_argument("--media-base", default="",
                               help="fetch files not in --uploads from here, e.g. https://old.example/wp-content/uploads")
        wordpress.add_argument("--dry-run", action="store_true", help="write nothing; print the same summary")
        wordpress.add_argument("--default-author", metavar="USER", help="byline for posts whose author is unknown")
        wordpress.add_argument("--overwrite", action="store_true",
                               help="also replace what editors changed in newsdesk since the last import")
        wordpress.add_argument("--timeout", type=float, default=10.0, help="seconds per file fetched (default 10)")
        wordpress.add_argument("--no-progress", action="store_true", help="no progress bar")
        restore = sources.add_parser("json", help="a newsdesk export (newsdesk export) into an empty newsdesk")
        restore.add_argument("export", type=Path, help="the .zip, or the .json with its -media folder beside it")

    def handle(self, *args, **options) -> None:
        export: Path = options["export"]
        if not export.is_file():
            raise CommandError(f"No such file: {export}")
        if options["source"] == "json":
            self.restore(export)
            return
        uploads = options["uploads"]
        if uploads is not None and not uploads.is_dir():
            raise CommandError(f"--uploads {uploads} is not a folder.")
        default_author = None
        if options["default_author"]:
            default_author = User.objects.filter(username=options["default_author"]).first()
            if default_author is None:
                raise CommandError(f"--default-author: there is no user {options['default_author']!r}.")
        run = WordPressImport(Options(uploads=uploads, media_base=options["media_base"],
                                      dry_run=options["dry_run"], default_author=default_author,
                                      overwrite=options["overwrite"], fetch_timeout=options["timeout"]))
        show = not options["no_progress"] and sys.stderr.isatty()
        with open(export, "rb") as stream, tqdm(total=os.path.getsize(export), unit="B", unit_scale=True,
                                                 disable=not show, desc="WordPress-Import") as bar:
            def progress(position: int) -> None:
                bar.update(position - bar.n)

            summary = run.run(stream, progress=progress)
        if options["dry_run"]:
            self.stdout.write("Dry run: nothing was written. This is what the import would do:")
        for line in summary.lines():
            self.stdout.write(line)
        if summary.failed:
            raise CommandError("The import did not complete without errors (see above).", returncode=1)
        self.stdout.write(self.style.SUCCESS("Import finished without errors."))

    def restore(self, export: Path) -> None:
        from newsdesk.importers.restore import CannotRestore, restore

        try:
            counts = restore(export)
        except CannotRestore as exc:
            raise CommandError(str(exc), returncode=1) from exc
        for label, n in counts.items():
            self.stdout.write(f"  {label}: {n}")
        self.stdout.write(self.style.SUCCESS("Restored. Users have no password: set one with newsdesk adduser."))
