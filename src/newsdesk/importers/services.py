"""Writes of the importers app: redirects (by the import and by admins in the admin)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from newsdesk.core.errors import InvalidInput
from newsdesk.importers.models import Redirect
from newsdesk.importers.redirects import normalize

OLD_PATH_MAX = Redirect._meta.get_field("old_path").max_length


def redirect_save(*, redirect: Redirect) -> Redirect:
    """An old address added or changed by hand: a path on this host, pointing at a path or an http(s) address."""
    redirect_check(redirect=redirect)
    redirect.save()
    return redirect


def redirect_check(*, redirect: Redirect) -> None:
    """Normalises the addresses in place; raises InvalidInput naming the field."""
    old = (redirect.old_path or "").strip()
    new = (redirect.new_path or "").strip()
    if not old.startswith("/"):
        raise InvalidInput(_("The old address must be a path starting with /, e.g. /2024/05/03/hochwasser/."),
                           field="old_path")
    if not (new.startswith("/") and not new.startswith("//")) and not new.startswith(("https://", "http://")):
        raise InvalidInput(_("The new address must be a path on this site (/artikel/…/) or an https:// address."),
                           field="new_path")
    redirect.old_path = normalize(old)
    if redirect.old_path == new:
        raise InvalidInput(_("The old and the new address are the same."), field="new_path")
    if Redirect.objects.filter(old_path=redirect.old_path).exclude(pk=redirect.pk).exists():
        raise InvalidInput(_("There is already a redirect for this old address."), field="old_path")
    redirect.new_path = new


def redirects_set(*, pairs: list[tuple[str, str]], source: str) -> dict[str, str]:
    """Adds or points old addresses (one read, one bulk write); returns each old path's outcome: "created",
    "updated", "unchanged" or "taken" (kept as it was).

    One host serves all imported sites, so when two sites had the same old path, the first one imported keeps
    it (and the import reports the other); a redirect added by hand (no source) is never replaced. Within
    `pairs` the last target for an old path wins.
    """
    wanted: dict[str, str] = {}
    for old, new in pairs:
        old_path = normalize(old)
        if old_path not in {"", "/"} and old_path != new and len(old_path) <= OLD_PATH_MAX:
            wanted[old_path] = new
    if not wanted:
        return {}
    existing = {r.old_path: r for r in Redirect.objects.filter(old_path__in=list(wanted))}
    outcomes: dict[str, str] = {}
    new_rows = []
    for old_path, new in wanted.items():
        found = existing.get(old_path)
        if found is None:
            new_rows.append(Redirect(old_path=old_path, new_path=new, source=source))
            outcomes[old_path] = "created"
        elif found.source != source:
            outcomes[old_path] = "taken"
        elif found.new_path == new:
            outcomes[old_path] = "unchanged"
        else:
            Redirect.objects.filter(pk=found.pk).update(new_path=new)
            outcomes[old_path] = "updated"
    Redirect.objects.bulk_create(new_rows)
    return outcomes
