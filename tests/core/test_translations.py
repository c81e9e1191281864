"""The German catalogue (locale/de/LC_MESSAGES/django.po) is the source of truth and complete.

`make messages` runs makemessages, which keeps what translators wrote in Poedit or Weblate. These tests run the
same extraction on a copy of the source tree, so they fail when a template or code string has no German text
(English would reach German pages), when a guess of makemessages ("fuzzy") was left in, or when the committed
catalogue or its compiled .mo lags behind the code.
"""

from __future__ import annotations

import gettext
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import newsdesk
from tests.support.services import unavailable

SOURCE = Path(newsdesk.__file__).resolve().parent
CATALOGUES = sorted(SOURCE.glob("**/locale/de/LC_MESSAGES/django.po"))


def _gettext_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        unavailable(f"{name} (GNU gettext) is not installed")  # a failure under CI=true, as for every service
    return path


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Path:
    """The source tree copied, with makemessages run in it exactly as `make messages` does."""
    _gettext_tool("xgettext")
    copy = tmp_path_factory.mktemp("messages") / "newsdesk"
    shutil.copytree(SOURCE, copy, ignore=shutil.ignore_patterns("__pycache__", "static"))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "newsdesk.settings"}
    env.pop("DATABASE_URL", None)
    result = subprocess.run([sys.executable, "-m", "django", "makemessages", *MAKEMESSAGES_ARGS], cwd=copy,
                            env=env, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    return copy


MAKEMESSAGES_ARGS = ["-l", "de", "--no-obsolete", "--add-location=file"]


def _entries(tool_args: list[str], catalogue: Path) -> str:
    return subprocess.run([_gettext_tool("msgattrib"), *tool_args, str(catalogue)], capture_output=True, text=True,
                          check=True).stdout


def test_the_makefile_extracts_like_this_test():
    makefile = (SOURCE.parents[1] / "Makefile").read_text()
    assert f"makemessages {' '.join(MAKEMESSAGES_ARGS)}" in makefile


def test_every_string_in_code_and_templates_has_a_german_translation(extracted):
    for catalogue in extracted.glob("**/locale/de/LC_MESSAGES/django.po"):
        untranslated = _entries(["--untranslated", "--no-wrap"], catalogue)
        assert "msgid" not in untranslated, f"no German text in {catalogue.relative_to(extracted)}:\n{untranslated}"
        fuzzy = _entries(["--only-fuzzy", "--no-wrap", "--clear-obsolete"], catalogue)
        fuzzy = "\n".join(line for line in fuzzy.splitlines() if line)
        assert "msgid" not in fuzzy.replace('msgid ""\nmsgstr ""', ""), f"a fuzzy guess left in:\n{fuzzy}"


def _body(catalogue: Path) -> str:
    """The catalogue without its creation date, which changes on every run."""
    return "\n".join(line for line in catalogue.read_text(encoding="utf-8").splitlines()
                     if not line.startswith('"POT-Creation-Date:'))


def test_the_committed_catalogues_are_what_make_messages_writes(extracted):
    assert CATALOGUES
    for catalogue in CATALOGUES:
        fresh = extracted / catalogue.relative_to(SOURCE)
        assert _body(fresh) == _body(catalogue), (
            f"{catalogue.relative_to(SOURCE)} is behind the code: run `make messages` and translate what it lists")


def test_the_compiled_catalogues_match_their_source(tmp_path):
    msgfmt = _gettext_tool("msgfmt")
    for catalogue in CATALOGUES:
        compiled = tmp_path / "fresh.mo"
        subprocess.run([msgfmt, "--check-format", "-o", str(compiled), str(catalogue)], check=True)
        with compiled.open("rb") as fresh, catalogue.with_suffix(".mo").open("rb") as committed:
            assert gettext.GNUTranslations(fresh)._catalog == gettext.GNUTranslations(committed)._catalog, (
                f"{catalogue.with_suffix('.mo').relative_to(SOURCE)} is stale: run `make messages`")
