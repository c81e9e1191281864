"""Static files for production: collected once, hashed and compressed (WhiteNoise), before the server starts."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from whitenoise.storage import CompressedManifestStaticFilesStorage


def manifest_path() -> Path:
    return Path(settings.STATIC_ROOT) / "staticfiles.json"


def ensure_static_collected(stdout=None) -> bool:
    """Run `collectstatic` when DEBUG is off and nothing was collected yet; True when it ran.

    After an upgrade run `newsdesk collectstatic --no-input` yourself: an existing manifest is not checked for
    new files (they are served under their plain names until then).
    """
    if settings.DEBUG or manifest_path().exists():
        return False
    call_command("collectstatic", interactive=False, verbosity=0, stdout=stdout)
    return True


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's hashed and compressed storage, with the plain name for a file nobody has collected yet.

    Django's manifest storage raises (a 500 for the whole page) when a file is neither in the manifest nor in
    STATIC_ROOT: after an upgrade before `collectstatic`, or in a test process that never collects.
    """

    manifest_strict = False

    def stored_name(self, name: str) -> str:
        try:
            return super().stored_name(name)
        except ValueError:
            return name
