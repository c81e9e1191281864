"""Loading a newsdesk JSON export (`newsdesk export`) into an empty newsdesk: the way back from the export.

This is a restore of rows that newsdesk's own services validated when they were written, in the manner of
Django's loaddata (rows saved raw, primary keys kept, sequences reset), not an import of foreign content:
it refuses a site that already has content. Restoring comments needs an export made with
`--include-personal-data` (commenters are keyed by their e-mail address).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from django.apps import apps
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import connection, transaction

from newsdesk.importers.export import FORMAT, MODELS


class CannotRestore(Exception):
    pass


CONTENT_MODELS = ("articles.article", "liveblogs.liveblog", "comments.comment", "pages.page", "jobs.jobposting")


def _document(path: Path) -> tuple[dict, zipfile.ZipFile | None, Path | None]:
    if zipfile.is_zipfile(path):
        archive = zipfile.ZipFile(path)
        return json.loads(archive.read("export.json")), archive, None
    with open(path, encoding="utf-8") as stream:
        document = json.load(stream)
    return document, None, path.with_name(path.stem + "-media")


def restore(path: Path) -> dict[str, int]:
    """Rows per model restored; raises CannotRestore with the reason (nothing is written then)."""
    try:
        document, archive, folder = _document(path)
    except (ValueError, KeyError, OSError) as exc:
        raise CannotRestore(f"This is not a newsdesk export: {exc}") from exc
    if document.get("format") != FORMAT:
        raise CannotRestore("This is not a newsdesk export (no \"format\": \"newsdesk-export\").")
    models = document.get("models", {})
    if models.get("comments.comment") and not document.get("personal_data"):
        raise CannotRestore("The export has comments but no personal data: commenters are kept by e-mail "
                            "address. Export again with --include-personal-data.")
    busy = [label for label in CONTENT_MODELS if apps.get_model(label)._default_manager.exists()]
    if busy:
        raise CannotRestore(f"This newsdesk is not empty ({', '.join(busy)}): a restore only goes into an empty one.")
    counts: dict[str, int] = {}
    restored_models = []
    with transaction.atomic():
        for label, _hidden in MODELS:
            rows = models.get(label, [])
            if label == "accounts.user":
                for row in rows:
                    # Passwords are never exported: an unusable one, until `newsdesk adduser` sets a new one.
                    row["fields"]["password"] = UNUSABLE_PASSWORD_PREFIX
            for obj in serializers.deserialize("python", rows, ignorenonexistent=True):
                obj.save()
            counts[label] = len(rows)
            restored_models.append(apps.get_model(label))
        statements = connection.ops.sequence_reset_sql(no_style(), restored_models)
        if statements:
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
    files = 0
    if archive is not None:
        for name in archive.namelist():
            if name.startswith("media/") and not name.endswith("/"):
                default_storage.save(name[len("media/"):], ContentFile(archive.read(name)))
                files += 1
    elif folder is not None and folder.is_dir():
        for file in folder.rglob("*"):
            if file.is_file():
                default_storage.save(str(file.relative_to(folder)), ContentFile(file.read_bytes()))
                files += 1
    counts["files"] = files
    from newsdesk.related.services import rebuild
    from newsdesk.search.services import reindex

    reindex()
    rebuild()
    return counts


