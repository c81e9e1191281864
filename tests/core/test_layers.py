"""core is what every app imports: it must import no domain app back (issue 18). Infrastructure apps (caching,
media, realtime, mail, search, related, metrics) deal in keys, channels and plain text and may be used."""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "src" / "newsdesk" / "core"
DOMAIN_APPS = ("accounts", "liveblogs", "articles", "comments", "moderation", "subscriptions", "jobs", "pages",
               "importers")


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_imports_no_domain_app():
    offenders = {
        f"{path.relative_to(CORE)}: {name}"
        for path in CORE.rglob("*.py")
        for name in imported_modules(path)
        if name.split(".")[:2] in (["newsdesk", app] for app in DOMAIN_APPS)
    }
    assert not offenders, sorted(offenders)
