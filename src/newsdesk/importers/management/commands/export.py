"""`newsdesk export [--format json|wxr] [--output FILE] [--include-personal-data]`: everything the newsroom owns."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from newsdesk.importers.export import export_json, export_wxr


class Command(BaseCommand):
    help = ("Export the whole site: JSON with all content and the image files (a .zip, or a file plus a folder), "
            "or WXR (articles, pages, topics, authors, comments) for WordPress.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--format", choices=("json", "wxr"), default="json")
        parser.add_argument("--output", type=Path,
                            help="file to write (default newsdesk-export-DATE.zip for json, .xml for wxr)")
        parser.add_argument("--include-personal-data", action="store_true",
                            help="also e-mail addresses of users, commenters and subscribers, consent records")

    def handle(self, *args, **options) -> None:
        personal = options["include_personal_data"]
        stamp = timezone.localtime().strftime("%Y-%m-%d")
        output = options["output"] or Path(f"newsdesk-export-{stamp}.{'zip' if options['format'] == 'json' else 'xml'}")
        if output.parent and not output.parent.exists():
            raise CommandError(f"The folder {output.parent} does not exist.")
        if personal:
            self.stdout.write(self.style.WARNING(
                "This export CONTAINS PERSONAL DATA (e-mail addresses, consent records). Keep it safe and delete it "
                "when no longer needed."))
        else:
            self.stdout.write("Without personal data: no e-mail addresses, subscribers or consent records "
                              "(--include-personal-data adds them).")
        if options["format"] == "wxr":
            counts = export_wxr(output, personal_data=personal)
            self.stdout.write(", ".join(f"{n} {kind}" for kind, n in counts.items()) + f" written to {output}")
            return
        counts, files, where = export_json(output, personal_data=personal)
        for label, n in counts.items():
            self.stdout.write(f"  {label}: {n}")
        self.stdout.write(f"{files} image files in {where}")
        self.stdout.write(self.style.SUCCESS(f"Export written to {output}"))
